import { loadSchemes } from "../../src/cli/schemeFiles";
import type { Scheme } from "../../src/scheme/load";
import type { CellReader } from "../../src/sheets/cells";
import { decodeMeta, encodeMeta, LAYOUT_VERSION, LAYOUTS, layoutVersion, META_FORMAT } from "../../src/sheets/meta";
import { planSheet } from "../../src/sheets/plan";
import { scoreSheet } from "../../src/sheets/scoreSheet";

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

describe("layout 2, before the audit form carried the report's fields", () => {
  const maturity = loadSchemes().get("maturity-jsgf-06") as Scheme;
  const earlier = planSheet(maturity, "audit", LAYOUTS.report - 1);

  it("is rebuilt as it was: the audit header with 审查员 and 审查时间, no 审查报告信息 block, no members table", () => {
    expect(Object.keys(earlier.layout.header)).toEqual(["组织名称", "申报级别", "审查员", "审查时间", "审查类型"]);
    expect(earlier.layout.team).toBeNull();
    expect(earlier.rows.some((r) => r.cells.some((c) => String(c?.value ?? "").startsWith("审查报告信息")))).toBe(false);
    // Only the audit form changed: a self form of layout 2 is today's.
    expect(planSheet(gbt, "self", LAYOUTS.report - 1)).toEqual(plan);
    expect(() => planSheet(maturity, "audit", 1)).toThrow(RangeError);
  });

  it("its audit sheet reads as the user filled it, with SS705 saying what it lacks", () => {
    const cells: Record<string, string> = { [earlier.layout.header["审查员"] as string]: "张三" };
    const scored = scoreSheet(maturity, earlier.layout, (a) => cells[a] ?? null, "评分表", LAYOUTS.report - 1);
    expect(scored.assessment.header).toEqual({ 审查员: "张三" });
    expect(scored.card.findings.filter((f) => f.code === "SS705").map((f) => f.params)).toEqual([{ version: 2, current: LAYOUT_VERSION }]);
  });
});
