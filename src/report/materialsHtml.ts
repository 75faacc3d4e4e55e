import type { Lang } from "../findings/language";
import { escapeHtml as esc } from "./escape";
import { STATE_WORDS as WORDS, stateWord as word, type MaterialClause, type MaterialState, type ReportMaterial, type ReportMaterials } from "./materials";

/**
 * The appendix 证明材料清单 as HTML: one table, a clause's materials under it, each with the applicant's entry and its
 * state. A problem is seen in print without colour: a ✗ before its word, the word in bold, a heavy rule at the row's
 * left, and the file it is about named under it.
 */

const PROBLEMS: ReadonlySet<MaterialState> = new Set(["未列明", "文件缺失", "空文件", "类型不符"]);

const ZH = {
  title: "附：证明材料清单",
  notSupplied: "未提供申请方的自评估表：本报告没有列出、也没有核对各条款的证明材料。",
  noneRequired: (scheme: string) => `自评估所用的方案（${scheme}）没有列出各条款要求的证明材料。`,
  from: (scheme: string, source: string | null) => `各条款要求的证明材料按《${scheme}》列出，申请方的填写取自${source !== null ? `自评估表 ${source}` : "本自评估表"}。`,
  otherOrganisation: (name: string) => `注意：自评估表的组织名称为“${name}”，与本报告不同。`,
  filesFrom: (root: string) => `填写中的文件已在申请方提交的 ${root} 中逐一核对：是否在、是否为空、内容是否与扩展名相符。`,
  filesNot: "申请方提交的文件未提供，填写中的文件名未核对（状态为“已列明”）。",
  counts: "材料 {n} 项（不适用条款的除外）：",
  head: ["条款", "证明材料（方案要求）", "申请方填写", "状态"],
  na: "不适用，不要求",
  link: "链接：",
  key: "✓ 文件在：填写的文件已提交且内容相符；○ 已列明：填写了文件名称或文件未核对；✗ 未列明 / 文件缺失 / 空文件 / 类型不符：需补正。",
  sep: "，",
};

const EN: typeof ZH = {
  title: "Appendix: evidence list (证明材料清单)",
  notSupplied: "The applicant's self-assessment was not supplied: this report neither lists nor checks the evidence of each clause.",
  noneRequired: (scheme) => `The self-assessment's scheme (${scheme}) lists no required evidence per clause.`,
  from: (scheme, source) => `The evidence each clause requires, as ${scheme} lists it; the applicant's entries from ${source !== null ? `the self-assessment ${source}` : "this self-assessment"}.`,
  otherOrganisation: (name) => `Note: the self-assessment's organisation is "${name}", not this report's.`,
  filesFrom: (root) => `Each file named was checked in the applicant's submission ${root}: there, not empty, its content what its extension says.`,
  filesNot: "The applicant's files were not supplied: file names are not checked (state Named).",
  counts: "{n} materials (clauses that do not apply left out): ",
  head: ["Clause", "Evidence (as the scheme requires)", "Applicant's entry", "State"],
  na: "does not apply; not required",
  link: "link: ",
  key: "✓ File present: the file named was handed in and is what it says; ○ Named: a document's name, or files not checked; ✗ Not named / File missing / Empty file / Wrong type: to be corrected.",
  sep: ", ",
};

function stateCell(m: ReportMaterial, lang: Lang): string {
  const files = m.files.filter((f) => f.state === m.state && m.state !== "已列明" && m.state !== "文件在");
  return (
    `<td class="state" data-state="${esc(m.state)}"><span class="mark">${WORDS[m.state].mark}</span> ${esc(word(m.state, lang))}` +
    files.map((f) => `<span class="file">${esc(f.name)}</span>`).join("") +
    `</td>`
  );
}

function entryCell(m: ReportMaterial, t: typeof ZH): string {
  // A file reached by a hyperlink on the line, whose text names a document: the file is said too.
  const linked = m.files.filter((f) => !m.entry.includes(f.name));
  return `<td class="entry">${esc(m.entry)}${linked.map((f) => `<span class="file">${esc(t.link)}${esc(f.name)}</span>`).join("")}</td>`;
}

