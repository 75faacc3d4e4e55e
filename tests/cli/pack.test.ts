import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The CLI as a package, as someone without the repository gets it: `npm pack`, then in an empty folder
 * `npm install <tarball>` (runtime dependencies only, from npm's cache where it has them, else the registry) and
 * `npx starscore`. Packs the dist/ that `npm run build:cli` made (as `npm test` does first).
 */
const ROOT = path.join(__dirname, "..", "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
// Windows runs npm's .cmd shims only through a shell.
const shell = process.platform === "win32";

describe("npm pack → npm install in an empty folder → npx starscore", () => {
  const work = mkdtempSync(path.join(tmpdir(), "starscore-pack-"));
  const app = path.join(work, "app");
  let tarball = "";
  const starscore = (...args: string[]) => execFileSync(npx, ["--no", "--", "starscore", ...args], { cwd: app, encoding: "utf8", shell });

  beforeAll(() => {
    const packed = JSON.parse(execFileSync(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8", shell })) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, packed[0]?.filename ?? "");
    mkdirSync(app);
    writeFileSync(path.join(app, "package.json"), '{ "name": "starscore-user", "private": true }\n');
    execFileSync(npm, ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel", "error"], { cwd: app, encoding: "utf8", shell });
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("installs the CLI with its runtime dependencies only", () => {
    const installed = readdirSync(path.join(app, "node_modules"));
    expect(installed).toEqual(expect.arrayContaining(["starscore", "exceljs", "yaml", "zod"]));
    for (const dev of ["typescript", "webpack", "react", "@fluentui", "jest", "office-addin-dev-certs"]) expect(installed).not.toContain(dev);
    expect(existsSync(path.join(app, "node_modules", "starscore", "src"))).toBe(false);
    expect(existsSync(path.join(app, "node_modules", "starscore", "tests"))).toBe(false);
  });

  it("answers --help, lists the schemes, scores an example and writes a workbook", () => {
    expect(starscore("--help")).toContain("starscore score <assessment.json|file.xlsx>");
    expect(starscore("schemes")).toContain("maturity-jsgf-06");
    expect(starscore("score", path.join(ROOT, "examples", "maturity-audit.json"))).toContain("总分: 141.36 / 150");
    expect(starscore("new", "--scheme", "completeness-2025", "--role", "audit", "-o", path.join(work, "out.xlsx"))).toContain("out.xlsx");
    expect(existsSync(path.join(work, "out.xlsx"))).toBe(true);
  });
});
