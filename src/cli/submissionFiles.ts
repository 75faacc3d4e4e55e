import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from "node:fs";
import path from "node:path";
import type { SubmittedFile } from "../review/evidenceFiles";

/** Files listed from one submission's folder: far more than any submission holds, so a wrong folder cannot run on. */
const MAX_FILES = 20_000;
/** Bytes read from the start of each file: enough for every signature review/evidenceFiles.ts sniffs. */
const HEAD_BYTES = 1024;

/** A regular file's size and first bytes, or null when it cannot be opened as one (it is then listed as not there). */
function headOf(file: string): { size: number; head: Uint8Array } | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
    let read = 0;
    while (read < head.length) {
      const n = readSync(fd, head, read, head.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { size: stat.size, head: new Uint8Array(head.subarray(0, read)) };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The files of a submission's folder, each with its path from `root` (`/` between folders), size and first bytes:
 * what the evidence's file names are resolved against. Links are not followed — a link may point anywhere on the
 * reviewer's disk, and what counts is what was handed in — and names that are not UTF-8 are left to the check's
 * own walk, which reports them. Adapter only: the rules are the core's (review/evidenceFiles.ts).
 */
export function listSubmission(root: string): SubmittedFile[] {
  const out: SubmittedFile[] = [];
  const walk = (dir: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= MAX_FILES) return;
      const full = path.join(dir, name);
      const relative = rel === "" ? name : `${rel}/${name}`;
      let stat;
      try {
        stat = lstatSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) walk(full, relative);
      else if (stat.isFile()) {
        const h = headOf(full);
        if (h !== null) out.push({ path: relative, ...h });
      }
    }
  };
  walk(root, "");
  return out;
}
