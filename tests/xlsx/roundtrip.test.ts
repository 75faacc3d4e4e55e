import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../support/cli";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { parseAssessment, type Assessment } from "../../src/scoring/assessment";
import { materialEntries } from "../../src/scoring/materials";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const schemes = loadSchemes();


/** What an entry means, whatever way it was typed: the engine's reading of it, plus its texts. */
function meaning(a: Assessment) {
  const scheme = schemes.get(a.scheme);
  if (scheme === undefined) throw new Error(a.scheme);
  const card = scoreAssessment(scheme, a);
  // A reason for 删减 is written into the row's remark (the self form's evidence cell) and read back from there.
  const remarkCell = a.role === "self" ? "evidence" : "note";
  const texts = Object.fromEntries(
    Object.entries(a.entries).map(([clause, e]) => {
      // A clause that asks for several materials has a line per material (issue 22): compare the lines' entries.
      const materials = scheme.byClause.get(clause)?.evidence?.length ?? 0;
      const evidence = materials > 1 ? materialEntries(e.evidence, materials).filter((x) => x !== "").join("；") || null : Array.isArray(e.evidence) ? e.evidence.join("；") : (e.evidence ?? null);
      const reason = e.reason ?? null;
      return [clause, { evidence: evidence ?? (remarkCell === "evidence" ? reason : null), note: e.note ?? (remarkCell === "note" ? reason : null) }];
    }),
  );
  return {
    items: card.items.map((i) => [i.clause, i.status, Number(i.earned.toFixed(10)), i.conclusion, i.reason]),
    texts,
    header: a.header ?? {},
    team: a.team ?? [],
    deductions: a.deductions ?? [],
    bonus: a.bonus ?? null,
    remarks: a.remarks ?? {},
    total: card.total,
  };
}

describe("round trip: new --from a.json, then export, gives back a.json's entries", () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith(".json")))("%s", async (name) => {
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-rt-"));
    const xlsx = path.join(dir, "a.xlsx");
    const json = path.join(dir, "back.json");
    expect((await run("new", "--from", path.join(EXAMPLES, name), "-o", xlsx)).code).toBe(0);
    expect((await run("export", xlsx, "-o", json)).code).toBe(0);
    const original = parseAssessment(readFileSync(path.join(EXAMPLES, name), "utf8"), name);
    const back = parseAssessment(readFileSync(json, "utf8"), "back.json");
    expect(back.scheme).toBe(original.scheme);
    expect(back.role).toBe(original.role);
    const [m1, m2] = [meaning(original), meaning(back)];
    // The notes of not-applicable rows survive; empty texts read back as absent.
    expect(m2).toEqual({ ...m1, texts: Object.fromEntries(Object.entries(m1.texts).map(([k, v]) => [k, { evidence: v.evidence || null, note: v.note || null }])) });
  });
});

describe("starscore new", () => {
  it("never overwrites a file without --force", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-new-"));
    const file = path.join(dir, "x.xlsx");
    expect((await run("new", "--scheme", "cct-sc03-12", "--role", "audit", "-o", file)).code).toBe(0);
    const before = readFileSync(file);
    const again = await run("new", "--scheme", "cct-sc03-12", "--role", "self", "-o", file);
    expect(again.code).toBe(2);
    expect(again.err).toBe(`starscore: ${file} already exists; use --force to replace it\n`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await run("new", "--scheme", "cct-sc03-12", "--role", "self", "-o", file, "--force")).code).toBe(0);
  });

  it("a fresh workbook scores as empty: every entry missing, the saved total never computed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-new-"));
    const file = path.join(dir, "x.xlsx");
    await run("new", "--scheme", "gbt27922-2011-self", "--role", "self", "-o", file);
    const { code, out } = await run("score", file, "--json");
    expect(code).toBe(1);
    const card = JSON.parse(out);
    expect(card.sheetTotal).toBeNull();
    expect(card.sheet).toBe("自评估表");
    expect(card.findings.filter((f: { code: string }) => f.code === "SS101")).toHaveLength(100);
    expect(card.findings[0].cell).toMatch(/^自评估表!E[0-9]+$/);
    expect([card.unfilled, card.level, card.passed]).toEqual([50, null, false]);
    // Not finished is not failed: the table says 未填完, with no pass or fail beside it.
    const text = (await run("score", file)).out;
    expect(text).toMatch(/级别: 未填完（50 项未填）\s*$/m);
    expect(text).not.toMatch(/不通过|不合格/);
    // Three CLI processes: each takes ~5 s at the shared machine's load of 20 (on main as on this branch).
  }, 30_000);

  it("refuses a role the scheme does not have, and a file that is not a workbook", async () => {
    expect((await run("new", "--scheme", "service-characteristics", "--role", "audit", "-o", "/tmp/never.xlsx")).err).toMatch(/is a checklist/);
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-new-"));
    const fake = path.join(dir, "fake.xlsx");
    writeFileSync(fake, "组织名称,分数\n");
    const r = await run("score", fake);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^starscore: .*fake\.xlsx: 无法读取：CSV 文本文件.*请提交原始的 \.xlsx/);
  });
});
