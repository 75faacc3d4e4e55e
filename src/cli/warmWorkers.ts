import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { workerScript } from "./workerScript";

/**
 * Check workers started before they are needed. A worker spends a few hundred milliseconds loading the reader and
 * the engine (zod above all) before it checks its first file, and the main thread spends as long loading the check
 * command: started first, the workers load theirs meanwhile, on the other cores (issue 19's start-up). A warm
 * worker does not keep the process alive until it is taken.
 */
const warm: Worker[] = [];

/**
 * The worker threads `check` uses unless `--jobs` says: one per core but one, and at least one. The main thread and
 * V8's compiler threads need a core too, and each worker compiles the same code: on two cores one worker checked 300
 * workbooks in 2.68 s and two in 2.96 s (medians of 6, paired; bench/check.bench.ts), the second's start-up and
 * compiling costing more than its share of the files saves.
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Starts the workers `check` will use: `--jobs` of them, or `defaultJobs()`; none when only .zip files are given. */
export function warmCheckWorkers(jobs: string | undefined, positionals: readonly string[]): void {
  const count = jobs === undefined ? defaultJobs() : Number(jobs);
  if (!Number.isInteger(count) || count < 1 || count > 256 || positionals.every((p) => /\.zip$/i.test(p))) return;
  for (let i = 0; i < count; i++) {
    const w = new Worker(workerScript("checkWorker"));
    w.unref();
    // A worker that fails to start is dropped; the pool's own worker for that lane reports why.
    w.on("error", () => undefined);
    w.once("exit", () => {
      const at = warm.indexOf(w);
      if (at !== -1) warm.splice(at, 1);
    });
    warm.push(w);
  }
}

/** A check worker: a warm one if there is one, else a new one. */
export function checkWorker(): Worker {
  const w = warm.shift();
  if (w === undefined) return new Worker(workerScript("checkWorker"));
  w.ref();
  return w;
}

/** Ends the warm workers no lane took (fewer files than workers, or the command ended early). */
export function dropWarmWorkers(): void {
  for (const w of warm.splice(0)) void w.terminate();
}
