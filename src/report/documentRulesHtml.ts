import { describe, finding } from "../findings/finding";
import type { Lang } from "../findings/language";
import { cycleTable } from "../scoring/cycleTable";
import { sampleShare } from "../scoring/samples";
import type { DocumentRules } from "./documentRules";
import { escapeHtml as esc } from "./escape";
import { formatEarned, formatPercent, formatPoints } from "./format";

/** The report's parts for the documents' rules (documentRules.ts); each is empty when it has nothing to show. */

function table(head: readonly string[], rows: readonly string[][], cls: string): string {
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join("")}</tr>`).join("")}</tbody></table>`;
}

/** 抽样及样本信息 (CCT 6.3.7 3)): each sampled item's record and the share it gives. */
export function samplesHtml(r: DocumentRules, lang: Lang): string {
  if (r.samples.length === 0) return "";
  const zh = lang === "zh";
  const head = zh ? ["条款", "代码", "小类分值", "样本数", "不符合数", "得分比例", "实际得分"] : ["Clause", "Code", "Points", "Checked", "Not conforming", "Share", "Earned"];
  const rows = r.samples.map((s) => [
    `<td class="ctr">${esc(s.clause)}</td>`,
    `<td class="ctr">${esc(s.code ?? "")}</td>`,
    `<td class="num">${formatPoints(s.points)}</td>`,
    `<td class="num">${s.checked}</td>`,
    `<td class="num">${s.nonconforming}</td>`,
    `<td class="num">${formatPercent(sampleShare(s) * 100)}</td>`,
    `<td class="num">${formatEarned(s.earned)}</td>`,
  ]);
  const title = zh ? "抽样及样本信息（按不符合样本的比例扣分，附件2 评分要求 1）" : "Samples (points deducted in proportion to the samples that do not conform, 附件2 评分要求 1)";
  return `<h4 class="samples">${esc(title)}</h4>${table(head, rows, "samples")}`;
}

/** 删减: the items left out and why (6.3.6). */
export function leftOutHtml(r: DocumentRules, lang: Lang): string {
  if (r.leftOut.length === 0) return "";
  const zh = lang === "zh";
  const head = zh ? ["条款", "检查内容", "分值", "删减理由"] : ["Clause", "Requirement", "Points", "Reason"];
  const none = zh ? "（未说明理由）" : "(no reason given)";
  const rows = r.leftOut.map((i) => [
    `<td class="ctr">${esc(i.clause)}</td>`,
    `<td>${esc(i.text)}</td>`,
    `<td class="num">${formatPoints(i.points)}</td>`,
    i.reason === null ? `<td class="flag">${esc(none)}</td>` : `<td>${esc(i.reason)}</td>`,
  ]);
  const total = formatPoints(r.leftOutPoints);
  const title = zh ? `删减（不涉及）的条款及理由：${r.leftOut.length} 项，共 ${total} 分` : `Clauses left out and why: ${r.leftOut.length}, ${total} points`;
  return `<h4 class="left-out">${esc(title)}</h4>${table(head, rows, "left-out")}`;
}

/** Why the result is not graded, every reason the card gives, for the conclusion. */
export function notGradedReason(r: DocumentRules, lang: Lang, deductions: string): string {
  const zh = lang === "zh";
  const p = r.prerequisite;
  const parts = r.notGradedBy.map((by) =>
    by === "deductions" || p === null ? deductions : describe(finding("SS601", { field: p.header }, p), lang),
  );
  return parts.join(zh ? "；" : "; ");
}

/** The certificate's cycle (§7.1, §8.1.1, §8.2) for the certificate date in the header. */
export function cycleHtml(r: DocumentRules, lang: Lang): string {
  if (r.cycle === null) return "";
  const { cycle: c, rule } = r.cycle;
  const t = cycleTable(c, rule, lang);
  // The rule (4th) is text; the other cells are short and centred; a late or missing surveillance is flagged.
  const cls = (i: number, flagged: boolean): string => (i === 3 ? "" : ` class="ctr${i === 5 && flagged ? " flag" : ""}"`);
  const rows = t.rows.map((row) => row.cells.map((cell, i) => `<td${cls(i, row.flagged)}>${esc(cell)}</td>`));
  const line =
    lang === "zh"
      ? `${t.issued}，${t.validTo}；再认证申请：${c.recertification.from} 至 ${c.recertification.to}（截至 ${c.today}）。`
      : `${t.issued}, ${t.validTo}; recertification application: ${c.recertification.from} to ${c.recertification.to} (as of ${c.today}).`;
  const unreadable = r.cycle.unreadable.map((f) => `<p class="flag">${esc(describe(f, lang))}</p>`).join("");
  // The certificate's state under the table, flagged when it has expired (SS906), as the late and missing rows are.
  const state = `<p${t.expired ? ' class="flag"' : ""}>${esc(t.state)}</p>`;
  return `<h3 class="cycle">${esc(t.title)}</h3><p>${esc(line)}</p>${unreadable}${table(t.head, rows, "cycle")}${state}`;
}
