import { readdirSync } from "node:fs";
import path from "node:path";
import type { Scheme } from "../../src/scheme/load";
import { schemeFile } from "../support/schemes";

/** Points of one section, summed from its items (not from what the file states). */
const sectionSum = (s: Scheme, id: string) => s.items.filter((i) => i.sectionId === id).reduce((a, i) => a + i.max, 0);
const subsectionSums = (s: Scheme) =>
  Object.fromEntries(s.sections.flatMap((sec) => sec.subsections.map((u) => [u.id, s.items.filter((i) => i.subsectionId === u.id).reduce((a, i) => a + i.max, 0)])));
const points = (s: Scheme, clause: string) => s.byClause.get(clause)?.points;

describe("every scheme file loads", () => {
  const ids = readdirSync(path.join(__dirname, "..", "..", "schemes")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));
  it("one per source document", () => {
    expect(ids.sort()).toEqual(["cct-sc03-12", "completeness-2025", "gbt27922-2011-self", "maturity-jsgf-06", "service-characteristics"]);
  });
  it.each(ids)("%s validates and its id matches its file name", (id) => {
    expect(schemeFile(id).id).toBe(id);
  });
});

describe("gbt27922-2011-self: the self-assessment form", () => {
  const s = schemeFile("gbt27922-2011-self");
  it("has the form's 50 rows in order, carrying 51 clauses", () => {
    expect(s.items).toHaveLength(50);
    expect(s.byClause.size).toBe(51);
    expect(s.items[0]?.clause).toBe("5.1.1.1");
    expect(s.items[49]?.clause).toBe("5.3.2.3");
  });
  it("row 2 carries 5.1.1.2 (3分) and 5.1.1.3 (0分)", () => {
    const row2 = s.items[1];
    expect(row2?.clause).toBe("5.1.1.2");
    expect(row2?.points).toBe(3);
    expect(row2?.alsoClauses).toEqual([expect.objectContaining({ clause: "5.1.1.3", points: 0 })]);
    expect(s.byClause.get("5.1.1.3")).toBe(row2);
    expect(row2?.evidence).toEqual(["a) 客户清单（包括客户名称和地址）", "b) 服务网点清单（包括网点类型）"]);
  });
  it("sections 40 / 35 / 25 and the subsections of the 要点 column", () => {
    expect(s.fullMarks).toBe(100);
    expect(["5.1", "5.2", "5.3"].map((id) => sectionSum(s, id))).toEqual([40, 35, 25]);
    expect(subsectionSums(s)).toEqual({
      "5.1.1": 4, "5.1.2": 6, "5.1.3": 6, "5.1.4": 6, "5.1.5": 7, "5.1.6": 5, "5.1.7": 6,
      "5.2.1": 6, "5.2.2": 6, "5.2.3": 4, "5.2.4": 10, "5.2.5": 7, "5.2.6": 2,
      "5.3.1": 15, "5.3.2": 10,
    });
    expect(s.sections[0]?.subsections[0]?.title).toBe("组织架构");
  });
  it("this form's points: 5.1.2.1 = 1, 5.1.2.2 = 5, 5.3.1.2 is the website", () => {
    expect(points(s, "5.1.2.1")).toBe(1);
    expect(points(s, "5.1.2.2")).toBe(5);
    expect(s.byClause.get("5.3.1.2")?.text).toContain("网站");
  });
  it("every row lists its evidence; 5.2.1.4 and 5.2.5.5 ask whether they apply", () => {
    expect(s.items.every((i) => (i.evidence?.length ?? 0) > 0)).toBe(true);
    expect(s.items.filter((i) => i.askApplicable).map((i) => i.clause)).toEqual(["5.2.1.4", "5.2.5.5"]);
  });
  it("levels 70 达标级, 80 三星级, 90 四星级, 95 五星级; below 70 不合格", () => {
    expect(s.levels?.map((l) => [l.min, l.name])).toEqual([[70, "达标级"], [80, "三星级"], [90, "四星级"], [95, "五星级"]]);
    expect(s.failName).toBe("不合格");
    expect(s.special).toBeUndefined();
  });
});

describe("cct-sc03-12: the auditors' 评分表 (附件2)", () => {
  const s = schemeFile("cct-sc03-12");
  it("51 rows with dimension codes A1–A19, B1–B24, C1–C8", () => {
    expect(s.items).toHaveLength(51);
    const codes = s.items.map((i) => i.code);
    expect(codes).toEqual([
      ...Array.from({ length: 19 }, (_, i) => `A${i + 1}`),
      ...Array.from({ length: 24 }, (_, i) => `B${i + 1}`),
      ...Array.from({ length: 8 }, (_, i) => `C${i + 1}`),
    ]);
  });
  it("this document's points: 5.1.1.3 = 0 (A3), 5.1.2.1 = 2, 5.1.2.2 = 4; 5.3.1.2 is 设立邮箱", () => {
    expect(s.byClause.get("5.1.1.3")).toMatchObject({ points: 0, code: "A3" });
    expect(points(s, "5.1.2.1")).toBe(2);
    expect(points(s, "5.1.2.2")).toBe(4);
    expect(s.byClause.get("5.3.1.2")?.text).toContain("设立邮箱");
  });
  it("sections 40 / 35 / 25 and 表1's subsections", () => {
    expect(["5.1", "5.2", "5.3"].map((id) => sectionSum(s, id))).toEqual([40, 35, 25]);
    expect(subsectionSums(s)).toEqual({
      "5.1.1": 4, "5.1.2": 6, "5.1.3": 6, "5.1.4": 6, "5.1.5": 7, "5.1.6": 5, "5.1.7": 6,
      "5.2.1": 6, "5.2.2": 6, "5.2.3": 4, "5.2.4": 10, "5.2.5": 7, "5.2.6": 2,
      "5.3.1": 15, "5.3.2": 10,
    });
  });
  it("D1 costs 1 point, grading needs fewer than 5 (6.3.7); D2 at most 1", () => {
    expect(s.special?.deduction).toMatchObject({ code: "D1", points: 1, notGradedAt: 5 });
    expect(s.special?.bonus).toMatchObject({ code: "D2", max: 1 });
    expect(s.levels?.map((l) => l.min)).toEqual([70, 80, 90, 95]);
  });
});

