import { asLabel, type Lang } from "../findings/language";
import { form } from "../findings/phrases";
import { RoleSchema } from "../scheme/roles";
import { FORM_WORDS } from "../scheme/words";
import type { Expected } from "./expect";
import { findingLine } from "./findingLine";
import { BASE_CSS, esc } from "./html";
import { CAUSE_WORDS, causeOf, mainReason, summaryLine, worstFirst, type Cause } from "./mainReason";
import { VERDICT_EN, type FileCheck, type Verdict } from "./verdict";

export interface CheckHtmlOptions {
  /** When the check ran, as the reader wants to see it: `2026-03-01 14:30`. */
  generated: string;
  lang?: Lang;
  /** What the reviewer asked for (`--expect`, the page's choice), shown under the title. */
  expected?: Expected;
}

const WORDS = {
  zh: {
    title: "提交文件检查",
    generated: "检查时间",
    folder: "文件夹",
    expected: "要求提交",
    anyForm: "不限",
    withWarnings: (n: number) => `其中 ${n} 个通过的文件有提示`,
    head: ["文件", "结论", "主要原因", "组织名称", "方案 / 表格", "申报级别", "评定级别", "总分", "删减 项 / 分"],
    perFile: "逐个文件",
    findingHead: ["代码", "条款", "单元格", "问题与处理"],
    unreadable: "无法读取：",
    clean: (n: number) => `其余 ${n} 个文件通过，未发现问题。`,
    allClean: "所有文件都通过，未发现问题。",
    back: "返回总表",
    claimed: "申报",
    result: "评定",
    total: "总分",
    points: "分",
    evidence: (n: number) => `证明材料 ${n} 个`,
    evidenceChecked: "表格列为证明材料的文件（已核对：存在、非空、内容与扩展名相符，下表另有说明的除外）：",
  },
  en: {
    title: "Submission check",
    generated: "Checked",
    folder: "Folder",
    expected: "Expected",
    anyForm: "any",
    withWarnings: (n: number) => `${n} of the files that pass have warnings`,
    head: ["File", "Verdict", "Main reason", "Organisation", "Scheme / form", "Claimed", "Result", "Total", "Left out"],
    perFile: "File by file",
    findingHead: ["Code", "Clause", "Cell", "What is wrong and what to do"],
    unreadable: "Unreadable: ",
    clean: (n: number) => `The other ${n} files pass with no findings.`,
    allClean: "Every file passes with no findings.",
    back: "back to the table",
    claimed: "claimed",
    result: "result",
    total: "total",
    points: "pts",
    evidence: (n: number) => `${n} evidence file${n === 1 ? "" : "s"}`,
    evidenceChecked: "Files the form names as evidence (checked: there, not empty, what their extension says, unless a line below says otherwise): ",
  },
};

const VERDICT_CLASS: Record<Verdict, string> = { 无法读取: "unreadable", 不一致: "inconsistent", 需补正: "to-complete", 通过: "pass", 未检查: "not-checked" };

const verdictWord = (v: Verdict, lang: Lang) => (lang === "en" ? asLabel(VERDICT_EN[v], lang) : v);

/** The folder every file is in (`submissions/2026/`), so that rows show only what tells files apart. */
export function commonFolder(files: readonly string[]): string {
  if (files.length < 2) return "";
  const parts = files.map((f) => f.split(/(?<=[\\/])/));
  const first = parts[0] as string[];
  let n = 0;
  while (n < first.length - 1 && /[\\/]$/.test(first[n] as string) && parts.every((p) => p.length - 1 > n && p[n] === first[n])) n++;
  return first.slice(0, n).join("");
}

/** `maturity-jsgf-06 / 评分表`: a file's scheme and form as the report's column shows them. */
function schemeAndForm(r: FileCheck, lang: Lang): string {
  if (r.scheme === null) return "";
  const role = RoleSchema.safeParse(r.role);
  return role.success ? `${r.scheme} / ${FORM_WORDS[role.data][lang]}` : r.scheme;
}

function verdictCell(r: FileCheck, cause: Cause, lang: Lang): string {
  const label = CAUSE_WORDS[cause];
  return `<span class="verdict">${verdictWord(r.verdict, lang)}</span>${label !== null ? `<span class="cause">${esc(label[lang])}</span>` : ""}`;
}

const leftOut = (r: FileCheck, lang: Lang) => (r.leftOut === null || r.leftOut.count === 0 ? "" : `${r.leftOut.count} / ${r.leftOut.points} ${WORDS[lang].points}`);

