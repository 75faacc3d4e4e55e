/** A fresh Web Worker running worker.ts (see spawnWorker.js). */
export declare const spawnWorker: () => Worker;
