import { CATALOGUE, type FindingCode } from "./catalogue";

const EXAMPLE = {
  clause: "5.1.1.1", fieldZh: "得分比例", fieldEn: "percentage", exampleZh: "95 或 95%", exampleEn: "95 or 95%", value: 101, max: 3, text: "九十",
  scheme: "maturity-jsgf-06", row: "5.1.1.2", required: "a) 客户清单；b) 服务网点清单", conclusion: "不符合", count: 5, limit: 5,
  counted: 1, labelZh: "特别扣分项", labelEn: "special deductions", claimed: "五星级", computed: "四星级", total: "92.50", needs: 95,
  levels: "达标级、三星级、四星级、五星级", sheet: "92.50", engine: "91.50", reason: "not JSON", clauseText: "条款 5.2.4.3", clauseTextEn: "clause 5.2.4.3", found: "3", expected: "1", columns: "G", rows: "40, 41", sheetVersion: "B/1", version: "B/2", header: "GB/T 27922 证书编号", zh: "本规范适用于已通过 GB/T 27922 认证的企业。", en: "Applies only to organisations certified under GB/T 27922.",
  domain: "SC-23", source: "CCT/GZ-SC03-12 附件3 服务领域划分表", code: "681", name: "邮政和速递服务", group: "SC-06 邮政和速递服务", applies: "SC-01、SC-02、SC-03", range: "评分表!G12:G15", detailZh: "已删除", detailEn: "removed",
};

/** docs/findings.md: the catalogue as a table, made from the code so the two never drift apart. */
export function catalogueMarkdown(): string {
  const rows = (Object.keys(CATALOGUE) as FindingCode[]).map((code) => {
    const e = CATALOGUE[code];
    return `| ${code} | ${e.name} | ${e.severity} | ${e.kind} | ${e.zh(EXAMPLE)} | ${e.en(EXAMPLE)} |`;
  });
  return [
    "# Findings",
    "",
    "Every finding StarScore reports has a permanent code, a severity, a location (clause, cell, field) kept apart",
    "from its text, and a message in 简体中文 and English. This page is generated from `src/checks/catalogue.ts` by",
    "`npx tsx scripts/make-docs.ts`; a test fails when it is out of date. Messages below use example values.",
    "",
    "| code | name | severity | kind | 简体中文 | English |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
