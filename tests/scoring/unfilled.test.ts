import type { Assessment, Entry } from "../../src/scoring/assessment";
import { resultName, verdictName } from "../../src/scoring/levels";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { decideCertification, decisionMessage } from "../../src/scoring/surveillance";
import { schemeFile } from "../support/schemes";

/**
 * A form not completely filled has no result yet: 未填完（n 项未填）, not 不合格 / 不通过, in the engine as in the
 * sheet's own result cells (tests/xlsx/libreoffice.test.ts shows the two agree). n counts the items that owe an
 * entry and have one empty; a 0-point row owes nothing. The claimed level is weighed once there is a result.
 */

const gbt = schemeFile("gbt27922-2011-self");
const maturity = schemeFile("maturity-jsgf-06");
const completeness = schemeFile("completeness-2025");
const checklist = schemeFile("service-characteristics");

const full = (score: (max: number) => number): Record<string, Entry> => Object.fromEntries(gbt.items.map((i) => [i.clause, { conclusion: "符合", score: score(i.max), evidence: "制度文件" }]));
const self = (entries: Record<string, Entry>, header: Assessment["header"] = {}): Assessment => ({ scheme: gbt.id, role: "self", header, entries });

describe("未填完（n 项未填）", () => {
  it("a blank self-assessment: every item with points unfilled, no level, not passed — and not failed either", () => {
    const card = scoreAssessment(gbt, self({}));
    expect([card.unfilled, card.level, card.passed, card.total]).toEqual([50, null, false, 0]);
    expect(resultName(card, gbt, "zh")).toBe("未填完（50 项未填）");
    expect(verdictName(card, gbt, "zh")).toBe("未填完（50 项未填）");
    expect(resultName(card, gbt, "en")).toBe("incomplete (50 not filled)");
  });

  it("counts an item once, whether its conclusion, its score or both are empty", () => {
    const entries = full((m) => m);
    const [a, b, c] = gbt.items;
    entries[a?.clause ?? ""] = { score: a?.max };
    entries[b?.clause ?? ""] = { conclusion: "符合" };
    entries[c?.clause ?? ""] = {};
    const card = scoreAssessment(gbt, self(entries));
    expect(card.unfilled).toBe(3);
    expect(card.items.filter((i) => i.unfilled).map((i) => i.clause)).toEqual([a?.clause, b?.clause, c?.clause]);
  });

  it("an item left out (不适用) owes nothing more", () => {
    const entries = full((m) => m);
    entries[gbt.items[0]?.clause ?? ""] = { conclusion: "不适用", evidence: "不涉及" };
    entries[gbt.items[1]?.clause ?? ""] = { score: "不适用", evidence: "不涉及" };
    expect(scoreAssessment(gbt, self(entries)).unfilled).toBe(0);
  });

  it("a 0-point row (5.1.1.3) owes nothing, blank or half filled: no SS101 and not unfilled", () => {
    const zero = maturity.items.find((i) => i.max === 0);
    const entries: Record<string, Entry> = Object.fromEntries(maturity.items.map((i) => [i.clause, { percent: 100 }]));
    for (const entry of [{}, { note: "已查" }] as Entry[]) {
      entries[zero?.clause ?? ""] = entry;
      const card = scoreAssessment(maturity, { scheme: maturity.id, role: "audit", entries });
      expect([card.unfilled, card.findings.filter((f) => f.code === "SS101")]).toEqual([0, []]);
    }
    const selfEntries: Record<string, Entry> = Object.fromEntries(maturity.items.map((i) => [i.clause, { conclusion: "符合", score: i.max, evidence: "x" }]));
    selfEntries[zero?.clause ?? ""] = { conclusion: "符合" };
    const card = scoreAssessment(maturity, { scheme: maturity.id, role: "self", entries: selfEntries });
    expect([card.unfilled, card.findings.filter((f) => f.code === "SS101")]).toEqual([0, []]);
  });

  it("once every entry is in, the result is the level (or the fail name) as before", () => {
    const card = scoreAssessment(gbt, self(full((m) => m)));
    expect([card.unfilled, resultName(card, gbt, "zh"), verdictName(card, gbt, "zh")]).toEqual([0, "五星级", "通过"]);
    const low = scoreAssessment(gbt, self(full(() => 0)));
    expect([resultName(low, gbt, "zh"), verdictName(low, gbt, "zh")]).toEqual(["不合格", "不通过"]);
  });

  it("a checklist counts its empty conclusions the same way", () => {
    const entries: Record<string, Entry> = Object.fromEntries(checklist.items.slice(2).map((i) => [i.clause, { conclusion: "符合" }]));
    const card = scoreAssessment(checklist, { scheme: checklist.id, role: "checklist", entries });
    expect([card.unfilled, resultName(card, checklist, "zh")]).toEqual([2, "未填完（2 项未填）"]);
  });
});

describe("the claimed level (SS501) is weighed against a result, once there is one", () => {
  it("a form part-way through claiming 五星级 is not yet above its result", () => {
    const entries = full((m) => m);
    delete entries[gbt.items[0]?.clause ?? ""];
    const card = scoreAssessment(gbt, self(entries, { 申报级别: "五星级" }));
    expect(card.findings.map((f) => f.code)).not.toContain("SS501");
    expect(card.claimedLevel?.name).toBe("五星级");
  });

  it("finished at 80 %, the same claim is SS501", () => {
    const card = scoreAssessment(gbt, self(full((m) => m * 0.8), { 申报级别: "五星级" }));
    expect(card.findings.filter((f) => f.code === "SS501").map((f) => f.params)).toEqual([{ claimed: "五星级", computed: "三星级", total: 80, needs: 95 }]);
  });
});

describe("special deductions and the bonus are the auditor's", () => {
  it("in a self-assessment they are not counted, and say so (SS405)", () => {
    const entries = Object.fromEntries(completeness.items.map((i) => [i.clause, { conclusion: "符合", score: i.max, evidence: "x" }]));
    const card = scoreAssessment(completeness, {
      scheme: completeness.id,
      role: "self",
      header: { "GB/T 27922 证书编号": "CCT-001" },
      entries,
      deductions: [{ reason: "a" }, { reason: "b" }],
      bonus: { points: 1, reason: "c" },
    });
    expect([card.deductionCount, card.bonus, card.total]).toEqual([0, 0, 150]);
    expect(card.findings.filter((f) => f.code === "SS405").map((f) => f.params)).toEqual([
      { special: "deduction", count: 2 },
      { special: "bonus", count: 1 },
    ]);
  });
});

describe("a surveillance decision waits for a finished audit sheet", () => {
  it("incomplete: no decision, and the message says why", () => {
    const card = scoreAssessment(maturity, { scheme: maturity.id, role: "audit", entries: {} });
    const d = decideCertification(maturity, "五星级", card);
    expect([d.decision, d.to]).toEqual(["incomplete", null]);
    expect(decisionMessage(d, "zh")).toBe("监督：评分表未填完（93 项未填），逐条评分后才能判定（获证等级“五星级”）。");
  });
});
