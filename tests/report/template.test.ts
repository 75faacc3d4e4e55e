import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { chromiumPath, htmlToPdf } from "../../src/cli/pdf";
import { renderReportHtml } from "../../src/report/html";
import { buildReport } from "../../src/report/model";
import type { Scheme } from "../../src/scheme/load";
import { headerFields, reportFields } from "../../src/scheme/roles";
import { parseAssessment, type Assessment, type TeamMember } from "../../src/scoring/assessment";
import { readAuditType } from "../../src/scoring/lenient";
import { onSiteDays, readOnSiteMoment } from "../../src/scoring/onSite";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { run } from "../support/cli";
import { generateAssessment } from "../support/generate";

const schemes = loadSchemes();
const scheme = (id: string): Scheme => {
  const s = schemes.get(id);
  if (s === undefined) throw new Error(id);
  return s;
};
const tmp = () => mkdtempSync(path.join(tmpdir(), "starscore-template-"));

/** A value for every field of the audit form: typed as people type them, and each one distinct so it can be found. */
function everyField(s: Scheme): Record<string, string> {
  const values: Record<string, string> = {
    组织名称: "华中示例电器有限公司",
    项目编号: "SC-2026-0042",
    申报级别: s.levels?.[0]?.name ?? "",
    审查类型: "监督",
    "工商注册地址/邮编": "湖北省武汉市示例区示例路 1 号 / 430000",
    "审查地址/邮编": "湖北省武汉市示例区工业园 9 号 / 430100",
    "联系人/职务": "周十 / 售后服务部经理",
    联系电话: "027-5555 0303",
    联系邮箱: "after-sales@example.com",
    多场所情况: "武汉、长沙两处仓储服务点",
    审查范围: "电器的销售所涉及的售后服务（配送安装、维修服务、投诉处理）",
    其他审查准则: "T/XX 001-2025",
    审查开始: "2026-09-08 下午",
    审查结束: "2026-09-10 上午",
    报告编制人: "吴十一",
    编制日期: "2026-09-10",
    认证机构: "示范认证中心",
    认证机构电话: "010-5555 0404",
    认证机构地址: "北京市示范区示范街 2 号",
    认证机构邮编: "100001",
    发证日期: "2025-10-01",
    监督审核日期: "2026-09-10",
    再认证审核日期: "无",
    服务领域: "SC-03 611",
    报告覆盖时间段: "2025-10-01 至 2026-09-10",
  };
  if (s.prerequisite !== undefined) values[s.prerequisite.header] = "CCT-SC-2024-0042";
  const fields = [...headerFields(s, "audit"), ...reportFields(s, "audit")];
  return Object.fromEntries(fields.map((f) => [f, values[f] ?? `（${f}）`]));
}

const TEAM: TeamMember[] = [
  { code: "A", name: "吴十一", role: "组长", certificate: "2026-SC-0011", speciality: "03.00", phone: "13800000011" },
  { code: "B", name: "郑十二", role: "组员", certificate: "2026-SC-0012", speciality: "03.00", phone: "13800000012" },
  { code: "C", name: "冯十三", role: "技术专家", certificate: "示范大学", speciality: "02.01.01", phone: "13800000013" },
];

