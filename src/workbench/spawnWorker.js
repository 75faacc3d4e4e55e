// A fresh Web Worker running worker.ts. webpack sees `new Worker(new URL(…, import.meta.url))` and bundles worker.ts
// as a chunk of its own beside the page (same origin, hashed name; no blob: URL, no eval). A .js file because the
// Node typecheck (tsconfig.json, module commonjs) refuses import.meta; its type is in spawnWorker.d.ts.
export const spawnWorker = () => new Worker(new URL("./worker.ts", import.meta.url), { name: "starscore" });
