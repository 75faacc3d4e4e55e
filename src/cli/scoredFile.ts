import { Worker } from "node:worker_threads";
import type { Scheme } from "../scheme/load";
import { parseAssessment, type Assessment } from "../scoring/assessment";
import { scoreAssessment } from "../scoring/scoreAssessment";
import { WorkbookError } from "../xlsx/saved";
import { sniffXlsx } from "../xlsx/sniff";
import { readBytes, shownName } from "./files";
import { timedOut } from "../review/refusals";
import { schemeById, UsageError } from "./io";
import { workerScript } from "./workerScript";
import type { ScoreCard } from "../scoring/card";

/** An assessment read from a file and scored: what `score`, `report` and `compare` start from. */
export interface ScoredFile {
  scheme: Scheme;
  assessment: Assessment;
  card: ScoreCard;
  /** Set for a workbook: its sheet and the total and level the workbook itself saved. */
  workbook: { sheet: string; sheetTotal: number | null; sheetLevel: string | null } | null;
}

type Answer =
  | { ok: true; schemeId: string; assessment: Assessment; card: ScoreCard; workbook: NonNullable<ScoredFile["workbook"]> }
  | { ok: false; name: string; message: string; missing: boolean };

/** A workbook read and scored on a worker thread, stopped when it takes longer than `timeoutMs` (as `check` does). */
function scoreWorkbookFile(file: string, timeoutMs: number): Promise<ScoredFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript("scoreWorker"), { workerData: { file } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new UsageError(`${shownName(file)}: ${timedOut(timeoutMs)}`));
    }, timeoutMs);
    worker.once("message", (a: Answer) => {
      clearTimeout(timer);
      void worker.terminate();
      if (a.ok) resolve({ scheme: schemeById(a.schemeId), assessment: a.assessment, card: a.card, workbook: a.workbook });
      else if (a.name === "WorkbookError") reject(new WorkbookError(`${shownName(file)}: 无法读取：${a.message}`));
      else if (a.name === "FileRefused") reject(new UsageError(`${shownName(file)}: ${a.missing ? "no such file" : `cannot be read (${a.message})`}`));
      else reject(new Error(a.message));
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/**
 * Reads assessment JSON or a StarScore workbook and scores it; a workbook within `timeoutMs`. What the file is comes
 * from its content, not its name: JSON is an assessment, anything else is read as a workbook, and what is not one
 * (an .xls, .ods, .et, CSV, a PDF …) is refused with the check's reason and advice (exit 2).
 */
export async function readScored(file: string, timeoutMs = 20_000): Promise<ScoredFile> {
  const bytes = readBytes(file);
  const sniff = sniffXlsx(bytes, undefined, file);
  if (sniff.ok || sniff.kind !== "json") return scoreWorkbookFile(file, timeoutMs);
  const assessment = parseAssessment(Buffer.from(bytes).toString("utf8"), file);
  const scheme = schemeById(assessment.scheme);
  return { scheme, assessment, card: scoreAssessment(scheme, assessment), workbook: null };
}
