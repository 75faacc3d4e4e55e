import { WIDE_HEADER_FIELDS } from "../scheme/roles";
import { cellAddress } from "./address";
import type { Grid } from "./grid";
import { displayWidth } from "./textWidth";

/**
 * Header fields as the forms lay them out: two to a row, each a label across the columns its text needs and the
 * entry cell merged to the end of its half; a long field (WIDE_HEADER_FIELDS) across the whole row. Used for the
 * header above the items and for the audit form's 审查报告信息 block.
 */

/** The rows: one wide field, or two others, in the order given. */
export function fieldRows(fields: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const field of fields) {
    const open = rows[rows.length - 1];
    if (WIDE_HEADER_FIELDS.has(field) || open === undefined || open.length === 2 || WIDE_HEADER_FIELDS.has(open[0] as string)) rows.push([field]);
    else open.push(field);
  }
  return rows;
}

/**
 * Lays the fields out over columns 1…`last` and returns each field's entry cell. A label starts with `minLabel`
 * columns (two where the first is too narrow for 评估部门/人员) and spans as many as its text needs, leaving the entry
 * one at least; where that is still short, its row grows rather than clip it.
 */
export function planFieldRows(grid: Grid, fields: readonly string[], last: number, minLabel: number): Record<string, string> {
  const cells: Record<string, string> = {};
  const half = Math.floor(last / 2);
  const labelEnd = (start: number, end: number, label: string): number => {
    let e = start + minLabel - 1;
    while (e < end - 1 && grid.span(start, e) < displayWidth(label) + 2) e += 1;
    return e;
  };
  for (const pair of fieldRows(fields)) {
    const wide = pair.length === 1 && WIDE_HEADER_FIELDS.has(pair[0] as string);
    const row = grid.add(wide ? 34 : 20);
    const halves: [string | undefined, number, number][] = [
      [pair[0], 1, wide ? last : half],
      [pair[1], half + 1, last],
    ];
    for (const [field, start, end] of halves) {
      if (field === undefined) continue;
      const entry = labelEnd(start, end, field) + 1;
      grid.text(row, start, entry - 1, field, "label");
      grid.set(row, entry, { value: null, style: "headerEntry" });
      grid.merge(row, entry, row, end, "headerEntry");
      cells[field] = cellAddress(entry, row);
    }
  }
  return cells;
}
