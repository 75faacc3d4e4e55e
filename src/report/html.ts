import { asLabel, type Lang } from "../findings/language";
import { failName } from "../scoring/levels";
import { cycleHtml, leftOutHtml, notGradedReason, samplesHtml } from "./documentRulesHtml";
import { escapeHtml as esc } from "./escape";
import { formatEarned, formatPercent, formatPoints } from "./format";
import { coverHtml, dayText, filled, infoHtml, promiseHtml } from "./frontHtml";
import type { Nonconformity, ReportFinding, ReportItem, ReportModel, ReportSection, ReportSubsection } from "./model";
import { materialsHtml, MATERIALS_CSS } from "./materialsHtml";
import { radarSvg } from "./radar";

/**
 * The audit report as one self-contained HTML file: inline CSS, the radar chart as inline SVG, no scripts,
 * nothing loaded from outside. Laid out as the maturity audit report template (服务认证审查报告): the cover, the
 * team's promise and 1. 基本信息 (frontHtml.ts), the results, the conclusion, the signatures and the body's stamp;
 * made to print on A4: a page break before each major part, table heads repeated on every page, page numbers.
 * What the client receives carries nothing of the tool's own: no footer naming StarScore, no placeholders (a blank is
 * a line to write on). A report whose scoring has errors is a draft, and every page says so.
 * Pure string building; every text from the assessment or the scheme is escaped.
 */

const ZH = {
  htmlLang: "zh-CN",
  titleAudit: "服务认证审查报告",
  titleSelf: "服务认证自评估报告",
  colon: "：",
  listSep: "、",
  results: "2. 服务认证审查结果",
  resultsSelf: "2. 自评估结果",
  overall: "(1) 现场审查总体得分情况",
  overallSelf: "(1) 总体得分情况",
  total: "总分",
  points: "分",
  fullMarks: (n: string) => `满分 ${n} 分`,
  rescale: (count: number, pts: string, raw: string, app: string, full: string, res: string) =>
    `不涉及 ${count} 项（共 ${pts} 分）：原始得分 ${raw} ÷ 适用满分 ${app} × ${full} = ${res}。`,
  specialLine: (count: number, minus: string, bonus: string) => `特别扣分项 ${count} 项（−${minus} 分），特别加分 +${bonus} 分。`,
  analysis: "(2) 统计分析",
  byPart: "各部分得分情况",
  overviewHead: ["部分", "满分", "适用满分", "实际得分", "得分率"],
  sum: "合计（原始）",
  sectionLine: (max: string, naNote: string, earned: string) => `本部分满分${max}分${naNote}，实际得分 ${earned} 分。各分项得分见下表：`,
  naNote: (count: number, pts: string, app: string) => `（不涉及 ${count} 项共 ${pts} 分，适用满分 ${app} 分）`,
  itemHead: ["序号", "标题", "检查内容", "小类分值", "代码\n(维度)", "分项得分%", "分项实际得分"],
  na: "不涉及",
  missing: "未填",
  invalid: "有误",
  subtotal: "小计",
  applicableOf: (app: string) => `（适用 ${app}）`,
  special: "特别项：",
  noSpecial: "无特别扣分项，也没有特别加分项。",
  deductionsHead: ["序号", "条款", "扣分原因", "扣分"],
  bonus: (pts: string, reason: string) => `特别加分项：+${pts} 分${reason !== "" ? `，${reason}` : ""}。`,
  noBonus: "没有特别加分项。",
  noDeductions: "无特别扣分项。",
  notGraded: (count: number, limit: number) => `特别扣分项 ${count} 项，达到 ${limit} 项，不予评级。`,
  radar: "各单项雷达图：",
  radarCaption: (by: "subsection" | "section") => `各${by === "subsection" ? "小类" : "部分"}得分率：实际得分 ÷ 适用满分；虚线轴为全部不涉及的${by === "subsection" ? "小类" : "部分"}。`,
  radarTitle: "各单项得分率雷达图",
  noRadar: "本方案的分项数不适合绘制雷达图。",
  levelsIntro: (pass: string, limit: number | null) =>
    `对于评分达到 ${pass} 分以上（含 ${pass} 分）${limit !== null ? `，且特别扣分项低于 ${limit} 项` : ""}的企业，按照以下要求进行级别划分：`,
  levelsHead: ["", "分数要求", "级别", "星级", "本组织"],
  atLeast: (min: string) => `达到 ${min} 分以上（含 ${min} 分）`,
  below: (min: string) => `低于 ${min} 分`,
  here: (total: string) => `◀ 总分 ${total} 分`,
  strengths: "(3) 服务系统的优势：",
  improvements: "(4) 服务系统改进方向：",
  conformity: "(5) 与有关认证要求符合性的陈述：",
  conformityNone: "全部适用条款得满分，未发现不符合。",
  conformityLine: (n: number) => `以下 ${n} 项未得满分（不符合或部分符合），其余适用条款符合要求：`,
  conformityHead: ["条款", "代码", "检查内容", "分值", "得分", "现场评审记录"],
  conclusion: "3、审查结果：",
  conclusionSelf: "3、自评估结论：",
  passed: (level: string, cert: string) => `现场审查通过，推荐注册${level}${cert}`,
  passedPlain: "现场审查通过",
  notPassed: "不通过",
  unfilled: "未填完",
  selfPassed: (level: string) => `自评估达到${level}`,
  selfNotPassed: "自评估未达到任何级别",
  reasonBelow: (total: string, pass: string) => `总分 ${total} 分，低于 ${pass} 分`,
  reasonNotGraded: (count: number, limit: number) => `特别扣分项 ${count} 项，达到 ${limit} 项不予评级`,
  reasonNothing: "没有适用的条款",
  claimed: (claimed: string, result: string, self: boolean) => `申报级别：${claimed}；${self ? "自评结果" : "审查结果"}：${result}。`,
  claimedAbove: "申报级别高于评定结果。",
  signed: "4、报告编制人：",
  signedOn: "编制日期：",
  stamp: (body: string) => `5、${body}（盖章）`,
  stampBody: "认证机构",
  findings: (n: number, errors: number) => `评分检查发现的问题（${n} 类，其中错误 ${errors} 项）：`,
  findingsWhere: (n: number, list: string) => `（${n} 处：${list}）`,
  severity: { error: "错误", warning: "警告", info: "提示" },
  pageFooter: ['"第 "', '" 页，共 "', '" 页"'],
  draft: "草稿",
  draftLine: (errors: number) => `草稿：评分有 ${errors} 项错误，不能作为正式报告`,
  draftNote: (errors: number, part: string) => `本报告为草稿：评分有 ${errors} 项错误（见“${part}”），改正后重新生成正式报告。`,
};

