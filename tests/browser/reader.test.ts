import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { hostileCorpus } from "../../scripts/make-hostile";
import { loadSchemes } from "../../src/cli/schemeFiles";
import type { FileCheck } from "../../src/review/verdict";
import type { Scheme } from "../../src/scheme/load";
import { checkBytes } from "../../src/xlsx/check";
import { launchChromium } from "../support/browser";
import { tamperedWorkbooks } from "../support/checkFixtures";
import { honestWorkbook } from "../support/honest";

/**
 * One reader for Node and the browser (issue 18): the reader bundled for a Web Worker (webpack, target webworker,
 * no Node polyfills) checks, inside Debian's Chromium, the files the repo's scripts make — honest, tampered, and the
 * hostile corpus of damaged and deceiving packages — and gives each the verdict, total and findings Node gives it.
 */
const ROOT = path.join(__dirname, "..", "..");
/** The page's origin, answered by the test itself: nothing leaves the machine. */
const ORIGIN = "http://reader.test";

let out = "";
let browser: Browser;
let files: { name: string; bytes: Buffer }[] = [];

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), "starscore-reader-bundle-"));
  const webpack = spawnSync(path.join(ROOT, "node_modules", ".bin", "webpack"), ["--config", "tests/browser/webpack.reader.config.js", "--env", `out=${out}`], { cwd: ROOT, encoding: "utf8" });
  if (webpack.status !== 0) throw new Error(`webpack failed: ${webpack.stdout}\n${webpack.stderr}`);
  const schemes = loadSchemes();
  files = [
    { name: "honest-maturity-audit.xlsx", bytes: await honestWorkbook(3) },
    ...(await tamperedWorkbooks(schemes.get("maturity-jsgf-06") as Scheme, "audit")),
    ...(await hostileCorpus()).cases.map((c) => ({ name: `hostile-${c.name}.xlsx`, bytes: c.bytes })),
  ];
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

it("checks every file in a Web Worker as Node does: the same verdict, total, findings and reason", async () => {
  const page = await browser.newPage();
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(ORIGIN)) outside.push(r.url());
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const worker = readFileSync(path.join(out, "reader-worker.js"), "utf8");
  await page.route(`${ORIGIN}/**`, (route) =>
    route.request().url().endsWith("/reader-worker.js") ? route.fulfill({ contentType: "text/javascript", body: worker }) : route.fulfill({ contentType: "text/html", body: "<!doctype html><title>reader</title>" }),
  );
  await page.goto(`${ORIGIN}/`);

  const inBrowser = await page.evaluate(async (sent) => {
    const w = new Worker("/reader-worker.js");
    const results: unknown[] = [];
    for (const { name, base64 } of sent) {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      results.push(
        await new Promise((resolve, reject) => {
          w.onmessage = (e) => resolve(e.data);
          w.onerror = (e) => reject(new Error(`${name}: ${e.message}`));
          w.postMessage({ name, bytes }, [bytes.buffer]);
        }),
      );
    }
    w.terminate();
    return results;
  }, files.map((f) => ({ name: f.name, base64: f.bytes.toString("base64") })));

  const schemes = loadSchemes();
  const inNode = files.map((f) => checkBytes(f.name, f.bytes, schemes));
  expect([errors, outside]).toEqual([[], []]);
  expect(inBrowser).toEqual(inNode);
  // Every verdict is among them, and tamper findings: the whole reading path ran in the browser.
  expect(new Set(inNode.map((r: FileCheck) => r.verdict))).toEqual(new Set(["通过", "需补正", "不一致", "无法读取"]));
  expect(inNode.filter((r) => r.counts.tamper > 0).length).toBeGreaterThanOrEqual(10);
}, 120_000);
