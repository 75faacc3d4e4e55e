import type { FindingCode } from "../../src/findings/catalogue";
import type { Assessment, Entry } from "../../src/scoring/assessment";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import type { ScoreCard } from "../../src/scoring/card";
import { schemeFile } from "../support/schemes";

/**
 * The rules of the documents the engine applies beyond points: sample records (CCT 附件2 评分要求 1–2),
 * reasons for 删减 (6.3.6), clause ids as the documents write them (completeness 2.1) and the completeness
 * scheme's prerequisite. Each figure below is worked by hand.
 */

const cct = schemeFile("cct-sc03-12");
const completeness = schemeFile("completeness-2025");
const maturity = schemeFile("maturity-jsgf-06");

/** Every item at 100 %, then the entries given. */
function audit(schemeId: string, items: readonly { clause: string }[], entries: Record<string, Entry>, header: Assessment["header"] = {}): Assessment {
  return { scheme: schemeId, role: "audit", header, entries: { ...Object.fromEntries(items.map((i) => [i.clause, { percent: 100 }])), ...entries } };
}

const cctAudit = (entries: Record<string, Entry>) => scoreAssessment(cct, audit(cct.id, cct.items, entries));
const found = (card: ScoreCard): [FindingCode, string | undefined, string | undefined][] => card.findings.map((f) => [f.code, f.location.clause, f.location.field]);
const item = (card: ScoreCard, clause: string) => card.items.find((i) => i.clause === clause);

describe("sample records (CCT 附件2 评分要求 1): share = (checked − nonconforming) ÷ checked", () => {
  it("10 checked, 2 not conforming on 5.1.2.2 (4 points): 80 %, 3.2 points, total 99.2", () => {
    const card = cctAudit({ "5.1.2.2": { samples: { checked: 10, nonconforming: 2 } } });
    expect(item(card, "5.1.2.2")).toMatchObject({ earned: 3.2, status: "scored", samples: { checked: 10, nonconforming: 2 } });
    expect(card.total).toBe(99.2);
    expect(card.findings).toEqual([]);
  });

  it("a percentage typed beside its record that agrees is no finding (80 %, ８０％, 80.1 % within half a cent)", () => {
    for (const percent of [80, "８０％", 80.1]) {
      const card = cctAudit({ "5.1.2.2": { percent, samples: { checked: 10, nonconforming: 2 } } });
      expect([percent, found(card)]).toEqual([percent, []]);
      expect(item(card, "5.1.2.2")?.earned).toBe(3.2);
    }
  });

  it("a percentage that disagrees with its record is an error; the record counts (80.2 % of 4 is 3.208, 0.008 off)", () => {
    for (const percent of [80.2, 75]) {
      const card = cctAudit({ "5.1.2.2": { percent, samples: { checked: 10, nonconforming: 2 } } });
      expect(found(card)).toEqual([["SS114", "5.1.2.2", "percent"]]);
      expect(item(card, "5.1.2.2")?.earned).toBe(3.2);
    }
  });

  it("counts typed as text, full-width or with spaces are read; 1 of 3 gives 2/3 of the points", () => {
    const card = cctAudit({ "5.1.2.1": { samples: { checked: " ３ ", nonconforming: "1" } } });
    expect(item(card, "5.1.2.1")?.earned).toBeCloseTo(4 / 3, 12);
    expect(card.findings).toEqual([]);
  });

  it("all samples conforming gives full points; all not conforming gives none", () => {
    expect(item(cctAudit({ "5.1.2.2": { samples: { checked: 5, nonconforming: 0 } } }), "5.1.2.2")?.earned).toBe(4);
    expect(item(cctAudit({ "5.1.2.2": { samples: { checked: 5, nonconforming: 5 } } }), "5.1.2.2")?.earned).toBe(0);
  });

  it("more nonconforming than checked is an error; the typed percentage counts", () => {
    const card = cctAudit({ "5.1.2.2": { percent: 50, samples: { checked: 5, nonconforming: 6 } } });
    expect(found(card)).toEqual([
      ["SS113", "5.1.2.2", "nonconforming"],
      ["SS110", "5.1.2.2", "percent"],
    ]);
    expect(item(card, "5.1.2.2")?.earned).toBe(2);
  });

  it("0 checked is an error, never a share of 0 or 100 %; with nothing typed the entry is missing too", () => {
    const card = cctAudit({ "5.1.2.2": { samples: { checked: 0, nonconforming: 0 } } });
    expect(found(card)).toEqual([
      ["SS112", "5.1.2.2", "checked"],
      ["SS101", "5.1.2.2", "percent"],
    ]);
    expect(item(card, "5.1.2.2")).toMatchObject({ earned: 0, status: "missing", samples: null });
  });

  it("a count that is not a whole number, or a missing one, is an error naming its field", () => {
    expect(found(cctAudit({ "5.1.2.2": { percent: 100, samples: { checked: "十", nonconforming: 0 } } }))).toEqual([["SS111", "5.1.2.2", "checked"]]);
    expect(found(cctAudit({ "5.1.2.2": { percent: 100, samples: { checked: 2.5, nonconforming: 0 } } }))).toEqual([["SS111", "5.1.2.2", "checked"]]);
    expect(found(cctAudit({ "5.1.2.2": { percent: 100, samples: { checked: 10 } } }))).toEqual([["SS111", "5.1.2.2", "nonconforming"]]);
    expect(found(cctAudit({ "5.1.2.2": { percent: 100, samples: { checked: 10, nonconforming: -1 } } }))).toEqual([["SS111", "5.1.2.2", "nonconforming"]]);
  });

  it("不适用 wins over a sample record", () => {
    const card = cctAudit({ "5.1.2.2": { percent: "不适用", reason: "无售后服务管理人员岗位", samples: { checked: 10, nonconforming: 2 } } });
    expect(item(card, "5.1.2.2")).toMatchObject({ applicable: false, status: "na" });
    expect(card.findings).toEqual([]);
  });
});

