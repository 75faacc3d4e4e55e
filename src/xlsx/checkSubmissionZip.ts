import type { Lang } from "../findings/language";
import { accountFor, submittedFile, type HandedIn } from "../review/evidenceFiles";
import type { Expected } from "../review/expect";
import { folderEntry } from "../review/submissions";
import { notChecked, unreadable, type FileCheck } from "../review/verdict";
import { checkBytes } from "./check";
import type { SchemeSource } from "./scoreWorkbook";
import { openSubmissionZip } from "./submissionZip";
import { ZipError } from "./zip";

/**
 * A submission zip checked as the folder it holds (issues 19, 22): each entry as the folder walk takes it
 * (review/submissions.ts, `folderEntry`) — a spreadsheet checked as `check` checks a file (`<zip>/<path>` names it),
 * any other file 未检查 unless a workbook names it as evidence (then it is accounted for under that workbook) — and
 * each entry that cannot be unpacked a line of its own. An archive that cannot be read at all is one line.
 * Pure: the CLI hands it the .zip's bytes from disk, the workbench's worker a dropped file's.
 */
export function checkSubmissionZip(zip: string, bytes: Uint8Array, schemes: SchemeSource, lang: Lang, expected: Expected | undefined): FileCheck[] {
  let opened;
  try {
    opened = openSubmissionZip(bytes);
  } catch (e) {
    if (e instanceof ZipError) return [unreadable(zip, e.message)];
    throw e;
  }
  const listing = opened.files.map((f) => submittedFile(f.path, f.bytes));
  let workbooks = 0;
  const entries: HandedIn[] = opened.files.map((f) => {
    const rule = folderEntry(f.path.split("/").pop() ?? "");
    const file = `${zip}/${f.path}`;
    if (rule.action === "read") workbooks += 1;
    const result = rule.action === "read" ? checkBytes(file, f.bytes, schemes, lang, expected) : notChecked(file, "reason" in rule ? rule.reason : "");
    return { root: zip, path: f.path, result };
  });
  const results = accountFor(entries, new Map([[zip, listing]]), lang);
  if (workbooks === 0) results.push(unreadable(zip, "压缩包中没有 .xlsx 工作簿 / no .xlsx workbook in the zip"));
  const refused = opened.refused.map((x) => unreadable(`${zip}/${x.path}`, x.reason));
  return [...results, ...refused];
}
