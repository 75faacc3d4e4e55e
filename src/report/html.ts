import { asLabel, type Lang } from "../findings/language";
import { failName } from "../scoring/levels";
import { cycleHtml, leftOutHtml, notGradedReason, samplesHtml } from "./documentRulesHtml";
import { escapeHtml as esc } from "./escape";
import { formatEarned, formatPercent, formatPoints } from "./format";
import type { ReportItem, ReportModel, ReportSection, ReportSubsection } from "./model";
import { radarSvg } from "./radar";

/**
 * The audit report as one self-contained HTML file: inline CSS, the radar chart as inline SVG, no scripts,
 * nothing loaded from outside. Laid out as the maturity audit report template (服务认证审查报告) and made to
 * print on A4: a page break before each major part, table heads repeated on every page, page numbers.
 * Pure string building; every text from the assessment or the scheme is escaped.
 */

const ZH = {
  htmlLang: "zh-CN",
  titleAudit: "服务认证审查报告",
  titleSelf: "服务认证自评估报告",
  basis: "依据",
  info: "1. 基本信息",
  criteria: "审查准则",
  scheme: "评分方案",
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
  notFilled: "（未填写）",
  conclusion: "3、审查结果：",
  conclusionSelf: "3、自评估结论：",
  passed: (level: string, cert: string) => `现场审查通过，推荐注册${level}${cert}`,
  passedPlain: "现场审查通过",
  notPassed: "不通过",
  selfPassed: (level: string) => `自评估达到${level}`,
  selfNotPassed: "自评估未达到任何级别",
  reasonBelow: (total: string, pass: string) => `总分 ${total} 分，低于 ${pass} 分`,
  reasonNotGraded: (count: number, limit: number) => `特别扣分项 ${count} 项，达到 ${limit} 项不予评级`,
  reasonNothing: "没有适用的条款",
  claimed: (claimed: string, result: string, self: boolean) => `申报级别：${claimed}；${self ? "自评结果" : "审查结果"}：${result}。`,
  claimedAbove: "申报级别高于评定结果。",
  signed: "4、报告编制人：",
  signedOn: "编制日期：",
  findings: (n: number, errors: number) => `评分检查发现的问题（${n} 项，其中错误 ${errors} 项）：`,
  severity: { error: "错误", warning: "警告", info: "提示" },
  pageFooter: ['"第 "', '" 页 / 共 "', '" 页"'],
  generated: (id: string, version: string) => `StarScore 生成 · 方案 ${id}（${version}）`,
};

type Labels = typeof ZH;

const EN: Labels = {
  htmlLang: "en",
  titleAudit: "Service certification audit report",
  titleSelf: "Service certification self-assessment report",
  basis: "Basis:",
  info: "1. General information",
  criteria: "Audit criteria",
  scheme: "Scoring scheme",
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
  notFilled: "(not filled in)",
  conclusion: "3. Audit conclusion:",
  conclusionSelf: "3. Self-assessment conclusion:",
  passed: (level, cert) => `On-site audit passed; recommended for registration: ${level}${cert !== "" ? ` ${cert}` : ""}`,
  passedPlain: "On-site audit passed",
  notPassed: "Not passed",
  selfPassed: (level) => `Self-assessment reaches ${level}`,
  selfNotPassed: "Self-assessment reaches no level",
  reasonBelow: (total, pass) => `total ${total}, below ${pass}`,
  reasonNotGraded: (count, limit) => `${count} special deductions; ${limit} or more are not graded`,
  reasonNothing: "no clause applies",
  claimed: (claimed, result) => `Claimed level: ${claimed}; result: ${result}.`,
  claimedAbove: "The claimed level is above the result.",
  signed: "4. Report prepared by:",
  signedOn: "Date:",
  findings: (n, errors) => `Problems found in the scoring (${n}, of which ${errors} errors):`,
  severity: { error: "error", warning: "warning", info: "info" },
  pageFooter: ['"Page "', '" of "', '""'],
  generated: (id, version) => `Made by StarScore · scheme ${id} (${version})`,
};

