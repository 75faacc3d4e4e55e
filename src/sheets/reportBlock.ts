import type { Scheme } from "../scheme/load";
import { hasTeam, reportFields, type Role } from "../scheme/roles";
import type { Column } from "./forms/form";
import { prompt } from "./forms/form";
import { planFieldRows } from "./fieldRows";
import type { Grid } from "./grid";
import { planTeam } from "./team";
import type { PlannedValidation, TeamLayout } from "./types";

/**
 * 审查报告信息: the block of the audit form that holds what only the audit report needs (reportFields: the
 * organisation's addresses and contact, scope, criteria, time on site, who wrote the report, the certification body)
 * and the members table. It sits under the results, before the line to sign, so the rows frozen above the items
 * stay few; its cells are header fields like any other (SheetLayout.header), read, filled and checked the same way.
 */

export const REPORT_BLOCK_TITLE = "审查报告信息（供审查报告的封面、基本信息和签章页使用）";

/** Input messages where a field wants a particular form. */
const HINTS: Record<string, string> = {
  审查开始: "现场审查第一天，可加上午或下午，如 2026-06-03 上午。报告据此写现场审查时间和天数。",
  审查结束: "现场审查最后一天，可加上午或下午，如 2026-06-05 下午。",
  编制日期: "报告编制日期，如 2026-06-05；也是公正性承诺的日期。",
  认证机构: "认证机构全称，印在报告封面、公正性承诺和盖章处。",
  多场所情况: "与总部不在同一地址的场所；没有时填“无”。",
  其他审查准则: "方案依据之外的审查准则；没有时填“无”。",
  报告覆盖时间段: "审查覆盖的时间段，如 2025-07-01 至 2026-06-30。",
};

/**
 * Lays out the block: its title, the fields (two to a row, a long one across the row), then the members table. Returns
 * the members table and the title's row (where the block starts a printed page), or null where the form has no block.
 */
export function planReportBlock(
  scheme: Scheme,
  role: Role,
  grid: Grid,
  visible: readonly Column[],
  header: Record<string, string>,
  validations: PlannedValidation[],
): { team: TeamLayout | null; titleRow: number } | null {
  const fields = reportFields(scheme, role);
  if (fields.length === 0 && !hasTeam(role)) return null;
  const last = (visible[visible.length - 1] as Column).index;
  grid.add(8);
  const titleRow = grid.add(22);
  grid.text(titleRow, 1, last, REPORT_BLOCK_TITLE, "summaryHead");
  const cells = planFieldRows(grid, fields, last, 1);
  for (const [field, address] of Object.entries(cells)) {
    header[field] = address;
    const hint = HINTS[field];
    if (hint !== undefined) validations.push(prompt(address, field, hint));
  }
  return { team: hasTeam(role) ? planTeam(grid, last, validations) : null, titleRow };
}
