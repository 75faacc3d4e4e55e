/**
 * The folder walk in a browser: what the reviewer chose or dropped, listed as `starscore check` lists a folder —
 * the walk's rule per entry and its order are review/submissions.ts's, the reasons review/refusals.ts's. Three ways
 * in, one shape (`Handed`): files and folders dropped (webkitGetAsEntry: Chromium, Edge, Firefox), a folder chosen
 * with <input webkitdirectory> (all three) or with showDirectoryPicker (Chromium, Edge).
 */
import { IS_FOLDER, unreadableFolder } from "../review/refusals";
import { folderEntry, walkOrder } from "../review/submissions";

/** What a browser calls an error it throws (a DOMException's name: NotFoundError, NotReadableError, SecurityError). */
export const errorName = (e: unknown): string => (typeof e === "object" && e !== null && typeof (e as { name?: unknown }).name === "string" ? (e as { name: string }).name : String(e));

/** A file or folder as the browser hands it over. */
export type Handed = { name: string; kind: "file"; open: () => Promise<File> } | { name: string; kind: "folder"; list: () => Promise<Handed[]> };

/**
 * A file to check, named by its path from what was chosen (as the CLI names it from where it ran); or why not
 * (无法读取); or a file the check does not read (a PDF, a picture: 未检查), with what it is.
 */
export type Submission =
  | { name: string; refused?: undefined; notChecked?: undefined; open: () => Promise<File> }
  | { name: string; refused: string; notChecked?: undefined }
  | { name: string; refused?: undefined; notChecked: string };

/**
 * Every file in what was handed over, in the CLI's order: files chosen by name are checked whatever they are
 * called; in a folder, each entry as the walk's rule says (read, walked into, refused, or listed as not checked).
 * A folder that cannot be listed is a line of its own; the walk goes on.
 */
export async function submissions(handed: readonly Handed[]): Promise<Submission[]> {
  const found: Submission[] = [];
  const folder = async (dir: Extract<Handed, { kind: "folder" }>, path: string) => {
    let entries: Handed[];
    try {
      entries = await dir.list();
    } catch (e) {
      found.push({ name: path, refused: unreadableFolder(errorName(e)) });
      return;
    }
    for (const entry of [...entries].sort((a, b) => walkOrder(a.name, b.name))) {
      const at = `${path}/${entry.name}`;
      // Every entry is accounted for, as the CLI's walk accounts for it (review/submissions.ts, folderEntry).
      const rule = folderEntry(entry.name, entry.kind === "folder");
      if (rule.action === "walk" && entry.kind === "folder") await folder(entry, at);
      else if (rule.action === "read") found.push(entry.kind === "file" ? { name: at, open: entry.open } : { name: at, refused: IS_FOLDER });
      else if (rule.action === "refuse") found.push({ name: at, refused: rule.reason });
      else if (rule.action === "list") found.push({ name: at, notChecked: rule.reason });
    }
  };
  for (const h of [...handed].sort((a, b) => walkOrder(a.name, b.name))) {
    if (h.kind === "folder") await folder(h, h.name);
    else found.push({ name: h.name, open: h.open });
  }
  return found;
}

/** Files chosen with <input type="file" multiple>: each one as named. */
export function chosenFiles(files: readonly File[]): Handed[] {
  return files.map((f) => ({ name: f.name, kind: "file", open: () => Promise.resolve(f) }));
}

/**
 * A folder chosen with <input webkitdirectory>: the browser lists its files (not its folders) with their paths
 * from the chosen folder's name; the tree is rebuilt from them. (An empty folder is not listed, so it is not seen.)
 */
export function chosenFolder(files: readonly File[]): Handed[] {
  type Node = { folders: Map<string, Node>; files: File[] };
  const root: Node = { folders: new Map(), files: [] };
  for (const f of files) {
    const parts = (f.webkitRelativePath || f.name).split("/");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = node.folders.get(part);
      if (child === undefined) node.folders.set(part, (child = { folders: new Map(), files: [] }));
      node = child;
    }
    node.files.push(f);
  }
  const handed = (node: Node): Handed[] => [
    ...[...node.folders].map(([name, child]): Handed => ({ name, kind: "folder", list: () => Promise.resolve(handed(child)) })),
    ...chosenFiles(node.files),
  ];
  return handed(root);
}

/** What a drop hands over (FileSystemEntry, as Chromium, Edge and Firefox give it). */
function fromEntry(entry: FileSystemEntry): Handed {
  if (entry.isDirectory) {
    const dir = entry as FileSystemDirectoryEntry;
    return {
      name: dir.name,
      kind: "folder",
      list: async () => {
        // readEntries answers in batches (Chromium: 100 at a time) until it answers none.
        const reader = dir.createReader();
        const all: Handed[] = [];
        for (;;) {
          const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
          if (batch.length === 0) return all;
          all.push(...batch.map(fromEntry));
        }
      },
    };
  }
  const file = entry as FileSystemFileEntry;
  return { name: file.name, kind: "file", open: () => new Promise<File>((resolve, reject) => file.file(resolve, reject)) };
}

/** The files and folders of a drop. The entries must be taken while the drop event runs, so this is synchronous. */
export function dropped(transfer: DataTransfer): Handed[] {
  const out: Handed[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== "file") continue;
    const entry = item.webkitGetAsEntry();
    if (entry !== null) out.push(fromEntry(entry));
    else {
      const f = item.getAsFile();
      if (f !== null) out.push(...chosenFiles([f]));
    }
  }
  return out;
}

/** The File System Access API's folder handle (Chromium, Edge): its entries, as the DOM library types them not yet. */
interface DirectoryHandle {
  kind: "directory";
  name: string;
  values(): AsyncIterable<DirectoryHandle | FileHandle>;
}
interface FileHandle {
  kind: "file";
  name: string;
  getFile(): Promise<File>;
}

/** A folder chosen with showDirectoryPicker. */
export function pickedFolder(handle: DirectoryHandle): Handed {
  return {
    name: handle.name,
    kind: "folder",
    list: async () => {
      const all: Handed[] = [];
      for await (const h of handle.values()) all.push(h.kind === "directory" ? pickedFolder(h) : { name: h.name, kind: "file", open: () => h.getFile() });
      return all;
    },
  };
}

/** showDirectoryPicker where the browser has it (Chromium, Edge), else undefined (Firefox: the webkitdirectory input). */
export function directoryPicker(): (() => Promise<DirectoryHandle>) | undefined {
  const picker = (window as { showDirectoryPicker?: (o?: { mode: "read" }) => Promise<DirectoryHandle> }).showDirectoryPicker;
  return picker === undefined ? undefined : () => picker.call(window, { mode: "read" });
}
