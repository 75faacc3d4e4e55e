import { loadSchemes } from "../../src/cli/schemeFiles";
import type { Scheme } from "../../src/scheme/load";
import type { CellReader } from "../../src/sheets/cells";
import { entryWrites } from "../../src/sheets/fill";
import { decodeMeta, encodeMeta, LAYOUT_VERSION, LAYOUTS, layoutVersion, META_FORMAT } from "../../src/sheets/meta";
import { planSheet } from "../../src/sheets/plan";
import { readAssessment } from "../../src/sheets/read";
import { scoreSheet } from "../../src/sheets/scoreSheet";
import { materialEntries } from "../../src/scoring/materials";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { generateAssessment } from "../support/generate";
import { olderLayout, olderWrites } from "../support/olderLayout";

/**
 * A workbook records the layout that made it. Layout 1 (before the 填写说明 and 未填完) is still read as the user's
 * own sheet: its result cells said 不合格 while entries were missing, which is no sign of tampering there; the
 * reviewers' check, which cannot rebuild layout 1, says SS805 instead (tests/review/check.test.ts).
 */

const gbt = loadSchemes().get("gbt27922-2011-self");
if (gbt === undefined) throw new Error("no gbt27922-2011-self");
const plan = planSheet(gbt, "self");

/** A blank sheet whose result cells say what layout 1's formulas said of it. */
const layout1Blank: CellReader = (address) =>
  address === plan.layout.results.level ? "不合格" : address === plan.layout.results.passed ? "不通过" : address === plan.layout.results.total ? 0 : null;

describe("layout versions", () => {
  it("the metadata records the current layout, and layout 1 is still read", () => {
    const entry = decodeMeta(encodeMeta("自评估表", "t", plan.layout));
    expect(entry.ok && layoutVersion(entry.entry)).toBe(LAYOUT_VERSION);
    expect(META_FORMAT).toBe(`starscore-layout/${LAYOUT_VERSION}`);
    const older = decodeMeta(encodeMeta("自评估表", "t", plan.layout).replace(META_FORMAT, "starscore-layout/1"));
    expect(older.ok && layoutVersion(older.entry)).toBe(1);
    const newer = decodeMeta(encodeMeta("自评估表", "t", plan.layout).replace(META_FORMAT, "starscore-layout/99"));
    expect(newer.ok).toBe(false);
  });

  it("a layout-1 sheet not yet filled: its 不合格 is what that layout said, no SS702; SS704 suggests laying it out again", () => {
    const codes = scoreSheet(gbt, plan.layout, layout1Blank, "自评估表", 1).card.findings.map((f) => f.code);
    expect(codes).toContain("SS704");
    expect(codes).not.toContain("SS702");
  });

  it("the same cells on a current sheet disagree with its entries (SS702): it says 未填完", () => {
    const scored = scoreSheet(gbt, plan.layout, layout1Blank, "自评估表");
    expect(scored.card.findings.filter((f) => f.code === "SS702").map((f) => f.params)).toEqual([{ sheet: "不合格", engine: "未填完（50 项未填）" }]);
    expect(scored.card.findings.map((f) => f.code)).not.toContain("SS704");
  });
});

describe("older layouts (2, and 3 before the audit form carried the report's fields) read and laid out again", () => {
  const maturity = loadSchemes().get("maturity-jsgf-06") as Scheme;
  const audit = planSheet(maturity, "audit");

  it("names every layout this StarScore reads: 1 to the current one", () => {
    for (const version of [1, LAYOUTS.unfilled, LAYOUTS.materials, LAYOUTS.report, LAYOUT_VERSION]) {
      const entry = decodeMeta(encodeMeta("评分表", "t", audit.layout).replace(META_FORMAT, `starscore-layout/${version}`));
      expect(entry.ok && layoutVersion(entry.entry)).toBe(version);
    }
    expect(LAYOUT_VERSION).toBe(LAYOUTS.cycle);
  });

  it.each([LAYOUTS.unfilled, LAYOUTS.materials])("an audit sheet of layout %i reads as the user filled it, with SS705 saying what it lacks", (version) => {
    const old = olderLayout(audit.layout, version);
    const cells: Record<string, string> = { [old.header["审查员"] as string]: "张三" };
    const scored = scoreSheet(maturity, old, (a) => cells[a] ?? null, "评分表", version);
    expect(scored.assessment.header).toEqual({ 审查员: "张三" });
    expect(scored.card.findings.filter((f) => f.code === "SS705").map((f) => f.params)).toEqual([{ version, current: LAYOUT_VERSION }]);
    // A self form of layout 2 lacks nothing a reader must be told of: its one evidence cell is read as before.
    expect(scoreSheet(gbt, olderLayout(plan.layout, version), () => null, "自评估表", version).card.findings.map((f) => f.code)).not.toContain("SS705");
  });

  /** An older sheet's entries, read through its record, written on today's layout and read back. */
  const again = (scheme: Scheme, role: "self" | "audit", version: number, seed: number) => {
    const now = planSheet(scheme, role);
    const old = olderLayout(now.layout, version);
    const original = generateAssessment(scheme, seed, { role, naShare: 0.1 });
    const cells = new Map(olderWrites(now, version, { ...original, header: { ...original.header, 审查员: "张三", 审查时间: "2025-05-01" } }).map((w) => [w.address, w.value]));
    const before = readAssessment(old, (a) => cells.get(a) ?? null);
    const written = new Map(entryWrites(now, before).map((w) => [w.address, w.value]));
    return { before, after: readAssessment(now.layout, (a) => written.get(a) ?? null) };
  };

  it("a self form of layout 2 (one evidence cell) laid out as 4 keeps every entry, its evidence on the material lines", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { before, after } = again(gbt, "self", LAYOUTS.unfilled, seed);
      expect(scoreAssessment(gbt, after).total).toBe(scoreAssessment(gbt, before).total);
      expect(scoreAssessment(gbt, after).findings).toEqual(scoreAssessment(gbt, before).findings);
      for (const item of gbt.items) {
        const n = item.evidence?.length ?? 0;
        const b = before.entries[item.clause];
        const a = after.entries[item.clause];
        expect({ ...a, evidence: materialEntries(a?.evidence ?? null, n) }).toEqual({ ...b, evidence: materialEntries(b?.evidence ?? null, n) });
      }
      // Clauses with several materials now have a line for each.
      expect(Object.values(after.entries).some((e) => Array.isArray(e.evidence))).toBe(true);
    }
  });

  it.each([LAYOUTS.unfilled, LAYOUTS.materials])("an audit sheet of layout %i laid out as 4 keeps every entry; 审查员/审查时间 become 报告编制人/编制日期", (version) => {
    const { before, after } = again(maturity, "audit", version, 7);
    expect(after.entries).toEqual(before.entries);
    expect(after.deductions).toEqual(before.deductions);
    expect(after.bonus).toEqual(before.bonus);
    expect(after.header).toMatchObject({ 报告编制人: "张三", 编制日期: "2025-05-01" });
    expect(after.header?.["组织名称"]).toBe(before.header?.["组织名称"]);
  });
});
