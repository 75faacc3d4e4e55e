import { statSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../findings/language";
import { accountFor, type HandedIn } from "../review/evidenceFiles";
import type { Expected } from "../review/expect";
import { folderEntry } from "../review/submissions";
import { notChecked, unreadable, type FileCheck } from "../review/verdict";
import { checkBytes } from "../xlsx/check";
import type { SchemeSource } from "../xlsx/scoreWorkbook";
import { openSubmissionZip } from "../xlsx/submissionZip";
import { ZipError } from "../xlsx/zip";
import { FileRefused, readRegular } from "./files";
import { listSubmission } from "./submissionFiles";

const inside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
};

/** A path from a submission's root as the core compares them: `/` between folders. */
const fromRoot = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

/**
 * `check`'s evidence files (issues 19, 22): every file the walk found, accounted for once against the folder it was
 * handed in — the folder given on the command line, or a workbook's own folder when it was given by name. The rules
 * are the core's (review/evidenceFiles.ts, `accountFor`); this only says which folder each file came in and lists it.
 */
export function resolveEvidence(positionals: readonly string[], results: readonly FileCheck[], lang: Lang): FileCheck[] {
  const folders = positionals.filter((p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
  const entries: HandedIn[] = results.map((r) => {
    // The innermost folder given that holds it; a file given by name resolves within its own folder.
    const root = folders.filter((f) => inside(f, r.file)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(r.file);
    return { root, path: fromRoot(root, r.file), result: r };
  });
  // Only folders whose workbooks name files are listed (a second read of their files' first bytes).
  const listings = new Map(
    [...new Set(entries.filter((e) => e.result.references !== undefined).map((e) => e.root))].map((root) => [root, listSubmission(root)]),
  );
  return accountFor(entries, listings, lang);
}

/** A .zip given on the command line: a submission checked as the folder it holds. */
export const isZipGiven = (p: string): boolean => {
  if (!/\.zip$/i.test(p)) return false;
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The largest .zip read: a submission with scanned evidence runs to a few hundred MB. */
const MAX_ZIP_BYTES = 512 * 1024 * 1024;

/**
 * A submission zip checked as the folder it holds (issues 19, 22): each entry as the folder walk takes it
 * (review/submissions.ts, `folderEntry`) — a spreadsheet checked as `check` checks a file (`<zip>/<path>` names it),
 * any other file 未检查 unless a workbook names it as evidence (then it is accounted for under that workbook) — and
 * each entry that cannot be unpacked a line of its own. An archive that cannot be read at all is one line.
 */
export function checkZip(zip: string, schemes: SchemeSource, lang: Lang, expected: Expected | undefined): FileCheck[] {
  let opened;
  try {
    opened = openSubmissionZip(readRegular(zip, MAX_ZIP_BYTES));
  } catch (e) {
    if (e instanceof FileRefused || e instanceof ZipError) return [unreadable(zip, e.message)];
    throw e;
  }
  const listing = opened.files.map((f) => ({ path: f.path, size: f.bytes.length, head: f.bytes.subarray(0, 1024) }));
  const entries: HandedIn[] = opened.files.map((f) => {
    const rule = folderEntry(f.path.split("/").pop() ?? "");
    const file = `${zip}/${f.path}`;
    const result = rule.action === "read" ? checkBytes(file, f.bytes, schemes, lang, expected) : notChecked(file, "reason" in rule ? rule.reason : "");
    return { root: zip, path: f.path, result };
  });
  const results = accountFor(entries, new Map([[zip, listing]]), lang);
  if (!entries.some((e) => folderEntry(e.path.split("/").pop() ?? "").action === "read")) results.push(unreadable(zip, "压缩包中没有 .xlsx 工作簿 / no .xlsx workbook in the zip"));
  const refused = opened.refused.map((x) => unreadable(`${zip}/${x.path}`, x.reason));
  return [...results, ...refused];
}
