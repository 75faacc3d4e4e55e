import type { Scheme } from "../scheme/load";
import { hasTeam, reportFields, WIDE_HEADER_FIELDS, type Role } from "../scheme/roles";
import { cellAddress } from "./address";
import type { Column } from "./forms/form";
import type { Grid } from "./grid";
import { planTeam } from "./team";
import { displayWidth } from "./textWidth";
import type { TeamLayout } from "./types";

/**
 * 审查报告信息: the block of the audit form that holds what only the audit report needs (reportFields: the
 * organisation's addresses and contact, scope, criteria, time on site, who wrote the report, the certification body)
 * and the members table. It sits under the results, so the rows frozen above the items stay few; its cells are
 * header fields like any other (SheetLayout.header), read, filled and checked the same way.
 */

export const REPORT_BLOCK_TITLE = "审查报告信息（供审查报告的封面、基本信息和签章页使用）";

/** Columns from `start` that a label of `width` characters needs, leaving the entry at least one column before `end`. */
function labelEnd(visible: readonly Column[], start: number, end: number, width: number): number {
  let e = start;
  let sum = visible[start - 1]?.width ?? 0;
  while (e < end - 1 && sum < width + 2) {
    e += 1;
    sum += visible[e - 1]?.width ?? 0;
  }
  return e;
}

/** Lays out the block: its title, the fields (two to a row, a wide one across the row), then the members table. */
export function planReportBlock(scheme: Scheme, role: Role, grid: Grid, visible: readonly Column[], header: Record<string, string>): TeamLayout | null {
  const fields = reportFields(scheme, role);
  if (fields.length === 0 && !hasTeam(role)) return null;
  const last = (visible[visible.length - 1] as Column).index;
  grid.add(8);
  const titleRow = grid.add(22);
  grid.set(titleRow, 1, { value: REPORT_BLOCK_TITLE, style: "summaryHead" });
  grid.merge(titleRow, 1, titleRow, last, "summaryHead");

  const rows: string[][] = [];
  for (const field of fields) {
    const open = rows[rows.length - 1];
    if (WIDE_HEADER_FIELDS.has(field) || open === undefined || open.length === 2 || WIDE_HEADER_FIELDS.has(open[0] as string)) rows.push([field]);
    else open.push(field);
  }
  const half = Math.floor(last / 2);
  const widest = Math.max(0, ...fields.map(displayWidth));
  for (const pair of rows) {
    const wide = pair.length === 1 && WIDE_HEADER_FIELDS.has(pair[0] as string);
    const row = grid.add(wide ? 34 : 20);
    const halves: [string | undefined, number, number][] = [
      [pair[0], 1, wide ? last : half],
      [pair[1], half + 1, last],
    ];
    for (const [field, start, end] of halves) {
      if (field === undefined) continue;
      const labelLast = labelEnd(visible, start, end, widest);
      grid.set(row, start, { value: field, style: "label" });
      grid.merge(row, start, row, labelLast, "label");
      grid.set(row, labelLast + 1, { value: null, style: "headerEntry" });
      grid.merge(row, labelLast + 1, row, end, "headerEntry");
      header[field] = cellAddress(labelLast + 1, row);
    }
  }
  return hasTeam(role) ? planTeam(grid, visible) : null;
}
