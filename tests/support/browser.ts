import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist-web");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The production build of the page and pane for a bench: WORKBENCH_DIST when given, else built into `work`/dist-web. */
export function benchBuild(work: string): string {
  if (process.env.WORKBENCH_DIST !== undefined) return process.env.WORKBENCH_DIST;
  const dist = path.join(work, "dist-web");
  const built = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dist], { cwd: ROOT, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`webpack failed: ${built.stdout}\n${built.stderr}`);
  return dist;
}

/** Builds the production pane (dist-web) and the Office stub (dist-web-test/office-stub.js) with webpack. */
export function buildPane(): { stub: string } {
  const webpack = path.join(ROOT, "node_modules", ".bin", "webpack");
  const pane = spawnSync(webpack, ["--mode", "production"], { cwd: ROOT, encoding: "utf8" });
  if (pane.status !== 0) throw new Error(`webpack failed: ${pane.stdout}\n${pane.stderr}`);
  const stub = spawnSync(webpack, ["--mode", "production", "--config", "tests/browser/webpack.stub.config.js"], { cwd: ROOT, encoding: "utf8" });
  if (stub.status !== 0) throw new Error(`webpack (stub) failed: ${stub.stdout}\n${stub.stderr}`);
  return { stub: readFileSync(path.join(ROOT, "dist-web-test", "office-stub.js"), "utf8") };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".css": "text/css",
  ".xml": "text/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Serves a build (dist-web by default) on a free loopback port, a folder's index.html at its address, as a web
 * server does (plain http: the test's own server, nothing leaves the machine).
 */
export async function servePane(dir = DIST): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const asked = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, asked.endsWith("/") ? `${asked}index.html` : asked);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Debian's chromium, headless, with the flags this machine's closed network needs (Playwright gives it a fresh
 * profile), and any `extra` (a bench's `--js-flags=…`).
 */
export async function launchChromium(extra: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extra,
    ],
  });
}
