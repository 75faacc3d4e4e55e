import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { selfSource } from "../../src/cli/selfSource";
import { renderReportHtml } from "../../src/report/html";
import type { MaterialClause, ReportMaterials } from "../../src/report/materials";
import { buildReport } from "../../src/report/model";
import type { Scheme } from "../../src/scheme/load";
import { parseAssessment } from "../../src/scoring/assessment";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { planSheet } from "../../src/sheets/plan";
import { selfFromWorkbook, selfFromZip } from "../../src/xlsx/selfSubmission";
import { evidenceSubmission, LINKED_CLAUSE, materialCell, writeSubmission, type Submission } from "../support/evidenceSubmission";
import { zip } from "../support/zip";

const schemes = loadSchemes();
const self = schemes.get("gbt27922-2011-self") as Scheme;
const plan = planSheet(self, "self");
const examples = path.join(__dirname, "..", "..", "examples");
const auditFile = path.join(examples, "maturity-audit.json");
const audit = parseAssessment(readFileSync(auditFile, "utf8"), auditFile);
const auditScheme = schemes.get(audit.scheme) as Scheme;

/** A submission written by the script of tests/support/evidenceSubmission.ts into a new folder. */
async function submission(edit: (s: Submission) => void = () => undefined): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "starscore-repev-")), "提交");
  const s = evidenceSubmission(self);
  edit(s);
  await writeSubmission(self, s, dir);
  return dir;
}

/** The audit report with the applicant's submission given as `--self` would give it. */
function auditReport(given: string | null) {
  const materials = given === null ? null : selfSource(given, schemes);
  const model = buildReport(auditScheme, audit, scoreAssessment(auditScheme, audit), "zh", materials);
  return { model, html: renderReportHtml(model, "zh") };
}

const list = (m: ReportMaterials) => {
  if (m.kind !== "list") throw new Error(`no list: ${m.kind}`);
  return m;
};
const states = (clauses: readonly MaterialClause[]) => clauses.flatMap((c) => c.materials.map((m) => [c.clause, m.material, m.state] as const));

/** A material's row of the rendered list, marked as a problem (class bad), as its text reads. */
const rowText = (html: string, clause: string, line: number): string =>
  (new RegExp(`<tr class="[^"]*\\bbad\\b[^"]*" data-clause="${clause.replace(/\./g, "\\.")}" data-line="${line}">.*?</tr>`).exec(html)?.[0] ?? "").replace(/<[^>]+>/g, " ").replace(/ +/g, " ");

