import type { Lang } from "../findings/language";
import { HEAD_BYTES, resolveSubmission } from "../review/evidenceFiles";
import type { Expected } from "../review/expect";
import { isSubmission } from "../review/submissions";
import { unreadable, type FileCheck } from "../review/verdict";
import { checkBytes } from "./check";
import type { SchemeSource } from "./scoreWorkbook";
import { openSubmissionZip } from "./submissionZip";
import { ZipError } from "./zip";

/** The largest .zip read: a submission with scanned evidence runs to a few hundred MB. */
export const MAX_ZIP_BYTES = 512 * 1024 * 1024;

/** A zip's check: a result per workbook and per entry refused (in the zip's order), and the files no clause names. */
export interface ZipCheck {
  results: FileCheck[];
  unnamed: string[];
}

/**
 * A submission zip checked as the folder it holds (issue 22): each workbook in it checked as `check` checks a file
 * (`<zip>/<path>` names it), its evidence resolved against the zip's own files, the files no clause names listed,
 * and each entry that cannot be unpacked a line of its own. An archive that cannot be read at all is one line.
 * Pure: the CLI hands it the .zip's bytes from disk, the workbench a dropped file's.
 */
export function checkSubmissionZip(zip: string, bytes: Uint8Array, schemes: SchemeSource, lang: Lang, expected: Expected | undefined): ZipCheck {
  let opened;
  try {
    opened = openSubmissionZip(bytes);
  } catch (e) {
    if (e instanceof ZipError) return { results: [unreadable(zip, e.message)], unnamed: [] };
    throw e;
  }
  const listing = opened.files.map((f) => ({ path: f.path, size: f.bytes.length, head: f.bytes.subarray(0, HEAD_BYTES) }));
  const workbooks = opened.files.filter((f) => isSubmission(f.path.split("/").pop() ?? ""));
  const inZip = new Map(workbooks.map((f) => [`${zip}/${f.path}`, f.path]));
  const checked = workbooks.map((f) => checkBytes(`${zip}/${f.path}`, f.bytes, schemes, lang, expected));
  const { results, unnamed } = resolveSubmission(checked, (r) => inZip.get(r.file) ?? r.file, listing, lang);
  if (workbooks.length === 0) results.push(unreadable(zip, "压缩包中没有 .xlsx 工作簿 / no .xlsx workbook in the zip"));
  const refused = opened.refused.map((x) => unreadable(`${zip}/${x.path}`, x.reason));
  return { results: [...results, ...refused], unnamed };
}
