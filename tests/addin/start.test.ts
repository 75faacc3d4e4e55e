import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";

// scripts/announce.js is plain CommonJS (the build's helpers are not compiled).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { announceWhenBuilt } = require("../../scripts/announce") as { announceWhenBuilt: (c: webpack.Compiler, announce: () => void, failed?: () => void) => void };

/** A real webpack build of one small file; `announce` is called as `npm start` prints its URL. */
function build(source: string, dir: string): Promise<{ announced: boolean[]; failures: number }> {
  writeFileSync(path.join(dir, "entry.js"), source);
  const compiler = webpack({ mode: "development", devtool: false, entry: path.join(dir, "entry.js"), output: { path: path.join(dir, "out"), filename: "bundle.js" } });
  const announced: boolean[] = [];
  let failures = 0;
  // Whether the bundle is on disk at the moment the URL would be printed.
  announceWhenBuilt(compiler, () => announced.push(existsSync(path.join(dir, "out", "bundle.js"))), () => (failures += 1));
  return new Promise((resolve, reject) => compiler.run((e) => (e !== null && e !== undefined ? reject(e) : compiler.close(() => resolve({ announced, failures })))));
}

describe("npm start prints its URL when webpack has finished", () => {
  let dir = "";
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "starscore-start-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("once, after the build is done and its output written", async () => {
    expect(await build("console.log('星级评分');", dir)).toEqual({ announced: [true], failures: 0 });
  }, 60_000);

  it("not after a build that failed", async () => {
    expect(await build("import './missing.js';", dir)).toEqual({ announced: [], failures: 1 });
  }, 60_000);
});