/** Where the report prints each field: the snippets of its HTML that carry the value. */
function places(field: string, value: string, s: Scheme): string[] {
  const v = (x: string) => `<span class="v">${x}</span>`;
  switch (field) {
    case "组织名称":
      return [`<th>组织名称：</th><td>${v(value)}</td>`, `1.1 受审查方名称：</th><td>${v(value)}</td>`];
    case "项目编号":
      return [`<th>项目编号：</th><td>${v(value)}</td>`, `1.2 项目编号：</th><td>${v(value)}</td>`];
    case "审查类型":
      return [`<span class="on"><span class="box">☑</span>保持认证</span>`, `<span class="on"><span class="box">☑</span>保持认证注册</span>`];
    case "申报级别":
      return [`申报级别：</th><td>${v(value)}</td>`];
    case "工商注册地址/邮编":
      return [`1.3 工商注册地址/邮编：</th><td>${v(value)}</td>`];
    case "审查地址/邮编":
      return [`1.4 审查地址/邮编：</th><td>${v(value)}</td>`];
    case "联系人/职务":
      return [`1.5 联系人/职务：</th><td>${v(value)}`];
    case "联系电话":
      return [`<span class="k">电话：</span>${v(value)}`];
    case "联系邮箱":
      return [`<span class="k">邮箱：</span>${v(value)}`];
    case "多场所情况":
      return [`1.6 与总部不在同一地址的多场所情况：</th><td>${v(value)}</td>`];
    case "审查范围":
      return [`1.9 审查范围：</th><td>${v(value)}</td>`];
    case "其他审查准则":
      return [`<li>${s.report?.criteria ?? s.document}\u3000<span class="k">其他：</span>${v(value)}</li>`];
    case "审查开始":
      return [`1.10 现场审查时间：</th><td>${v("2026 年 09 月 08 日下午")} 至 `];
    case "审查结束":
      return [` 至 ${v("2026 年 09 月 10 日上午")}，共 ${v("2.0")} 天`];
    case "报告编制人":
      return [`4、报告编制人：${v(value)}`];
    case "编制日期":
      return [`编制日期：${v("2026 年 09 月 10 日")}`, `<p class="date">2026 年 09 月 10 日</p>`];
    case "认证机构":
      return [`<p class="body-name">${value}</p>`, `维护${value}的公正性`, `<p class="stamp">5、${value}（盖章）</p>`];
    case "认证机构电话":
      return [`<th>联系：</th><td>${v(value)}</td>`];
    case "认证机构地址":
      return [`<th>地址：</th><td>${v(value)}</td>`];
    case "认证机构邮编":
      return [`<th>邮编：</th><td>${v(value)}</td>`];
    case "报告覆盖时间段":
      return [`报告覆盖的时间段：</th><td>${v(value)}</td>`];
    default:
      // 发证日期, 监督审核日期, 再认证审核日期, 服务领域, a prerequisite's field: numbered on after 1.11 under their own names.
      return [`${field}：</th><td>${v(value)}</td>`];
  }
}

describe("every header field of the report template round-trips JSON → new --from → workbook → export → report", () => {
  it.each(["maturity-jsgf-06", "cct-sc03-12", "completeness-2025"])("%s", async (id) => {
    const s = scheme(id);
    const header = everyField(s);
    const a: Assessment = { ...generateAssessment(s, 20, { role: "audit" }), header, team: TEAM };
    const dir = tmp();
    const json = path.join(dir, "a.json");
    const xlsx = path.join(dir, "a.xlsx");
    writeFileSync(json, JSON.stringify(a));

    expect(await run("new", "--from", json, "-o", xlsx)).toMatchObject({ code: 0, err: "" });
    const exported = await run("export", xlsx);
    const back = parseAssessment(exported.out, "export");
    expect(back.header).toEqual(header);
    expect(back.team).toEqual(TEAM);
    const scored = JSON.parse((await run("score", xlsx, "--json")).out);
    expect([scored.header, scored.team]).toEqual([header, back.team]);

    const out = path.join(dir, "r.html");
    const r = await run("report", xlsx, "-o", out);
    const html = readFileSync(out, "utf8");
    expect(html).not.toContain("草稿");
    expect(r.code).toBe(0);
    for (const [field, value] of Object.entries(header)) for (const snippet of places(field, value, s)) expect([field, html.includes(snippet)]).toEqual([field, true]);
    // 1.11 审查组成员: every member's row, and a signature line for each under the promise, the leader's too.
    for (const m of TEAM) expect(html).toContain(`<tr><td class="ctr">${m.code}</td><td>${m.name}</td><td class="ctr">${m.role}</td><td>${m.certificate}</td><td>${m.speciality}</td><td>${m.phone}</td></tr>`);
    expect(html.match(/<span class="signature">/g)?.length).toBe(TEAM.length + 1);
    expect(html).toMatch(/组\u3000长：<\/span><span class="signature"><span class="line"><\/span><span class="who">吴十一<\/span>/);
   }, 60_000);

  it("the CCT report also states the items not fully met with the auditor's record (6.3.7 5))", async () => {
    const s = scheme("cct-sc03-12");
    const a: Assessment = { ...generateAssessment(s, 21, { role: "audit" }), header: everyField(s) };
    const item = s.items[3];
    if (item === undefined) throw new Error("no item");
    a.entries[item.clause] = { percent: 50, samples: { checked: 10, nonconforming: 5 }, note: "抽查 10 份维修记录，5 份未记录回访" };
    const html = renderReportHtml(buildReport(s, a, scoreAssessment(s, a)));
    expect(html).toContain("(5) 与有关认证要求符合性的陈述：");
    expect(html).toMatch(new RegExp(`<tr data-clause="${item.clause.replace(/\./g, "\\.")}">.*?<td>抽查 10 份维修记录，5 份未记录回访</td></tr>`));
    const maturity = scheme("maturity-jsgf-06");
    const m = generateAssessment(maturity, 21, { role: "audit" });
    expect(renderReportHtml(buildReport(maturity, m, scoreAssessment(maturity, m)))).not.toContain("与有关认证要求符合性的陈述");
  });
});

