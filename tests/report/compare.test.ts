import { loadSchemes } from "../../src/cli/schemeFiles";
import { compareCards } from "../../src/report/compare";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { handPair } from "../support/comparePair";
import { miniScheme } from "../support/miniScheme";

const schemes = loadSchemes();
const scheme = (id: string) => {
  const s = schemes.get(id);
  if (s === undefined) throw new Error(id);
  return s;
};
const SELF = scheme("gbt27922-2011-self");
const CCT = scheme("cct-sc03-12");

describe("self-assessment against audit, worked by hand", () => {
  const { self, audit } = handPair();
  const selfCard = scoreAssessment(SELF, self);
  const auditCard = scoreAssessment(CCT, audit);
  const c = compareCards(SELF, selfCard, CCT, auditCard);
  const row = (clause: string) => c.rows.find((r) => r.clauses.includes(clause));

  it("the largest absolute gaps first: 5.1.5.2 +3, 5.2.4.3 −2, 5.1.2.1 +1 (share), 5.1.2.2 −0.8 (share)", () => {
    expect(c.rows.slice(0, 4).map((r) => [r.clauses.join("+"), Number((r.gap ?? NaN).toFixed(10)), r.byShare])).toEqual([
      ["5.1.5.2", 3, false],
      ["5.2.4.3", -2, false],
      ["5.1.2.1", 1, true],
      ["5.1.2.2", -0.8, true],
    ]);
    // The rest of the common clauses agree, in the audit scheme's order.
    const rest = c.rows.slice(4).filter((r) => r.kind === "both");
    expect(rest.every((r) => r.gap === 0)).toBe(true);
    expect(rest.map((r) => r.clauses[0])).toEqual(CCT.items.map((i) => i.clause).filter((id) => !["5.1.5.2", "5.2.4.3", "5.1.2.1", "5.1.2.2", "5.1.1.3", "5.2.1.4", "5.2.5.5"].includes(id)));
  });

  it("5.1.2.1 (self 1 point, CCT 2) and 5.1.2.2 (5 vs 4) are compared as shares of the maximum", () => {
    const a = row("5.1.2.1");
    expect(a?.self).toEqual({ earned: 1, max: 1, applicableMax: 1, share: 1, status: "scored" });
    expect(a?.audit).toEqual({ earned: 1, max: 2, applicableMax: 2, share: 0.5, status: "scored" });
    // Equal points (1 and 1) but not the same thing: 100 % against 50 %, i.e. +0.5 × 2 = +1 on the CCT scale.
    expect(a?.shareGap).toBe(0.5);
    expect(a?.gap).toBe(1);
    const b = row("5.1.2.2");
    expect(b?.self.share).toBe(0.8);
    expect(b?.audit.share).toBe(1);
    expect(b?.shareGap).toBeCloseTo(-0.2, 12);
    expect(b?.gap).toBeCloseTo(-0.8, 12);
    expect(b?.codes).toEqual(["A5"]);
  });

  it("not applicable on one side: listed after the gaps, with no gap", () => {
    expect(c.rows.slice(-2).map((r) => [r.clauses[0], r.kind, r.gap, r.shareGap])).toEqual([
      ["5.2.1.4", "na-self", null, null],
      ["5.2.5.5", "na-audit", null, null],
    ]);
    expect(row("5.2.1.4")?.audit).toEqual({ earned: 1, max: 1, applicableMax: 1, share: 1, status: "scored" });
    expect(row("5.2.1.4")?.self).toEqual({ earned: 0, max: 1, applicableMax: 0, share: null, status: "na" });
  });

  it("the self form's row 5.1.1.2 (which carries 5.1.1.3) meets CCT's 5.1.1.2; CCT's 0-point 5.1.1.3 is left out", () => {
    expect(c.rows.length).toBe(50);
    expect(row("5.1.1.2")?.clauses).toEqual(["5.1.1.2"]);
    expect(row("5.1.1.2")?.alsoClauses).toEqual(["5.1.1.3"]);
    expect(c.onlySelf).toEqual([]);
    expect(c.onlyAudit).toEqual([]);
    expect(c.zeroPoint).toEqual([]);
  });

  it("section totals and the two levels", () => {
    // 5.1: self 40 − 1 = 39 / 40; audit 40 − 1 − 3 = 36 / 40 → +3.
    // 5.2: self 35 − 2 − (5.2.1.4 n/a, 1) = 32 / 34; audit 35 − (5.2.5.5 n/a, 2) = 33 / 33 → shares 94.12 % vs 100 %.
    // 5.3: 25 / 25 each.
    expect(c.sections.map((s) => [s.id, s.self?.earned, s.self?.applicableMax, s.audit?.earned, s.audit?.applicableMax, s.byShare])).toEqual([
      ["5.1", 39, 40, 36, 40, false],
      ["5.2", 32, 34, 33, 33, true],
      ["5.3", 25, 25, 25, 25, false],
    ]);
    expect(c.sections[0]?.gap).toBe(3);
    expect(c.sections[1]?.shareGap).toBeCloseTo(32 / 34 - 1, 12);
    expect(c.sections[1]?.gap).toBeCloseTo((32 / 34 - 1) * 33, 12);
    expect(c.sections[2]?.gap).toBe(0);
    // Totals: self 96 ÷ 99 × 100 = 96.97 (五星级); audit 94 ÷ 98 × 100 = 95.92 (五星级).
    expect([c.self.total, c.self.level?.name, c.audit.total, c.audit.level?.name]).toEqual([96.97, "五星级", 95.92, "五星级"]);
    expect(c.totals.byShare).toBe(false);
    expect(c.totals.gap).toBeCloseTo(1.05, 9);
  });

  it("missing entries are marked, not hidden", () => {
    const { self: s2 } = handPair();
    delete s2.entries["5.3.2.2"];
    const c2 = compareCards(SELF, scoreAssessment(SELF, s2), CCT, auditCard);
    const r = c2.rows.find((x) => x.clauses.includes("5.3.2.2"));
    expect(r?.self.status).toBe("missing");
    expect(r?.gap).toBe(-7);
    expect(c2.rows[0]).toBe(r);
  });
});

