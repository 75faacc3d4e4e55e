import type { Lang } from "../findings/language";
import type { Expected } from "../review/expect";
import { unreadable, type FileCheck } from "../review/verdict";
import { checkBytes } from "../xlsx/check";
import type { ReadAhead } from "../xlsx/readAhead";
import type { SchemeSource } from "../xlsx/scoreWorkbook";
import { FileRefused, readRegular } from "./files";

/**
 * Checks one submitted file by its path: its bytes read as a regular file (a folder, FIFO or device is a result,
 * not a hang), then the reader's own check. Synchronous, because it runs on a worker thread of its own: waiting
 * on the thread pool for a 30 KB read only idles the worker.
 */
export function checkFile(file: string, schemes: SchemeSource, lang: Lang = "zh", expected?: Expected, ahead?: ReadAhead): FileCheck {
  let bytes: Uint8Array;
  try {
    bytes = readRegular(file);
  } catch (e) {
    if (e instanceof FileRefused) return unreadable(file, e.message);
    throw e;
  }
  return checkBytes(file, bytes, schemes, lang, expected, ahead);
}
