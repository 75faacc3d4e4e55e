import { loadSchemes } from "../../src/cli/schemeFiles";
import { describe as describeFinding } from "../../src/findings/finding";
import type { Assessment, Entry } from "../../src/scoring/assessment";
import { materialEntries, materialLines } from "../../src/scoring/materials";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { locateFindings, readAssessment } from "../../src/sheets/read";

const scheme = loadSchemes().get("gbt27922-2011-self");
if (scheme === undefined) throw new Error("no gbt27922-2011-self scheme");

/** Every clause conforms with full marks and names every material (`第 k 项 of clause`), except where `edit` says. */
function assessment(edit: (clause: string, entry: Entry) => Entry = (_c, e) => e): Assessment {
  const entries: Record<string, Entry> = {};
  for (const item of scheme?.items ?? []) {
    const evidence = (item.evidence ?? []).map((_m, k) => `${item.clause} 材料${k + 1}.pdf`);
    entries[item.clause] = edit(item.clause, { conclusion: "符合", score: item.max, evidence });
  }
  return { scheme: "gbt27922-2011-self", role: "self", entries };
}

describe("materialEntries: the applicant's entries, one per material in the scheme's order", () => {
  it("takes a list position by position, empty strings left missing", () => {
    expect(materialEntries(["客户清单.xlsx", "", "  "], 3)).toEqual(["客户清单.xlsx", "", ""]);
  });
  it("gives entries beyond the scheme's materials to the last one, so nothing typed is dropped", () => {
    expect(materialEntries(["a", "b", "c"], 2)).toEqual(["a", "b；c"]);
    expect(materialEntries(["a", "b"], 1)).toEqual(["a；b"]);
  });
  it("takes one text as the material's entry where the clause asks for one", () => {
    expect(materialEntries("售后服务手册；附件", 1)).toEqual(["售后服务手册；附件"]);
  });
  it("splits one text at line breaks and ； where the clause asks for several (the old form's 每项一行)", () => {
    expect(materialEntries("客户清单\n服务网点清单", 2)).toEqual(["客户清单", "服务网点清单"]);
    expect(materialEntries("客户清单；服务网点清单", 2)).toEqual(["客户清单", "服务网点清单"]);
    expect(materialEntries("客户清单", 2)).toEqual(["客户清单", ""]);
  });
  it("gives nothing for nothing", () => {
    expect(materialEntries(null, 2)).toEqual(["", ""]);
    expect(materialEntries(undefined, 0)).toEqual([]);
  });
});

describe("missing materials, material by material (5.1.1.2: a) 客户清单, b) 服务网点清单)", () => {
  it("every material named: no evidence finding", () => {
    const card = scoreAssessment(scheme, assessment());
    expect(card.findings.filter((f) => f.kind === "evidence")).toEqual([]);
  });

  it("one material not named: SS202 naming that material, at its own line's cell", () => {
    const card = scoreAssessment(scheme, assessment((c, e) => (c === "5.1.1.2" ? { ...e, evidence: ["客户清单.xlsx", ""] } : e)));
    const evidence = card.findings.filter((f) => f.kind === "evidence");
    expect(evidence.map((f) => [f.code, f.location.clause, f.location.line])).toEqual([["SS202", "5.1.1.2", 1]]);
    expect(describeFinding(evidence[0] as (typeof evidence)[number])).toContain("b) 服务网点清单（包括网点类型）");
    const plan = planSheet(scheme, "self");
    const row = plan.layout.items.find((i) => i.clause === "5.1.1.2")?.row ?? 0;
    const [located] = locateFindings(evidence, plan.layout, "自评估表");
    expect(located?.location.cell).toBe(`自评估表!${plan.layout.entryColumns.evidence}${row + 1}`);
  });

  it("a text naming one document for a clause that asks for two leaves the second missing", () => {
    const card = scoreAssessment(scheme, assessment((c, e) => (c === "5.1.1.2" ? { ...e, evidence: "客户清单.xlsx" } : e)));
    expect(card.findings.filter((f) => f.kind === "evidence").map((f) => f.code)).toEqual(["SS202"]);
  });

  it("nothing named at all: one SS201 listing every material, at the first line", () => {
    const card = scoreAssessment(scheme, assessment((c, e) => (c === "5.1.1.2" ? { ...e, evidence: null } : e)));
    expect(card.findings.filter((f) => f.kind === "evidence").map((f) => [f.code, f.location.clause, f.location.line])).toEqual([["SS201", "5.1.1.2", undefined]]);
  });

  it("a clause that does not apply owes no material", () => {
    const card = scoreAssessment(scheme, assessment((c) => (c === "5.1.1.2" ? { conclusion: "不适用", evidence: "本组织不设服务网点" } : { conclusion: "符合", score: 0, evidence: [] })));
    expect(card.findings.filter((f) => f.kind === "evidence" && f.location.clause === "5.1.1.2")).toEqual([]);
  });
});

describe("the self form's material lines: written and read back in the scheme's order", () => {
  const plan = planSheet(scheme, "self");

  it("a list goes to the lines, and comes back as the same list", () => {
    const a = assessment((c, e) => (c === "5.1.3.1" ? { ...e, evidence: ["费用台账.xlsx", "", "准备金.pdf", "保险单.pdf"] } : e));
    const cells = new Map(entryWrites(plan, a).map((w) => [w.address, w.value]));
    const back = readAssessment(plan.layout, (address) => cells.get(address) ?? null);
    expect(back.entries["5.1.3.1"]?.evidence).toEqual(["费用台账.xlsx", "", "准备金.pdf", "保险单.pdf"]);
    expect(back.entries["5.1.1.1"]?.evidence).toBe("5.1.1.1 材料1.pdf");
    const item = scheme.items.find((i) => i.clause === "5.1.3.1");
    expect(materialLines(item ?? {}, back.entries["5.1.3.1"]?.evidence).map((l) => l.entry === "")).toEqual([false, true, false, false]);
  });

  it("a reason for 删减 goes on the first line", () => {
    const a = assessment((c, e) => (c === "5.1.1.2" ? { applicable: false, reason: "不设服务网点" } : e));
    const row = plan.layout.items.find((i) => i.clause === "5.1.1.2")?.row ?? 0;
    const cells = new Map(entryWrites(plan, a).map((w) => [w.address, w.value]));
    expect(cells.get(`${plan.layout.entryColumns.evidence}${row}`)).toBe("不设服务网点");
  });
});