describe("clauses in one scheme only, and different full marks", () => {
  it("lists them apart and compares the totals as shares", () => {
    const a = miniScheme();
    // Scheme b: 1.1.1 gone, a new 3.1; full marks 200 (every item 20).
    const b = miniScheme({
      id: "mini-b",
      fullMarks: 200,
      sections: [
        { id: "1", title: "第一部分", subsections: [{ id: "1.1", title: "甲", items: ["1.1.2", "1.1.3"].map((clause) => ({ clause, text: clause, points: 20 })) }] },
        { id: "3", title: "第三部分", items: [{ clause: "3.1", text: "新条款", points: 160 }] },
      ],
      levels: [{ name: "达标级", nameEn: "Qualified", min: 140, stars: 0 }],
      passMark: 140,
    });
    const ea = Object.fromEntries(a.items.map((i) => [i.clause, { percent: 80 }]));
    const eb = { "1.1.2": { percent: 100 }, "1.1.3": { percent: 50 }, "3.1": { percent: 90 } };
    const c = compareCards(a, scoreAssessment(a, { scheme: "mini", role: "audit", entries: ea }), b, scoreAssessment(b, { scheme: "mini-b", role: "audit", entries: eb }));
    expect(c.rows.map((r) => [r.clauses[0], r.byShare, r.shareGap, r.gap])).toEqual([
      // 1.1.2: 8/10 = 80 % vs 20/20 = 100 % → −0.2 × 20 = −4; 1.1.3: 80 % vs 50 % → +0.3 × 20 = +6.
      ["1.1.3", true, expect.closeTo(0.3, 12), expect.closeTo(6, 12)],
      ["1.1.2", true, expect.closeTo(-0.2, 12), expect.closeTo(-4, 12)],
    ]);
    expect(c.onlySelf.map((r) => r.clauses[0])).toEqual(["1.1.1", "1.2.1", "1.2.2", "2.1", "2.2", "2.3", "2.4", "2.5"]);
    expect(c.onlyAudit.map((r) => [r.clauses[0], r.side.earned])).toEqual([["3.1", 144]]);
    // 1.2.2 carries the 0-point 1.2.3: the row is compared (here: only in a), 1.2.3 is not a 0-point leftover.
    expect(c.zeroPoint).toEqual([]);
    // Totals: a 80 / 100; b (20 + 10 + 144) = 174 / 200 = 87 % → −7 percentage points, −14 on b's 200.
    expect(c.totals.byShare).toBe(true);
    expect(c.totals.shareGap).toBeCloseTo(0.8 - 0.87, 12);
    expect(c.totals.gap).toBeCloseTo(-14, 9);
    expect(c.sections.map((s) => [s.id, s.self === null, s.audit === null])).toEqual([
      ["1", false, false],
      ["3", true, false],
      ["2", false, true],
    ]);
  });
});