describe("completeness-2025: 售后服务体系完善程度", () => {
  const s = schemeFile("completeness-2025");
  it("7 categories, 150 points, from the body text", () => {
    expect(s.fullMarks).toBe(150);
    expect(s.sections.map((sec) => [sec.id, sec.title, sectionSum(s, sec.id)])).toEqual([
      ["1", "组织架构", 15], ["2", "人员配置", 20], ["3", "资源配置", 20], ["4", "完善程度要求", 40],
      ["5", "监督", 20], ["6", "改进", 15], ["7", "提高", 20],
    ]);
  });
  it("2.1 is scored in two parts of 5; 6.4 is 3 as the body says", () => {
    expect(points(s, "2.1a")).toBe(5);
    expect(points(s, "2.1b")).toBe(5);
    expect(points(s, "6.4")).toBe(3);
    expect(s.byClause.get("6.4")?.note).toBeDefined();
  });
  it("levels 一星（卓著）100 … 五星（卓绝）140; the GB/T 27922 prerequisite is data", () => {
    expect(s.levels?.map((l) => [l.min, l.name])).toEqual([[100, "一星（卓著）"], [110, "二星（卓然）"], [120, "三星（卓越）"], [130, "四星（卓殊）"], [140, "五星（卓绝）"]]);
    expect(s.prerequisite?.header).toBeTruthy();
    expect(s.special?.deduction?.notGradedAt).toBe(5);
    expect(s.special?.bonus?.max).toBe(1);
  });
});

describe("maturity-jsgf-06: 商品售后服务成熟度", () => {
  const s = schemeFile("maturity-jsgf-06");
  it("94 rows: A1–A50 and 5.1.1.3 without a code, B1–B28, C1–C15", () => {
    expect(s.items).toHaveLength(94);
    expect(s.items.filter((i) => i.sectionId === "5.1")).toHaveLength(51);
    expect(s.items.filter((i) => i.sectionId === "5.2")).toHaveLength(28);
    expect(s.items.filter((i) => i.sectionId === "5.3")).toHaveLength(15);
    expect(s.byClause.get("5.1.1.3")?.points).toBe(0);
    expect(s.byClause.get("5.1.1.3")?.code).toBeUndefined();
    expect(s.items.filter((i) => i.code !== undefined).map((i) => i.code)).toEqual([
      ...Array.from({ length: 50 }, (_, i) => `A${i + 1}`),
      ...Array.from({ length: 28 }, (_, i) => `B${i + 1}`),
      ...Array.from({ length: 15 }, (_, i) => `C${i + 1}`),
    ]);
  });
  it("sections 73 / 39 / 38 and each subsection's a+b maximum", () => {
    expect(["5.1", "5.2", "5.3"].map((id) => sectionSum(s, id))).toEqual([73, 39, 38]);
    const parts = Object.fromEntries(s.sections.flatMap((sec) => sec.subsections.map((u) => [u.id, u.maxParts])));
    expect(parts).toEqual({
      "5.1.1": [4, 8], "5.1.2": [6, 9], "5.1.3": [6, 6], "5.1.4": [6, 6], "5.1.5": [7, 1], "5.1.6": [5, 0], "5.1.7": [6, 3],
      "5.2.1": [6, 0], "5.2.2": [6, 4], "5.2.3": [4, 0], "5.2.4": [10, 0], "5.2.5": [7, 0], "5.2.6": [2, 0],
      "5.3.1": [0, 10], "5.3.2": [15, 2], "5.3.3": [10, 1],
    });
    for (const [id, sum] of Object.entries(subsectionSums(s))) expect([id, sum]).toEqual([id, (parts[id] ?? []).reduce((a: number, b: number) => a + b, 0)]);
  });
  it("ten levels from 70 达标级 to 140 十星级", () => {
    expect(s.levels?.map((l) => [l.min, l.name])).toEqual([
      [70, "达标级"], [80, "三星级"], [90, "四星级"], [95, "五星级"], [100, "六星级"],
      [110, "七星级"], [120, "八星级"], [130, "九星级"], [140, "十星级"],
    ]);
    expect(s.fullMarks).toBe(150);
  });
});

describe("service-characteristics: a checklist without points", () => {
  const s = schemeFile("service-characteristics");
  it("§4.1–4.3 as conform / not-conform items", () => {
    expect(s.kind).toBe("checklist");
    expect(s.sections.map((sec) => sec.id)).toEqual(["4.1", "4.2", "4.3"]);
    expect(s.items.length).toBeGreaterThan(50);
    expect(s.items.every((i) => i.points === undefined)).toBe(true);
    expect(s.fullMarks).toBeUndefined();
  });
  it("lines cut short in the source stay cut short", () => {
    expect(s.byClause.get("4.1.1.2.1")?.text).toMatch(/建立顾客服务热线或$/);
  });
});
