/**
 * The files of each folder handed to the page, as the evidence check needs them (issue 22): every file's path from
 * the folder, its size and its first bytes — never its whole content, so listing a folder of scanned evidence costs
 * a kilobyte a file. The same tree the walk (walk.ts) visits; the rules that use the listing are the core's
 * (review/evidenceFiles.ts), as the CLI's listing (cli/submissionFiles.ts) feeds them.
 */
import type { Lang } from "../findings/language";
import { HEAD_BYTES, MAX_LISTED_FILES, resolveSubmission, type SubmittedFile } from "../review/evidenceFiles";
import type { FileCheck } from "../review/verdict";
import type { Handed } from "./walk";

/** One folder handed over (by its name, as the walk names its files: `提交/自评估表.xlsx`) and its files. */
export interface ListedFolder {
  folder: string;
  files: SubmittedFile[];
}

/** A file's size and first bytes, or null when it cannot be opened (it is then not there, as the CLI lists it). */
async function headOf(open: () => Promise<File>): Promise<{ size: number; head: Uint8Array } | null> {
  try {
    const file = await open();
    return { size: file.size, head: new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()) };
  } catch {
    return null;
  }
}

/** The files below each folder in `handed`; files handed by name belong to no folder and are not listed. */
export async function listFolders(handed: readonly Handed[]): Promise<ListedFolder[]> {
  const out: ListedFolder[] = [];
  for (const h of handed) {
    if (h.kind !== "folder") continue;
    const files: SubmittedFile[] = [];
    const walk = async (dir: Extract<Handed, { kind: "folder" }>, rel: string): Promise<void> => {
      let entries: Handed[];
      try {
        entries = await dir.list();
      } catch {
        return; // The walk reports a folder it cannot list.
      }
      for (const e of entries) {
        if (files.length >= MAX_LISTED_FILES) return;
        const path = rel === "" ? e.name : `${rel}/${e.name}`;
        if (e.kind === "folder") await walk(e, path);
        else {
          const h = await headOf(e.open);
          if (h !== null) files.push({ path, ...h });
        }
      }
    };
    await walk(h, "");
    out.push({ folder: h.name, files });
  }
  return out;
}

/** Files of a submission that no clause of its workbooks names (as `check` lists them: per folder or zip). */
export interface Unnamed {
  folder: string;
  files: string[];
}

/**
 * Each folder's workbooks with their evidence resolved against the folder's files, in the results' order, and per
 * folder the files no clause names. A workbook handed by name belongs to no folder the page can see: its named
 * files are not resolved (the page says to hand in the folder or the zip).
 */
export function resolveFolders(results: readonly FileCheck[], folders: readonly ListedFolder[], lang: Lang): { results: FileCheck[]; unnamed: Unnamed[] } {
  const out = [...results];
  const unnamed: Unnamed[] = [];
  for (const { folder, files } of folders) {
    const prefix = `${folder}/`;
    const at = out.flatMap((r, i) => (r.file.startsWith(prefix) ? [i] : []));
    const resolved = resolveSubmission(
      at.map((i) => out[i] as FileCheck),
      (r) => r.file.slice(prefix.length),
      files,
      lang,
    );
    at.forEach((i, k) => (out[i] = resolved.results[k] as FileCheck));
    if (resolved.unnamed.length > 0) unnamed.push({ folder, files: resolved.unnamed });
  }
  return { results: out, unnamed };
}
