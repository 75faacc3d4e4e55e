import type { FindingCode } from "../../src/findings/catalogue";
import type { Assessment, Entry } from "../../src/scoring/assessment";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import type { ScoreCard } from "../../src/scoring/card";
import { RoleMismatchError } from "../../src/scheme/roles";
import { MINI_CLAUSES, miniScheme } from "../support/miniScheme";

const scheme = miniScheme();

function audit(percent: (clause: string) => Entry["percent"], extra: Partial<Assessment> = {}): Assessment {
  return {
    scheme: "mini",
    role: "audit",
    entries: Object.fromEntries(MINI_CLAUSES.map((c) => [c, { percent: percent(c) }])),
    ...extra,
  };
}

function codes(card: ScoreCard): [FindingCode, string | undefined][] {
  return card.findings.map((f) => [f.code, f.location.clause ?? f.location.field]);
}

describe("audit role: earned = points × 得分比例", () => {
  it("every item at p% gives a total of p", () => {
    const card = scoreAssessment(scheme, audit(() => 90));
    expect(card.raw).toBeCloseTo(90, 10);
    expect(card.total).toBe(90);
    expect(card.level?.name).toBe("四星级");
    expect(card.passed).toBe(true);
    expect(card.findings).toEqual([]);
    expect(card.sections.map((s) => [s.id, s.max, s.earned])).toEqual([
      ["1", 50, expect.closeTo(45, 10)],
      ["2", 50, expect.closeTo(45, 10)],
    ]);
  });

  it("reads the lenient forms of a percentage", () => {
    const typed = ["９５", "95%", "95 %", "９５％", 95, " 95 ", "95", "95.0", "95%", "95"];
    const card = scoreAssessment(scheme, audit((c) => typed[MINI_CLAUSES.indexOf(c)] ?? null));
    expect(card.total).toBe(95);
    expect(card.findings).toEqual([]);
  });
});

describe("not applicable: the item leaves the earned points and the maximum", () => {
  it.each(["不适用", "不涉及", "N/A", "n/a", "删减"])("%p rescales raw ÷ applicable maximum × full marks", (na) => {
    // Two items N/A, the other eight at 90%: raw 72 of 80 applicable → 72 ÷ 80 × 100 = 90.
    const card = scoreAssessment(scheme, audit((c) => (c === "2.4" || c === "2.5" ? na : 90)));
    expect(card.applicableMax).toBe(80);
    expect(card.notApplicableCount).toBe(2);
    expect(card.raw).toBeCloseTo(72, 10);
    expect(card.total).toBe(90);
    expect(card.sections[1]).toMatchObject({ id: "2", max: 50, applicableMax: 30 });
  });

  it("applicable: false counts as not applicable whatever the percentage says", () => {
    const a = audit(() => 90);
    a.entries["2.5"] = { applicable: false, percent: 100 };
    expect(scoreAssessment(scheme, a).applicableMax).toBe(90);
  });

  it("rounds the rescaled total as Excel does: 63.0035 ÷ 70 × 100 = 90.005 → 90.01", () => {
    const card = scoreAssessment(scheme, audit((c) => (["2.3", "2.4", "2.5"].includes(c) ? "不适用" : c === "2.2" ? 90.035 : 90)));
    expect(card.applicableMax).toBe(70);
    expect(card.rescaled).toBeCloseTo(90.005, 9);
    expect(card.total).toBe(90.01);
  });

  it("every item not applicable is an error, not a zero", () => {
    const card = scoreAssessment(scheme, audit(() => "不适用"));
    // Each item also lacks its reason for 删减 (SS115).
    expect(codes(card).filter(([c]) => c !== "SS115")).toEqual([["SS302", undefined]]);
    expect(card.passed).toBe(false);
    expect(card.level).toBeNull();
  });
});