/**
 * The reviewers' check as one self-contained HTML page (no script, nothing fetched), for the screen and for A4
 * landscape paper. A summary row per file, worst first, with its verdict, what kind of problem it is and its main
 * reason in words, linked to the file's findings below: each a line with its code, clause and cell once, and what
 * to do. Files with nothing to say are only counted.
 */
export function checkHtml(results: readonly FileCheck[], options: CheckHtmlOptions): string {
  const lang = options.lang ?? "zh";
  const w = WORDS[lang];
  const rows = worstFirst(results);
  const folder = commonFolder(rows.flatMap((r) => [r.file, ...(r.evidenceFiles ?? [])]));
  const shown = (r: FileCheck) => r.file.slice(folder.length);
  const anchor = new Map(rows.map((r, i) => [r, `f${i + 1}`]));
  const causes = new Map(rows.map((r) => [r, causeOf(r).cause]));
  // A file that is no spreadsheet (未检查) says what it is in its row; it has nothing more to detail.
  const detailed = rows.filter((r) => r.verdict === "无法读取" || r.findings.length > 0 || r.evidenceFiles !== undefined);
  const warned = rows.filter((r) => causes.get(r) === "warnings").length;

  const row = (r: FileCheck) => {
    const cause = causes.get(r) as Cause;
    const name = esc(shown(r));
    const evidence = r.evidenceFiles === undefined ? "" : `<span class="ev">${w.evidence(r.evidenceFiles.length)}</span>`;
    const file = `${detailed.includes(r) ? `<a href="#${anchor.get(r) ?? ""}">${name}</a>` : name}${evidence}`;
    const claimAbove = cause === "claim-above" ? " above" : "";
    return `<tr class="${VERDICT_CLASS[r.verdict]} c-${cause}"><td class="file">${file}</td><td class="v">${verdictCell(r, cause, lang)}</td><td>${esc(mainReason(r, lang) ?? "")}</td><td>${esc(r.organisation ?? "")}</td><td>${esc(schemeAndForm(r, lang))}</td><td class="level${claimAbove}">${levelText(r.claimedLevel)}</td><td class="level">${levelText(r.level)}</td><td class="num">${r.total?.toFixed(2) ?? ""}</td><td class="num">${leftOut(r, lang)}</td></tr>`;
  };

  const facts = (r: FileCheck) => {
    const parts = [r.organisation, schemeAndForm(r, lang) || null, r.claimedLevel !== null ? `${w.claimed} ${r.claimedLevel}` : null, r.level !== null ? `${w.result} ${r.level}` : null, r.total !== null ? `${w.total} ${r.total.toFixed(2)}` : null];
    const text = parts.filter((p): p is string => p !== null && p !== "").map(esc).join(" · ");
    return text === "" ? "" : `<p class="facts">${text}</p>`;
  };

  const detail = (r: FileCheck) => {
    const cause = causes.get(r) as Cause;
    const label = CAUSE_WORDS[cause];
    const lines = r.findings.map((f) => findingLine(f, lang));
    const table =
      lines.length === 0
        ? ""
        : `<table class="findings"><colgroup><col class="c-code"><col class="c-clause"><col class="c-cell"><col></colgroup><thead><tr>${w.findingHead.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${lines
            .map((l) => `<tr class="sev-${l.severity}"><td class="nowrap">${l.code}</td><td class="nowrap">${esc(l.clause ?? "")}</td><td class="nowrap">${esc(l.cell ?? "")}</td><td>${esc(l.text)}</td></tr>`)
            .join("")}</tbody></table>`;
    const long = lines.length > LONG_SECTION ? " long" : "";
    return `<section id="${anchor.get(r) ?? ""}" class="${VERDICT_CLASS[r.verdict]}${long}"><h3><span class="verdict">${verdictWord(r.verdict, lang)}</span>${label !== null ? `<span class="cause">${esc(label[lang])}</span>` : ""} ${esc(shown(r))} <a class="back" href="#summary">↑ ${w.back}</a></h3>${facts(r)}${
      r.reason !== null ? `<p>${w.unreadable}${esc(mainReason(r, lang) ?? "")}</p>` : ""
    }${r.evidenceFiles === undefined ? "" : `<p class="evidence">${w.evidenceChecked}${r.evidenceFiles.map((f) => esc(shown({ ...r, file: f }))).join("、")}</p>`}${table}</section>`;
  };

  const clean = rows.filter((r) => r.verdict === "通过" && r.findings.length === 0).length;
  const expected = options.expected;
  const meta = [
    `${w.generated} ${esc(options.generated)}`,
    folder !== "" ? `${w.folder} ${esc(folder)}` : null,
    expected !== undefined ? `${w.expected} ${esc(form(expected.scheme, expected.role, lang))}` : null,
  ].filter((x) => x !== null);
  return `<!doctype html><html lang="${lang === "en" ? "en" : "zh-CN"}"><head><meta charset="utf-8"><title>StarScore ${w.title}</title><style>${BASE_CSS}${CSS}</style></head><body>
<h1>${w.title}</h1><p class="meta">${meta.join("\u3000")}</p>
<p id="summary" class="summary">${esc(summaryLine(results, lang))}${warned > 0 ? `<span class="note">（${w.withWarnings(warned)}）</span>` : ""}</p>
<table class="files"><colgroup><col class="c-file"><col class="c-verdict"><col class="c-reason"><col class="c-org"><col class="c-form"><col class="c-level"><col class="c-level"><col class="c-total"><col class="c-left"></colgroup>
<thead><tr>${w.head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>
${rows.map(row).join("\n")}
</tbody></table>
<h2>${w.perFile}</h2>
${detailed.map(detail).join("\n")}
<p class="clean">${clean === rows.length ? w.allClean : clean > 0 ? w.clean(clean) : ""}</p>
</body></html>
`;
}

