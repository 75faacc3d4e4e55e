import { messageOf } from "../../src/findings/catalogue";
import { EXAMPLES } from "../../src/findings/catalogueDoc";
import { finding, type Finding } from "../../src/findings/finding";
import type { FindingCode } from "../../src/findings/catalogue";
import { checkHtml, commonFolder } from "../../src/review/checkHtml";
import { checkCsv } from "../../src/review/checkReport";
import { findingLine, firstSentence } from "../../src/review/findingLine";
import { causeOf, mainReason, reasonIn, summaryLine, worstFirst } from "../../src/review/mainReason";
import { noticeFileName, noticeHtml, noticeOf } from "../../src/review/notice";
import { fileCheck, notChecked, unreadable, type FileCheck } from "../../src/review/verdict";

const facts = (organisation: string, scheme = "gbt27922-2011-self", role = "self") => ({
  scheme,
  role,
  organisation,
  claimedLevel: null,
  level: "三星级",
  total: 84.54,
  sheetTotal: 84.54,
  passed: true,
});
const make = (file: string, findings: Finding[], org = "华东示例") => fileCheck(file, facts(org), findings, "zh");

const evidence = finding("SS201", { clause: "5.1.3.1", cell: "自评估表!G11" }, { required: ["a) 工具和车辆产生的费用；", "b) 内部保障和培训等产生的费用；"] });
const pointsChanged = finding("SS815", { clause: "5.1.2.2", cell: "自评估表!H10" }, { found: "9", expected: "5" });
const claim = finding("SS501", { cell: "自评估表!F3", field: "申报级别" }, { claimed: "五星级", computed: "三星级", total: 84.54, needs: 95 });
const validation = finding("SS822", { cell: "评分表!G10" }, { range: "评分表!G10:G101", cells: 92, change: "removed" });
const missing = finding("SS101", { clause: "5.1.4.1", cell: "自评估表!F14", field: "score" }, { field: "score" });
const wrongForm = finding("SS806", {}, { expectedScheme: "gbt27922-2011-self", expectedRole: "self", scheme: "cct-sc03-12", role: "audit" });

const files: FileCheck[] = [
  make("批次/clean-1.xlsx", []),
  make("批次/clean-2.xlsx", []),
  make("批次/warned.xlsx", [validation]),
  make("批次/claims-five.xlsx", [claim]),
  make("批次/altered.xlsx", [pointsChanged, validation]),
  make("批次/incomplete.xlsx", [missing, evidence]),
  fileCheck("批次/cct-audit.xlsx", facts("北方售后", "cct-sc03-12", "audit"), [wrongForm], "zh"),
  unreadable("批次/old.xlsx", "旧版 .xls 格式，请另存为 .xlsx / old .xls format"),
];
const byName = (name: string) => files.find((f) => f.file.endsWith(name)) as FileCheck;

