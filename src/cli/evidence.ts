import { statSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../findings/language";
import { resolveReferences, unnamedFiles, withEvidenceFiles } from "../review/evidenceFiles";
import type { Expected } from "../review/expect";
import { isSubmission } from "../review/submissions";
import { unreadable, type FileCheck } from "../review/verdict";
import { checkBytes } from "../xlsx/check";
import type { SchemeSource } from "../xlsx/scoreWorkbook";
import { openSubmissionZip } from "../xlsx/submissionZip";
import { ZipError } from "../xlsx/zip";
import { FileRefused, readRegular } from "./files";
import { listSubmission } from "./submissionFiles";

/** Files of a checked folder that no clause of its workbooks names. */
export interface Unnamed {
  folder: string;
  files: string[];
}

const inside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
};

/**
 * `check`'s evidence files (issue 22): each workbook's named files resolved against the folder it was handed in —
 * the folder given on the command line, or a workbook's own folder when it was given by name — and, per folder given,
 * the files no clause names. The rules are the core's (review/evidenceFiles.ts); this only lists folders.
 */
export function resolveEvidence(positionals: readonly string[], results: readonly FileCheck[], lang: Lang): { results: FileCheck[]; unnamed: Unnamed[] } {
  const roots = positionals.map((p) => {
    try {
      return { given: p, folder: statSync(p).isDirectory() };
    } catch {
      return { given: p, folder: false };
    }
  });
  const listings = new Map<string, ReturnType<typeof listSubmission>>();
  const listing = (root: string) => {
    let l = listings.get(root);
    if (l === undefined) listings.set(root, (l = listSubmission(root)));
    return l;
  };
  const named = new Map<string, Set<string>>();
  const out = results.map((r) => {
    if (r.references === undefined) return r;
    // The innermost folder given that holds it; a workbook given by name resolves within its own folder.
    const root = roots.filter((x) => x.folder && inside(x.given, r.file)).sort((a, b) => b.given.length - a.given.length)[0]?.given ?? path.dirname(r.file);
    const resolved = resolveReferences(path.relative(root, r.file).split(path.sep).join("/"), r.references, listing(root));
    const seen = named.get(root) ?? new Set<string>();
    for (const k of resolved.named) seen.add(k);
    named.set(root, seen);
    return withEvidenceFiles(r, resolved.findings, lang);
  });
  const unnamed = roots
    .filter((x) => x.folder)
    .map((x) => {
      const workbooks = results.filter((r) => inside(x.given, r.file)).map((r) => path.relative(x.given, r.file).split(path.sep).join("/"));
      return { folder: x.given, files: unnamedFiles(listing(x.given), workbooks, named.get(x.given) ?? new Set()) };
    })
    .filter((u) => u.files.length > 0);
  return { results: out, unnamed };
}

/** The lines `check` prints for files no clause names: the first 30 of each folder, then how many more. */
export function unnamedLines(unnamed: readonly Unnamed[], lang: Lang): string[] {
  return unnamed.flatMap((u) => [
    lang === "en" ? `Files no clause names, in ${u.folder} (${u.files.length}):` : `未被任何条款引用的文件，在 ${u.folder}（${u.files.length} 个）：`,
    ...u.files.slice(0, 30).map((f) => `  ${f}`),
    ...(u.files.length > 30 ? [lang === "en" ? `  … and ${u.files.length - 30} more` : `  ……另有 ${u.files.length - 30} 个`] : []),
  ]);
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
 * A submission zip checked as the folder it holds (issue 22): each workbook in it checked as `check` checks a file
 * (`<zip>/<path>` names it), its evidence resolved against the zip's own files, the files no clause names listed,
 * and each entry that cannot be unpacked a line of its own. An archive that cannot be read at all is one line.
 */
export function checkZip(zip: string, schemes: SchemeSource, lang: Lang, expected: Expected | undefined): { results: FileCheck[]; unnamed: Unnamed[] } {
  let opened;
  try {
    opened = openSubmissionZip(readRegular(zip, MAX_ZIP_BYTES));
  } catch (e) {
    if (e instanceof FileRefused || e instanceof ZipError) return { results: [unreadable(zip, e.message)], unnamed: [] };
    throw e;
  }
  const listing = opened.files.map((f) => ({ path: f.path, size: f.bytes.length, head: f.bytes.subarray(0, 1024) }));
  const workbooks = opened.files.filter((f) => isSubmission(f.path.split("/").pop() ?? ""));
  const named = new Set<string>();
  const results = workbooks.map((f) => {
    const r = checkBytes(`${zip}/${f.path}`, f.bytes, schemes, lang, expected);
    if (r.references === undefined) return r;
    const resolved = resolveReferences(f.path, r.references, listing);
    for (const k of resolved.named) named.add(k);
    return withEvidenceFiles(r, resolved.findings, lang);
  });
  if (workbooks.length === 0) results.push(unreadable(zip, "压缩包中没有 .xlsx 工作簿 / no .xlsx workbook in the zip"));
  const refused = opened.refused.map((x) => unreadable(`${zip}/${x.path}`, x.reason));
  const files = unnamedFiles(listing, workbooks.map((w) => w.path), named);
  return { results: [...results, ...refused], unnamed: files.length > 0 ? [{ folder: zip, files }] : [] };
}
