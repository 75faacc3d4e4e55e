import { CATALOGUE, messageOf, paramsSchema, type FindingCode, type ParamsOf } from "./catalogue";
import type { Where } from "./entry";

/** Example data for each code, typed by the catalogue: the docs show every message with these. */
export const EXAMPLES: { [C in FindingCode]: ParamsOf<C> & Where } = {
  SS101: { clause: "5.1.1.1", field: "percent" },
  SS102: { clause: "5.1.1.1", value: 101, max: 3 },
  SS103: { clause: "5.1.1.1", value: 101 },
  SS104: { clause: "5.1.1.1", field: "percent", text: "九十" },
  SS105: { clause: "5.1.1.1", text: "九十" },
  SS106: { clause: "5.1.1.1", scheme: "maturity-jsgf-06" },
  SS107: { clause: "5.1.1.1", row: "5.1.1.2" },
  SS110: { clause: "5.2.1.3", share: 0.8, source: "CCT/GZ-SC03-12 附件2 评分要求 2" },
  SS111: { clause: "5.2.1.3", field: "checked", text: "九十" },
  SS112: { clause: "5.2.1.3" },
  SS113: { clause: "5.2.1.3", checked: 10, nonconforming: 12 },
  SS114: { clause: "5.2.1.3", field: "percent", typed: "80%", checked: 20, nonconforming: 6, expected: 70 },
  SS115: { clause: "5.2.1.3" },
  SS116: { clause: "2.1a", whole: "2.1", part: "2.1a" },
  SS118: { clause: "5.2.1.3", why: "评分要求 2 自己的例子：“明示商品的报修期限”", source: "附件2 评分要求 1)、2)" },
  SS119: { clause: "5.2.1.3", share: 0.7, why: "评分要求 2 自己的例子：“明示商品的报修期限”", source: "附件2 评分要求 1)、2)" },
  SS201: { clause: "5.1.1.1", required: ["a) 客户清单", "b) 服务网点清单"] },
  SS202: { clause: "5.1.1.2", material: "b) 服务网点清单（包括网点类型）", line: 2, of: 2 },
  SS203: { clause: "5.1.1.2", file: "证明材料/服务网点清单.xlsx", material: "b) 服务网点清单（包括网点类型）", outside: false },
  SS204: { clause: "5.1.2.2", file: "证明材料/管理师证书.pdf", material: "售后服务管理师证书" },
  SS205: { clause: "5.1.2.2", file: "证明材料/管理师证书.pdf", material: "售后服务管理师证书", extension: "pdf", found: "JPEG 图片" },
  SS301: { clause: "5.1.1.1", conclusion: "nonconform", value: 101, max: 3 },
  SS302: {},
  SS303: { clause: "5.1.1.1" },
  SS401: { count: 5, limit: 5 },
  SS402: { value: 101, max: 3, counted: 1 },
  SS403: { scheme: "maturity-jsgf-06", special: "deduction", count: 5 },
  SS404: { clause: "5.1.1.1" },
  SS405: { special: "bonus", count: 1 },
  SS410: { subsection: "5.3.2 服务网点", count: 4, points: 6 },
  SS411: { count: 12, points: 25, share: 0.25, limit: 0.2 },
  SS501: { claimed: "五星级", computed: "四星级", total: 92.5, needs: 95 },
  SS502: { claimed: "五星级", levels: ["达标级", "三星级", "四星级", "五星级"] },
  SS601: { header: "GB/T 27922 证书编号", zh: "本规范适用于已通过 GB/T 27922 认证的企业。", en: "Applies only to organisations certified under GB/T 27922." },
  SS602: { domain: "SC-23", source: "CCT/GZ-SC03-12 附件3 服务领域划分表" },
  SS603: { code: "681", name: "邮政和速递服务", group: "SC-06 邮政和速递服务", applies: ["SC-01", "SC-02", "SC-03"] },
  SS701: { sheet: 92.5, engine: 91.5 },
  SS702: { sheet: "92.50", engine: "91.50" },
  SS703: { scheme: "maturity-jsgf-06", sheetVersion: "B/1", version: "B/2" },
  SS704: { version: 1, current: 5 },
  SS705: { version: 3, current: 5 },
  SS801: {},
  SS802: { reason: "not JSON" },
  SS803: { scheme: "maturity-jsgf-06" },
  SS804: { scheme: "maturity-jsgf-06" },
  SS805: { version: 4, current: 5 },
  SS806: { expectedScheme: "gbt27922-2011-self", expectedRole: "self", scheme: "cct-sc03-12", role: "audit" },
  SS811: { clause: "5.2.4.3" },
  SS812: { text: "九十" },
  SS813: { clause: "5.2.4.3", count: 5 },
  SS814: { row: 5, expected: "1", found: "3" },
  SS815: { clause: "5.2.4.3", found: "3", expected: "1" },
  SS816: { clause: "5.2.4.3" },
  SS817: { found: "3", expected: "1" },
  SS818: { found: "3", expected: "1" },
  SS819: { rows: [40, 41] },
  SS820: { columns: ["G"] },
  SS821: { found: "3", expected: "1" },
  SS822: { range: "评分表!G12:G15", cells: 4, change: "removed" },
  SS901: { n: 1, audit: "2026-03-15", deadline: "2026-02-28", rule: "first", months: 12 },
  SS902: { n: 2, deadline: "2026-12-31", rule: "calendar-year", months: 12, today: "2027-01-10" },
  SS903: { audit: "2025-01-01", issued: "2025-03-01" },
  SS904: { audit: "2028-04-01", expires: "2028-02-29" },
  SS905: { text: "2026-13-01" },
  SS906: { expires: "2029-03-01", today: "2029-04-01", months: 36 },
};

/** docs/findings.md: the catalogue as a table, made from the code so the two never drift apart. */
export function catalogueMarkdown(): string {
  const rows = (Object.keys(CATALOGUE) as FindingCode[]).map((code) => {
    const e = CATALOGUE[code];
    // Parsed, so an example that does not fit its code's params fails here as well as in the type checker.
    const example = paramsSchema(code).parse(EXAMPLES[code]);
    return `| ${code} | ${e.name} | ${e.severity} | ${e.kind} | ${messageOf(code, example, "zh")} | ${messageOf(code, example, "en")} |`;
  });
  return [
    "# Findings",
    "",
    "Every finding StarScore reports has a permanent code, a severity, a location (clause, cell, field) kept apart",
    "from its text, and a message in 简体中文 and English. This page is generated from `src/findings/catalogue.ts` by",
    "`npx tsx scripts/make-docs.ts`; a test fails when it is out of date. Messages below use example values.",
    "",
    "| code | name | severity | kind | 简体中文 | English |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
