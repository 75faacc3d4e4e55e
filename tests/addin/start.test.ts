import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";

// scripts/announce.js is plain CommonJS (the build's helpers are not compiled).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { announceWhenBuilt } = require("../../scripts/announce") as { announceWhenBuilt: (c: webpack.Compiler, announce: () => void, failed?: () => void) => void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMessage } = require("../../scripts/startMessage") as { startMessage: (o: { origin: string; manifest: string; sideloaded: string | null }) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config") as (env: object, argv: { mode: string }) => Promise<webpack.Configuration>;

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

/**
 * What `npm start` prints once ready: scripts/start.js prints startMessage through announceWhenBuilt. The dev server
 * itself is not started here: it needs the development certificate (office-addin-dev-certs installs a CA into the
 * system's trust store, which a test machine should not get) and a full development build of the pane and the
 * workbench; what it prints and when are tested instead, and that the address it names serves the workbench.
 */
describe("npm start prints the workbench's address", () => {
  const origin = "https://localhost:3000";
  let dir = "";
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "starscore-start-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("once the build is done: the workbench at the root, the pane beside it", async () => {
    writeFileSync(path.join(dir, "entry.js"), "console.log('工作台');");
    const compiler = webpack({ mode: "development", devtool: false, entry: path.join(dir, "entry.js"), output: { path: path.join(dir, "out"), filename: "bundle.js" } });
    const printed: string[] = [];
    announceWhenBuilt(compiler, () => printed.push(startMessage({ origin, manifest: "/x/manifest.xml", sideloaded: null })));
    expect(printed).toEqual([]);
    await new Promise<void>((resolve, reject) => compiler.run((e) => (e !== null && e !== undefined ? reject(e) : compiler.close(() => resolve()))));
    expect(printed).toHaveLength(1);
    const lines = (printed[0] ?? "").split("\n");
    expect(lines).toContain("工作台 Workbench (forms, check, report, cycle in the browser, no Excel needed): https://localhost:3000/");
    expect(lines).toContain("StarScore 星级评分 is served at https://localhost:3000/taskpane.html");
    // No desktop Excel: the manifest to upload by hand is named.
    expect(lines).toContain("     /x/manifest.xml");
  }, 60_000);

  it("says what sideloading did where desktop Excel is installed", () => {
    const text = startMessage({ origin, manifest: "/x/manifest.xml", sideloaded: "sideloaded into Excel" });
    expect(text.split("\n")).toContain("manifest.xml sideloaded into Excel.");
    expect(text).not.toContain("Upload My Add-in");
  });

  it("the root it names is the workbench page (index.html of the workbench's entry)", async () => {
    const config = await makeConfig({}, { mode: "production" });
    const pages = (config.plugins ?? []).map((p) => (p as { userOptions?: { filename?: string; chunks?: string[] } }).userOptions).filter((o) => o?.filename !== undefined);
    expect(pages).toContainEqual(expect.objectContaining({ filename: "index.html", chunks: ["workbench"] }));
  });
});
