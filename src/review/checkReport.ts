import type { Lang } from "../findings/language";
import { mainReason, worstFirst } from "./mainReason";
import type { FileCheck } from "./verdict";

/** The results as `check --json` writes them (and the workbench page downloads them), in the order the files were found. */
export const checkJson = (results: readonly FileCheck[]): string => `${JSON.stringify(results, null, 2)}\n`;

/** A CSV cell: quoted, and neutralised when it begins like a formula (CSV injection: = + - @ tab CR). */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const COLUMNS = ["文件 file", "结论 verdict", "原因 reason", "方案 scheme", "表格 role", "组织名称", "申报级别", "评定级别", "总分", "工作簿保存的总分", "通过", "未填写", "缺证明材料", "错误", "改动", "删减项数", "删减分值", "删减占满分", "问题 findings", "证明材料 evidence files"];

/**
 * The report as CSV: UTF-8 with a BOM (so Excel reads the Chinese right), CRLF line ends, worst first. 原因 is
 * every file's main reason in words (review/mainReason.ts), empty when nothing was found; 证明材料 the files its
 * evidence names that are accounted for under it (review/evidenceFiles.ts), one a line.
 */
export function checkCsv(results: readonly FileCheck[], lang: Lang = "zh"): string {
  const rows = worstFirst(results).map((r) => [
    r.file,
    r.verdict,
    mainReason(r, lang),
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
    r.findings.map((f) => `${f.code} ${f.message}`).join("\n"),
    (r.evidenceFiles ?? []).join("\n"),
  ]);
  return `\uFEFF${[COLUMNS, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const leftOutShare = (share: number): string => `${Number((share * 100).toFixed(1))}%`;
