import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Lang } from "../checks/finding";
import { unreadable, type FileCheck } from "../checks/verdict";

/** The compiled worker: beside this file when running from dist/, else from the build (`npm run build:cli`). */
function workerScript(): string {
  return __filename.endsWith(".js") ? path.join(__dirname, "checkWorker.js") : path.join(__dirname, "..", "..", "dist", "src", "cli", "checkWorker.js");
}

export interface PoolOptions {
  jobs: number;
  timeoutMs: number;
  lang: Lang;
  onResult?: (result: FileCheck, done: number, total: number) => void;
}

/**
 * Checks files on `jobs` worker threads. Files are handed out one at a time, so memory stays bounded
 * however many there are; a file that takes longer than the time limit is reported (无法读取：超时) and its
 * worker replaced, and the run goes on. Results come back in the order of `files`.
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
      let worker = new Worker(workerScript());
      let current = -1;
      let timer: NodeJS.Timeout | null = null;
      const start = () => {
        if (next >= files.length) {
          void worker.terminate();
          resolve();
          return;
        }
        current = next++;
        timer = setTimeout(() => {
          finish(current, unreadable(files[current] as string, `超时（超过 ${Math.round(options.timeoutMs / 1000)} 秒）/ timed out`));
          void worker.terminate();
          worker = spawn();
          start();
        }, options.timeoutMs);
        worker.postMessage({ id: current, file: files[current], lang: options.lang });
      };
      const spawn = () => {
        const w = new Worker(workerScript());
        w.on("message", (msg: { id: number; result: FileCheck }) => {
          if (msg.id !== current) return;
          if (timer !== null) clearTimeout(timer);
          finish(current, msg.result);
          start();
        });
        w.on("error", (e) => {
          if (timer !== null) clearTimeout(timer);
          finish(current, unreadable(files[current] as string, `检查出错 / check failed (${e.message})`));
          worker = spawn();
          start();
        });
        return w;
      };
      void worker.terminate();
      worker = spawn();
      start();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, files.length)) }, lane));
  return results;
}
