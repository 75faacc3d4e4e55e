import { CYCLE_FIELDS } from "../../src/scheme/roles";
import type { Assessment } from "../../src/scoring/assessment";
import type { CellWrite } from "../../src/sheets/cells";
import { entryWrites } from "../../src/sheets/fill";
import { LAYOUTS } from "../../src/sheets/meta";
import type { SheetLayout, SheetPlan } from "../../src/sheets/types";

/** The audit form's header before layout 4 brought the report's fields, in the order it showed them. */
export const AUDIT_HEADER_BEFORE_REPORT = ["组织名称", "申报级别", "审查员", "审查时间", "审查类型"] as const;

/**
 * A sheet's record as an older StarScore wrote it, made from today's layout by undoing what came since `version`
 * (src/sheets/meta.ts): before 3 the self form had one evidence cell per clause, its items on consecutive rows;
 * before 4 the audit form's header had 审查员 and 审查时间, and it had no report block and no members table; before 5
 * it had no 再认证审核日期. Only
 * what a reader of the record uses differs; the cells stay where today's layout has them.
 */
export function olderLayout(layout: SheetLayout, version: number): SheetLayout {
  let out = layout;
  if (version < LAYOUTS.materials && layout.role === "self") {
    const items = layout.items.map((item, k) => ({ clause: item.clause, row: layout.firstItemRow + k }));
    out = { ...out, items, lastItemRow: layout.firstItemRow + items.length - 1 };
  }
  if (version < LAYOUTS.report && layout.role === "audit") {
    const addresses = Object.values(layout.header);
    out = { ...out, header: Object.fromEntries(AUDIT_HEADER_BEFORE_REPORT.map((field, k) => [field, addresses[k] as string])), team: null };
  }
  if (version < LAYOUTS.cycle && layout.role === "audit") {
    out = { ...out, header: Object.fromEntries(Object.entries(out.header).filter(([field]) => field !== CYCLE_FIELDS.recertified)) };
  }
  return out;
}

/**
 * The cells an older sheet of `plan`'s form held for an assessment: its header under the names that layout had, then
 * its entries. Before layout 5 every row of the CCT 评分表 had sample cells, so a record is written on any row.
 */
export function olderWrites(plan: SheetPlan, version: number, assessment: Assessment): CellWrite[] {
  const layout = olderLayout(plan.layout, version);
  const header = Object.entries(layout.header).flatMap(([field, address]) => {
    const value = assessment.header?.[field];
    return value === undefined || value === null || String(value).trim() === "" ? [] : [{ address, value }];
  });
  const { checked, nonconforming } = layout.entryColumns;
  const samples = Object.entries(assessment.entries).flatMap(([clause, entry]) => {
    const row = layout.items.find((i) => i.clause === clause)?.row;
    if (row === undefined || checked === undefined || nonconforming === undefined) return [];
    return ([[checked, entry.samples?.checked], [nonconforming, entry.samples?.nonconforming]] as const).flatMap(([column, value]) =>
      value === undefined || value === null ? [] : [{ address: `${column}${row}`, value }],
    );
  });
  const entries = Object.fromEntries(Object.entries(assessment.entries).map(([clause, { samples: _, ...entry }]) => [clause, entry]));
  return [...header, ...entryWrites({ ...plan, layout }, { ...assessment, header: {}, entries }), ...samples];
}
