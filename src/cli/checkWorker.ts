// A worker thread of `starscore check`: checks the files it is sent, in order, and answers each with its result.
import { parentPort } from "node:worker_threads";
import type { Lang } from "../findings/language";
import type { Expected } from "../review/expect";
import type { ReadAhead } from "../xlsx/readAhead";
import { checkFile } from "./checkFile";
import { loadScheme } from "./schemeFiles";

const schemes = { get: loadScheme };
parentPort?.on("message", (task: { id: number; file: string; lang: Lang; expected?: Expected; ahead?: ReadAhead }) => {
  parentPort?.postMessage({ id: task.id, result: checkFile(task.file, schemes, task.lang, task.expected, task.ahead) });
});