describe("new --from never drops a header field silently", () => {
  it("fields of an older form land under their names now; one the form lacks is named, exit 1, the workbook written", async () => {
    const s = scheme("maturity-jsgf-06");
    const a: Assessment = {
      ...generateAssessment(s, 22, { role: "audit" }),
      header: { 组织名称: "甲公司", 审查员: "张三", 审查时间: "2026-06-05", 备注: "复核后提交" },
      team: Array.from({ length: 6 }, (_, i) => ({ name: `成员${i + 1}` })),
    };
    const dir = tmp();
    const json = path.join(dir, "a.json");
    const xlsx = path.join(dir, "a.xlsx");
    writeFileSync(json, JSON.stringify(a));
    const r = await run("new", "--from", json, "-o", xlsx);
    expect(r.code).toBe(1);
    expect(r.err.split("\n").filter((l) => l !== "")).toEqual([
      `starscore: ${json}: 表头字段“备注”在评分表上没有单元格，未写入 / header field "备注": the form has no cell for it, not written`,
      `starscore: ${json}: 审查组成员：表中行数不够，其余 1 人未写入 / audit team: 1 member(s) beyond the table's rows, not written`,
    ]);
    const back = parseAssessment((await run("export", xlsx)).out, "export");
    expect(back.header).toEqual({ 组织名称: "甲公司", 报告编制人: "张三", 编制日期: "2026-06-05" });
    expect(back.team?.map((m) => m.name)).toEqual(["成员1", "成员2", "成员3", "成员4", "成员5"]);
   }, 30_000);

  it("the report of an older JSON prints 审查员 / 审查时间 as 报告编制人 / 编制日期", () => {
    const s = scheme("maturity-jsgf-06");
    const a: Assessment = { ...generateAssessment(s, 23, { role: "audit" }), header: { 审查员: "张三", 审查时间: "2026-06-05" } };
    const html = renderReportHtml(buildReport(s, a, scoreAssessment(s, a)));
    expect(html).toContain(`4、报告编制人：<span class="v">张三</span>`);
    expect(html).toContain(`编制日期：<span class="v">2026 年 06 月 05 日</span>`);
    expect(html).not.toContain("审查员：");
  });
});

/** The report's visible text: no styles, no tags. */
const textOf = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<title>[\s\S]*?<\/title>/, "").replace(/<[^>]+>/g, " ");

