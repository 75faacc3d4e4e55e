import { readFileSync } from "node:fs";
import path from "node:path";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { renderReportHtml } from "../../src/report/html";
import { buildReport } from "../../src/report/model";
import { parseAssessment, type Assessment } from "../../src/scoring/assessment";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";

/** The report shows the documents' rules: samples, 删减 with reasons, why not graded, the certificate cycle. */
const schemes = loadSchemes();
const example = (name: string): Assessment => {
  const file = path.join(__dirname, "..", "..", "examples", name);
  return parseAssessment(readFileSync(file, "utf8"), file);
};

function report(a: Assessment, lang: "zh" | "en" = "zh") {
  const scheme = schemes.get(a.scheme);
  if (scheme === undefined) throw new Error(a.scheme);
  const card = scoreAssessment(scheme, a);
  const model = buildReport(scheme, a, card, lang);
  return { card, model, html: renderReportHtml(model, lang) };
}

/** The text of an HTML fragment, tags dropped. */
const words = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("sample records (抽样及样本信息, CCT 6.3.7 3))", () => {
  it("each sampled item's record: 10 checked, 2 not conforming on 5.1.2.2 gives 80 % and 3.20", () => {
    const a = example("cct-audit.json");
    a.entries["5.1.2.2"] = { samples: { checked: 10, nonconforming: 2 } };
    const { model, html } = report(a);
    expect(model.rules.samples.find((s) => s.clause === "5.1.2.2")).toEqual({ clause: "5.1.2.2", code: "A5", points: 4, checked: 10, nonconforming: 2, earned: 3.2 });
    const table = /<table class="samples">.*?<\/table>/s.exec(html)?.[0] ?? "";
    expect(words(table)).toContain("5.1.2.2 A5 4 10 2 80% 3.20");
  });

  it("no sample records, no samples table", () => {
    expect(report(example("maturity-audit.json")).html).not.toContain('class="samples"');
  });
});

describe("删减 with reasons (6.3.6)", () => {
  it("lists each left-out clause with its reason, and flags one without", () => {
    const a = example("maturity-audit.json");
    a.entries["5.2.5.4"] = { applicable: false };
    const { model, html } = report(a);
    expect(model.rules.leftOut.map((i) => [i.clause, i.reason])).toEqual([
      ["5.2.5.4", null],
      ["5.2.5.5", "贸易型企业，不涉及召回与废弃商品回收"],
      ["5.2.6.1", "贸易型企业，不涉及召回与废弃商品回收"],
      ["5.2.6.2", "贸易型企业，不涉及召回与废弃商品回收"],
    ]);
    expect(html).toMatch(/删减（不涉及）的条款及理由：4 项，共 \d+ 分/);
    expect(html).toContain('<td class="flag">（未说明理由）</td>');
  });
});

describe("the prerequisite decides (completeness-2025)", () => {
  it("without the GB/T 27922 certificate number: not graded, and the conclusion says why", () => {
    const a = example("completeness-audit.json");
    delete a.header?.["GB/T 27922 证书编号"];
    const { model, html } = report(a);
    expect([model.graded, model.level, model.passed]).toEqual([false, null, false]);
    expect(html).toContain("不予评级");
    expect(html).toContain("未满足前提条件，不予评级：本规范适用于已经通过《商品售后服务评价体系》(GB/T27922-2011)售后服务认证的企业");
    // Not the special deductions' reason: there are none.
    expect(html).not.toContain("达到 5 项，不予评级");
  });

  it("in English too", () => {
    const a = example("completeness-audit.json");
    delete a.header?.["GB/T 27922 证书编号"];
    expect(report(a, "en").html).toContain("Prerequisite not met, so the result is not graded: This scheme applies only to organisations already certified under GB/T 27922-2011");
  });

  it("with it: graded as before", () => {
    expect(report(example("completeness-audit.json")).model.level?.name).toBe("四星（卓殊）");
  });
});