describe("a file's main reason", () => {
  it("names the cause apart from the verdict: altered, claimed above the result, the wrong form, to complete, warnings, clean", () => {
    expect(files.map((f) => [f.verdict, causeOf(f).cause])).toEqual([
      ["通过", "clean"],
      ["通过", "clean"],
      ["通过", "warnings"],
      ["不一致", "claim-above"],
      ["不一致", "altered"],
      ["需补正", "to-complete"],
      ["需补正", "not-expected"],
      ["无法读取", "unreadable"],
    ]);
  });

  it("is the deciding finding's first sentence in words, with its clause and cell, and how many more", () => {
    expect(mainReason(byName("altered.xlsx"), "zh")).toBe(`${firstSentence(messageOf("SS815", pointsChanged.params, "zh"), "zh")}（自评估表!H10）；另有 1 项`);
    expect(mainReason(byName("claims-five.xlsx"), "zh")).toBe("申报级别“五星级”高于评定结果“三星级”（总分 84.54，五星级需 95 分）（自评估表!F3）");
    expect(mainReason(byName("incomplete.xlsx"), "en")).toBe("Clause 5.1.4.1: no score entered (自评估表!F14); 1 more");
    // A sentence that names its cell already does not name it twice.
    expect(mainReason(byName("warned.xlsx"), "zh")).toBe("评分表!G10:G101（92 格）的数据验证被删除或放宽（已删除），这些单元格可以填入任意值；常见原因是从别的工作簿粘贴");
    expect(mainReason(byName("cct-audit.xlsx"), "zh")).toBe("审核要求提交方案 gbt27922-2011-self 的自评估表，本文件是方案 cct-sc03-12 的评分表");
    expect(mainReason(byName("old.xlsx"), "zh")).toBe("旧版 .xls 格式，请另存为 .xlsx");
    expect(mainReason(byName("old.xlsx"), "en")).toBe("old .xls format");
    expect(mainReason(byName("clean-1.xlsx"), "zh")).toBeNull();
  });

  it("cuts the first sentence outside brackets, quotes and decimals, in both languages, for every code", () => {
    expect(firstSentence("总分 81.96（满分。）不足。请改。", "zh")).toBe("总分 81.96（满分。）不足");
    expect(firstSentence('score "3. 5" is wrong. Enter a number.', "en")).toBe('score "3. 5" is wrong');
    for (const code of Object.keys(EXAMPLES) as FindingCode[]) {
      for (const lang of ["zh", "en"] as const) {
        const whole = messageOf(code, EXAMPLES[code], lang);
        const first = firstSentence(whole, lang);
        expect([code, lang, first.length > 0 && whole.startsWith(first)]).toEqual([code, lang, true]);
      }
    }
  });

  it("gives a two-language reason in the language asked for, and any other reason whole", () => {
    expect(reasonIn("工作簿已加密（设有打开密码）/ encrypted workbook", "en")).toBe("encrypted workbook");
    expect(reasonIn("不是 Excel 工作簿（_rels/.rels 未指向工作簿）/ not an Excel workbook", "zh")).toBe("不是 Excel 工作簿（_rels/.rels 未指向工作簿）");
    expect(reasonIn("xl/worksheets/sheet1.xml is too large", "zh")).toBe("xl/worksheets/sheet1.xml is too large");
  });

  it("orders files worst first and sums them up in one line", () => {
    expect(worstFirst(files).map((f) => f.file.replace("批次/", ""))).toEqual(["old.xlsx", "altered.xlsx", "claims-five.xlsx", "cct-audit.xlsx", "incomplete.xlsx", "warned.xlsx", "clean-1.xlsx", "clean-2.xlsx"]);
    expect(summaryLine(files, "zh")).toBe("共 8 个文件：无法读取 1，不一致 2，需补正 2，通过 3");
    expect(summaryLine(files, "en")).toBe("8 files: unreadable 1, inconsistent 2, to complete 2, pass 3");
  });
});

describe("a finding as a line", () => {
  it("names the clause and the cell once each, in their columns, and never doubles the list's punctuation", () => {
    const line = findingLine(fileCheck("x.xlsx", facts("x"), [evidence], "zh").findings[0] as FileCheck["findings"][number], "zh");
    expect(line).toEqual({ code: "SS201", severity: "warning", clause: "5.1.3.1", cell: "自评估表!G11", text: "证明材料清单为空。本条款需提供：a) 工具和车辆产生的费用；b) 内部保障和培训等产生的费用。" });
    const en = findingLine(fileCheck("x.xlsx", facts("x"), [missing], "en").findings[0] as FileCheck["findings"][number], "en");
    expect(en.text).toBe('No score entered. Enter it, or "不适用" (N/A) if the clause does not apply.');
  });
});