describe("the report's 证明材料清单 from a script-built submission", () => {
  it("every material named and present: each clause's materials, as the scheme words them, 文件在 (the hyperlinked one too)", async () => {
    const m = list(auditReport(await submission()).model.materials);
    const required = self.items.filter((i) => (i.evidence ?? []).length > 0);
    expect(m.clauses.map((c) => c.clause)).toEqual(required.map((i) => i.clause));
    expect(m.clauses.map((c) => c.materials.map((x) => x.material))).toEqual(required.map((i) => i.evidence));
    expect(states(m.clauses).filter(([, , s]) => s !== "文件在")).toEqual([]);
    expect(m.counts.文件在).toBe(required.reduce((n, i) => n + (i.evidence ?? []).length, 0));
    const linked = m.clauses.find((c) => c.clause === LINKED_CLAUSE)?.materials[0];
    expect(linked).toMatchObject({ entry: "售后服务管理师证书（见链接）", files: [{ name: "证明材料/管理师证书.jpg", state: "文件在" }] });
    expect(m.filesFrom).toMatch(/提交$/);
    expect(m.source).toMatch(/提交\/自评估表\.xlsx$/);
  }, 120_000);

  it("one material not named: 未列明 at that clause and line, the other materials as they are", async () => {
    const dir = await submission((s) => {
      s.assessment.entries["5.1.1.2"] = { ...s.assessment.entries["5.1.1.2"], evidence: ["证明材料/5.1.1.2-1.pdf", ""] };
    });
    const { model, html } = auditReport(dir);
    const m = list(model.materials);
    expect(states(m.clauses).filter(([, , s]) => s !== "文件在")).toEqual([["5.1.1.2", "b) 服务网点清单（包括网点类型）", "未列明"]]);
    expect(m.counts.未列明).toBe(1);
    const row = rowText(html, "5.1.1.2", 1);
    expect(row).toContain("b) 服务网点清单（包括网点类型）");
    expect(row).toContain("✗ 未列明");
  }, 120_000);

  it("one named file missing: 文件缺失 naming the file, at its clause", async () => {
    const { model, html } = auditReport(await submission((s) => s.files.set("证明材料/5.1.3.1-2.pdf", null)));
    const m = list(model.materials);
    const bad = m.clauses.flatMap((c) => c.materials.filter((x) => x.state !== "文件在").map((x) => [c.clause, x.state, x.files.map((f) => f.name), x.cell]));
    expect(bad).toEqual([["5.1.3.1", "文件缺失", ["证明材料/5.1.3.1-2.pdf"], `自评估表!${materialCell(plan, "5.1.3.1", 1)}`]]);
    const row = rowText(html, "5.1.3.1", 1);
    expect(row).toContain("✗ 文件缺失");
    expect(row).toContain("证明材料/5.1.3.1-2.pdf");
    expect(html).toContain("<strong>✗ 文件缺失 1</strong>");
  }, 120_000);

  it("an empty file and a .pdf that is a picture: 空文件, 类型不符", async () => {
    const m = list(
      auditReport(
        await submission((s) => {
          s.files.set("证明材料/5.1.3.2-1.pdf", Buffer.alloc(0));
          s.files.set("证明材料/5.1.3.2-2.pdf", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
        }),
      ).model.materials,
    );
    expect(states(m.clauses).filter(([, , s]) => s !== "文件在").map(([c, , s]) => [c, s])).toEqual([
      ["5.1.3.2", "空文件"],
      ["5.1.3.2", "类型不符"],
    ]);
  }, 120_000);

  it("the same submission as a .zip: the same states", async () => {
    const dir = await submission((s) => s.files.set("证明材料/5.1.3.1-2.pdf", null));
    const under = (rel: string): { name: string; data: Buffer }[] =>
      readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => {
        const p = rel === "" ? d.name : `${rel}/${d.name}`;
        return d.isDirectory() ? under(p) : [{ name: p, data: readFileSync(path.join(dir, p)) }];
      });
    const bytes = zip(under("").map((f) => ({ name: `提交/${f.name}`, data: f.data, deflate: true, gbk: true })));
    const zipped = list(buildReport(auditScheme, audit, scoreAssessment(auditScheme, audit), "zh", selfFromZip("提交.zip", new Uint8Array(bytes), schemes)).materials);
    expect(states(zipped.clauses)).toEqual(states(list(auditReport(dir).model.materials).clauses));
    expect(zipped.filesFrom).toBe("提交.zip");
  }, 120_000);
});

