import type { ServiceDomains } from "../../src/scheme/schema";
import { domainsNamed, serviceDomain } from "../../src/scoring/domains";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import type { Assessment } from "../../src/scoring/assessment";
import { schemeFile } from "../support/schemes";

const cct = schemeFile("cct-sc03-12");
const domains = cct.certification?.serviceDomains as ServiceDomains;

describe("附件3 服务领域划分表 in cct-sc03-12", () => {
  it("22 groups SC-01 … SC-22; the rule applies to SC-01, SC-02, SC-03", () => {
    expect(domains.groups.map((g) => g.code)).toEqual(Array.from({ length: 22 }, (_, i) => `SC-${String(i + 1).padStart(2, "0")}`));
    expect(domains.appliesTo).toEqual(["SC-01", "SC-02", "SC-03"]);
  });
  it("rows the extraction breaks are joined: SC-05's 672/673, SC-12's name", () => {
    const sc05 = domains.groups.find((g) => g.code === "SC-05");
    expect(sc05?.entries.map((e) => e.code)).toEqual(["641", "642", "643", "651", "652", "661", "662", "663", "664", "671", "672", "673", "674", "675", "676", "677", "678", "679"]);
    expect(domains.groups.find((g) => g.code === "SC-12")?.name).toBe("电信服务；信息检索和提供服务");
  });
  it("SC-18 has no xx.00 code and three 专业代码 18.01–18.03; SC-03 carries 625 from the applicability list", () => {
    const sc18 = domains.groups.find((g) => g.code === "SC-18");
    expect(sc18?.number).toBeUndefined();
    expect(sc18?.entries.map((e) => e.code)).toEqual(["18.01", "18.02", "18.03"]);
    expect(domains.groups.find((g) => g.code === "SC-03")?.entries.map((e) => e.code)).toEqual(["611", "621", "622", "623", "624", "625"]);
  });
});

describe("serviceDomain(code)", () => {
  it.each([
    ["SC-03", "SC-03", "批发业和零售业服务", true, true],
    ["sc03", "SC-03", "批发业和零售业服务", true, true],
    ["ＳＣ－０３", "SC-03", "批发业和零售业服务", true, true],
    ["SC-3", "SC-03", "批发业和零售业服务", true, true],
    ["03.00", "03.00", "批发业和零售业服务", true, true],
    ["611", "611", "批发业服务", false, true],
    ["６１１", "611", "批发业服务", false, true],
    ["548", "548", "配有操作员的建筑物或土木工程的建造或拆除设备的租赁服务", false, true],
    ["681", "681", "邮政和速递服务", false, false],
    ["18.02", "18.02", "兽医服务", false, false],
    ["SC-22", "SC-22", "家庭服务", true, false],
  ] as const)("%s → %s %s", (code, found, name, isGroup, applies) => {
    expect(serviceDomain(domains, code)).toMatchObject({ code: found, name, isGroup, applies });
  });
  it.each(["SC-23", "999", "18.00", "", "  "])("%j → null", (code) => {
    expect(serviceDomain(domains, code)).toBeNull();
  });
  it("finds the group of a 专业代码", () => {
    expect(serviceDomain(domains, "980")?.group.code).toBe("SC-22");
  });
});

describe("domainsNamed(header)", () => {
  it("reads the codes in a header text", () => {
    expect(domainsNamed(domains, "611 批发业服务").map((n) => n.match?.code)).toEqual(["611"]);
    expect(domainsNamed(domains, "611、681；SC-02").map((n) => [n.text, n.match?.code, n.match?.applies])).toEqual([
      ["611", "611", true],
      ["681", "681", false],
      ["SC-02", "SC-02", true],
    ]);
    expect(domainsNamed(domains, "SC-03 批发业和零售业服务").map((n) => n.match?.code)).toEqual(["SC-03"]);
  });
  it("a text without a code is looked up by name; nothing found is one unmatched entry", () => {
    expect(domainsNamed(domains, "批发业服务").map((n) => n.match?.code)).toEqual(["611"]);
    expect(domainsNamed(domains, "住宿服务;食品和饮料服务").map((n) => [n.match?.code, n.match?.applies])).toEqual([["SC-04", false]]);
    expect(domainsNamed(domains, "611批发业服务").map((n) => n.match?.code)).toEqual(["611"]);
    expect(domainsNamed(domains, "家具零售")).toEqual([{ text: "家具零售", match: null }]);
    expect(domainsNamed(domains, "")).toEqual([]);
  });
});

describe("the engine checks 服务领域 (SS602, SS603) for schemes with serviceDomains", () => {
  const entries = Object.fromEntries(cct.items.map((i) => [i.clause, { percent: 100 }]));
  const assess = (scheme: string, domain: string | undefined, role: "audit" | "self" = "audit"): Assessment => ({
    scheme,
    role,
    header: domain === undefined ? {} : { 服务领域: domain },
    entries,
  });
  const codes = (a: Assessment) =>
    scoreAssessment(a.scheme === "cct-sc03-12" ? cct : schemeFile(a.scheme), a)
      .findings.filter((f) => f.code === "SS602" || f.code === "SS603")
      .map((f) => [f.code, f.severity, f.location.field, f.code === "SS603" ? f.params.code : f.code === "SS602" ? f.params.domain : undefined]);

  it("a covered code: no finding", () => {
    expect(codes(assess("cct-sc03-12", "SC-03"))).toEqual([]);
    expect(codes(assess("cct-sc03-12", "622 专卖店零售业服务"))).toEqual([]);
    expect(codes(assess("cct-sc03-12", undefined))).toEqual([]);
    expect(codes(assess("cct-sc03-12", ""))).toEqual([]);
  });
  it("a code of the table the rule does not cover: SS603", () => {
    expect(codes(assess("cct-sc03-12", "681"))).toEqual([["SS603", "warning", "服务领域", "681"]]);
    expect(codes(assess("cct-sc03-12", "SC-04"))).toEqual([["SS603", "warning", "服务领域", "SC-04"]]);
  });
  it("a code not in the table: SS602", () => {
    expect(codes(assess("cct-sc03-12", "SC-23"))).toEqual([["SS602", "warning", "服务领域", "SC-23"]]);
    expect(codes(assess("cct-sc03-12", "家具零售"))).toEqual([["SS602", "warning", "服务领域", "家具零售"]]);
  });
  it("each code of a list is checked", () => {
    expect(codes(assess("cct-sc03-12", "611、999、681"))).toEqual([
      ["SS602", "warning", "服务领域", "999"],
      ["SS603", "warning", "服务领域", "681"],
    ]);
  });
  it("schemes without serviceDomains never report it", () => {
    const self = schemeFile("gbt27922-2011-self");
    const a: Assessment = { scheme: self.id, role: "self", header: { 服务领域: "SC-23" }, entries: {} };
    expect(scoreAssessment(self, a).findings.some((f) => f.code === "SS602" || f.code === "SS603")).toBe(false);
  });
});