describe("special deductions and bonus", () => {
  const deductions = (n: number) => Array.from({ length: n }, (_, i) => ({ clause: "1.1.1", reason: `原因 ${i + 1}` }));

  it("each deduction costs 1 point after rescaling: 90 − 2 = 88 (三星级)", () => {
    const card = scoreAssessment(scheme, audit(() => 90, { deductions: deductions(2) }));
    expect(card.deductionCount).toBe(2);
    expect(card.total).toBe(88);
    expect(card.level?.name).toBe("三星级");
  });

  it("deductions apply to the rescaled total: 72 ÷ 80 × 100 − 1 = 89", () => {
    const card = scoreAssessment(scheme, audit((c) => (c === "2.4" || c === "2.5" ? "不适用" : 90), { deductions: deductions(1) }));
    expect(card.total).toBe(89);
  });

  it("the bonus adds at most 1 point: 90 + 1 = 91", () => {
    const card = scoreAssessment(scheme, audit(() => 90, { bonus: { points: "1分", reason: "行业领先" } }));
    expect(card.bonus).toBe(1);
    expect(card.total).toBe(91);
  });

  it("a bonus above the maximum is an error and counts as the maximum", () => {
    const card = scoreAssessment(scheme, audit(() => 90, { bonus: { points: 2, reason: "x" } }));
    expect(codes(card)).toEqual([["SS402", "bonus"]]);
    expect(card.total).toBe(91);
  });

  it("a bonus cannot lift the total above full marks", () => {
    expect(scoreAssessment(scheme, audit(() => 100, { bonus: { points: 1, reason: "x" } })).total).toBe(100);
  });

  it("4 deductions are still graded", () => {
    const card = scoreAssessment(scheme, audit(() => 100, { deductions: deductions(4) }));
    expect(card.graded).toBe(true);
    expect(card.total).toBe(96);
    expect(card.level?.name).toBe("五星级");
  });

  it("5 deductions: not graded, whatever the total", () => {
    const card = scoreAssessment(scheme, audit(() => 100, { deductions: deductions(5) }));
    expect(card.graded).toBe(false);
    expect(card.total).toBe(95);
    expect(card.level).toBeNull();
    expect(card.passed).toBe(false);
    expect(codes(card)).toEqual([["SS401", "deductions"]]);
  });

  it("deductions in a scheme without them are an error and not counted", () => {
    const plain = miniScheme({ special: undefined });
    const card = scoreAssessment(plain, audit(() => 90, { deductions: deductions(1) }));
    expect(codes(card)).toEqual([["SS403", "deductions"]]);
    expect(card.total).toBe(90);
  });
});

describe("levels: inclusive lower bounds", () => {
  it.each([
    [100, "五星级"],
    [95, "五星级"],
    [94.99, "四星级"],
    [90, "四星级"],
    [89.99, "三星级"],
    [80, "三星级"],
    [79.99, "达标级"],
    [70, "达标级"],
  ])("total %p → %s", (p, name) => {
    const card = scoreAssessment(scheme, audit(() => p));
    expect(card.total).toBe(p);
    expect(card.level?.name).toBe(name);
    expect(card.passed).toBe(true);
  });

  it("round, then grade: 94.995 raw is 95.00, 五星级; 94.994 raw is 94.99, 四星级 (the sheet's level formula reads its ROUND total too)", () => {
    const up = scoreAssessment(scheme, audit(() => 94.995));
    expect([up.total, up.level?.name]).toEqual([95, "五星级"]);
    const down = scoreAssessment(scheme, audit(() => 94.994));
    expect([down.total, down.level?.name]).toEqual([94.99, "四星级"]);
  });

  it("69.99 fails: no level", () => {
    const card = scoreAssessment(scheme, audit(() => 69.99));
    expect(card.total).toBe(69.99);
    expect(card.level).toBeNull();
    expect(card.passed).toBe(false);
  });
});

describe("errors are findings located to their clause, never silent zeros", () => {
  it("a percentage above 100 or below 0", () => {
    const card = scoreAssessment(scheme, audit((c) => (c === "1.1.2" ? 101 : c === "2.1" ? "-5%" : 90)));
    expect(codes(card)).toEqual([
      ["SS103", "1.1.2"],
      ["SS103", "2.1"],
    ]);
    expect(card.items.find((i) => i.clause === "1.1.2")?.status).toBe("invalid");
  });

  it("text that is not a number", () => {
    const card = scoreAssessment(scheme, audit((c) => (c === "1.2.1" ? "九十" : 90)));
    expect(codes(card)).toEqual([["SS104", "1.2.1"]]);
    expect(card.findings[0]?.location.field).toBe("percent");
  });

  it("a missing percentage", () => {
    const card = scoreAssessment(scheme, audit((c) => (c === "2.3" ? null : 90)));
    expect(codes(card)).toEqual([["SS101", "2.3"]]);
    expect(card.items.find((i) => i.clause === "2.3")?.status).toBe("missing");
  });

  it("an entry for a clause the scheme does not have", () => {
    const a = audit(() => 90);
    a.entries["9.9.9"] = { percent: 100 };
    expect(codes(scoreAssessment(scheme, a))).toEqual([["SS106", "9.9.9"]]);
  });

  it("a role that does not fit the scheme cannot be scored", () => {
    expect(() => scoreAssessment(scheme, { ...audit(() => 90), role: "checklist" })).toThrow(RoleMismatchError);
  });
});