describe("which indicators are sampled (评分要求 1) and which all or nothing (评分要求 2)", () => {
  it("the scheme judges each indicator with points, with its reason; 17 of 50 are sampled, 5.2.1.3 (评分要求 2's example) is not", () => {
    const scored = cct.items.filter((i) => i.max > 0);
    expect(scored.filter((i) => i.scoring === undefined)).toEqual([]);
    expect(scored.every((i) => (i.scoring?.why ?? "").length > 0)).toBe(true);
    expect(cct.items.filter((i) => i.scoring?.by === "samples").map((i) => i.code)).toEqual(
      ["A4", "A5", "A7", "A8", "B6", "B7", "B8", "B11", "B13", "B14", "B15", "B16", "B17", "B20", "C3", "C6", "C7"],
    );
    expect(cct.byClause.get("5.2.1.3")?.scoring).toEqual({ by: "qualitative", why: "评分要求 2 自己的例子：“明示商品的报修期限”" });
    // The examples 评分要求 1 names: 人员资质、能力、行为态度、服务记录、设施完善度、投诉解决情况.
    for (const kind of ["人员资质", "能力", "行为态度", "服务记录", "设施完善度", "投诉解决情况"]) {
      expect([kind, cct.items.some((i) => i.scoring?.by === "samples" && (i.scoring.why ?? "").startsWith(kind))]).toEqual([kind, true]);
    }
  });

  it("a sampled indicator: 80 % without a record is a warning citing 评分要求, located to the percentage; it counts", () => {
    const card = cctAudit({ "5.3.2.2": { percent: 80 } });
    expect(found(card)).toEqual([["SS110", "5.3.2.2", "percent"]]);
    const f = card.findings[0];
    expect(f?.code === "SS110" ? f.params.source : undefined).toMatch(/评分要求/);
    expect(item(card, "5.3.2.2")?.earned).toBeCloseTo(5.6, 12);
  });

  it("a qualitative indicator: 80 % is partial credit on an all-or-nothing indicator (SS119), located to the percentage; it counts", () => {
    const card = cctAudit({ "5.2.1.3": { percent: 80 } });
    expect(found(card)).toEqual([["SS119", "5.2.1.3", "percent"]]);
    const f = card.findings[0];
    expect(f?.code === "SS119" ? [f.params.share, f.params.why] : undefined).toEqual([0.8, "评分要求 2 自己的例子：“明示商品的报修期限”"]);
    expect(item(card, "5.2.1.3")?.earned).toBe(0.8);
  });

  it("a sample record on 5.2.1.3 gives no 70 %: the record is not used (SS118, located to 样本数) and the percentage counts", () => {
    const card = cctAudit({ "5.2.1.3": { samples: { checked: 10, nonconforming: 3 } } });
    expect(found(card)).toEqual([
      ["SS118", "5.2.1.3", "checked"],
      ["SS101", "5.2.1.3", "percent"],
    ]);
    expect(item(card, "5.2.1.3")).toMatchObject({ earned: 0, status: "missing", samples: null });
    const typed = cctAudit({ "5.2.1.3": { percent: 100, samples: { checked: 10, nonconforming: 3 } } });
    expect([found(typed), item(typed, "5.2.1.3")?.earned]).toEqual([[["SS118", "5.2.1.3", "checked"]], 1]);
    expect(found(cctAudit({ "5.2.1.3": { percent: 70, samples: { checked: 10, nonconforming: 3 } } }))).toEqual([
      ["SS118", "5.2.1.3", "checked"],
      ["SS119", "5.2.1.3", "percent"],
    ]);
  });

  it("0 % and 100 % are not partial; 0.5 % and 99.5 % are", () => {
    for (const clause of ["5.2.1.3", "5.3.2.2"]) {
      expect(found(cctAudit({ [clause]: { percent: 0 } }))).toEqual([]);
      expect(found(cctAudit({ [clause]: { percent: 100 } }))).toEqual([]);
    }
    expect(found(cctAudit({ "5.2.1.3": { percent: 0.5 } }))).toEqual([["SS119", "5.2.1.3", "percent"]]);
    expect(found(cctAudit({ "5.3.2.2": { percent: 99.5 } }))).toEqual([["SS110", "5.3.2.2", "percent"]]);
  });

  it("a score instead of a percentage is read the same way", () => {
    expect(found(cctAudit({ "5.2.1.3": { score: 0.5 } }))).toEqual([["SS119", "5.2.1.3", "score"]]);
    expect(found(cctAudit({ "5.3.2.2": { score: 3.5 } }))).toEqual([["SS110", "5.3.2.2", "score"]]);
  });

  it("the maturity report states no such rule: 80 % is no finding", () => {
    const card = scoreAssessment(maturity, audit(maturity.id, maturity.items, { "5.1.1.1": { percent: 80 } }));
    expect(card.findings).toEqual([]);
  });

  it("a self-assessment on the CCT sheet is the organisation's own claim: no finding", () => {
    const self: Assessment = {
      scheme: cct.id,
      role: "self",
      entries: Object.fromEntries(cct.items.map((i) => [i.clause, { conclusion: "符合", score: i.clause === "5.1.2.2" ? 3 : i.max }])),
    };
    expect(scoreAssessment(cct, self).findings).toEqual([]);
  });
});

