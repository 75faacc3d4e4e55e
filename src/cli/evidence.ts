import { statSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../findings/language";
import { accountFor, type HandedIn } from "../review/evidenceFiles";
import type { Expected } from "../review/expect";
import { unreadable, type FileCheck } from "../review/verdict";
import { MAX_ZIP_BYTES } from "../review/refusals";
import { checkSubmissionZip } from "../xlsx/checkSubmissionZip";
import type { SchemeSource } from "../xlsx/scoreWorkbook";
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

/** A .zip given on the command line, read from disk and checked as the folder it holds (xlsx/checkSubmissionZip.ts). */
export function checkZip(zip: string, schemes: SchemeSource, lang: Lang, expected: Expected | undefined): FileCheck[] {
  let bytes;
  try {
    bytes = readRegular(zip, MAX_ZIP_BYTES);
  } catch (e) {
    if (e instanceof FileRefused) return [unreadable(zip, e.message)];
    throw e;
  }
  return checkSubmissionZip(zip, bytes, schemes, lang, expected);
}