describe("self role: the score typed, with a conclusion", () => {
  function self(entry: (clause: string) => Entry, header: Assessment["header"] = {}): Assessment {
    return { scheme: "mini", role: "self", header, entries: Object.fromEntries(MINI_CLAUSES.map((c) => [c, entry(c)])) };
  }
  const full = (c: string): Entry => ({ conclusion: "符合", score: "10分", evidence: c === "1.1.1" ? "清单" : undefined });

  it("sums the scores typed", () => {
    const card = scoreAssessment(scheme, self((c) => (c === "2.1" ? { conclusion: "符合", score: "７.５分" } : full(c))));
    expect(card.total).toBe(97.5);
    expect(card.findings).toEqual([]);
  });

  it("a score above the item's maximum is an error", () => {
    const card = scoreAssessment(scheme, self((c) => (c === "1.1.3" ? { conclusion: "符合", score: 11 } : full(c))));
    expect(codes(card)).toEqual([["SS102", "1.1.3"]]);
  });

  it("a conclusion outside 符合 / 不符合 / 不适用 is an error", () => {
    const card = scoreAssessment(scheme, self((c) => (c === "1.1.3" ? { conclusion: "基本符合", score: 8 } : full(c))));
    expect(codes(card)).toEqual([["SS105", "1.1.3"]]);
  });

  it("no conclusion and no score are two missing entries", () => {
    const card = scoreAssessment(scheme, self((c) => (c === "2.2" ? {} : full(c))));
    expect(card.findings.map((f) => [f.code, f.location.clause, f.location.field])).toEqual([
      ["SS101", "2.2", "conclusion"],
      ["SS101", "2.2", "score"],
    ]);
  });

  it("missing evidence where the row requires it", () => {
    const card = scoreAssessment(scheme, self((c) => ({ ...full(c), evidence: undefined })));
    expect(codes(card)).toEqual([["SS201", "1.1.1"]]);
  });

  it("不符合 with full marks and 符合 with 0 are inconsistent", () => {
    const card = scoreAssessment(
      scheme,
      self((c) => (c === "2.1" ? { conclusion: "不符合", score: 10 } : c === "2.2" ? { conclusion: "符合", score: 0 } : full(c))),
    );
    expect(codes(card)).toEqual([
      ["SS301", "2.1"],
      ["SS301", "2.2"],
    ]);
  });

  it("不适用 as the conclusion makes the row not applicable", () => {
    const card = scoreAssessment(scheme, self((c) => (c === "2.5" ? { conclusion: "不适用" } : full(c))));
    expect(card.applicableMax).toBe(90);
    expect(card.total).toBe(100);
  });

  it("a row's other clause id finds the same row; a 0-point row needs no entry", () => {
    const entries = Object.fromEntries(MINI_CLAUSES.map((c) => [c === "1.2.2" ? "1.2.3" : c, full(c)]));
    const card = scoreAssessment(scheme, { scheme: "mini", role: "self", entries });
    expect(card.total).toBe(100);
  });

  it("a claimed level above the computed one is an error", () => {
    const card = scoreAssessment(scheme, self((c) => (c === "2.1" ? { conclusion: "不符合", score: 6 } : full(c)), { 申报级别: "5星级" }));
    expect(card.total).toBe(96);
    expect(codes(card)).toEqual([]);
    const lower = scoreAssessment(scheme, self((c) => (c === "2.1" || c === "2.2" ? { conclusion: "不符合", score: 5 } : full(c)), { 申报级别: "五星" }));
    expect(lower.total).toBe(90);
    expect(codes(lower)).toEqual([["SS501", "申报级别"]]);
    expect(lower.claimedLevel?.name).toBe("五星级");
  });

  it("a claimed level the scheme does not know is a warning", () => {
    const card = scoreAssessment(scheme, self(full, { 申报级别: "钻石级" }));
    expect(codes(card)).toEqual([["SS502", "申报级别"]]);
  });
});
