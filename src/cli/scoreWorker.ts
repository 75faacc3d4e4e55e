// A worker thread of `starscore score` (and report, compare) for a workbook: reads and scores it, so that the
// command can stop a file that takes longer than its time limit, as `check` does.
import { parentPort, workerData } from "node:worker_threads";
import { scoreXlsx } from "../xlsx/scoreWorkbook";
import { readRegular } from "./files";
import { loadScheme } from "./schemeFiles";

const { file } = workerData as { file: string };
try {
  const r = scoreXlsx(readRegular(file), { get: loadScheme }, file);
  parentPort?.postMessage({ ok: true, schemeId: r.scheme.id, assessment: r.assessment, card: r.card, workbook: { sheet: r.sheet.name, sheetTotal: r.sheetTotal, sheetLevel: r.sheetLevel } });
} catch (e) {
  // The errors a command reports in one line travel by name; anything else is an internal error.
  parentPort?.postMessage({ ok: false, name: e instanceof Error ? e.name : "Error", message: e instanceof Error ? e.message : String(e), missing: (e as { missing?: boolean }).missing === true });
}
