import { bandFor, calculateManDays, ManDayInputError, type AuditKind } from "../../src/scoring/mandays";
import type { ManDays } from "../../src/scheme/schema";
import { schemeFile } from "../support/schemes";

const table = schemeFile("cct-sc03-12").certification?.mandays as ManDays;
const calc = (staff: number, audit: AuditKind = "initial", increases: string[] = [], reductions: string[] | number = []) =>
  calculateManDays(table, { staff, audit, increases, reductions });

/** 附件1, transcribed here independently of the YAML: band → initial / surveillance / recertification. */
const ANNEX1: [number, number, number, number, number][] = [
  [1, 65, 2, 1, 1.5],
  [66, 175, 2.5, 1, 1.5],
  [176, 275, 3, 1, 2],
  [276, 425, 3.5, 1.5, 2.5],
  [426, 625, 4, 1.5, 2.5],
  [626, 875, 4.5, 1.5, 3],
  [876, 1500, 5, 2, 3.5],
  [1501, 2675, 5.5, 2, 3.5],
  [2676, 4350, 6, 2, 4],
];

describe("附件1 table: every band edge, every audit kind", () => {
  it("the scheme's table is 附件1", () => {
    expect(table.bands.map((b) => [b.min, b.max, b.initial, b.surveillance, b.recertification])).toEqual(ANNEX1);
    expect(table.minimums).toEqual({ initial: 2, surveillance: 1, recertification: 1 });
    expect(table.reductionCap).toBe(0.3);
    expect(table.onSiteMin).toBe(0.8);
    expect(table.increases.map((f) => [f.code, f.step])).toEqual(["a", "b", "c", "d", "e"].map((c) => [c, 0.5]));
    expect(table.reductions.map((f) => f.code)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
  });

  const edges = ANNEX1.flatMap(([min, max, i, s, r]) => [
    [min, min, max, i, s, r],
    [max, min, max, i, s, r],
  ]);
  it.each(edges)("%d people → band %d-%d: %d / %d / %d man-days", (staff, min, max, initial, surveillance, recertification) => {
    for (const [audit, value] of [["initial", initial], ["surveillance", surveillance], ["recertification", recertification]] as const) {
      const r = calc(staff, audit);
      expect(r.band).toEqual({ min, max });
      expect(r.tableValue).toBe(value);
      expect(r.total).toBe(value);
    }
  });

  it("a fractional headcount falls in the band whose max it does not exceed (65.5 → 66-175)", () => {
    expect(calc(65.5).band).toEqual({ min: 66, max: 175 });
    expect(calc(0.5).band).toEqual({ min: 1, max: 65 });
    expect(bandFor(table, 4350.5)).toBeNull();
  });

  it("4351 people: no table value, the body decides", () => {
    const r = calc(4351, "surveillance", ["a"], ["1"]);
    expect(r.band).toBeNull();
    expect(r.tableValue).toBeNull();
    expect(r.total).toBeNull();
    expect(r.onSiteMin).toBeNull();
    expect(r.offSiteMax).toBeNull();
    expect(r.notes.map((n) => n.code)).toContain("outside-table");
    expect(r.notes.find((n) => n.code === "outside-table")?.zh).toContain("由认证机构确定");
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("a headcount of %d is an error", (staff) => {
    expect(() => calc(staff)).toThrow(ManDayInputError);
  });
});

describe("注3 increases: each at least 0.5", () => {
  it("a–e on 3 man-days (initial, 176-275) give 5.5, flagged as a least figure", () => {
    const r = calc(200, "initial", ["a", "b", "c", "d", "e"]);
    expect(r.increase).toBe(2.5);
    expect(r.total).toBe(5.5);
    expect(r.notes.map((n) => n.code)).toEqual(["at-least"]);
    expect(r.increaseFactors.map((f) => f.code)).toEqual(["a", "b", "c", "d", "e"]);
  });
  it("codes are read case-insensitively; unknown and repeated codes are errors", () => {
    expect(calc(200, "initial", ["A"]).increase).toBe(0.5);
    expect(() => calc(200, "initial", ["f"])).toThrow(/unknown increase factor "f"; known: a, b, c, d, e/);
    expect(() => calc(200, "initial", ["a", "a"])).toThrow(/given twice/);
  });
});

describe("注4 e reductions, capped at 30% of the 附件1 value (§6.1.7)", () => {
  it("exactly at the cap: 3 × 0.5 = 1.5 = 30% of 5 → all of it, no cap note", () => {
    const r = calc(1000, "initial", [], ["1", "2", "3"]);
    expect(r.reductionLimit).toBe(1.5);
    expect(r.reduction).toBe(1.5);
    expect(r.total).toBe(3.5);
    expect(r.notes.map((n) => n.code)).not.toContain("reduction-capped");
  });
  it("above the cap: 4 × 0.5 = 2 > 1.5 → 1.5", () => {
    const r = calc(1000, "initial", [], ["1", "2", "3", "4"]);
    expect(r.reductionAsked).toBe(2);
    expect(r.reduction).toBe(1.5);
    expect(r.total).toBe(3.5);
    expect(r.notes.map((n) => n.code)).toContain("reduction-capped");
  });
  it("a count works like codes", () => {
    expect(calc(1000, "initial", [], 4)).toMatchObject({ reductionAsked: 2, reduction: 1.5, total: 3.5, reductionFactors: [] });
    expect(calc(1000, "initial", [], 0)).toMatchObject({ reduction: 0, total: 5 });
    expect(() => calc(1000, "initial", [], -1)).toThrow(ManDayInputError);
    expect(() => calc(1000, "initial", [], 1.5)).toThrow(ManDayInputError);
  });
  it("the cap is 30% of the table value, not of the value after increases: 5 + 1 − min(2, 1.5) = 4.5", () => {
    const r = calc(1000, "initial", ["a", "b"], ["1", "2", "3", "4"]);
    expect(r.reduction).toBe(1.5);
    expect(r.total).toBe(4.5);
  });
  it("cap with a fractional result: surveillance 276-425 (1.5) − 0.5 → cap 0.45 → 1.05", () => {
    const r = calc(300, "surveillance", [], ["1"]);
    expect(r.reductionLimit).toBe(0.45);
    expect(r.reduction).toBe(0.45);
    expect(r.total).toBe(1.05);
  });
  it("unknown reduction codes are errors", () => {
    expect(() => calc(300, "initial", [], ["14"])).toThrow(/unknown reduction factor "14"/);
  });
});

describe("注2 minimums win over reductions", () => {
  it("initial, 1-65: 2 − 0.5 would be 1.5 < 2 → 2, reduction 0", () => {
    const r = calc(65, "initial", [], ["1"]);
    expect(r.total).toBe(2);
    expect(r.reduction).toBe(0);
    expect(r.notes.map((n) => n.code)).toContain("minimum-applied");
  });
  it("initial, 66-175: 2.5 − min(1, 0.75) = 1.75 < 2 → 2, reduction 0.5", () => {
    const r = calc(66, "initial", [], ["1", "2"]);
    expect(r.reductionAsked).toBe(1);
    expect(r.total).toBe(2);
    expect(r.reduction).toBe(0.5);
    expect(r.notes.map((n) => n.code)).toEqual(["reduction-capped", "minimum-applied", "on-site-minimum"]);
  });
  it("surveillance 1 and recertification 1.5 never go below 1", () => {
    expect(calc(10, "surveillance", [], 5).total).toBe(1);
    const r = calc(10, "recertification", [], 5);
    expect(r.reduction).toBe(0.45);
    expect(r.total).toBe(1.05);
  });
  it("increases can outweigh reductions: surveillance 1 + 0.5 − 0.3 = 1.2", () => {
    expect(calc(10, "surveillance", ["a"], ["1"])).toMatchObject({ total: 1.2, reduction: 0.3 });
  });
});

describe("on-site ≥ 80% of the total (§6.1.7, 注5), and ≥ the minimum (注2)", () => {
  it.each([
    // staff, audit, on-site, off-site
    [4350, "initial", 4.8, 1.2],
    [1000, "recertification", 2.8, 0.7],
    [10, "recertification", 1.2, 0.3],
    [300, "initial", 2.8, 0.7],
  ] as const)("%d people, %s: on-site ≥ %d, off-site ≤ %d", (staff, audit, onSite, offSite) => {
    const r = calc(staff, audit);
    expect(r.onSiteMin).toBe(onSite);
    expect(r.offSiteMax).toBe(offSite);
    expect((r.onSiteMin ?? 0) + (r.offSiteMax ?? 0)).toBeCloseTo(r.total ?? -1, 10);
  });
  it("initial 2 man-days: 80% is 1.6 but the on-site minimum is 2, so no off-site time is left", () => {
    const r = calc(1, "initial");
    expect(r.onSiteMin).toBe(2);
    expect(r.offSiteMax).toBe(0);
    expect(r.notes.map((n) => n.code)).toEqual(["on-site-minimum"]);
  });
  it("surveillance 1.05: 80% is 0.84, the minimum 1 wins", () => {
    const r = calc(300, "surveillance", [], ["1"]);
    expect(r.onSiteMin).toBe(1);
    expect(r.offSiteMax).toBe(0.05);
  });
});

describe("注1 and 注5: what a man-day is and counts, said with every result", () => {
  it("8 hours a man-day: 2.75 man-days are 22 hours, at least 17.6 on site; travel is not counted", () => {
    const r = calc(100, "initial", ["a", "b"], 2);
    expect([r.total, r.hours, r.onSiteMin, r.onSiteHours]).toEqual([2.75, 22, 2.2, 17.6]);
    expect(r.basis.map((n) => n.code)).toEqual(["day-hours", "travel-not-counted"]);
    expect(r.basis[0]?.zh).toBe("每个人日为 8 小时完整的正常工作日：合计 22 小时，现场不少于 17.6 小时；不能通过增加每天的工作时间来减少审核天数（附件1 注1）。");
    expect(r.basis[1]?.zh).toBe("往返于审核场所之间的时间不计入审核人日（附件1 注5）。");
    // The exceptions stay apart: 注1 and 注5 are no note of their own.
    expect(r.notes.map((n) => n.code)).toEqual(["at-least", "reduction-capped"]);
  });

  it("beyond the table: no figures in hours, the statements still made", () => {
    const r = calc(5000);
    expect([r.hours, r.onSiteHours]).toEqual([null, null]);
    expect(r.basis[0]?.en).toBe("A man-day is a full normal working day of 8 hours; longer days may not reduce the number of audit days (annex 1 note 1).");
  });
});

