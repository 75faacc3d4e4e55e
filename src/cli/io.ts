import type { Lang } from "../findings/language";
import type { Scheme } from "../scheme/compile";
import { FILE_TIME_LIMIT_MS } from "../review/refusals";
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

/** The longest time limit per file: an hour is far past any workbook, and well inside what a timer can count. */
const MAX_TIMEOUT_S = 3600;

/** `--timeout` in milliseconds (default 20 s); anything but a number of seconds in (0, 3600] is a usage error. */
export function timeoutMs(value: string | undefined): number {
  if (value === undefined) return FILE_TIME_LIMIT_MS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_S || value.trim() === "") {
    throw new UsageError(`--timeout takes seconds, more than 0 and at most ${MAX_TIMEOUT_S}, not "${value}"`);
  }
  return Math.max(1, Math.round(seconds * 1000));
}
