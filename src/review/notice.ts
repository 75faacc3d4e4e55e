import { asLabel, type Lang } from "../findings/language";
import { RoleSchema } from "../scheme/roles";
import { FORM_WORDS } from "../scheme/words";
import { findingLine, type FindingLine } from "./findingLine";
import { BASE_CSS, esc } from "./html";
import { CAUSE_WORDS, causeOf, decidesVerdict, reasonIn } from "./mainReason";
import { settled, VERDICT_EN, type FileCheck, type Verdict } from "./verdict";

/**
 * The 补正通知: what a reviewer sends an applicant whose file does not pass — what to correct, clause by clause
 * and cell by cell, in the applicant's language, to print on A4 or send as it is. A file that passes needs none;
 * an unreadable file gets one asking for a file that opens.
 */
export interface Notice {
  lang: Lang;
  /** The file as the applicant named it (no folder of the reviewer's). */
  file: string;
  organisation: string | null;
  /** The scheme's title and id, or its id when the title is not known. */
  scheme: string | null;
  /** 自评估表, audit scoring sheet, checklist. */
  form: string | null;
  verdict: Verdict;
  /** What kind of problem: 表格被改动, 申报级别高于评定结果 … (null where the verdict says it). */
  cause: string | null;
  /** The date of the check, YYYY-MM-DD. */
  date: string;
  /** Why the file could not be read (无法读取 only). */
  unreadable: string | null;
  /** What must be corrected before the file can pass. */
  corrections: FindingLine[];
  /** Warnings that do not decide the verdict, to check while correcting. */
  toCheck: FindingLine[];
}

/** A file that passes needs none, nor a file handed in that is no spreadsheet (a PDF, a picture: 未检查). */
export function needsNotice(r: FileCheck): boolean {
  return !settled(r.verdict);
}

/** The notice for a file, or null when it passes. `schemeTitle`: the scheme's title in `lang`, when the caller has the scheme. */
export function noticeOf(r: FileCheck, options: { lang: Lang; date: string; schemeTitle?: string }): Notice | null {
  if (!needsNotice(r)) return null;
  const { lang } = options;
  const role = RoleSchema.safeParse(r.role);
  const label = CAUSE_WORDS[causeOf(r).cause];
  const lines = r.findings.map((f) => ({ decides: decidesVerdict(f), line: findingLine(f, lang) }));
  return {
    lang,
    file: baseName(r.file),
    organisation: r.organisation,
    scheme: r.scheme === null ? null : options.schemeTitle !== undefined ? (lang === "en" ? `${options.schemeTitle} (${r.scheme})` : `${options.schemeTitle}（${r.scheme}）`) : r.scheme,
    form: role.success ? FORM_WORDS[role.data][lang] : null,
    verdict: r.verdict,
    cause: label !== null ? label[lang] : null,
    date: options.date,
    unreadable: r.reason !== null ? reasonIn(r.reason, lang) : null,
    corrections: lines.filter((l) => l.decides).map((l) => l.line),
    toCheck: lines.filter((l) => !l.decides).map((l) => l.line),
  };
}

/** The last part of a path, whichever separator the platform used. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** `华东示例.xlsx` → `华东示例-补正通知.html` (`-notice.html` in English). */
export function noticeFileName(file: string, lang: Lang): string {
  return `${baseName(file).replace(/\.[^.]*$/, "")}-${lang === "en" ? "notice" : "补正通知"}.html`;
}

const WORDS = {
  zh: {
    title: "补正通知",
    to: "致：",
    toBlank: "＿＿＿＿＿＿＿＿（申请组织）",
    file: "提交的文件",
    scheme: "认证方案",
    form: "表格",
    checked: "审核日期",
    verdict: "审核结论",
    intro: (v: string) => `经审核，贵单位提交的文件结论为“${v}”，尚不能受理。请按下列事项逐项补正后重新提交。`,
    unreadable: (why: string) => `经审核，贵单位提交的文件无法读取：${why}。请重新提交能够打开的 Excel 工作簿（.xlsx），使用认证机构提供的 StarScore 表格填写。`,
    corrections: "需补正的事项",
    toCheck: "另请核对（不影响本次结论）",
    head: ["序号", "条款", "单元格", "问题与处理"],
    rules: "填写要求：请在原表格上修改；不要增删或移动行列、不要改动条款内容、分值和公式、不要隐藏行列；修改后在 Excel、WPS 或 LibreOffice 中保存为 .xlsx，以原文件名重新提交。",
    deadline: "请于＿＿＿＿年＿＿月＿＿日前重新提交。",
    reviewer: "审核人员（签字）：＿＿＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿＿＿",
    footer: (d: string) => `本通知根据 ${d} 对提交文件的检查生成（StarScore 星级评分）。`,
  },
  en: {
    title: "Notice of corrections",
    to: "To: ",
    toBlank: "________________ (applicant)",
    file: "File submitted",
    scheme: "Scheme",
    form: "Form",
    checked: "Checked on",
    verdict: "Verdict",
    intro: (v: string) => `The file you submitted was checked and found "${v}"; it cannot be accepted yet. Please correct each point below and submit it again.`,
    unreadable: (why: string) => `The file you submitted could not be read: ${why}. Please submit an Excel workbook (.xlsx) that opens, filled in on the StarScore form the certification body provided.`,
    corrections: "To correct",
    toCheck: "Please also check (these do not decide the verdict)",
    head: ["No.", "Clause", "Cell", "What is wrong and what to do"],
    rules: "How to correct: edit the original form; do not insert, delete or move rows or columns, change the clauses, points or formulas, or hide rows or columns; save it as .xlsx in Excel, WPS or LibreOffice and submit it again under the same name.",
    deadline: "Please submit it again by ____________.",
    reviewer: "Reviewer (signature): ________________    Telephone: ________________",
    footer: (d: string) => `This notice was made from the check of the submitted file on ${d} (StarScore).`,
  },
};