type Labels = typeof ZH;

const EN: Labels = {
  htmlLang: "en",
  titleAudit: "Service certification audit report",
  titleSelf: "Service certification self-assessment report",
  colon: ": ",
  listSep: ", ",
  results: "2. Audit results",
  resultsSelf: "2. Self-assessment results",
  overall: "(1) Overall score of the on-site audit",
  overallSelf: "(1) Overall score",
  total: "Total",
  points: "points",
  fullMarks: (n) => `out of ${n}`,
  rescale: (count, pts, raw, app, full, res) => `${count} items not applicable (${pts} points): raw ${raw} ÷ applicable ${app} × ${full} = ${res}.`,
  specialLine: (count, minus, bonus) => `Special deductions: ${count} (−${minus}); bonus +${bonus}.`,
  analysis: "(2) Analysis",
  byPart: "Scores by part",
  overviewHead: ["Part", "Max", "Applicable", "Earned", "Share"],
  sum: "Sum (raw)",
  sectionLine: (max, naNote, earned) => `Full marks for this part: ${max}${naNote}; earned: ${earned}. Item scores:`,
  naNote: (count, pts, app) => ` (${count} items not applicable, ${pts} points; applicable maximum ${app})`,
  itemHead: ["No.", "Title", "Requirement", "Points", "Code", "Score %", "Earned"],
  na: "N/A",
  missing: "missing",
  invalid: "invalid",
  subtotal: "Subtotal",
  applicableOf: (app) => ` (applicable ${app})`,
  special: "Special items:",
  noSpecial: "No special deductions and no bonus.",
  deductionsHead: ["No.", "Clause", "Reason", "Points"],
  bonus: (pts, reason) => `Bonus: +${pts}${reason !== "" ? `, ${reason}` : ""}.`,
  noBonus: "No bonus.",
  noDeductions: "No special deductions.",
  notGraded: (count, limit) => `${count} special deductions (${limit} or more): not graded.`,
  radar: "Radar chart by item group:",
  radarCaption: (by) => `Share of each ${by}: earned ÷ applicable maximum; a dashed axis is a ${by} where nothing applies.`,
  radarTitle: "Radar chart of the shares by item group",
  noRadar: "This scheme's number of groups does not suit a radar chart.",
  levelsIntro: (pass, limit) => `Organisations scoring ${pass} or more${limit !== null ? ` with fewer than ${limit} special deductions` : ""} are graded as follows:`,
  levelsHead: ["", "Score", "Level", "Stars", "Organisation"],
  atLeast: (min) => `${min} or more`,
  below: (min) => `below ${min}`,
  here: (total) => `◀ total ${total}`,
  strengths: "(3) Strengths of the service system:",
  improvements: "(4) Directions for improvement:",
  conformity: "(5) Statement of conformity with the certification requirements:",
  conformityNone: "Every applicable clause earned its full points; no nonconformity was found.",
  conformityLine: (n) => `These ${n} clauses earned less than their full points (not or partly conforming); the other applicable clauses conform:`,
  conformityHead: ["Clause", "Code", "Requirement", "Points", "Earned", "Audit record"],
  conclusion: "3. Audit conclusion:",
  conclusionSelf: "3. Self-assessment conclusion:",
  passed: (level, cert) => `On-site audit passed; recommended for registration: ${level}${cert !== "" ? ` ${cert}` : ""}`,
  passedPlain: "On-site audit passed",
  notPassed: "Not passed",
  unfilled: "Incomplete",
  selfPassed: (level) => `Self-assessment reaches ${level}`,
  selfNotPassed: "Self-assessment reaches no level",
  reasonBelow: (total, pass) => `total ${total}, below ${pass}`,
  reasonNotGraded: (count, limit) => `${count} special deductions; ${limit} or more are not graded`,
  reasonNothing: "no clause applies",
  claimed: (claimed, result) => `Claimed level: ${claimed}; result: ${result}.`,
  claimedAbove: "The claimed level is above the result.",
  signed: "4. Report prepared by:",
  signedOn: "Date:",
  stamp: (body) => `5. ${body} (stamp)`,
  stampBody: "Certification body",
  findings: (n, errors) => `Problems found in the scoring (${n} kinds, ${errors} errors):`,
  findingsWhere: (n, list) => ` (${n}: ${list})`,
  severity: { error: "error", warning: "warning", info: "info" },
  pageFooter: ['"Page "', '" of "', '""'],
  draft: "DRAFT",
  draftLine: (errors) => `Draft: the scoring has ${errors} error${errors === 1 ? "" : "s"}; not a final report`,
  draftNote: (errors, part) => `This report is a draft: the scoring has ${errors} error${errors === 1 ? "" : "s"} (see "${part}"). Correct them and make the report again.`,
};

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-center { content: PAGE_FOOTER; font-size: 8.5pt; color: #666; }
  DRAFT_BOX }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 10.5pt; line-height: 1.55; color: #1b1f24; margin: 0; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 12mm 14mm; background: #fff; } html { background: #e9ecef; } }