describe("reasons for 删减 (CCT 6.3.6)", () => {
  it("applicable: false without a reason is a warning located to the reason", () => {
    const card = cctAudit({ "5.2.5.5": { applicable: false } });
    expect(found(card)).toEqual([["SS115", "5.2.5.5", "reason"]]);
    expect(item(card, "5.2.5.5")).toMatchObject({ applicable: false, reason: null });
  });

  it("with a reason, no finding, and the reason is kept", () => {
    const card = cctAudit({ "5.2.5.5": { applicable: false, reason: "生产型企业，非贸易型" } });
    expect(card.findings).toEqual([]);
    expect(item(card, "5.2.5.5")?.reason).toBe("生产型企业，非贸易型");
  });

  it("不适用 with the row's remark (现场评审记录) as the reason", () => {
    const card = cctAudit({ "5.2.5.5": { percent: "不涉及", note: "生产型企业" } });
    expect(card.findings).toEqual([]);
    expect(item(card, "5.2.5.5")?.reason).toBe("生产型企业");
  });

  it("a blank reason is no reason", () => {
    expect(found(cctAudit({ "5.2.5.5": { applicable: false, reason: "\u3000 " } }))).toEqual([["SS115", "5.2.5.5", "reason"]]);
  });

  it("50 of 51 items left out with no reason: 50 warnings, not a silent 五星级", () => {
    const entries = Object.fromEntries(cct.items.slice(1).map((i) => [i.clause, { applicable: false }]));
    const card = cctAudit(entries);
    // 5.1.1.3 carries 0 points: leaving it out changes nothing and owes no reason.
    expect(card.findings.filter((f) => f.code === "SS115")).toHaveLength(cct.items.length - 2);
    expect(card.notApplicableCount).toBe(cct.items.length - 1);
  });
});

