import { safePath } from "../review/evidenceFiles";
import { inflateEntry, zipEntries, ZipError, type Budget, type ZipEntry } from "./zip";

/**
 * A submission handed in as one .zip (issue 22): the workbook and its evidence, checked as the folder it holds.
 * Read with the reader's own zip code (zip.ts: the directory against each local header, every entry inflated no
 * further than its declared size, exact size and CRC-32) and within caps of its own, since evidence is larger than
 * a workbook's XML. Pure: the CLI reads the .zip's bytes, a browser the dropped file's.
 */

export interface SubmissionLimits {
  maxEntries: number;
  /** One file's size unpacked: as large as a file the CLI reads from a folder. */
  maxFileBytes: number;
  /** All files unpacked together. */
  maxTotalBytes: number;
}

export const SUBMISSION_LIMITS: SubmissionLimits = { maxEntries: 5_000, maxFileBytes: 64 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

/** A file of the archive: its path inside it (`/` between folders) and its bytes. */
export interface ZippedFile {
  path: string;
  bytes: Uint8Array;
}

/** An entry that is not taken, with the reviewer's reason (a line of the report; the rest is still checked). */
export interface RefusedEntry {
  path: string;
  reason: string;
}

/** The UTF-8 flag (general purpose bit 11, APPNOTE 4.4.4): without it, Windows' own zip writes names in the system code page. */
const UTF8_NAMES = 0x800;
const UTF8 = new TextDecoder("utf-8");
/** GBK (code page 936), which simplified-Chinese Windows' "send to compressed folder" writes; browsers and Node know it. */
const GBK = new TextDecoder("gbk");

/** An entry's name as the program that wrote it meant it: UTF-8 where the flag says so, or pure ASCII; else GBK. */
export function entryName(e: Pick<ZipEntry, "flags" | "rawName">): string {
  const ascii = e.rawName.every((b) => b < 0x80);
  return (e.flags & UTF8_NAMES) !== 0 || ascii ? UTF8.decode(e.rawName) : GBK.decode(e.rawName);
}

/** Folders and the metadata macOS adds to a zip (`__MACOSX/`, `._name`): not files of the submission. */
const isNoise = (path: string) => path.startsWith("__MACOSX/") || /(^|\/)\._[^/]*$/.test(path) || /(^|\/)\.DS_Store$/.test(path);

/**
 * The files of a submission zip, and the entries refused with their reason. Throws ZipError only when the archive
 * itself cannot be read (no directory, truncated, zip64, too many entries); one bad entry is a line, and the rest go on.
 */
export function openSubmissionZip(bytes: Uint8Array, limits: SubmissionLimits = SUBMISSION_LIMITS): { files: ZippedFile[]; refused: RefusedEntry[] } {
  const entries = zipEntries(bytes, limits.maxEntries);
  const budget: Budget = { left: limits.maxTotalBytes };
  const files: ZippedFile[] = [];
  const refused: RefusedEntry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const name = entryName(e);
    if (name.endsWith("/") || name.endsWith("\\")) continue;
    const path = safePath(name);
    if (path === null) {
      refused.push({ path: name, reason: "路径指向压缩包以外（绝对路径或 ..），未解压 / path outside the archive, not unpacked" });
      continue;
    }
    if (isNoise(path)) continue;
    const key = path.normalize("NFC").toLowerCase();
    if (seen.has(key)) {
      refused.push({ path, reason: "压缩包中有同名文件（Windows 不区分大小写），未解压 / a second entry of the same name, not unpacked" });
      continue;
    }
    seen.add(key);
    try {
      files.push({ path, bytes: inflateEntry(bytes, e, limits.maxFileBytes, budget) });
    } catch (err) {
      if (!(err instanceof ZipError)) throw err;
      refused.push({ path, reason: err.message });
    }
  }
  return { files, refused };
}