/** Header field names in English, where the report speaks English; other fields keep their own names. */
const FIELD_EN: Record<string, string> = {
  组织名称: "Organisation",
  申报级别: "Claimed level",
  审查员: "Auditor",
  审查时间: "Audit date",
  审查类型: "Audit type",
  评估时间: "Assessment date",
  "评估部门/人员": "Assessed by",
  项目编号: "Project no.",
};

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-center { content: PAGE_FOOTER; font-size: 8.5pt; color: #666; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 10.5pt; line-height: 1.55; color: #1b1f24; margin: 0; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 12mm 14mm; background: #fff; } html { background: #e9ecef; } }
.part + .part { break-before: page; }
@media screen { .part + .part { border-top: 2px dashed #c9ced6; margin-top: 12mm; padding-top: 8mm; } }
h1 { font-size: 24pt; text-align: center; margin: 10mm 0 4mm; }
h1:lang(zh) { letter-spacing: 0.2em; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; border-bottom: 1.5px solid #1b1f24; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 1.5mm 0; }
.basis { text-align: center; color: #333; margin-bottom: 8mm; }
.cover-fields { margin: 0 auto 6mm; border-collapse: collapse; min-width: 60%; }
.cover-fields th { text-align: right; font-weight: normal; padding: 1.5mm 4mm 1.5mm 0; white-space: nowrap; color: #444; }
.cover-fields td { border-bottom: 1px solid #1b1f24; padding: 1.5mm 2mm; min-width: 60mm; font-weight: bold; }
.summary { display: flex; justify-content: center; gap: 8mm; border: 1.5px solid #1f4fa0; border-radius: 2mm; padding: 4mm 6mm; margin: 6mm auto; max-width: 150mm; background: #f3f7fd; }
.summary div { text-align: center; }
.summary .k { font-size: 9pt; color: #555; }
.summary .v { font-size: 16pt; font-weight: bold; color: #1f4fa0; }
.summary .v.fail { color: #b3261e; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75px solid #6b7280; padding: 1.2mm 1.6mm; vertical-align: top; }
th { background: #eef1f5; font-weight: bold; text-align: center; }
.info th { width: 32mm; text-align: left; font-weight: normal; background: #f6f7f9; }
.info td:empty::after { content: "\\00a0"; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.ctr { text-align: center; white-space: nowrap; }
.items { font-size: 8.8pt; line-height: 1.45; table-layout: fixed; }
.items col.c-id { width: 14mm; } .items col.c-title { width: 20mm; } .items col.c-pts { width: 12mm; }
.items col.c-code { width: 13mm; } .items col.c-pct { width: 17mm; } .items col.c-earned { width: 18mm; }
.items th { font-size: 8.5pt; padding: 1.2mm 0.8mm; white-space: pre-line; }
.items td.text { white-space: pre-line; }
.items tr.cont td.sid, .items tr.cont td.stitle { border-top-color: transparent; }
.items tr.first td.sid, .items tr.first td.stitle { font-weight: bold; }
.items tr.subtotal td { background: #f6f7f9; font-weight: bold; }
.items tr.subtotal td.sid, .items tr.subtotal td.stitle { border-top-color: transparent; background: none; }
.items tr.na td { color: #6b7280; }
td.flag { color: #b3261e; font-weight: bold; }
.samples, .left-out, .cycle { font-size: 9pt; margin: 1mm 0 3mm; }
.overview { margin: 2mm 0 4mm; }
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
.remark.empty { color: #8a919c; }
.verdict { font-size: 12.5pt; margin: 3mm 0 1mm; }
.verdict .box { display: inline-block; width: 1.2em; }
.verdict .off { color: #9aa0a8; }
.verdict .on { font-weight: bold; }
.verdict .reason { font-weight: normal; font-size: 10pt; color: #b3261e; }
.findings { border: 1.5px solid #b3261e; background: #fdf3f2; padding: 2mm 4mm; margin: 3mm 0; font-size: 9pt; }
.findings ul { margin: 1mm 0 0; padding-left: 5mm; }
.sign { margin-top: 10mm; display: flex; gap: 20mm; }
.sign span.blank { display: inline-block; min-width: 40mm; border-bottom: 1px solid #1b1f24; }
.generated { margin-top: 12mm; font-size: 8pt; color: #8a919c; text-align: right; }
`;

function css(t: Labels): string {
  return CSS.replace("PAGE_FOOTER", `${t.pageFooter[0]} counter(page) ${t.pageFooter[1]} counter(pages) ${t.pageFooter[2]}`);
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

function paragraph(text: string | null, t: Labels): string {
  return text === null ? `<div class="remark empty">${esc(t.notFilled)}</div>` : `<div class="remark">${esc(text)}</div>`;
}

/** Renders the report model as one HTML document. */
export function renderReportHtml(m: ReportModel, lang: Lang = "zh"): string {
  const zh = lang === "zh";
  const t = zh ? ZH : EN;
  const audit = m.role !== "self";
  const title = audit ? t.titleAudit : t.titleSelf;
  const full = formatPoints(m.scheme.fullMarks);
  const total = formatEarned(m.total);
  const fieldName = (f: string): string => (zh ? f : (FIELD_EN[f] ?? f));
  const out: string[] = [];

  out.push(
    `<!DOCTYPE html>\n<html lang="${t.htmlLang}"><head><meta charset="utf-8">` +
      `<meta name="generator" content="StarScore"><title>${esc(title)}${m.organisation !== null ? ` — ${esc(m.organisation)}` : ""}</title>` +
      `<style>${css(t)}</style></head><body>`,
  );

  // Part 1: cover and 基本信息.
  out.push(`<section class="part cover">`);
  out.push(`<h1>${esc(title)}</h1>`);
  out.push(`<p class="basis">${esc(t.basis)} ${esc(m.scheme.document)}</p>`);
  const coverFields = m.info.filter((f) => ["组织名称", "项目编号", "审查类型", "申报级别"].includes(f.field));
  out.push(`<table class="cover-fields">${coverFields.map((f) => `<tr><th>${esc(fieldName(f.field))}:</th><td>${esc(f.value)}</td></tr>`).join("")}</table>`);
  out.push(
    `<div class="summary"><div><div class="k">${esc(t.total)}</div><div class="v" data-total>${total}</div><div class="k">${esc(t.fullMarks(full))}</div></div>` +
      `<div><div class="k">${esc(zh ? "级别" : "Level")}</div><div class="v${m.passed ? "" : " fail"}">${esc(asLabel(m.result, lang))}</div><div class="k stars">${m.level !== null ? stars(m.level.stars) : "&nbsp;"}</div></div>` +
      `<div><div class="k">${esc(zh ? "结论" : "Result")}</div><div class="v${m.passed ? "" : " fail"}">${esc(m.passed ? (zh ? "通过" : "Passed") : t.notPassed)}</div><div class="k">&nbsp;</div></div></div>`,
  );
  out.push(`<h2>${esc(t.info)}</h2><table class="info">`);
  for (const f of m.info) out.push(`<tr><th>${esc(fieldName(f.field))}</th><td>${esc(f.value)}</td></tr>`);
  out.push(`<tr><th>${esc(t.criteria)}</th><td>${esc(m.scheme.document)}</td></tr>`);
  out.push(`<tr><th>${esc(t.scheme)}</th><td>${esc(zh ? m.scheme.title : m.scheme.titleEn)} · ${esc(m.scheme.id)}（${esc(m.scheme.version)}）</td></tr>`);
  out.push(`</table></section>`);

  // Part 2: results by section.
  out.push(`<section class="part results">`);
  out.push(`<h2>${esc(audit ? t.results : t.resultsSelf)}</h2>`);
  out.push(`<h3>${esc(audit ? t.overall : t.overallSelf)}</h3>`);
  out.push(`<p class="total-line">${esc(t.total)}: <strong data-total>${total}</strong> ${esc(t.points)}（${esc(t.fullMarks(full))}）</p>`);
  if (m.notApplicableCount > 0) {
    out.push(`<p>${esc(t.rescale(m.notApplicableCount, formatPoints(m.notApplicablePoints), formatEarned(m.raw), formatPoints(m.applicableMax), full, formatEarned(m.rescaled)))}</p>`);
  }
  if (m.special.hasDeductions || m.special.hasBonus) {
    out.push(`<p>${esc(t.specialLine(m.special.deductions.length, formatPoints(m.special.deductionPoints), formatPoints(m.special.bonus?.points ?? 0)))}</p>`);
  }
  if (m.findings.length > 0) {
    const errors = m.findings.filter((f) => f.severity === "error").length;
    out.push(
      `<div class="findings"><strong>${esc(t.findings(m.findings.length, errors))}</strong><ul>` +
        m.findings.map((f) => `<li>${esc(t.severity[f.severity])} ${esc(f.code)} ${esc(f.message)}</li>`).join("") +
        `</ul></div>`,
    );
  }
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
    out.push(`<h4>${i + 1}) ${esc(zh ? s.title : (s.titleEn ?? s.title))}:</h4>`);
    out.push(`<p class="section-line" data-section="${esc(s.id)}">${esc(t.sectionLine(formatPoints(s.max), naNote, formatEarned(s.earned)))}</p>`);
    out.push(sectionTable(s, t, zh));
  });
  out.push(samplesHtml(m.rules, lang), leftOutHtml(m.rules, lang));
  out.push(`</section>`);

  // Part 3: special items, radar chart, level scale.
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

  // Part 4: strengths, improvements, conclusion.
  out.push(`<section class="part">`);
  // A self-assessment form has no remarks cells: the blocks show only when it has remarks after all.
  if (audit || m.remarks.strengths !== null || m.remarks.improvements !== null) {
    out.push(`<h3>${esc(t.strengths)}</h3>${paragraph(m.remarks.strengths, t)}`);
    out.push(`<h3>${esc(t.improvements)}</h3>${paragraph(m.remarks.improvements, t)}`);
  }
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
    `<p class="verdict" data-passed="${m.passed}"><span class="${m.passed ? "on" : "off"}"><span class="box">${m.passed ? "☑" : "☐"}</span>${esc(yes)}</span></p>` +
      `<p class="verdict"><span class="${m.passed ? "off" : "on"}"><span class="box">${m.passed ? "☐" : "☑"}</span>${esc(no)}</span>` +
      `${m.passed ? "" : ` <span class="reason">（${esc(reason)}）</span>`}</p>`,
  );
  if (m.claimedText !== null) {
    const claimed = m.claimedLevel !== null ? (zh ? m.claimedLevel.name : m.claimedLevel.nameEn) : m.claimedText;
    const above = m.claimedLevel !== null && (m.level === null || m.claimedLevel.min > m.level.min);
    out.push(`<p>${esc(t.claimed(claimed, m.result, !audit))}${above ? ` <strong>${esc(t.claimedAbove)}</strong>` : ""}</p>`);
  }
  out.push(cycleHtml(m.rules, lang));
  out.push(
    `<div class="sign"><div>${esc(t.signed)} <span class="blank">${esc(m.signedBy ?? "")}</span></div>` +
      `<div>${esc(t.signedOn)} <span class="blank">${esc(m.signedOn ?? "")}</span></div></div>`,
  );
  out.push(`<p class="generated">${esc(t.generated(m.scheme.id, m.scheme.version))}</p>`);
  out.push(`</section></body></html>\n`);
  return out.join("\n");
}