function clauseRows(c: MaterialClause, t: typeof ZH, lang: Lang): string {
  return c.materials
    .map((m, i) => {
      const bad = !c.notApplicable && PROBLEMS.has(m.state);
      const cls = [i === 0 ? "first" : "cont", c.notApplicable ? "na" : "", bad ? "bad" : ""].filter((x) => x !== "").join(" ");
      const head = i === 0 ? `<td class="clause" rowspan="${c.materials.length}"><strong>${esc(c.clause)}</strong> ${esc(c.text)}</td>` : "";
      const state = c.notApplicable ? `<td class="state" data-state="na">— ${esc(t.na)}</td>` : stateCell(m, lang);
      return `<tr class="${cls}" data-clause="${esc(c.clause)}" data-line="${i}">${head}<td class="material">${esc(m.material)}</td>${entryCell(m, t)}${state}</tr>`;
    })
    .join("");
}

/** The appendix, a part of its own (a page break before it). */
export function materialsHtml(m: ReportMaterials, lang: Lang): string {
  const t = lang === "en" ? EN : ZH;
  const out = [`<section class="part materials-part" data-materials="${m.kind}">`, `<h2>${esc(t.title)}</h2>`];
  if (m.kind === "not-supplied") out.push(`<p class="materials-missing"><strong>${esc(t.notSupplied)}</strong></p>`);
  else if (m.kind === "none-required") out.push(`<p>${esc(t.noneRequired(m.scheme.title))}</p>`);
  else {
    out.push(`<p>${esc(t.from(m.scheme.title, m.source))}</p>`);
    if (m.otherOrganisation !== null) out.push(`<p class="materials-missing"><strong>${esc(t.otherOrganisation(m.otherOrganisation))}</strong></p>`);
    out.push(`<p>${esc(m.filesFrom !== null ? t.filesFrom(m.filesFrom) : t.filesNot)}</p>`);
    const n = Object.values(m.counts).reduce((a, b) => a + b, 0);
    const parts = (Object.entries(m.counts) as [MaterialState, number][])
      .filter(([, k]) => k > 0)
      .map(([s, k]) => (PROBLEMS.has(s) ? `<strong>${WORDS[s].mark} ${esc(word(s, lang))} ${k}</strong>` : `${WORDS[s].mark} ${esc(word(s, lang))} ${k}`));
    out.push(`<p class="materials-counts">${esc(t.counts.replace("{n}", String(n)))}${parts.join(t.sep)}</p>`);
    out.push(`<p class="caption materials-key">${esc(t.key)}</p>`);
    out.push(
      `<table class="materials"><colgroup><col class="c-clause"><col class="c-material"><col class="c-entry"><col class="c-state"></colgroup>` +
        `<thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>` +
        m.clauses.map((c) => `<tbody>${clauseRows(c, t, lang)}</tbody>`).join("") +
        `</table>`,
    );
  }
  out.push(`</section>`);
  return out.join("\n");
}

/** The appendix's styles, added to the report's. */
export const MATERIALS_CSS = `
.materials { font-size: 8.6pt; line-height: 1.4; table-layout: fixed; }
.materials col.c-clause { width: 42mm; } .materials col.c-state { width: 30mm; }
.materials tbody { break-inside: avoid; }
.materials td.clause { font-size: 8.2pt; }
.materials td.entry, .materials td.material { overflow-wrap: anywhere; }
.materials .file { display: block; font-size: 8pt; color: #333; overflow-wrap: anywhere; }
.materials td.state { white-space: nowrap; }
.materials td.state .file { white-space: normal; }
.materials tr.bad td.material, .materials tr.bad td.entry, .materials tr.bad td.state { background: #fdf3f2; }
.materials tr.bad td.material { border-left: 2.5mm solid #1b1f24; }
.materials tr.bad td.state { font-weight: bold; color: #b3261e; }
.materials tr.na td { color: #6b7280; }
.materials-missing { border: 1.5px solid #1b1f24; padding: 2mm 4mm; }
`;