function linesTable(lines: readonly FindingLine[], head: readonly string[]): string {
  return `<table><colgroup><col class="n"><col class="clause"><col class="cell"><col></colgroup><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${lines
    .map((l, i) => `<tr><td class="num">${i + 1}</td><td class="nowrap">${esc(l.clause ?? "")}</td><td class="nowrap">${esc(l.cell ?? "")}</td><td>${esc(l.text)}</td></tr>`)
    .join("")}</tbody></table>`;
}

/** The notice as one self-contained HTML page (no script, nothing fetched) that prints on A4 portrait. */
export function noticeHtml(n: Notice): string {
  const w = WORDS[n.lang];
  const verdict = n.lang === "en" ? asLabel(VERDICT_EN[n.verdict], n.lang) : n.verdict;
  const facts: [string, string | null][] = [
    [w.file, n.file],
    [w.scheme, n.scheme],
    [w.form, n.form],
    [w.verdict, n.cause === null ? verdict : n.lang === "en" ? `${verdict} (${n.cause})` : `${verdict}（${n.cause}）`],
    [w.checked, n.date],
  ];
  const body =
    n.unreadable !== null
      ? `<p>${esc(w.unreadable(n.unreadable))}</p>`
      : `<p>${esc(w.intro(verdict))}</p>${n.corrections.length > 0 ? `<h2>${w.corrections}</h2>${linesTable(n.corrections, w.head)}` : ""}${
          n.toCheck.length > 0 ? `<h2>${w.toCheck}</h2>${linesTable(n.toCheck, w.head)}` : ""
        }<p class="rules">${esc(w.rules)}</p>`;
  return `<!doctype html><html lang="${n.lang === "en" ? "en" : "zh-CN"}"><head><meta charset="utf-8"><title>${w.title} — ${esc(n.file)}</title><style>${BASE_CSS}${CSS}</style></head><body>
<h1>${w.title}</h1>
<p class="to">${w.to}${n.organisation !== null && n.organisation !== "" ? esc(n.organisation) : w.toBlank}</p>
<table class="facts">${facts
    .filter((f): f is [string, string] => f[1] !== null)
    .map(([k, v]) => `<tr><th>${k}</th><td>${esc(v)}</td></tr>`)
    .join("")}</table>
${body}
<p class="deadline">${w.deadline}</p>
<p class="sign">${w.reviewer}</p>
<p class="footer">${esc(w.footer(n.date))}</p>
</body></html>
`;
}

const CSS = `
body{margin:32px auto;max-width:760px;font-size:13.5px}h1{text-align:center;font-size:22px;margin:0 0 18px}h1:lang(zh){letter-spacing:.3em}
h2{font-size:14px;margin:16px 0 6px}.to{font-size:14px;margin:0 0 10px}
table.facts{width:auto;min-width:60%;margin:0 0 12px}table.facts th{width:8.5em;white-space:nowrap;background:#f0f3f9}
col.n{width:3.2em}col.clause{width:6.5em}col.cell{width:9.5em}table{table-layout:fixed}td{overflow-wrap:anywhere}
.rules{font-size:12.5px;color:#333;border-left:3px solid #d9e1f2;padding-left:8px;margin-top:14px}
.deadline{margin-top:18px}.sign{margin-top:28px}.footer{margin-top:24px;font-size:11px;color:#777}
@page{size:A4 portrait;margin:16mm 16mm 16mm}
@media print{body{margin:0;max-width:none;font-size:12px}}
`;
