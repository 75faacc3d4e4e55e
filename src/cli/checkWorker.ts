// A worker thread of `starscore check`: checks the files it is sent, one at a time, and answers with results.
import { parentPort } from "node:worker_threads";
import type { Lang } from "../checks/finding";
import { checkFile } from "../xlsx/check";
import { loadSchemes } from "./schemeFiles";

const schemes = loadSchemes();
parentPort?.on("message", (task: { id: number; file: string; lang: Lang }) => {
  void checkFile(task.file, schemes, task.lang).then((result) => parentPort?.postMessage({ id: task.id, result }));
});
