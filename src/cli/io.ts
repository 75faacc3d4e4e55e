import { readFileSync } from "node:fs";
import type { Lang } from "../findings/language";
import type { Scheme } from "../scheme/compile";
import { loadScheme, schemeIds } from "./schemeFiles";

/** Input that cannot be used at all: exit code 2 with a one-line message. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A command: its arguments (after the command name) in, its exit code out. */
export type Command = (args: string[], io: Io) => number | Promise<number>;

export function lang(value: unknown): Lang {
  if (value === undefined || value === "zh") return "zh";
  if (value === "en") return "en";
  throw new UsageError(`--lang takes zh or en, not "${String(value)}"`);
}

/** The scheme with this id; only its own file is read. */
export function schemeById(id: string): Scheme {
  const scheme = loadScheme(id);
  if (scheme === undefined) {
    throw new UsageError(`unknown scheme "${id}"; known: ${schemeIds().join(", ")}`);
  }
  return scheme;
}

export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(e)})`);
  }
}
