/**
 * The files of each folder handed to the page, as the evidence check needs them (issue 22): every file's path from
 * the folder, its size and its first bytes — never its whole content, so listing a folder of scanned evidence costs
 * a kilobyte a file. The same tree the walk (walk.ts) visits; the rules that use the listing are the core's
 * (review/evidenceFiles.ts), as the CLI's listing (cli/submissionFiles.ts) feeds them.
 */
import type { Lang } from "../findings/language";
import { accountFor, HEAD_BYTES, MAX_LISTED_FILES, type HandedIn, type SubmittedFile } from "../review/evidenceFiles";
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

/** The files below each folder in `handed` (those named in `only`); files handed by name belong to no folder. */
export async function listFolders(handed: readonly Handed[], only?: ReadonlySet<string>): Promise<ListedFolder[]> {
  const out: ListedFolder[] = [];
  for (const h of handed) {
    if (h.kind !== "folder" || (only !== undefined && !only.has(h.name))) continue;
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

/**
 * Every file of the folders handed over accounted for once (review/evidenceFiles.ts, `accountFor`, as `starscore
 * check` does): each workbook's evidence resolved against its folder's files (`listed`), a file it names (未检查: a
 * PDF, a picture) no line of its own but one of its `evidenceFiles`. A file handed by name belongs to no folder the
 * page can see: its named files are not resolved (the page asks for the folder or the zip), and it stays as it is.
 */
export function accountForFolders(results: readonly FileCheck[], listed: readonly ListedFolder[], lang: Lang): FileCheck[] {
  const folders = new Set(listed.map((f) => f.folder));
  const rootOf = (file: string) => {
    const at = file.indexOf("/");
    return at > 0 && folders.has(file.slice(0, at)) ? file.slice(0, at) : null;
  };
  const loose = new Map<FileCheck, FileCheck>();
  const entries: HandedIn[] = results.map((r) => {
    const root = rootOf(r.file);
    if (root !== null) return { root, path: r.file.slice(root.length + 1), result: r };
    // Nothing to resolve it against: it goes through as it is (accountFor hands back what it was given).
    const stripped: FileCheck = { ...r };
    delete stripped.references;
    loose.set(stripped, r);
    return { root: "", path: r.file, result: stripped };
  });
  return accountFor(entries, new Map(listed.map((f) => [f.folder, f.files])), lang).map((r) => loose.get(r) ?? r);
}

/** The names of the folders handed over whose workbooks name files: only these are listed (their files' first bytes read). */
export function foldersNaming(results: readonly FileCheck[]): Set<string> {
  return new Set(results.filter((r) => r.references !== undefined && r.file.includes("/")).map((r) => r.file.slice(0, r.file.indexOf("/"))));
}
