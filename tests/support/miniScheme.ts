import { validateScheme, type Scheme } from "../../src/scheme/load";
import type { SchemeFile } from "../../src/scheme/schema";

/**
 * A small scheme with round numbers so that every rule has a hand-worked example: ten items of
 * 10 points (full marks 100), so with every item at p% the total is p. Levels 70 / 80 / 90 / 95.
 * Row 1.2.2 also carries the 0-point clause 1.2.3, as the self form's row 2 does.
 */
export function miniSchemeFile(overrides: Partial<SchemeFile> = {}): SchemeFile {
  const item = (clause: string, extra: object = {}) => ({ clause, text: `条款 ${clause}`, points: 10, ...extra });
  return {
    id: "mini",
    version: "1",
    kind: "points",
    title: "测试方案",
    titleEn: "Test scheme",
    document: "test",
    fullMarks: 100,
    passMark: 70,
    failName: "不合格",
    levels: [
      { name: "达标级", nameEn: "Qualified", min: 70, stars: 0, aliases: ["达标"] },
      { name: "三星级", nameEn: "3-star", min: 80, stars: 3 },
      { name: "四星级", nameEn: "4-star", min: 90, stars: 4 },
      { name: "五星级", nameEn: "5-star", min: 95, stars: 5 },
    ],
    special: {
      deduction: { code: "D1", label: "特别扣分项", points: 1, notGradedAt: 5, text: "扣分" },
      bonus: { code: "D2", label: "特别加分项", max: 1, text: "加分" },
    },
    sections: [
      {
        id: "1",
        title: "第一部分",
        max: 50,
        subsections: [
          { id: "1.1", title: "甲", max: 30, items: [item("1.1.1", { evidence: ["a) 清单"] }), item("1.1.2"), item("1.1.3")] },
          { id: "1.2", title: "乙", max: 20, items: [item("1.2.1"), item("1.2.2", { alsoClauses: [{ clause: "1.2.3", text: "附带条款", points: 0 }], points: 10 })] },
        ],
      },
      { id: "2", title: "第二部分", max: 50, items: ["2.1", "2.2", "2.3", "2.4", "2.5"].map((c) => item(c)) },
    ],
    ...overrides,
  };
}

export function miniScheme(overrides: Partial<SchemeFile> = {}): Scheme {
  return validateScheme(miniSchemeFile(overrides), "mini.yaml");
}

/** The ten clause ids of the mini scheme, in order. */
export const MINI_CLAUSES = ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "2.1", "2.2", "2.3", "2.4", "2.5"];
