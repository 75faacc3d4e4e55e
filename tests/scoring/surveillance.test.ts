import type { Assessment } from "../../src/scoring/assessment";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import type { ScoreCard } from "../../src/scoring/card";
import { decideCertification, decisionJson, decisionMessage, UnknownLevelError, type AuditType } from "../../src/scoring/surveillance";
import { MINI_CLAUSES, miniScheme } from "../support/miniScheme";
import { schemeFile } from "../support/schemes";

// The mini scheme: ten items of 10 points, levels 达标级 70 · 三星级 80 · 四星级 90 · 五星级 95.
const scheme = miniScheme();

/** A ScoreCard whose total is exactly `total` (2 decimals): nine items at the nearest whole percentage, the last making up the rest. */
function cardAt(total: number, deductions = 0): ScoreCard {
  const base = Math.round(total);
  const last = Math.round((10 * total - 9 * base) * 1000) / 1000;
  const assessment: Assessment = {
    scheme: "mini",
    role: "audit",
    entries: Object.fromEntries(MINI_CLAUSES.map((c, i) => [c, { percent: i === MINI_CLAUSES.length - 1 ? last : base }])),
    deductions: Array.from({ length: deductions }, (_, i) => ({ reason: `扣分 ${i + 1}` })),
  };
  const card = scoreAssessment(scheme, assessment);
  if (deductions === 0) expect(card.total).toBe(total);
  return card;
}

const decide = (certified: string, total: number, audit: AuditType = "surveillance") => decideCertification(scheme, certified, cardAt(total), audit);
const outcome = (certified: string, total: number) => {
  const d = decide(certified, total);
  return [d.decision, d.to?.name ?? null];
};

describe("§8.1.3 / §8.2: keep, upgrade, downgrade, withdraw at each level edge", () => {
  it.each([
    // certified, new total, decision, to
    ["达标级", 70, "keep", "达标级"],
    ["达标级", 69.99, "withdraw", null],
    ["达标级", 79.99, "keep", "达标级"],
    ["达标级", 80, "upgrade", "三星级"],
    ["三星级", 80, "keep", "三星级"],
    ["三星级", 79.99, "downgrade", "达标级"],
    ["三星级", 89.99, "keep", "三星级"],
    ["三星级", 90, "upgrade", "四星级"],
    ["三星级", 69.99, "withdraw", null],
    ["四星级", 90, "keep", "四星级"],
    ["四星级", 89.99, "downgrade", "三星级"],
    ["四星级", 94.99, "keep", "四星级"],
    ["四星级", 95, "upgrade", "五星级"],
    ["四星级", 70, "downgrade", "达标级"],
    ["五星级", 95, "keep", "五星级"],
    ["五星级", 100, "keep", "五星级"],
    ["五星级", 94.99, "downgrade", "四星级"],
    ["五星级", 69.99, "withdraw", null],
    ["达标级", 100, "upgrade", "五星级"],
  ] as const)("certified %s, new total %d → %s %s", (certified, total, decision, to) => {
    expect(outcome(certified, total)).toEqual([decision, to]);
  });

  it("not graded (5 special deductions) → withdraw, whatever the points", () => {
    const card = cardAt(100, 5);
    expect(card.graded).toBe(false);
    const d = decideCertification(scheme, "五星级", card);
    expect(d).toMatchObject({ decision: "withdraw", to: null, graded: false });
    expect(decisionMessage(d)).toContain("不予评级");
    expect(decisionMessage(d)).toContain("撤销认证证书");
  });

  it("reads the certified level leniently, as 申报级别", () => {
    expect(decide("4星", 90).certified.name).toBe("四星级");
    expect(decide("四星", 90).decision).toBe("keep");
    expect(decide(" 达标 ", 70).decision).toBe("keep");
  });

  it("an unknown level names the scheme's levels", () => {
    expect(() => decide("六星级", 90)).toThrow(UnknownLevelError);
    expect(() => decide("六星级", 90)).toThrow('"六星级" is not a level of scheme mini; levels: 达标级, 三星级, 四星级, 五星级');
    expect(() => decide("", 90)).toThrow(UnknownLevelError);
  });

  it("a scheme without levels cannot take a certified level", () => {
    const checklist = schemeFile("service-characteristics");
    expect(() => decideCertification(checklist, "四星级", cardAt(90))).toThrow("scheme service-characteristics has no levels");
  });

  it("works for other points schemes: maturity-jsgf-06's 十星级", () => {
    const maturity = schemeFile("maturity-jsgf-06");
    const card = { ...cardAt(90), level: maturity.levels?.[maturity.levels.length - 1] ?? null };
    expect(decideCertification(maturity, "十星级", card).decision).toBe("keep");
  });
});

describe("wording: 监督 (§8.1.3) and 再认证 (§8.2)", () => {
  it.each([
    ["四星级", 92, "surveillance", "推荐保持认证"],
    ["四星级", 96, "surveillance", "升为五星级并换发认证证书"],
    ["四星级", 85, "surveillance", "降为三星级"],
    ["四星级", 60, "surveillance", "撤销认证证书"],
    ["四星级", 92, "recertification", "换发认证证书"],
    ["四星级", 96, "recertification", "直接升为五星级并换发认证证书"],
    ["四星级", 85, "recertification", "直接降为三星级"],
    ["四星级", 60, "recertification", "撤销认证证书"],
  ] as const)("certified %s, total %d, %s: “%s”", (certified, total, audit, words) => {
    const message = decisionMessage(decide(certified, total, audit));
    expect(message).toContain(words);
    expect(message.startsWith(audit === "surveillance" ? "监督" : "再认证")).toBe(true);
  });

  it("English on request", () => {
    expect(decisionMessage(decide("四星级", 96), "en")).toBe("Surveillance: total 96.00 is above the certified level 4-star: upgrade to 5-star and issue a new certificate.");
    expect(decisionMessage(decide("四星级", 85, "recertification"), "en")).toContain("downgrade directly to 3-star");
  });

  it("the JSON shape: certified, decision, to, message", () => {
    expect(decisionJson(decide("三星级", 90))).toEqual({
      audit: "surveillance",
      certified: "三星级",
      decision: "upgrade",
      to: "四星级",
      message: "监督：总分 90.00 高于获证等级“三星级”，升为四星级并换发认证证书。",
    });
    expect(decisionJson(decide("三星级", 60)).to).toBeNull();
  });
});
