import type { Worker } from "node:worker_threads";
import { checkWorker, dropWarmWorkers } from "./warmWorkers";
import type { Lang } from "../findings/language";
import type { Expected } from "../review/expect";
import { checkFailed, timedOut } from "../review/refusals";
import { unreadable, type FileCheck } from "../review/verdict";
import { readAhead, type PartAhead } from "../xlsx/readAhead";
import { DEFAULT_LIMITS } from "../xlsx/sniff";
import { readRegular } from "./files";

export interface PoolOptions {
  jobs: number;
  timeoutMs: number;
  lang: Lang;
  expected?: Expected;
  onResult?: (result: FileCheck, done: number, total: number) => void;
}

/**
 * Files a worker holds at once: the one it is checking and the next, so it never waits for the main thread
 * between files. Memory stays bounded: a worker holds at most this many files, however many there are.
 */
const IN_FLIGHT = 2;

/**
 * A file's XML parts inflated, checked and decoded here, on the main thread, which otherwise only waits for its
 * workers: on two cores one worker checks and the main thread leaves most of a core idle (issue 19's speed). The
 * worker reads the file itself and takes a part from here only when its own read declares the bytes it was read
 * from (size and CRC-32); a file that cannot be read or unzipped here goes without, and the worker says why.
 */
function ahead(file: string): Map<string, PartAhead> | undefined {
  try {
    const parts = readAhead(readRegular(file), DEFAULT_LIMITS);
    return parts.size === 0 ? undefined : parts;
  } catch {
    return undefined;
  }
}

/**
 * Checks files on `jobs` worker threads. A worker checks its files in order; the time limit runs for the file
 * at the head of its queue. A file that takes longer is reported (无法读取：超时), its worker replaced, the files
 * queued behind it handed to the new worker, and the run goes on. Results come back in the order of `files`.
 */
export async function checkFiles(files: readonly string[], options: PoolOptions): Promise<FileCheck[]> {
  const results: FileCheck[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const finish = (index: number, result: FileCheck) => {
    results[index] = result;
    done += 1;
    options.onResult?.(result, done, files.length);
  };
  const lane = () =>
    new Promise<void>((resolve) => {
      const retry: number[] = [];
      let inFlight: number[] = [];
      let timer: NodeJS.Timeout | null = null;
      let worker: Worker;
      const arm = () => {
        if (timer !== null) clearTimeout(timer);
        timer = inFlight.length === 0 ? null : setTimeout(() => replace(timedOut(options.timeoutMs)), options.timeoutMs);
      };
      const fill = () => {
        while (inFlight.length < IN_FLIGHT) {
          const index = retry.shift() ?? (next < files.length ? next++ : undefined);
          if (index === undefined) break;
          inFlight.push(index);
          const file = files[index] as string;
          worker.postMessage({ id: index, file, lang: options.lang, expected: options.expected, ahead: ahead(file) });
          if (inFlight.length === 1) arm();
        }
        if (inFlight.length === 0) {
          void worker.terminate();
          resolve();
        }
      };
      /** The head file failed (timed out, or crashed its worker): report it, start a fresh worker for the rest. */
      const replace = (reason: string) => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        const [head, ...rest] = inFlight;
        if (head !== undefined) finish(head, unreadable(files[head] as string, reason));
        retry.unshift(...rest);
        inFlight = [];
        void worker.terminate();
        worker = spawn();
        fill();
      };
      const spawn = () => {
        const w = checkWorker();
        w.on("message", (msg: { id: number; result: FileCheck }) => {
          if (w !== worker || msg.id !== inFlight[0]) return;
          inFlight.shift();
          finish(msg.id, msg.result);
          arm();
          fill();
        });
        w.on("error", (e) => {
          if (w === worker) replace(checkFailed(e.message));
        });
        return w;
      };
      worker = spawn();
      fill();
    });
  const lanes = Array.from({ length: Math.max(1, Math.min(options.jobs, files.length)) }, lane);
  dropWarmWorkers();
  await Promise.all(lanes);
  return results;
}
