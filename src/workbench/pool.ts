import type { Lang } from "../findings/language";
import type { Expected } from "../review/expect";
import { MAX_ZIP_BYTES, cannotOpen, checkFailed, timedOut, tooLarge } from "../review/refusals";
import { notChecked, unreadable, type FileCheck } from "../review/verdict";
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
      // Bytes move to the worker (transferred, not copied); a file to check goes as its handle, and the worker reads it.
      worker.postMessage(task, "bytes" in task ? [task.bytes.buffer] : []);
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

/**
 * Web Workers started before a run needs them. A worker loads and compiles its script and validates the bundled
 * schemes as it starts (0.2–0.6 s in Chromium, more with two starting at once on two cores), so the check section
 * starts its workers when it is shown, while the reviewer chooses the folder, and a run takes them (`take`)
 * instead of starting its own. A spare whose script failed to load is dropped, not handed out.
 */
export class Spares {
  private readonly ready: Worker[] = [];

  constructor(private readonly spawn: () => Worker) {}

  /** Starts workers until `n` wait. */
  fill(n: number): void {
    while (this.ready.length < n) {
      const worker = this.spawn();
      worker.onerror = (e) => {
        e.preventDefault();
        this.drop(worker);
      };
      this.ready.push(worker);
    }
  }

  /** A waiting worker, or a fresh one when none waits. */
  readonly take = (): Worker => {
    const worker = this.ready.shift();
    if (worker === undefined) return this.spawn();
    worker.onerror = null;
    return worker;
  };

  private drop(worker: Worker): void {
    worker.terminate();
    const i = this.ready.indexOf(worker);
    if (i !== -1) this.ready.splice(i, 1);
  }

  close(): void {
    for (const worker of [...this.ready]) this.drop(worker);
  }
}

/**
 * A file to check, or why it is not opened (gone since it was chosen). The page only opens it; the worker that
 * checks it reads it (readFile.ts), its size included.
 */
async function openFile(s: Submission): Promise<Blob | string | { notChecked: string }> {
  if (s.refused !== undefined) return s.refused;
  if (s.notChecked !== undefined) return { notChecked: s.notChecked };
  try {
    return await s.open();
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
 * (the walk's order, as `check --json` lists them). A worker reads the files it checks, the next one while it
 * checks the current one, so the page's own thread never holds a file's bytes, and memory holds at most two files
 * per worker however many there are. Entries the walk refused are results at once.
 */
export async function checkSubmissions(submissions: readonly Submission[], options: CheckOptions): Promise<(FileCheck | undefined)[]> {
  const results: (FileCheck | undefined)[] = new Array(submissions.length);
  let next = 0;
  let done = 0;
  const finish = (i: number, r: FileCheck) => {
    results[i] = r;
    options.onProgress?.(++done, submissions.length);
  };
  type Taken = { i: number; file: Blob | string | { notChecked: string } } | null;
  const take = async (): Promise<Taken> => {
    if (next >= submissions.length || options.stopped?.() === true) return null;
    const i = next++;
    return { i, file: await openFile(submissions[i] as Submission) };
  };
  const lane = async () => {
    const worker = new Lane(options.limitMs, options.spawn);
    try {
      for (let current = await take(), upcoming: Taken; current !== null; current = upcoming) {
        const { i, file } = current;
        // The worker starts reading this lane's next file before it checks this one (worker.ts).
        upcoming = await take();
        const next = upcoming !== null && upcoming.file instanceof Blob ? { id: upcoming.i, file: upcoming.file } : undefined;
        const name = (submissions[i] as Submission).name;
        if (typeof file === "string") {
          finish(i, unreadable(name, file));
          continue;
        }
        if ("notChecked" in file) {
          finish(i, notChecked(name, file.notChecked));
          continue;
        }
        try {
          const a = await worker.run({ kind: "check", id: i, name, file, ...(next !== undefined ? { next } : {}), lang: options.lang, ...(options.expected !== undefined ? { expected: options.expected } : {}) });
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
