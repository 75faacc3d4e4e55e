/** What the check's report and the 补正通知 share as HTML: escaping, and the page's type and colours. */

/** Text as HTML element content or a quoted attribute value: the five characters that matter. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Fonts that have the Chinese on Windows, macOS and Linux; colours kept when printed. */
export const BASE_CSS = `
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#222;line-height:1.45}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}th{background:#d9e1f2;font-weight:600}
.nowrap{white-space:nowrap}.num{text-align:right;white-space:nowrap}
@media print{thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;
