import { readFileSync } from "node:fs";
import path from "node:path";
import { CATALOGUE } from "../src/checks/catalogue";
import { catalogueMarkdown } from "../src/checks/catalogueDoc";
import { describe as describeFinding, finding, sortFindings } from "../src/checks/finding";

describe("the findings catalogue", () => {
  it("codes are permanent: SS followed by three digits, names unique", () => {
    const codes = Object.keys(CATALOGUE);
    expect(codes.every((c) => /^SS[0-9]{3}$/.test(c))).toBe(true);
    const names = Object.values(CATALOGUE).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("docs/findings.md is up to date (npx tsx scripts/make-docs.ts)", () => {
    expect(readFileSync(path.join(__dirname, "..", "docs", "findings.md"), "utf8")).toBe(catalogueMarkdown());
  });

  it("a message names its clause and, once known, its cell, in either language", () => {
    const f = finding("SS103", { clause: "5.2.4.3", cell: "评分表!G40", field: "percent" }, { value: 120 });
    expect(describeFinding(f)).toBe("条款 5.2.4.3：得分比例 120% 不在 0%–100% 之间。请改为 0 到 100 之间的百分比。（评分表!G40）");
    expect(describeFinding(f, "en")).toBe("Clause 5.2.4.3: percentage 120% is not between 0% and 100%. Enter a percentage from 0 to 100. (评分表!G40)");
  });

  it("sorts errors first, then missing entries' errors, then missing evidence, then other warnings", () => {
    const sorted = sortFindings([
      finding("SS301", { clause: "1" }, {}),
      finding("SS201", { clause: "2" }, { required: "x" }),
      finding("SS101", { clause: "3" }, {}),
      finding("SS102", { clause: "4" }, {}),
    ]);
    expect(sorted.map((f) => f.code)).toEqual(["SS102", "SS101", "SS201", "SS301"]);
  });
});