/**
 * A file's findings printed on one page when there are at most this many; a longer list starts where it falls, its
 * heading kept with its first lines, rather than leaving the rest of a page empty (a blank form's 100 lines did).
 */
const LONG_SECTION = 12;

/**
 * A level or result for a narrow column: the count of 未填完（50 项未填） held to the word after it (a no-break
 * space), so a result too long for one line wraps before its bracket, never after its number (here and on the
 * workbench's page).
 */
export function heldLevel(level: string): string {
  return level.replace(/(\d) (?=\p{Script=Han})/gu, "$1\u00a0");
}

const levelText = (level: string | null): string => esc(heldLevel(level ?? ""));

const CSS = `
body{margin:24px;font-size:13px}h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 8px}h3{font-size:13px;margin:0 0 4px}
.meta{color:#555;margin:0 0 4px}.summary{font-weight:600;margin:0 0 10px}.note{font-weight:400;color:#8f6d00}
table.files{table-layout:fixed;font-size:12px}
col.c-file{width:15%}col.c-verdict{width:9%}col.c-reason{width:26%}col.c-org{width:10%}col.c-form{width:12%}col.c-level{width:8.5%}col.c-total{width:4.5%}col.c-left{width:6.5%}
/* A level's name stays whole on its line; a longer result (未填完（50 项未填）, "not all conform") wraps between its words, inside its cell. */
td.level{word-break:keep-all}
td{overflow-wrap:anywhere}
.verdict{font-weight:700;white-space:nowrap}.cause{display:block;font-size:11px;font-weight:600}
.inconsistent .verdict,.inconsistent .cause{color:#a4262c}.to-complete .verdict,.to-complete .cause{color:#8a5a00}.unreadable .verdict{color:#605e5c}.not-checked td{color:#8a8886}
.pass .verdict{color:#107c10}.c-warnings .cause{color:#8a5a00}
tr.c-warnings td.v{border-left:4px solid #d69a00}tr.inconsistent td.v{border-left:4px solid #a4262c}tr.to-complete td.v{border-left:4px solid #d69a00}tr.unreadable td.v{border-left:4px solid #8a8886}tr.c-clean td.v{border-left:4px solid #107c10}
td.above{color:#a4262c;font-weight:600}
section{margin:0 0 14px;break-inside:avoid-page}section.long{break-inside:auto}section h3,section .facts,section .evidence{break-after:avoid-page}section h3 .verdict{margin-right:6px}section h3 .cause{display:inline;margin-right:6px}
.ev{display:block;font-size:11px;color:#605e5c}.evidence{margin:0 0 4px;font-size:12px;color:#444}
.back{font-weight:400;font-size:11px;margin-left:8px}.facts{margin:0 0 4px;color:#444;font-size:12px}
table.findings{table-layout:fixed;font-size:12px}col.c-code{width:5.5em}col.c-clause{width:6.5em}col.c-cell{width:9em}
tr.sev-warning td:first-child{color:#8a5a00}tr.sev-error td:first-child{color:#a4262c}
.clean{color:#107c10}
@page{size:A4 landscape;margin:10mm 10mm 12mm}
@media print{body{margin:0;font-size:11px}table.files,table.findings{font-size:10.5px}.back{display:none}h2{break-before:page}}
`;