describe("the check's HTML report", () => {
  const html = checkHtml(files, { generated: "2026-03-01 14:30", expected: { scheme: "gbt27922-2011-self", role: "self" } });
  const rows = [...html.matchAll(/<tr class="([^"]+)"><td class="file">(.*?)<\/td><td class="v">(.*?)<\/td><td>(.*?)<\/td>/g)].map((m) => ({ cls: m[1], file: m[2] as string, verdict: m[3] as string, reason: m[4] }));

  it("has one summary row per file, worst first, each with a problem linked to its details", () => {
    expect(rows).toHaveLength(files.length);
    for (const row of rows.filter((r) => !r.cls?.includes("c-clean"))) {
      const id = /href="#(f[0-9]+)"/.exec(row.file)?.[1];
      expect(html).toContain(`<section id="${id}"`);
    }
    // The folder every file is in is said once, above the table.
    expect(html).toContain("文件夹 批次/");
    expect(rows[0]?.file).toContain(">old.xlsx<");
    expect(html).toContain("要求提交 方案 gbt27922-2011-self 的自评估表");
  });

  it("says the main reason in words, never as counts", () => {
    expect(rows.find((r) => r.file.includes("altered"))?.reason).toContain("分值被改为 9");
    expect(html).not.toMatch(/改动 [0-9]/);
  });

  it("labels a claimed level above the result apart from an altered form, and a 通过 with warnings apart from a clean one", () => {
    expect(rows.find((r) => r.file.includes("claims-five"))?.verdict).toBe('<span class="verdict">不一致</span><span class="cause">申报级别高于评定结果</span>');
    expect(rows.find((r) => r.file.includes("altered"))?.verdict).toBe('<span class="verdict">不一致</span><span class="cause">表格被改动</span>');
    expect(rows.find((r) => r.file.includes("warned"))?.verdict).toBe('<span class="verdict">通过</span><span class="cause">有提示</span>');
    expect(rows.find((r) => r.file.includes("clean-1"))?.verdict).toBe('<span class="verdict">通过</span>');
    expect(html).toContain("其中 1 个通过的文件有提示");
  });

  it("names each code and cell once per line, prints no doubled punctuation, and says 未发现问题 once", () => {
    for (const line of html.match(/<tr class="sev-[a-z]+">.*?<\/tr>/g) ?? []) {
      const cell = />([^<>]+![A-Z]+[0-9]+)</.exec(line)?.[1];
      // The cell itself, not a range that starts at it (SS822 names the range it is about).
      if (cell !== undefined) expect([line, line.split(new RegExp(`${cell.replace(/[!]/g, "\\$&")}(?![0-9:])`)).length - 1]).toEqual([line, 1]);
      const code = /SS[0-9]{3}/.exec(line)?.[0] as string;
      expect(line.split(code).length - 1).toBe(1);
    }
    expect(html).not.toMatch(/；；|；。|。。/);
    expect(html.split("未发现问题").length - 1).toBe(1);
    expect(html).toContain("其余 2 个文件通过，未发现问题。");
  });

  it("prints on A4 landscape and keeps a level on one line", () => {
    expect(html).toContain("@page{size:A4 landscape");
    // A level's name is not broken between its characters (tests/browser/checkReport.test.ts: as printed).
    expect(html).toMatch(/<td class="level">三星级<\/td>/);
    expect(html).toContain("td.level{word-break:keep-all}");
    expect(html).not.toMatch(/<script|(src|href)="(https?:)?\/\//);
  });

  it("speaks English when asked", () => {
    const en = checkHtml(files, { generated: "t", lang: "en" });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("8 files: unreadable 1, inconsistent 2, to complete 2, pass 3");
    expect(en).toContain("claimed level above the result");
    expect(en).not.toMatch(/提交文件检查|逐个文件|主要原因|检查时间|文件夹/);
  });

  it("finds the folder the files share", () => {
    expect(commonFolder(["a/b/x.xlsx", "a/b/c/y.xlsx"])).toBe("a/b/");
    expect(commonFolder(["a/x.xlsx", "b/y.xlsx"])).toBe("");
    expect(commonFolder(["C:\\in\\x.xlsx", "C:\\in\\y.xlsx"])).toBe("C:\\in\\");
    expect(commonFolder(["only.xlsx"])).toBe("");
  });
});

describe("the CSV", () => {
  it("keeps its columns, fills 原因 with each file's main reason, and names a finding's cell once", () => {
    const csv = checkCsv(files);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe('\uFEFF"文件 file","结论 verdict","原因 reason","方案 scheme","表格 role","组织名称","申报级别","评定级别","总分","工作簿保存的总分","通过","未填写","缺证明材料","错误","改动","删减项数","删减分值","删减占满分","问题 findings","证明材料 evidence files"');
    expect(lines[1]).toMatch(/^"批次\/old.xlsx","无法读取","旧版 .xls 格式，请另存为 .xlsx",/);
    expect(csv).toContain('"SS815 条款 5.1.2.2 的分值被改为 9');
    expect(csv.match(/自评估表!H10/g)).toHaveLength(2); // the reason column and the finding, once each
  });
});

describe("files named as evidence, accounted for under their workbook", () => {
  const withEvidence: FileCheck[] = [
    { ...make("提交/自评估表.xlsx", []), evidenceFiles: ["提交/证明材料/网点.pdf", "提交/证明材料/证书.jpg"] },
    notChecked("提交/说明.txt", "不是表格文件，没有表格把它列为证明材料，未检查内容 / not a spreadsheet; no form names it as evidence; its content was not checked"),
  ];
  it("are counted in the summary, so that it adds up to the files handed in", () => {
    expect(summaryLine(withEvidence, "zh")).toBe("共 4 个文件：无法读取 0，不一致 0，需补正 0，通过 1，未检查 1，证明材料 2");
    expect(summaryLine(withEvidence, "en")).toBe("4 files: unreadable 0, inconsistent 0, to complete 0, pass 1, not checked 1, evidence 2");
  });
  it("are in the CSV's last column and the HTML report's detail of the workbook", () => {
    expect(checkCsv(withEvidence).split("\r\n")[1]).toMatch(/,"提交\/证明材料\/网点.pdf\n提交\/证明材料\/证书.jpg"$/);
    const html = checkHtml(withEvidence, { generated: "2026-03-01 14:30" });
    expect(html).toContain('<span class="ev">证明材料 2 个</span>');
    expect(html).toContain("（已核对：存在、非空、内容与扩展名相符，下表另有说明的除外）：证明材料/网点.pdf、证明材料/证书.jpg</p>");
  });
});

describe("the 补正通知", () => {
  it("exists for every file that does not pass, none for one that does", () => {
    expect(files.map((f) => noticeOf(f, { lang: "zh", date: "2026-03-01" }) !== null)).toEqual([false, false, false, true, true, true, true, true]);
  });

  it("lists what to correct by clause and cell, and apart from it the warnings, in the applicant's language", () => {
    const notice = noticeOf(byName("incomplete.xlsx"), { lang: "zh", date: "2026-03-01", schemeTitle: "商品售后服务认证自评估表" });
    expect(notice?.corrections.map((l) => [l.clause, l.cell])).toEqual([
      ["5.1.4.1", "自评估表!F14"],
      ["5.1.3.1", "自评估表!G11"],
    ]);
    const html = noticeHtml(notice as NonNullable<typeof notice>);
    expect(html).toContain("<h1>补正通知</h1>");
    expect(html).toContain("致：华东示例");
    expect(html).toContain("商品售后服务认证自评估表（gbt27922-2011-self）");
    expect(html).toContain("<td>未填写分数。请填写；本条款不适用时填“不适用”。</td>");
    expect(html).toContain("@page{size:A4 portrait");
    expect(html).not.toMatch(/；；|<script|(src|href)="(https?:)?\/\//);

    const altered = noticeOf(byName("altered.xlsx"), { lang: "en", date: "2026-03-01" });
    expect(altered?.corrections.map((l) => l.code)).toEqual(["SS815"]);
    expect(altered?.toCheck.map((l) => l.code)).toEqual(["SS822"]);
    const en = noticeHtml(altered as NonNullable<typeof altered>);
    expect(en).toContain("<h1>Notice of corrections</h1>");
    expect(en).toContain("Inconsistent (form altered)");
    expect(en).not.toMatch(/需补正的事项|审核结论/);
  });

  it("asks for a file that opens when it could not be read, and is named after the file", () => {
    const html = noticeHtml(noticeOf(byName("old.xlsx"), { lang: "zh", date: "2026-03-01" }) as NonNullable<ReturnType<typeof noticeOf>>);
    expect(html).toContain("无法读取：旧版 .xls 格式，请另存为 .xlsx。请重新提交");
    expect(html).toContain("提交的文件</th><td>old.xlsx</td>");
    expect(noticeFileName("批次/华东 示例.xlsx", "zh")).toBe("华东 示例-补正通知.html");
    expect(noticeFileName("C:\\in\\a.b.xlsx", "en")).toBe("a.b-notice.html");
  });
});
