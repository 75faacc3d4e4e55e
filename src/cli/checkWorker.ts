// A worker thread of `starscore check`: checks the files it is sent, in order, and answers each with its result.
import { parentPort } from "node:worker_threads";
import type { Lang } from "../checks/finding";
import { checkFile } from "../xlsx/check";
import { loadScheme } from "./schemeFiles";

const schemes = { get: loadScheme };
const queue: { id: number; file: string; lang: Lang }[] = [];
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
    parentPort?.postMessage({ id: task.id, result: await checkFile(task.file, schemes, task.lang) });
  }
  busy = false;
}

parentPort?.on("message", (task: { id: number; file: string; lang: Lang }) => {
  queue.push(task);
  if (!busy) void drain();
});
