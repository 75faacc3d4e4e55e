import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkHtml } from "../../src/review/checkHtml";
import { csvCell, checkCsv } from "../../src/review/checkReport";
import type { FileCheck } from "../../src/review/verdict";
import { checkFiles } from "../../src/cli/checkPool";
import { main } from "../../src/cli/main";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { buildCheckFixtures, type Expectation } from "../support/checkFixtures";

const schemes = loadSchemes();
let dir = "";
let expectations: Expectation[] = [];
let results = new Map<string, FileCheck>();
let cli = { code: -1, out: "" };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "starscore-check-"));
  expectations = await buildCheckFixtures(path.join(dir, "submitted"), schemes);
  const json = path.join(dir, "report.json");
  let out = "";
  const code = await main(["check", path.join(dir, "submitted"), "--json", json, "--csv", path.join(dir, "report.csv"), "--html", path.join(dir, "report.html"), "--jobs", "2"], {
    out: (t) => (out += `${t}\n`),
    err: () => undefined,
  });
  cli = { code, out };
  results = new Map((JSON.parse(readFileSync(json, "utf8")) as FileCheck[]).map((r) => [path.resolve(r.file), r]));
}, 300_000);

describe("starscore check over the generated fixtures", () => {
  it("has at least 40 bad or tampered files and 20 honest ones, and checked every one", () => {
    expect(expectations.filter((e) => e.verdict !== "通过").length).toBeGreaterThanOrEqual(40);
    expect(expectations.filter((e) => e.verdict === "通过").length).toBeGreaterThanOrEqual(20);
    expect([...results.keys()].sort()).toEqual(expectations.map((e) => e.file).sort());
  });

  it("flags no honest file: no error, no tamper finding, no validation warning", () => {
    const honest = expectations.filter((x) => x.verdict === "通过" && x.code === undefined);
    expect(honest.some((e) => e.file.includes("shared-formulas"))).toBe(true);
    for (const e of honest) {
      const r = results.get(e.file);
      const flagged = r?.findings.filter((f) => f.severity === "error" || f.code.startsWith("SS8") || f.code === "SS822").map((f) => `${f.code} ${f.cell}`);
      expect([path.basename(e.file), r?.verdict, flagged]).toEqual([path.basename(e.file), "通过", []]);
    }
  });

  it("lists Excel's lock files (~$name.xlsx) in a folder as not checked, never reads them", () => {
    expect([...results.values()].filter((r) => path.basename(r.file).startsWith("~$")).map((r) => [r.verdict, r.findings.length])).toEqual([["未检查", 0]]);
  });

  it("catches each bad file with its expected code or reason", () => {
    for (const e of expectations.filter((x) => x.verdict !== "通过" || x.code !== undefined)) {
      const r = results.get(e.file);
      const got = { file: path.basename(e.file), verdict: r?.verdict, code: e.code !== undefined && r?.findings.some((f) => f.code === e.code) ? e.code : r?.findings.map((f) => f.code).join(","), reason: e.reason !== undefined && e.reason.test(r?.reason ?? "") };
      expect(got).toEqual({ file: path.basename(e.file), verdict: e.verdict, code: e.code ?? r?.findings.map((f) => f.code).join(","), reason: e.reason !== undefined });
    }
  });

  it("locates tamper findings to their cells", () => {
    const deleted = [...results.values()].find((r) => r.file.includes("tampered-points-changed-maturity"));
    expect(deleted?.findings.find((f) => f.code === "SS815")?.cell).toMatch(/^评分表!E[0-9]+$/);
    const hidden = [...results.values()].find((r) => r.file.includes("tampered-column-hidden-maturity"));
    expect(hidden?.findings.find((f) => f.code === "SS820")?.cell).toMatch(/^评分表!G[0-9]+$/);
  });

  it("groups the terminal output by verdict, ends with a summary, and exits 1", () => {
    expect(cli.code).toBe(1);
    expect(cli.out.indexOf("无法读取 (")).toBeLessThan(cli.out.indexOf("不一致 ("));
    // A file whose metadata is gone has no scheme or role: shown as "-", never as "null".
    expect(cli.out).not.toContain("null");
    expect(cli.out.trim().split("\n").pop()).toMatch(/^共 [0-9]+ 个文件：无法读取 [0-9]+，不一致 [0-9]+，需补正 [0-9]+，通过 [0-9]+，未检查 [0-9]+$/);
  });

  it("writes a CSV that Excel reads as UTF-8 and that cannot inject formulas, and a self-contained HTML", () => {
    const csv = readFileSync(path.join(dir, "report.csv"), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(csvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("-1+1")).toBe('"\'-1+1"');
    expect(csvCell("@SUM(A1)")).toBe('"\'@SUM(A1)"');
    expect(csvCell("华东")).toBe('"华东"');
    const html = readFileSync(path.join(dir, "report.html"), "utf8");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script/);
    expect(html).toContain("@media print");
    const hostile: FileCheck = { ...([...results.values()][0] as FileCheck), organisation: "<script>alert(1)</script>" };
    expect(checkHtml([hostile], { generated: "t" })).not.toContain("<script>alert");
    expect(checkCsv([hostile])).toContain("<script>");
  });
});

describe("the worker pool", () => {
  it("reports a file that takes too long as 无法读取：超时 and goes on", async () => {
    const honest = expectations.filter((e) => e.verdict === "通过").slice(0, 3).map((e) => e.file);
    const timed = await checkFiles(honest, { jobs: 2, timeoutMs: 1, lang: "zh" });
    expect(timed.map((r) => [r.verdict, /超时/.test(r.reason ?? "")])).toEqual(honest.map(() => ["无法读取", true]));
    const fine = await checkFiles(honest, { jobs: 2, timeoutMs: 30_000, lang: "zh" });
    expect(fine.map((r) => r.verdict)).toEqual(["通过", "通过", "通过"]);
  }, 60_000);
});