.part + .part { break-before: page; }
@media screen { .part + .part { border-top: 2px dashed #c9ced6; margin-top: 12mm; padding-top: 8mm; } }
h1 { font-size: 24pt; text-align: center; margin: 6mm 0 4mm; }
h1:lang(zh) { letter-spacing: 0.2em; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; border-bottom: 1.5px solid #1b1f24; padding-bottom: 1mm; break-after: avoid; }
h2.center { text-align: center; border-bottom: none; font-size: 15pt; margin-top: 4mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 1.5mm 0; }
.body-name { text-align: center; font-size: 15pt; font-weight: bold; margin: 14mm 0 0; letter-spacing: 0.1em; }
.basis { text-align: center; color: #333; margin-bottom: 10mm; }
.cover-fields { margin: 0 auto 6mm; border-collapse: collapse; width: 75%; }
.cover-fields th { text-align: right; font-weight: normal; padding: 2mm 3mm 2mm 0; white-space: nowrap; color: #444; width: 26mm; border: none; background: none; }
.cover-fields td { border: none; padding: 2mm 2mm; font-weight: bold; }
.cover-fields .v { display: inline-block; min-width: 80mm; border-bottom: 0.75px solid #1b1f24; }
.cover-fields .blank { min-width: 80mm; }
.body-contact { margin: 16mm auto 0; border-collapse: collapse; width: 75%; font-size: 10pt; }
.body-contact th { text-align: right; font-weight: normal; color: #444; white-space: nowrap; width: 26mm; padding: 1mm 3mm 1mm 0; border: none; background: none; }
.body-contact td { border: none; padding: 1mm 2mm; }
.summary { display: flex; justify-content: center; gap: 8mm; border: 1.5px solid #1f4fa0; border-radius: 2mm; padding: 4mm 6mm; margin: 8mm auto; max-width: 150mm; background: #f3f7fd; }
.summary div { text-align: center; }
.summary .k { font-size: 9pt; color: #555; }
.summary .v { font-size: 16pt; font-weight: bold; color: #1f4fa0; }
.summary .v.fail { color: #b3261e; }
.blank { display: inline-block; min-width: 45mm; border-bottom: 0.75px solid #1b1f24; height: 1.1em; vertical-align: bottom; }
.blank.short { min-width: 12mm; }
.info .blank { min-width: 28mm; }
.info td > .blank:only-child { border-bottom: none; }
.info .blank.short { min-width: 12mm; }
.choices .box, .verdict .box { display: inline-block; width: 1.2em; }
.choices > span { margin-right: 3mm; white-space: nowrap; }
.choices .off { color: #555; font-weight: normal; }
.choices .on { font-weight: bold; }
.indent { text-indent: 2em; }
.undertakings { padding-left: 7mm; }
.undertakings li { margin: 1.5mm 0; }
.signatures { margin-top: 10mm; line-height: 1.3; }
.signatures p { margin: 5mm 0; display: flex; flex-wrap: wrap; align-items: flex-end; gap: 3mm 6mm; }
.signatures .k { min-width: 24mm; }
.signature { display: inline-flex; flex-direction: column; align-items: center; }
.signature .line { display: block; width: 36mm; border-bottom: 0.75px solid #1b1f24; height: 9mm; }
.signature .who { font-size: 8pt; color: #555; min-height: 1em; }
.signatures .date { justify-content: flex-end; margin-top: 8mm; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75px solid #6b7280; padding: 1.2mm 1.6mm; vertical-align: top; }
th { background: #eef1f5; font-weight: bold; text-align: center; }
.info th { width: 34mm; text-align: left; font-weight: normal; background: #f6f7f9; }
.info.numbered th { width: 52mm; }
.info tr.wide th { width: auto; }
.info tr.wide td { padding: 1.5mm; }
.info td:empty::after { content: "\\00a0"; }
.info .k { color: #444; }
.criteria { margin: 0; padding-left: 6mm; list-style: decimal; }
.team { font-size: 9.5pt; }
.team th { white-space: nowrap; font-size: 9pt; }
.team td { height: 7mm; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.ctr { text-align: center; white-space: nowrap; }
.items { font-size: 8.8pt; line-height: 1.45; table-layout: fixed; }
.items col.c-id { width: 14mm; } .items col.c-title { width: 20mm; } .items col.c-pts { width: 15mm; }
.items col.c-code { width: 13mm; } .items col.c-pct { width: 18mm; } .items col.c-earned { width: 21mm; }
.items th { font-size: 8.5pt; padding: 1.2mm 0.5mm; white-space: pre; }
.items td.text { white-space: pre-line; }
.items tr.cont td.sid, .items tr.cont td.stitle { border-top-color: transparent; }
.items tr.first td.sid, .items tr.first td.stitle { font-weight: bold; }
.items tr.subtotal td { background: #f6f7f9; font-weight: bold; }
.items tr.subtotal td.sid, .items tr.subtotal td.stitle { border-top-color: transparent; background: none; }
.items tr.na td { color: #6b7280; }
td.flag { color: #b3261e; font-weight: bold; }
.samples, .left-out, .cycle, .conformity { font-size: 9pt; margin: 1mm 0 3mm; }
.overview { margin: 2mm 0 4mm; }
.overview th, .levels th, .samples th, .left-out th, .cycle th, .conformity th, .deductions th { white-space: nowrap; }
.line { font-weight: bold; }
.total-line { font-size: 13pt; }
.total-line strong { font-size: 16pt; color: #1f4fa0; }
.radar-wrap { text-align: center; margin: 2mm 0; break-inside: avoid; }
.radar-wrap svg { width: 100%; max-width: 150mm; height: auto; }
.caption { font-size: 8.5pt; color: #555; text-align: center; }
.levels { margin-top: 2mm; font-size: 9.5pt; line-height: 1.35; }
.levels td, .levels th { padding: 0.8mm 1.6mm; }
.levels tr.current td { background: #e3edfb; font-weight: bold; }
.levels td.here { color: #1f4fa0; font-weight: bold; white-space: nowrap; }
.levels tr.fail td.here { color: #b3261e; }
.stars { color: #c58a00; letter-spacing: 0.05em; }
.remark { border: 0.75px solid #6b7280; padding: 3mm 4mm; min-height: 30mm; white-space: pre-wrap; margin-bottom: 4mm; }
.remark.blank-lines { min-height: 40mm; background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 7.6mm, #9aa0a8 7.6mm, #9aa0a8 7.85mm); background-origin: content-box; background-clip: content-box; }
.verdict { font-size: 12.5pt; margin: 3mm 0 1mm; }
.verdict .off { color: #9aa0a8; }
.verdict .on { font-weight: bold; }
.verdict .reason { font-weight: normal; font-size: 10pt; color: #b3261e; }
.findings { border: 1.5px solid #b3261e; background: #fdf3f2; padding: 2mm 4mm; margin: 3mm 0; font-size: 9pt; }
.findings ul { margin: 1mm 0 0; padding-left: 5mm; }
.findings .where { color: #555; }
.sign { margin-top: 10mm; display: flex; gap: 16mm; align-items: flex-end; }
.stamp { margin-top: 12mm; min-height: 40mm; }
.draft-note { border: 1.5px solid #b3261e; color: #b3261e; font-weight: bold; text-align: center; padding: 2mm 4mm; margin: 4mm auto; max-width: 150mm; }
.draft-mark { position: fixed; top: 42%; left: 0; width: 100%; text-align: center; font-size: 110pt; font-weight: bold; color: rgba(179, 38, 30, 0.13);
  transform: rotate(-30deg); pointer-events: none; z-index: 10; letter-spacing: 0.3em; }
`;

function css(t: Labels, draft: ReportModel["draft"]): string {
  const box = draft === null ? "" : `@top-center { content: "${t.draftLine(draft.errors)}"; font-size: 9pt; color: #b3261e; font-weight: bold; }`;
  return (CSS + MATERIALS_CSS).replace("PAGE_FOOTER", `${t.pageFooter[0]} counter(page) ${t.pageFooter[1]} counter(pages) ${t.pageFooter[2]}`).replace("DRAFT_BOX", box);
}

function stars(n: number): string {
  return n > 0 ? "★".repeat(n) : "—";
}

function maxLabel(u: ReportSubsection, zh: boolean): string {
  if (u.maxParts !== null) return zh ? `(${u.maxParts.map(formatPoints).join("+")}分)` : `(${u.maxParts.map(formatPoints).join("+")})`;
  return zh ? `(${formatPoints(u.max)}分)` : `(${formatPoints(u.max)})`;
}

function itemRow(u: ReportSubsection, item: ReportItem, first: boolean, t: Labels, zh: boolean): string {
  const na = item.status === "na";
  const flag = item.status === "missing" ? t.missing : item.status === "invalid" ? t.invalid : null;
  const pct = na ? t.na : flag !== null ? flag : item.percent === null ? "—" : formatPercent(item.percent);
  const earned = item.earned === null ? "—" : formatEarned(item.earned);
  const cls = [first ? "first" : "cont", na ? "na" : ""].filter((c) => c !== "").join(" ");
  return (
    `<tr class="${cls}" data-clause="${esc(item.clause)}">` +
    `<td class="sid">${first ? esc(u.id) : ""}</td>` +
    `<td class="stitle">${first ? `${esc(u.title)} ${esc(maxLabel(u, zh))}` : ""}</td>` +
    `<td class="text">${esc(item.clause)} ${esc(item.text)}</td>` +
    `<td class="num pts">${formatPoints(item.points)}</td>` +
    `<td class="ctr code">${esc(item.code ?? "")}</td>` +
    `<td class="ctr pct${flag !== null ? " flag" : ""}">${esc(pct)}</td>` +
    `<td class="num earned">${earned}</td></tr>`
  );
}

function sectionTable(s: ReportSection, t: Labels, zh: boolean): string {
  const head = t.itemHead.map((h) => `<th>${esc(h)}</th>`).join("");
  const bodies = s.subsections.map((u) => {
    const rows = u.items.map((item, i) => itemRow(u, item, i === 0, t, zh));
    const maxText = u.applicableMax !== u.max ? `${formatPoints(u.max)}${t.applicableOf(formatPoints(u.applicableMax))}` : formatPoints(u.max);
    rows.push(
      `<tr class="subtotal" data-subsection="${esc(u.id)}"><td class="sid"></td><td class="stitle"></td><td>${esc(t.subtotal)} ${esc(u.id)}</td>` +
        `<td class="num">${esc(maxText)}</td><td></td><td class="ctr">${u.share === null ? esc(t.na) : formatPercent(u.share * 100)}</td>` +
        `<td class="num">${u.share === null ? "—" : formatEarned(u.earned)}</td></tr>`,
    );
    return `<tbody>${rows.join("")}</tbody>`;
  });
  return (
    `<table class="items" data-section="${esc(s.id)}"><colgroup><col class="c-id"><col class="c-title"><col><col class="c-pts"><col class="c-code"><col class="c-pct"><col class="c-earned"></colgroup>` +
    `<thead><tr>${head}</tr></thead>${bodies.join("")}</table>`
  );
}

/** 优势 / 改进方向: the auditor's text, or ruled lines to write on where there is none (as the paper form has). */
function paragraph(text: string | null): string {
  return text === null ? `<div class="remark blank-lines"></div>` : `<div class="remark">${esc(text)}</div>`;
}

/** The scoring's findings, one line per kind with the clauses it is about; printed in a draft only. */
function findingsHtml(findings: readonly ReportFinding[], errors: number, t: Labels): string {
  const line = (f: ReportFinding) =>
    `<li>${esc(t.severity[f.severity])} ${esc(f.code)} ${esc(f.message)}` +
    (f.where.length > 0 ? `<span class="where">${esc(t.findingsWhere(f.where.length, f.where.join(t.listSep)))}</span>` : "") +
    `</li>`;
  return `<div class="findings"><strong>${esc(t.findings(findings.length, errors))}</strong><ul>${findings.map(line).join("")}</ul></div>`;
}

/** 与有关认证要求符合性的陈述 (CCT 6.3.7 5)): every item not fully met, with the auditor's record. */
function conformityHtml(rows: readonly Nonconformity[], t: Labels): string {
  if (rows.length === 0) return `<h3>${esc(t.conformity)}</h3><p>${esc(t.conformityNone)}</p>`;
  const body = rows
    .map(
      (r) =>
        `<tr data-clause="${esc(r.clause)}"><td class="ctr">${esc(r.clause)}</td><td class="ctr">${esc(r.code ?? "")}</td><td>${esc(r.text)}</td>` +
        `<td class="num">${formatPoints(r.points)}</td><td class="num">${formatEarned(r.earned)}</td><td>${esc(r.note ?? "")}</td></tr>`,
    )
    .join("");
  return (
    `<h3>${esc(t.conformity)}</h3><p>${esc(t.conformityLine(rows.length))}</p>` +
    `<table class="conformity"><thead><tr>${t.conformityHead.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`
  );
}

/** Renders the report model as one HTML document. */
export function renderReportHtml(m: ReportModel, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  const t = zh ? ZH : EN;
  const audit = m.role !== "self";
  const title = `${audit ? t.titleAudit : t.titleSelf}${m.draft !== null ? (zh ? "（草稿）" : " (draft)") : ""}`;
  const full = formatPoints(m.scheme.fullMarks);
  const total = formatEarned(m.total);
  const out: string[] = [];

  out.push(
    `<!DOCTYPE html>\n<html lang="${t.htmlLang}"><head><meta charset="utf-8">` +
      `<meta name="generator" content="StarScore ${esc(m.scheme.id)} ${esc(m.scheme.version)}"><title>${esc(title)}${m.organisation !== null ? ` — ${esc(m.organisation)}` : ""}</title>` +
      `<style>${css(t, m.draft)}</style></head><body>`,
  );
  if (m.draft !== null) out.push(`<div class="draft-mark" aria-hidden="true">${esc(t.draft)}</div>`);

  // The cover, the team's promise (an audit's), 1. 基本信息.
  const summary =
    `<div class="summary"><div><div class="k">${esc(t.total)}</div><div class="v" data-total>${total}</div><div class="k">${esc(t.fullMarks(full))}</div></div>` +
    `<div><div class="k">${esc(zh ? "级别" : "Level")}</div><div class="v${m.passed ? "" : " fail"}">${esc(asLabel(m.result, lang))}</div><div class="k stars">${m.level !== null ? stars(m.level.stars) : "&nbsp;"}</div></div>` +
    `<div><div class="k">${esc(zh ? "结论" : "Result")}</div><div class="v${m.passed ? "" : " fail"}">${esc(m.unfilled > 0 ? t.unfilled : m.passed ? (zh ? "通过" : "Passed") : t.notPassed)}</div><div class="k">&nbsp;</div></div></div>` +
    (m.draft !== null ? `<p class="draft-note">${esc(t.draftNote(m.draft.errors, audit ? t.results : t.resultsSelf))}</p>` : "");
  out.push(coverHtml(m, lang, title, summary));
  if (audit) out.push(promiseHtml(m, lang));
  out.push(infoHtml(m, lang));

  // Part 2: results by section.
  out.push(`<section class="part results">`);
  out.push(`<h2>${esc(audit ? t.results : t.resultsSelf)}</h2>`);
  out.push(`<h3>${esc(audit ? t.overall : t.overallSelf)}</h3>`);
  out.push(`<p class="total-line">${esc(t.total)}${t.colon}<strong data-total>${total}</strong> ${esc(t.points)}（${esc(t.fullMarks(full))}）</p>`);
  if (m.notApplicableCount > 0) {
    out.push(`<p>${esc(t.rescale(m.notApplicableCount, formatPoints(m.notApplicablePoints), formatEarned(m.raw), formatPoints(m.applicableMax), full, formatEarned(m.rescaled)))}</p>`);
  }
  if (m.special.hasDeductions || m.special.hasBonus) {
    out.push(`<p>${esc(t.specialLine(m.special.deductions.length, formatPoints(m.special.deductionPoints), formatPoints(m.special.bonus?.points ?? 0)))}</p>`);
  }
  if (m.draft !== null) out.push(findingsHtml(m.findings, m.draft.errors, t));
  out.push(`<h3>${esc(t.analysis)}</h3><p>${esc(t.byPart)}</p>`);
  out.push(`<table class="overview"><thead><tr>${t.overviewHead.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>`);
  for (const s of m.sections) {
    out.push(
      `<tr data-section="${esc(s.id)}"><td>${esc(s.id)} ${esc(zh ? s.title : (s.titleEn ?? s.title))}</td><td class="num">${formatPoints(s.max)}</td><td class="num">${formatPoints(s.applicableMax)}</td>` +
        `<td class="num">${formatEarned(s.earned)}</td><td class="num">${s.share === null ? esc(t.na) : formatPercent(s.share * 100)}</td></tr>`,
    );
  }
  out.push(
    `<tr class="line"><td>${esc(t.sum)}</td><td class="num">${full}</td><td class="num">${formatPoints(m.applicableMax)}</td><td class="num">${formatEarned(m.raw)}</td>` +
      `<td class="num">${m.applicableMax > 0 ? formatPercent((m.raw / m.applicableMax) * 100) : esc(t.na)}</td></tr></tbody></table>`,
  );
  m.sections.forEach((s, i) => {
    const naPoints = s.max - s.applicableMax;
    const naNote = s.notApplicableCount > 0 ? t.naNote(s.notApplicableCount, formatPoints(naPoints), formatPoints(s.applicableMax)) : "";
    out.push(`<h4>${i + 1}) ${esc(zh ? s.title : (s.titleEn ?? s.title))}${t.colon}</h4>`);
    out.push(`<p class="section-line" data-section="${esc(s.id)}">${esc(t.sectionLine(formatPoints(s.max), naNote, formatEarned(s.earned)))}</p>`);
    out.push(sectionTable(s, t, zh));
  });
  out.push(samplesHtml(m.rules, lang), leftOutHtml(m.rules, lang));
  out.push(`</section>`);

  // Special items, radar chart, level scale.
  out.push(`<section class="part">`);
  out.push(`<h4>${m.sections.length + 1}) ${esc(t.special)}</h4>`);
  const d = m.special.deductions;
  if (d.length === 0 && m.special.bonus === null) {
    out.push(`<p class="special">${esc(t.noSpecial)}</p>`);
  } else {
    if (d.length === 0) out.push(`<p>${esc(t.noDeductions)}</p>`);
    else {
      out.push(`<table class="deductions"><thead><tr>${t.deductionsHead.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>`);
      d.forEach((x, i) => {
        out.push(`<tr><td class="ctr">${i + 1}</td><td class="ctr">${esc(x.clause ?? "—")}</td><td>${esc(x.reason)}</td><td class="num">−${formatPoints(m.special.pointsEach)}</td></tr>`);
      });
      out.push(`</tbody></table>`);
    }
    out.push(`<p>${esc(m.special.bonus === null ? t.noBonus : t.bonus(formatPoints(m.special.bonus.points), m.special.bonus.reason))}</p>`);
  }
  if (m.rules.notGradedBy.includes("deductions") && m.special.notGradedAt !== null) out.push(`<p class="flag"><strong>${esc(t.notGraded(d.length, m.special.notGradedAt))}</strong></p>`);

  out.push(`<h3>${esc(t.radar)}</h3>`);
  if (m.radar === null) out.push(`<p>${esc(t.noRadar)}</p>`);
  else {
    const svg = radarSvg(
      m.radar.axes.map((a) => ({ label: a.title, value: a.share })),
      { naLabel: t.na, title: t.radarTitle },
    );
    out.push(`<div class="radar-wrap">${svg}</div><p class="caption">${esc(t.radarCaption(m.radar.by))}</p>`);
  }

  if (m.levels.length > 0) {
    const pass = formatPoints(m.scheme.passMark);
    out.push(`<p>${esc(t.levelsIntro(pass, m.special.notGradedAt))}</p>`);
    out.push(`<table class="levels"><thead><tr>${t.levelsHead.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>`);
    const failHere = !m.passed;
    out.push(
      `<tr class="fail${failHere ? " current" : ""}"><td class="ctr"></td><td>${esc(t.below(pass))}</td><td>${esc(asLabel(failName(m.scheme, lang), lang))}</td><td class="ctr">—</td>` +
        `<td class="here">${failHere ? esc(t.here(total)) : ""}</td></tr>`,
    );
    m.levels.forEach((l, i) => {
      out.push(
        `<tr${l.current ? ` class="current"` : ""}><td class="ctr">${String.fromCharCode(97 + i)})</td><td>${esc(t.atLeast(formatPoints(l.min)))}</td><td>${esc(zh ? l.name : l.nameEn)}</td>` +
          `<td class="ctr stars">${stars(l.stars)}</td><td class="here">${l.current ? esc(t.here(total)) : ""}</td></tr>`,
      );
    });
    out.push(`</tbody></table>`);
  }
  out.push(`</section>`);

  // Strengths, improvements, the statement of conformity, the conclusion, signatures and the body's stamp.
  out.push(`<section class="part">`);
  // A self-assessment form has no remarks cells: the blocks show only when it has remarks after all.
  if (audit || m.remarks.strengths !== null || m.remarks.improvements !== null) {
    out.push(`<h3>${esc(t.strengths)}</h3>${paragraph(m.remarks.strengths)}`);
    out.push(`<h3>${esc(t.improvements)}</h3>${paragraph(m.remarks.improvements)}`);
  }
  if (audit && m.nonconformities !== null) out.push(conformityHtml(m.nonconformities, t));
  out.push(`<h3>${esc(audit ? t.conclusion : t.conclusionSelf)}</h3>`);
  const reason = m.unfilled > 0
    ? m.result
    : !m.graded
    ? notGradedReason(m.rules, lang, t.reasonNotGraded(d.length, m.special.notGradedAt ?? 0))
    : m.applicableMax === 0
      ? t.reasonNothing
      : t.reasonBelow(total, formatPoints(m.scheme.passMark));
  const cert = zh ? (m.scheme.certificate ?? "") : (m.scheme.certificateEn ?? "");
  const yes = audit ? (m.level !== null ? t.passed(zh ? m.level.name : m.level.nameEn, cert) : t.passedPlain) : t.selfPassed(m.result);
  const no = audit ? t.notPassed : t.selfNotPassed;
  out.push(
    // While entries are missing neither box is ticked: the form is not finished, it has not failed.
    `<p class="verdict" data-passed="${m.passed}"><span class="${m.passed ? "on" : "off"}"><span class="box">${m.passed ? "☑" : "☐"}</span>${esc(yes)}</span></p>` +
      `<p class="verdict"><span class="${m.passed || m.unfilled > 0 ? "off" : "on"}"><span class="box">${m.passed || m.unfilled > 0 ? "☐" : "☑"}</span>${esc(no)}</span>` +
      `${m.passed ? "" : ` <span class="reason">（${esc(reason)}）</span>`}</p>`,
  );
  if (m.claimedText !== null) {
    const claimed = m.claimedLevel !== null ? (zh ? m.claimedLevel.name : m.claimedLevel.nameEn) : m.claimedText;
    const above = m.claimedLevel !== null && (m.level === null || m.claimedLevel.min > m.level.min);
    out.push(`<p>${esc(t.claimed(claimed, m.result, !audit))}${above ? ` <strong>${esc(t.claimedAbove)}</strong>` : ""}</p>`);
  }
  out.push(cycleHtml(m.rules, lang));
  out.push(
    `<div class="sign"><div>${esc(t.signed)}${filled(m.signedBy ?? "")}</div>` +
      `<div>${esc(t.signedOn)}${filled(dayText(m.signedOn ?? "", lang))}</div></div>`,
  );
  if (audit) out.push(`<p class="stamp">${esc(t.stamp((m.fields["认证机构"] ?? "") || t.stampBody))}</p>`);
  out.push(`</section>`);
  // The appendix: the template has no part for it, so it follows the report's own parts.
  out.push(materialsHtml(m.materials, lang));
  out.push(`</body></html>\n`);
  return out.join("\n");
}
