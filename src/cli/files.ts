import { readFileSync, writeFileSync } from "node:fs";
import { UsageError } from "./io";

export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(e)})`);
  }
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
