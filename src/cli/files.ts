import { closeSync, constants, fstatSync, openSync, readSync, statSync, writeFileSync, type Stats } from "node:fs";
import { IS_FOLDER, MAX_FILE_BYTES, tooLarge } from "../review/refusals";
import { UsageError } from "./io";

/** A file StarScore will not read, with the one-line reason (无法读取：…). */
export class FileRefused extends Error {
  override name = "FileRefused";
  constructor(
    message: string,
    readonly missing = false,
  ) {
    super(message);
  }
}

const KIND: [(s: Stats) => boolean, string][] = [
  [(s) => s.isDirectory(), IS_FOLDER],
  [(s) => s.isFIFO(), "是管道（FIFO），不是文件 / a FIFO, not a file"],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), "是设备，不是文件 / a device, not a file"],
  [(s) => s.isSocket(), "是套接字，不是文件 / a socket, not a file"],
];

function refusal(e: unknown): FileRefused {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? new FileRefused("文件不存在 / no such file", true) : new FileRefused(`无法打开文件 / cannot open (${code ?? String(e)})`);
}

function checkKind(stat: Stats, maxBytes: number): void {
  const kind = KIND.find(([is]) => is(stat));
  if (kind !== undefined) throw new FileRefused(kind[1]);
  if (!stat.isFile()) throw new FileRefused("不是普通文件 / not a regular file");
  if (stat.size > maxBytes) throw new FileRefused(tooLarge(stat.size, maxBytes));
}

/**
 * A regular file's bytes, at most `maxBytes`. What it is and how large is asked before it is opened, and again
 * of the open file (it may have been swapped in between); it is opened without blocking, so a FIFO never hangs
 * the run, and read no further than the size it had: a device or a growing file cannot fill memory.
 */
export function readRegular(file: string, maxBytes = MAX_FILE_BYTES): Buffer {
  let fd: number;
  try {
    checkKind(statSync(file), maxBytes);
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw e instanceof FileRefused ? e : refusal(e);
  }
  try {
    const stat = fstatSync(fd);
    checkKind(stat, maxBytes);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (e) {
    throw e instanceof FileRefused ? e : refusal(e);
  } finally {
    closeSync(fd);
  }
}

/** A file the user named on the command line: its bytes, or a usage error (exit 2) saying why not. */
export function readBytes(file: string, maxBytes = MAX_FILE_BYTES): Buffer {
  try {
    return readRegular(file, maxBytes);
  } catch (e) {
    if (e instanceof FileRefused) throw new UsageError(`${shownName(file)}: ${e.missing ? "no such file" : `cannot be read (${e.message})`}`);
    throw e;
  }
}

export const readText = (file: string): string => readBytes(file).toString("utf8");

/** A file name on one line: control characters (a newline in a name) shown as escapes. */
export function shownName(file: string): string {
  // eslint-disable-next-line no-control-regex
  return file.replace(/[\u0000-\u001f\u007f]/g, (ch) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** Writes a file, refusing to replace an existing one unless `force`: a user's file is never lost by accident. */
export function writeNew(file: string, data: string | Buffer, force: boolean): void {
  try {
    writeFileSync(file, data, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UsageError(`${file} already exists; use --force to replace it`);
    throw new UsageError(`${file}: cannot be written (${code ?? String(e)})`);
  }
}
