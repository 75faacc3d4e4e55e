import { statSync } from "node:fs";
import path from "node:path";
import type { MaterialsSource } from "../report/materials";
import { MAX_ZIP_BYTES } from "../review/refusals";
import { isSubmission } from "../review/submissions";
import type { SchemeSource } from "../xlsx/scoreWorkbook";
import { parseAssessment } from "../scoring/assessment";
import { NoSelfAssessment, selfFromAssessment, selfFromSubmission, selfFromWorkbook, selfFromZip } from "../xlsx/selfSubmission";
import { sniffXlsx } from "../xlsx/sniff";
import { FileRefused, readRegular } from "./files";
import { UsageError } from "./io";
import { listSubmission } from "./submissionFiles";

/**
 * The self-assessment whose 证明材料清单 a report lists (issue 22 item 4), from what the reviewer names: a workbook
 * (its files are its folder's, as `check` resolves a workbook given by name), its assessment JSON (file names not
 * checked), a submission folder, or a .zip. A name that gives none is a usage error saying why. Adapter only: finding the workbook and resolving files is the core's.
 */
export function selfSource(given: string, schemes: SchemeSource): MaterialsSource {
  let folder: boolean;
  try {
    folder = statSync(given).isDirectory();
  } catch {
    throw new UsageError(`--self ${given}: no such file or folder`);
  }
  try {
    if (/\.zip$/i.test(given) && !folder) return selfFromZip(given, readRegular(given, MAX_ZIP_BYTES), schemes);
    if (!folder) {
      const bytes = readRegular(given);
      // What the file is comes from its content, as for the report's own file (scoredFile.ts): JSON is an assessment.
      const sniff = sniffXlsx(bytes, undefined, given);
      if (!sniff.ok && sniff.kind === "json") return selfFromAssessment(given, parseAssessment(Buffer.from(bytes).toString("utf8"), given), schemes);
      const root = path.dirname(given);
      return selfFromWorkbook(given, bytes, root, listSubmission(root), schemes);
    }
    const files = listSubmission(given);
    // A workbook of the folder that cannot be read (too large, not a file) is not the self-assessment.
    const workbooks = files.filter((f) => isSubmission(path.basename(f.path))).flatMap((f) => {
      try {
        return [{ path: f.path, bytes: new Uint8Array(readRegular(path.join(given, f.path))) }];
      } catch (e) {
        if (e instanceof FileRefused) return [];
        throw e;
      }
    });
    return selfFromSubmission(given, workbooks, files, schemes);
  } catch (e) {
    if (e instanceof NoSelfAssessment || e instanceof FileRefused) throw new UsageError(`--self ${e.message}`);
    throw e;
  }
}