describe("where the materials come from", () => {
  it("an audit report given no self-assessment says so: no table that reads as nothing missing", () => {
    const { model, html } = auditReport(null);
    expect(model.materials).toEqual({ kind: "not-supplied" });
    expect(html).toContain("附：证明材料清单");
    expect(html).toContain("未提供申请方的自评估表");
    expect(html).not.toContain(`<table class="materials"`);
  });

  it("a self-assessment report lists its own, its files not checked (已列明), a material left empty 未列明", () => {
    const a = parseAssessment(readFileSync(path.join(examples, "self-assessment.json"), "utf8"), "self-assessment.json");
    const model = buildReport(self, a, scoreAssessment(self, a), "zh");
    const m = list(model.materials);
    expect(m.filesFrom).toBeNull();
    expect(new Set(states(m.clauses).map(([, , s]) => s))).not.toContain("文件在");
    expect(renderReportHtml(model, "zh")).toContain("填写中的文件名未核对");
  });

  it("--self naming a folder without a self-assessment is a usage error saying so", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "starscore-repev-empty-"));
    expect(() => selfSource(empty, schemes)).toThrow(/没有 StarScore 自评估表/);
  });

  /** `starscore report` run in-process: its exit code, its lines and its stderr. */
  const report = async (...argv: string[]) => {
    let out = "";
    let err = "";
    const code = await main(["report", ...argv], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
    return { code, out, err };
  };

  it("--self naming a workbook that is not a self-assessment: names that file, what it is, and what was expected", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-repev-audit-"));
    const given = path.join(dir, "评分表.xlsx");
    expect((await main(["new", "--from", auditFile, "-o", given], { out: () => undefined, err: () => undefined }))).toBe(0);
    const r = await report(auditFile, "--self", given, "-o", path.join(dir, "r.html"));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `starscore: --self ${given}：是方案 maturity-jsgf-06 的评分表《${auditScheme.title}》，不是自评估表；应为申请方的自评估表 / ` +
        `${given} is the audit scoring sheet of scheme maturity-jsgf-06, "${auditScheme.titleEn}", not a self-assessment; expected the applicant's self-assessment\n`,
    );
    // The workbench's 选择 .zip 或自评估表… reads a workbook chosen alone the same way: its message names the file chosen.
    expect(() => selfFromWorkbook("评分表.xlsx", new Uint8Array(readFileSync(given)), "", null, schemes)).toThrow(/^评分表\.xlsx：是方案 maturity-jsgf-06 的评分表/);
  });

  it("--self naming assessment JSON: the list from its entries, file names not checked (已列明); an audit's JSON is refused as the workbook is", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-repev-json-"));
    const selfJson = path.join(examples, "self-assessment.json");
    const r = await report(auditFile, "--self", selfJson, "-o", path.join(dir, "r.html"));
    expect(r.code).toBe(0);
    const m = list(auditReport(selfJson).model.materials);
    expect(m.source).toBe(selfJson);
    expect(m.filesFrom).toBeNull();
    expect(r.out.split("\n")[1]).toBe(`证明材料清单：已列明 ${m.counts.已列明}（文件未核对）`);
    expect(m.counts.已列明).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, "r.html"), "utf8")).toContain("申请方的填写取自自评估表 " + selfJson);
    const refused = await report(auditFile, "--self", auditFile, "-o", path.join(dir, "r2.html"));
    expect([refused.code, refused.err]).toEqual([2, expect.stringContaining(`--self ${auditFile}：是方案 maturity-jsgf-06 的评分表`)]);
  });

  it("starscore report <audit.json> --self <folder>: the HTML has the list, and the line says what it holds", async () => {
    const dir = await submission((s) => s.files.set("证明材料/5.1.3.1-2.pdf", null));
    const out = path.join(path.dirname(dir), "r.html");
    let said = "";
    const code = await main(["report", auditFile, "--self", dir, "-o", out], { out: (t) => (said += `${t}\n`), err: () => undefined });
    expect(code).toBe(0);
    expect(said).toMatch(/证明材料清单：文件缺失 1，文件在 \d+（文件核对于 .*提交）/);
    expect(readFileSync(out, "utf8")).toContain("证明材料/5.1.3.1-2.pdf");
    // In English the line says the states as the English HTML does, not in Chinese.
    let saidEn = "";
    const en = path.join(path.dirname(dir), "r-en.html");
    expect(await main(["report", auditFile, "--self", dir, "-o", en, "--lang", "en"], { out: (t) => (saidEn += `${t}\n`), err: () => undefined })).toBe(0);
    const line = saidEn.split("\n")[1] as string;
    expect(line).toMatch(/^evidence list: File missing 1, File present \d+ \(files checked in .*提交\)$/);
    expect(readFileSync(en, "utf8")).toContain("✗ File missing 1");
  }, 120_000);
});
