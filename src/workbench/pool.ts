import type { Lang } from "../findings/language";
import type { Expected } from "../review/expect";
import { cannotOpen, checkFailed, MAX_FILE_BYTES, timedOut, tooLarge } from "../review/refusals";
import { notChecked, unreadable, type FileCheck } from "../review/verdict";
import { MAX_ZIP_BYTES } from "../review/refusals";
import { errorName, type Submission } from "./walk";
import type { Answer, Task } from "./worker";


/** Why a task got no answer: its worker ran out of time, or failed (the message a report shows for the file). */
export class TaskFailed extends Error {
  override name = "TaskFailed";
}

/**
 * One Web Worker, one task at a time, under a time limit: a task that takes longer, or that stops the worker,
 * ends the worker (a fresh one takes the next task) and fails with the reason the CLI gives (无法读取：超时…).
 */
export class Lane {
  private worker: Worker | null = null;

  constructor(
    private readonly limitMs: number,
    /** A fresh worker (spawnWorker.js in the page). */
    private readonly spawn: () => Worker,
  ) {}

  run(task: Task): Promise<Answer> {
    const worker = (this.worker ??= this.spawn());
    return new Promise((resolve, reject) => {
      const fail = (reason: string) => {
        clearTimeout(timer);
        this.end(worker);
        reject(new TaskFailed(reason));
      };
      const timer = setTimeout(() => fail(timedOut(this.limitMs)), this.limitMs);
      worker.onmessage = (e: MessageEvent<Answer>) => {
        clearTimeout(timer);
        resolve(e.data);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        fail(checkFailed(e.message));
      };
      // The bytes move to the worker (transferred, not copied): the page keeps no copy of a file being checked.
      worker.postMessage(task, [task.bytes.buffer]);
    });
  }

  private end(worker: Worker): void {
    worker.terminate();
    if (this.worker === worker) this.worker = null;
  }

  close(): void {
    if (this.worker !== null) this.end(this.worker);
  }
}

/** A file's bytes, or why it is not read (too large, gone since it was chosen): as the CLI refuses a file. */
async function readFile(s: Submission): Promise<Uint8Array | string | { notChecked: string }> {
  if (s.refused !== undefined) return s.refused;
  if (s.notChecked !== undefined) return { notChecked: s.notChecked };
  try {
    const file = await s.open();
    if (file.size > MAX_FILE_BYTES) return tooLarge(file.size);
    return new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return cannotOpen(errorName(e));
  }
}

export interface CheckOptions {
  lang: Lang;
  /** The scheme and form the reviewer expects: another is SS806. */
  expected?: Expected;
  /** Web Workers at once; each holds one file. */
  workers: number;
  limitMs: number;
  onProgress?: (done: number, total: number) => void;
  /** Set to stop: the files not yet checked get no result. */
  stopped?: () => boolean;
  spawn: () => Worker;
}

/**
 * Checks the submissions in Web Workers, one file at a time per worker, results in the order of `submissions`
 * (the walk's order, as `check --json` lists them). Each worker's next file is read while it checks the current
 * one, so memory holds at most two files per worker however many there are. Entries the walk refused are
 * results at once.
 */
export async function checkSubmissions(submissions: readonly Submission[], options: CheckOptions): Promise<(FileCheck | undefined)[]> {
  const results: (FileCheck | undefined)[] = new Array(submissions.length);
  let next = 0;
  let done = 0;
  const finish = (i: number, r: FileCheck) => {
    results[i] = r;
    options.onProgress?.(++done, submissions.length);
  };
  const take = (): Promise<{ i: number; bytes: Uint8Array | string | { notChecked: string } }> | null => {
    if (next >= submissions.length || options.stopped?.() === true) return null;
    const i = next++;
    return readFile(submissions[i] as Submission).then((bytes) => ({ i, bytes }));
  };
  const lane = async () => {
    const worker = new Lane(options.limitMs, options.spawn);
    try {
      for (let ahead = take(); ahead !== null; ) {
        const { i, bytes } = await ahead;
        ahead = take();
        const name = (submissions[i] as Submission).name;
        if (typeof bytes === "string") {
          finish(i, unreadable(name, bytes));
          continue;
        }
        if (!(bytes instanceof Uint8Array)) {
          finish(i, notChecked(name, bytes.notChecked));
          continue;
        }
        try {
          const a = await worker.run({ kind: "check", name, bytes, lang: options.lang, ...(options.expected !== undefined ? { expected: options.expected } : {}) });
          if (a.kind === "check") finish(i, a.result);
        } catch (e) {
          if (!(e instanceof TaskFailed)) throw e;
          finish(i, unreadable(name, e.message));
        }
      }
    } finally {
      worker.close();
    }
  };
  options.onProgress?.(0, submissions.length);
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.workers, submissions.length)) }, lane));
  return results;
}

/** A zip is given the time of this many files: it holds a workbook or a few, and evidence to unpack. */
const ZIP_TIME_FILES = 5;

/**
 * A .zip handed to the page, checked in a Web Worker as the folder it holds (xlsx/checkSubmissionZip.ts, as
 * `starscore check x.zip`): read whole, within the CLI's cap for a zip; refused, or out of time, it is one line.
 */
export async function checkZipFile(name: string, open: () => Promise<File>, options: Omit<CheckOptions, "workers" | "onProgress" | "stopped">): Promise<FileCheck[]> {
  const refused = (reason: string): FileCheck[] => [unreadable(name, reason)];
  let bytes: Uint8Array;
  try {
    const file = await open();
    if (file.size > MAX_ZIP_BYTES) return refused(tooLarge(file.size, MAX_ZIP_BYTES));
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return refused(cannotOpen(errorName(e)));
  }
  const lane = new Lane(options.limitMs * ZIP_TIME_FILES, options.spawn);
  try {
    const a = await lane.run({ kind: "zip", name, bytes, lang: options.lang, ...(options.expected !== undefined ? { expected: options.expected } : {}) });
    return a.kind === "zip" ? a.results : refused(checkFailed(a.kind));
  } catch (e) {
    if (!(e instanceof TaskFailed)) throw e;
    return refused(e.message);
  } finally {
    lane.close();
  }
}
