import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../support/cli";
import { chromiumPath } from "../../src/cli/pdf";
import { handPair } from "../support/comparePair";

const ROOT = path.join(__dirname, "..", "..");
const example = (name: string) => path.join(ROOT, "examples", name);
const tmp = () => mkdtempSync(path.join(tmpdir(), "starscore-report-"));


describe("starscore report", () => {
  it("writes the HTML, and never overwrites it without --force", async () => {
    const out = path.join(tmp(), "r.html");
    const first = await run("report", example("maturity-audit.json"), "-o", out);
    // The second line says what the appendix 证明材料清单 holds: an audit report given no --self lists none, and says so.
    expect(first).toEqual({ code: 0, out: `${out}: 服务认证审查报告 · 华东示例电器有限公司 · 总分 141.36 · 十星级 · 通过\n证明材料清单：未提供自评估表（--self）\n`, err: "" });
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<strong data-total>141.36</strong>");
    writeFileSync(out, "mine");
    const again = await run("report", example("maturity-audit.json"), "-o", out);
    expect(again.code).toBe(2);
    expect(again.err).toBe(`starscore: ${out} already exists; use --force to replace it\n`);
    expect(readFileSync(out, "utf8")).toBe("mine");
    expect((await run("report", example("maturity-audit.json"), "-o", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(html);
  });

  it("reads a scored workbook: the same numbers and the auditor's remarks from its cells", async () => {
    const dir = tmp();
    const xlsx = path.join(dir, "评分表.xlsx");
    expect((await run("new", "--from", example("maturity-audit.json"), "-o", xlsx)).code).toBe(0);
    const out = path.join(dir, "r.html");
    const r = await run("report", xlsx, "-o", out, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("audit report · 华东示例电器有限公司 · total 141.36 · 10-star · passed");
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Full marks for this part: 39 (4 items not applicable, 5 points; applicable maximum 34); earned: 33.70.");
    expect(html).toContain("售后服务体系运行规范，维修响应及时，顾客口碑良好。");
    // A workbook written, then read and scored through the worker: over jest's 5 s on a busy shared machine.
  }, 30_000);

  it("exit 1 with the errors listed when the scoring has errors; exit 2 for a checklist", async () => {
    const out = path.join(tmp(), "self.html");
    const r = await run("report", example("self-assessment.json"), "-o", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^starscore: 评分有 1 项错误，已列入报告；用 starscore score .* 查看\n$/);
    expect(readFileSync(out, "utf8")).toContain("SS501");
    const c = await run("report", example("service-checklist.json"), "-o", path.join(tmp(), "c.html"));
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/scheme service-characteristics is a checklist; a report needs a points scheme\n$/);
  });

  it("--pdf without Chromium: one line, and nothing written", async () => {
    const dir = tmp();
    const saved = process.env["STARSCORE_CHROMIUM"];
    process.env["STARSCORE_CHROMIUM"] = "/nonexistent/chromium";
    try {
      const r = await run("report", example("maturity-audit.json"), "-o", path.join(dir, "r.html"), "--pdf", path.join(dir, "r.pdf"));
      expect(r.code).toBe(2);
      expect(r.err).toBe("starscore: --pdf needs Chromium, not found at /nonexistent/chromium: install it (apt-get install chromium), set STARSCORE_CHROMIUM to a Chrome or Chromium binary, or leave out --pdf\n");
      expect(existsSync(path.join(dir, "r.html"))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env["STARSCORE_CHROMIUM"];
      else process.env["STARSCORE_CHROMIUM"] = saved;
    }
  });

  const withChromium = existsSync(chromiumPath()) ? it : it.skip;
  withChromium(
    "--pdf prints an A4 PDF with Chromium (only the PDF when -o is not given)",
    async () => {
      const dir = tmp();
      const pdf = path.join(dir, "r.pdf");
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        const r = await run("report", example("maturity-audit.json"), "--pdf", pdf);
        expect(r.code).toBe(0);
      } finally {
        process.chdir(cwd);
      }
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // A4 is 595 × 842 points; the report runs to several pages.
      const text = bytes.toString("latin1");
      expect(text).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
      expect(Number(/\/Type \/Pages\b[^>]*\/Count (\d+)|\/Count (\d+)/.exec(text)?.slice(1).find((x) => x !== undefined))).toBeGreaterThan(5);
      expect(existsSync(path.join(dir, "maturity-audit-report.html"))).toBe(false);
    },
    60_000,
  );
});

describe("starscore compare", () => {
  const dir = tmp();
  const { self, audit } = handPair();
  const selfFile = path.join(dir, "self.json");
  const auditFile = path.join(dir, "audit.json");
  writeFileSync(selfFile, JSON.stringify(self));
  writeFileSync(auditFile, JSON.stringify(audit));

  it("prints the clauses by the largest gap, the share rows flagged with a note", async () => {
    const r = await run("compare", selfFile, auditFile);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const table = lines.findIndex((l) => l.startsWith("条款"));
    expect(lines.slice(table + 1, table + 5).map((l) => l.split(/\s{2,}/))).toEqual([
      ["5.1.5.2", "A12", "6.00/6", "3.00/6", "+3.00"],
      ["5.2.4.3", "B14", "1.00/3", "3.00/3", "-2.00"],
      ["5.1.2.1", "A4", "1.00/1 100%", "1.00/2 50%", "+50% (+1.00) *"],
      ["5.1.2.2", "A5", "4.00/5 80%", "4.00/4 100%", "-20% (-0.80) *"],
    ]);
    expect(r.out).toContain("  5.1.2.1：自评方案 1 分、审查方案 2 分；自评 100%，审查 50%，差 +50 个百分点（折合 +1.00 分）");
    expect(r.out).toContain("  5.1.2.2：自评方案 5 分、审查方案 4 分；自评 80%，审查 100%，差 -20 个百分点（折合 -0.80 分）");
    expect(r.out).toContain("一方不适用：\n  5.2.1.4  自评 不适用；审查 1.00/1\n  5.2.5.5  自评 2.00/2；审查 不适用");
    expect(r.out).toContain("总分：自评 96.97 / 100（五星级） · 审查 95.92 / 100（五星级） · 差 +1.05");
  });

  it("--json gives the comparison with levels by name", async () => {
    const r = await run("compare", selfFile, auditFile, "--json");
    const c = JSON.parse(r.out);
    expect(c.self).toMatchObject({ schemeId: "gbt27922-2011-self", total: 96.97, level: "五星级" });
    expect(c.audit).toMatchObject({ schemeId: "cct-sc03-12", total: 95.92, level: "五星级" });
    expect(c.rows[2]).toMatchObject({ clauses: ["5.1.2.1"], byShare: true, shareGap: 0.5, gap: 1 });
  });

  it("speaks English; exit 1 when a side has errors; usage errors exit 2", async () => {
    const en = await run("compare", example("self-assessment.json"), example("cct-audit.json"), "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.out).toContain("Note: the two files name different organisations.");
    expect(en.err).toBe("starscore: errors in the self-assessment 1, in the audit 0 (see starscore score)\n");
    expect((await run("compare", selfFile)).code).toBe(2);
    const checklist = await run("compare", selfFile, example("service-checklist.json"));
    expect(checklist.code).toBe(2);
    expect(checklist.err).toMatch(/checklist; compare needs points schemes\n$/);
  });
});