describe("clause ids as the documents write them", () => {
  const complete = (entries: Record<string, Entry>, header: Assessment["header"] = { "GB/T 27922 证书编号": "CCT-SC-2024-0001" }) => {
    const base = completeness.items.filter((i) => !i.clause.startsWith("2.1"));
    return scoreAssessment(completeness, audit(completeness.id, base, entries, header));
  };

  it('an entry keyed "2.1" fills 2.1a and 2.1b: 80 % of each 5 = 8 of 10; total 148, no finding', () => {
    const card = complete({ "2.1": { percent: 80 } });
    expect([item(card, "2.1a")?.earned, item(card, "2.1b")?.earned]).toEqual([4, 4]);
    expect(card.applicableMax).toBe(150);
    expect(card.total).toBe(148);
    expect(card.findings).toEqual([]);
  });

  it('a score for "2.1" is shared out by the parts\' points: 7 → 3.5 + 3.5', () => {
    const card = complete({ "2.1": { score: 7 } });
    expect([item(card, "2.1a")?.earned, item(card, "2.1b")?.earned]).toEqual([3.5, 3.5]);
    expect(card.total).toBe(147);
  });

  it('"2.1" left out with a reason leaves out both parts', () => {
    const card = complete({ "2.1": { applicable: false, reason: "无售后服务技术人员" } });
    expect(card.items.filter((i) => i.clause.startsWith("2.1")).map((i) => [i.clause, i.applicable, i.reason])).toEqual([
      ["2.1a", false, "无售后服务技术人员"],
      ["2.1b", false, "无售后服务技术人员"],
    ]);
    expect(card.applicableMax).toBe(140);
    expect(card.findings).toEqual([]);
  });

  it('"2.1" and "2.1a" both entered: the part counts, with a warning on it; 2.1b takes "2.1"', () => {
    const card = complete({ "2.1": { percent: 60 }, "2.1a": { percent: 100 } });
    expect(found(card)).toEqual([["SS116", "2.1a", undefined]]);
    expect([item(card, "2.1a")?.earned, item(card, "2.1b")?.earned]).toEqual([5, 3]);
  });

  it("a dimension code (维度) names its row: A5 is 5.1.2.2", () => {
    const { "5.1.2.2": _, ...rest } = Object.fromEntries(cct.items.map((i) => [i.clause, { percent: 100 } as Entry]));
    const card = scoreAssessment(cct, { scheme: cct.id, role: "audit", entries: { ...rest, a5: { percent: 0 } } });
    expect(item(card, "5.1.2.2")?.earned).toBe(0);
    expect(card.findings).toEqual([]);
  });

  it("a clause no document has is still a warning (SS106), never silently dropped", () => {
    expect(found(complete({ "2.1": { percent: 100 }, "2.3": { percent: 100 } }))).toEqual([["SS106", "2.3", undefined]]);
  });
});

describe("the completeness prerequisite decides (GB/T 27922 certificate)", () => {
  const all = (header: Assessment["header"]) => scoreAssessment(completeness, audit(completeness.id, completeness.items, {}, header));

  it("with the certificate number: 150, 五星（卓绝）", () => {
    const card = all({ "GB/T 27922 证书编号": "CCT-SC-2024-0001" });
    expect([card.total, card.graded, card.level?.name, card.notGradedBy]).toEqual([150, true, "五星（卓绝）", []]);
  });

  it("without it: the total stands but there is no level, no pass, and the reason is given", () => {
    const headers: Assessment["header"][] = [{}, { "GB/T 27922 证书编号": "  " }, { "GB/T 27922 证书编号": null }];
    for (const header of headers) {
      const card = all(header);
      expect([card.total, card.graded, card.passed, card.level, card.notGradedBy]).toEqual([150, false, false, null, ["prerequisite"]]);
      expect(found(card)).toEqual([["SS601", undefined, "GB/T 27922 证书编号"]]);
    }
  });
});