describe("a client copy, and a draft", () => {
  const s = scheme("maturity-jsgf-06");
  const complete = generateAssessment(s, 24, { role: "audit" });
  const blank: Assessment = { scheme: s.id, role: "audit", entries: {} };

  it("a complete report: no draft mark, no findings, nothing of the tool's own, no placeholders, full-width colons", () => {
    for (const lang of ["zh", "en"] as const) {
      const html = renderReportHtml(buildReport(s, complete, scoreAssessment(s, complete), lang), lang);
      expect(html).not.toContain("@top-center");
      expect(html.slice(html.indexOf("</head>"))).not.toMatch(/草稿|DRAFT|draft-mark|class="findings"|StarScore 生成|Made by StarScore|未填写|not filled in/);
      expect(textOf(html)).not.toMatch(/StarScore|maturity-jsgf-06/);
      // 优势 / 改进方向 left empty are ruled lines to write on.
      expect(html.match(/<div class="remark blank-lines"><\/div>/g)?.length).toBe(2);
      if (lang === "zh") expect(textOf(html)).not.toMatch(/:/);
    }
  });

  it("a report with errors is a draft: its title, a mark on every page with the count, the findings grouped by kind", () => {
    const card = scoreAssessment(s, blank);
    const errors = card.findings.filter((f) => f.severity === "error").length;
    expect(errors).toBeGreaterThan(90);
    const html = renderReportHtml(buildReport(s, blank, card));
    expect(html).toContain("<h1>服务认证审查报告（草稿）</h1>");
    expect(html).toContain(`@top-center { content: "草稿：评分有 ${errors} 项错误，不能作为正式报告";`);
    expect(html).toContain(`<div class="draft-mark" aria-hidden="true">草稿</div>`);
    // 93 missing percentages are one line naming every clause.
    const missing = card.findings.filter((f) => f.code === "SS101");
    expect(html.match(/<li>错误 SS101 /g)?.length).toBe(1);
    expect(html).toContain(`（${missing.length} 处：${missing.map((f) => f.location.clause).join("、")}）`);
  });

  const withChromium = existsSync(chromiumPath()) ? it : it.skip;
  withChromium(
    "printed: 草稿 with the count on every page; column heads on one line; nothing of the tool's own",
    async () => {
      const dir = tmp();
      const pages = async (a: Assessment): Promise<string[]> => {
        const pdf = path.join(dir, `${Math.random()}.pdf`);
        writeFileSync(pdf, await htmlToPdf(renderReportHtml(buildReport(s, a, scoreAssessment(s, a)))));
        return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim() !== "");
      };
      const errors = scoreAssessment(s, blank).findings.filter((f) => f.severity === "error").length;
      const draft = await pages(blank);
      for (const page of draft) expect(page).toContain(`草稿：评分有 ${errors} 项错误，不能作为正式报告`);
      const final = await pages(complete);
      expect(final.length).toBeGreaterThan(5);
      for (const [i, page] of final.entries()) {
        expect(page).not.toMatch(/草稿|StarScore/);
        expect(page).toContain(`第 ${i + 1} 页，共 ${final.length} 页`);
      }
      const table = final.find((p) => p.includes("分项实际得分")) ?? "";
      expect(table).toMatch(/序号\s+标题\s+检查内容\s+小类分值\s+代码\s+分项得分%\s+分项实际得分/);
    },
    120_000,
  );
});

describe("reading what the header's cells say", () => {
  it("a start or end on site: a day, with 上午 / 下午 where it is given", () => {
    expect(readOnSiteMoment("2021-06-05 上午")).toEqual({ date: "2021-06-05", half: "morning" });
    expect(readOnSiteMoment("2021年6月7日下午")).toEqual({ date: "2021-06-07", half: "afternoon" });
    expect(readOnSiteMoment("２０２１/６/５")).toEqual({ date: "2021-06-05", half: null });
    expect(readOnSiteMoment("下周一")).toBeNull();
  });

  it("days on site in half days, both ends included (the template: 5 日上午至 7 日下午 共 3.0 天)", () => {
    const at = (t: string) => readOnSiteMoment(t) ?? { date: "", half: null };
    expect(onSiteDays(at("2021-06-05 上午"), at("2021-06-07 下午"))).toBe(3);
    expect(onSiteDays(at("2021-06-05"), at("2021-06-07"))).toBe(3);
    expect(onSiteDays(at("2021-06-05 下午"), at("2021-06-07 上午"))).toBe(2);
    expect(onSiteDays(at("2021-06-05 上午"), at("2021-06-05 上午"))).toBe(0.5);
    expect(onSiteDays(at("2021-06-07"), at("2021-06-05"))).toBeNull();
  });

  it("审查类型: the form's words, the report's, and English", () => {
    expect(["初次认证", "监督", "保持认证", "再认证", "recertification", " 监督审核 ", "特殊审核"].map(readAuditType)).toEqual([
      "initial",
      "surveillance",
      "surveillance",
      "recertification",
      "recertification",
      "surveillance",
      null,
    ]);
  });
});
