import { VERDICT_EN, VERDICT_ORDER, type FileCheck } from "./verdict";

/** A CSV cell: quoted, and neutralised when it begins like a formula (CSV injection: = + - @ tab CR). */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const COLUMNS = ["文件 file", "结论 verdict", "原因 reason", "方案 scheme", "表格 role", "组织名称", "申报级别", "评定级别", "总分", "工作簿保存的总分", "通过", "未填写", "缺证明材料", "错误", "改动", "删减项数", "删减分值", "删减占满分", "问题 findings"];

/** The report as CSV: UTF-8 with a BOM (so Excel reads the Chinese right), CRLF line ends. */
export function checkCsv(results: readonly FileCheck[]): string {
  const rows = ordered(results).map((r) => [
    r.file,
    r.verdict,
    r.reason,
    r.scheme,
    r.role,
    r.organisation,
    r.claimedLevel,
    r.level,
    r.total,
    r.sheetTotal,
    r.passed === null ? null : r.passed ? "是" : "否",
    r.counts.missing,
    r.counts.evidence,
    r.counts.errors,
    r.counts.tamper,
    r.leftOut?.count ?? null,
    r.leftOut?.points ?? null,
    r.leftOut === null ? null : leftOutShare(r.leftOut.share),
    r.findings.map((f) => `${f.code} ${f.cell ?? ""} ${f.message}`).join("\n"),
  ]);
  return `\uFEFF${[COLUMNS, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const leftOutShare = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

/** Rows in the terminal's order: 无法读取, 不一致, 需补正, 通过, 未检查; by file within a verdict. */
function ordered(results: readonly FileCheck[]): FileCheck[] {
  return [...results].sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || a.file.localeCompare(b.file));
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/** The report as one self-contained HTML page (no external resources), readable on screen and on paper. */
export function checkHtml(results: readonly FileCheck[], generated: string): string {
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  const summary = VERDICT_ORDER.map((v) => `${v} ${count(v)}`).join("\u3000");
  const row = (r: FileCheck) =>
    `<tr class="v-${VERDICT_EN[r.verdict].replace(/ /g, "-")}"><td>${esc(r.file)}</td><td>${r.verdict}${r.reason !== null ? `<br><small>${esc(r.reason)}</small>` : ""}</td><td>${esc(r.organisation ?? "")}</td><td>${esc(r.scheme ?? "")}${r.role !== null ? ` / ${esc(r.role)}` : ""}</td><td>${esc(r.claimedLevel ?? "")}</td><td>${esc(r.level ?? "")}</td><td class="n">${r.total?.toFixed(2) ?? ""}</td><td class="n">${r.counts.missing}</td><td class="n">${r.counts.evidence}</td><td class="n">${r.counts.errors}</td><td class="n">${r.counts.tamper}</td><td class="n">${r.leftOut === null || r.leftOut.count === 0 ? "" : `${r.leftOut.count} / ${r.leftOut.points} 分 (${leftOutShare(r.leftOut.share)})`}</td></tr>`;
  const detail = (r: FileCheck) =>
    `<section><h3>${esc(r.file)} — ${r.verdict}</h3>${r.reason !== null ? `<p>${r.verdict}：${esc(r.reason)}</p>` : ""}${
      r.findings.length > 0 ? `<ol>${r.findings.map((f) => `<li><code>${f.code}</code> ${f.cell !== null ? `<b>${esc(f.cell)}</b> ` : ""}${esc(f.message)}</li>`).join("")}</ol>` : r.reason === null ? "<p>未发现问题。</p>" : ""
    }</section>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>StarScore 审查报告 — 提交文件检查</title><style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%;font-size:12px}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}th{background:#d9e1f2}
td.n{text-align:right}.v-inconsistent td:nth-child(2){color:#a4262c;font-weight:bold}.v-unreadable td:nth-child(2){color:#8a8886;font-weight:bold}.v-not-checked td{color:#8a8886}.v-to-complete td:nth-child(2){color:#8f6d00;font-weight:bold}
section{margin:1em 0;page-break-inside:avoid}h3{font-size:14px;margin:.5em 0}li{font-size:12px;margin:2px 0}code{font-size:11px}
@media print{body{margin:0}thead{display:table-header-group}tr{page-break-inside:avoid}}
</style></head><body><h1>提交文件检查 / Submission check</h1><p>${esc(generated)}\u3000共 ${results.length} 个文件：${summary}</p>
<table><thead><tr><th>文件</th><th>结论</th><th>组织名称</th><th>方案/表格</th><th>申报级别</th><th>评定级别</th><th>总分</th><th>未填写</th><th>缺证明材料</th><th>错误</th><th>改动</th><th>删减 项/分</th></tr></thead><tbody>
${ordered(results).map(row).join("\n")}
</tbody></table><h2>逐个文件 / Per file</h2>${ordered(results).map(detail).join("\n")}</body></html>
`;
}
