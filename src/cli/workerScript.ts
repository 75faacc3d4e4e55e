import path from "node:path";

/** A compiled worker: beside the caller when running from dist/, else from the build (`npm run build:cli`). */
export function workerScript(name: string): string {
  return __filename.endsWith(".js") ? path.join(__dirname, `${name}.js`) : path.join(__dirname, "..", "..", "dist", "src", "cli", `${name}.js`);
}
