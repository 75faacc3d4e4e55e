import { readFileSync } from "node:fs";
import path from "node:path";
import { CATALOGUE, paramsSchema, type FindingCode } from "../../src/findings/catalogue";
import { catalogueMarkdown, EXAMPLES } from "../../src/findings/catalogueDoc";
import { describe as describeFinding, finding, sortFindings } from "../../src/findings/finding";

describe("the findings catalogue", () => {
  it("codes are permanent: SS followed by three digits, names unique", () => {
    const codes = Object.keys(CATALOGUE);
    expect(codes.every((c) => /^SS[0-9]{3}$/.test(c))).toBe(true);
    const names = Object.values(CATALOGUE).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("docs/findings.md is up to date (npx tsx scripts/make-docs.ts)", () => {
    expect(readFileSync(path.join(__dirname, "..", "..", "docs", "findings.md"), "utf8")).toBe(catalogueMarkdown());
  });

  it("a message names its clause and, once known, its cell, in either language", () => {
    const f = finding("SS103", { clause: "5.2.4.3", cell: "评分表!G40", field: "percent" }, { value: 120 });
    expect(describeFinding(f)).toBe("条款 5.2.4.3：得分比例 120% 不在 0%–100% 之间。请改为 0 到 100 之间的百分比。（评分表!G40）");
    expect(describeFinding(f, "en")).toBe("Clause 5.2.4.3: percentage 120% is not between 0% and 100%. Enter a percentage from 0 to 100. (评分表!G40)");
  });

  it("sorts errors first, then missing entries' errors, then missing evidence, then other warnings", () => {
    const sorted = sortFindings([
      finding("SS301", { clause: "1" }, { conclusion: "nonconform", value: 3, max: 3 }),
      finding("SS201", { clause: "2" }, { required: ["x"] }),
      finding("SS101", { clause: "3" }, { field: "percent" }),
      finding("SS102", { clause: "4" }, { value: 4, max: 3 }),
    ]);
    expect(sorted.map((f) => f.code)).toEqual(["SS102", "SS101", "SS201", "SS301"]);
  });

  it("params are typed per code: a wrong, missing or extra key does not compile (npm run typecheck)", () => {
    // @ts-expect-error SS101 needs the field that is missing
    finding("SS101", { clause: "1" }, {});
    // @ts-expect-error fieldZh is a word, not data: SS101 takes a field id
    finding("SS101", { clause: "1" }, { fieldZh: "得分比例" });
    // @ts-expect-error SS301's conclusion is the enum, never the Chinese word
    finding("SS301", { clause: "1" }, { conclusion: "不符合", value: 0, max: 3 });
    // @ts-expect-error SS302 takes no params
    finding("SS302", {}, { count: 1 });
    expect(paramsSchema("SS301").safeParse({ conclusion: "不符合", value: 0, max: 3 }).success).toBe(false);
    expect(paramsSchema("SS301").safeParse({ conclusion: "nonconform", value: 0, max: 3 }).success).toBe(true);
  });

  it("every docs example fits its code's params", () => {
    for (const code of Object.keys(CATALOGUE) as FindingCode[]) expect([code, paramsSchema(code).safeParse(EXAMPLES[code]).success]).toEqual([code, true]);
  });

  it("messages turn data into words: the English message of SS301 glosses the form's conclusion", () => {
    const f = finding("SS301", { clause: "2.1" }, { conclusion: "nonconform", value: 3, max: 3 });
    expect(describeFinding(f)).toBe("条款 2.1：结论“不符合”与分数 3（满分 3）不一致。请核对结论或分数。");
    expect(describeFinding(f, "en")).toBe('Clause 2.1: conclusion "不符合" (does not conform) does not agree with score 3 (of 3). Check the conclusion or the score.');
  });

  it("the codes that make a submission 不一致 besides tampering are the catalogue's own: SS107, SS301, SS501, SS703", () => {
    expect((Object.keys(CATALOGUE) as FindingCode[]).filter((c) => CATALOGUE[c].contradicts === true)).toEqual(["SS107", "SS301", "SS501", "SS703"]);
  });
});