describe("the certificate cycle, when the header gives the certificate's date", () => {
  it("发证日期 2025-08-15, one surveillance held, as of the audit date", () => {
    const a = example("cct-audit.json");
    a.header = { ...a.header, 发证日期: "2025-08-15", 监督审核日期: "2026-07-01" };
    const { model, html } = report(a);
    const c = model.rules.cycle?.cycle;
    expect([c?.expires, c?.today, c?.surveillances.map((s) => [s.deadline, s.audit, s.status])]).toEqual([
      "2028-08-15",
      "2026-07-01",
      [
        ["2026-08-15", "2026-07-01", "on-time"],
        ["2027-10-01", null, "due"],
      ],
    ]);
    expect(words(html)).toContain("签发日期 2025-08-15，有效期至 2028-08-15；再认证申请：2028-05-15 至 2028-08-15");
  });

  it("an audit date that is no date: not counted, and the report says so (SS905)", () => {
    const a = example("cct-audit.json");
    a.header = { ...a.header, 发证日期: "2025-08-15", 监督审核日期: "2026-07-01；2026-13-01" };
    const { model, html } = report(a);
    expect(model.rules.cycle?.cycle.surveillances[0]?.audit).toBe("2026-07-01");
    expect(model.rules.cycle?.unreadable.map((f) => [f.code, f.location.field])).toEqual([["SS905", "监督审核日期"]]);
    expect(words(html)).toContain("审核日期“2026-13-01”不是可识别的日期");
  });

  it("as of an audit after the expiry with no recertification: the certificate expired, flagged under the table (SS906)", () => {
    const a = example("cct-audit.json");
    a.header = { ...a.header, 发证日期: "2025-08-15", 监督审核日期: "2026-07-01，2027-09-01", 审查开始: "2028-09-01", 审查结束: "2028-09-01", 编制日期: "2028-09-01", 审查类型: "初次认证" };
    const { model, html } = report(a);
    expect([model.rules.cycle?.cycle.state, model.rules.cycle?.cycle.findings.map((f) => f.code)]).toEqual(["expired", ["SS906"]]);
    expect(html).toContain('<p class="flag">证书状态（截至 2028-09-01）：已于 2028-08-15 到期，未再认证</p>');
  });

  it("a 再认证 audit is the recertification; 再认证审核日期 marks another date, or 无", () => {
    const a = example("cct-audit.json");
    a.header = { ...a.header, 发证日期: "2025-08-15", 监督审核日期: "2026-07-01，2027-09-01", 审查开始: "2028-04-20", 审查结束: "2028-04-21", 编制日期: "2028-04-21", 审查类型: "再认证" };
    const held = report(a);
    expect(held.model.rules.cycle?.cycle.recertification).toMatchObject({ audit: "2028-04-20", by: "mark", status: "held" });
    expect(words(held.html)).toContain("证书状态（截至 2028-04-21）：已再认证（2028-04-20）");
    a.header = { ...a.header, 审查类型: "监督", 监督审核日期: "2026-07-01，2027-09-01，2028-06-01", 审查开始: "2028-06-01", 审查结束: "2028-06-01", 编制日期: "2028-06-01", 再认证审核日期: "无" };
    expect(report(a).model.rules.cycle?.cycle.recertification).toMatchObject({ audit: null, status: "open" });
    a.header = { ...a.header, 再认证审核日期: "下月" };
    expect(report(a).model.rules.cycle?.unreadable.map((f) => [f.code, f.location.field])).toEqual([["SS905", "再认证审核日期"]]);
  });

  it("no date, or a scheme whose documents give no cycle: no cycle", () => {
    expect(report(example("cct-audit.json")).model.rules.cycle).toBeNull();
    const m = example("maturity-audit.json");
    m.header = { ...m.header, 发证日期: "2025-08-15" };
    expect(report(m).model.rules.cycle).toBeNull();
  });
});
