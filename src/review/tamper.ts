import { columnIndex, columnLetter, parseRange, qualified, rangeAddress } from "../sheets/address";
import type { CellReader, SheetValidation } from "../sheets/cells";
import { shiftFormula } from "../sheets/shiftFormula";
import type { PlannedValidation, SheetLayout, SheetPlan } from "../sheets/types";
import { finding, type Finding } from "../findings/finding";

/** What a reviewer's check sees of a submitted sheet: saved values, formulas, hidden rows and columns. */
export interface SheetSnapshot {
  name: string;
  read: CellReader;
  formula: (address: string) => string | null;
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<string>;
  validations: readonly SheetValidation[];
}

/** Rows below the last item a check scans for inserted clause rows. */
const SCAN_BELOW = 40;

/** Formulas as spreadsheets rewrite them on save: no "=", no spaces, no `_xlfn.`, one case. */
export function normaliseFormula(f: string): string {
  return f.replace(/^=/, "").replace(/_xlfn\./gi, "").replace(/\s+/g, "").toUpperCase();
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

type PlannedCell = NonNullable<SheetPlan["rows"][number]["cells"][number]>;
interface FixedCell {
  address: string;
  column: string;
  /** The clause of the cell's row, when it is an item's row. */
  clause: string | undefined;
  cell: PlannedCell;
  /** The planned formula as normaliseFormula gives it. */
  normalised: string | undefined;
  /** The planned value as `text` gives it, worked out once a plan, not once a file. */
  expected: string;
}

/** Each plan's cells that hold a formula or fixed content, listed once: a checker compares many files with one plan. */
const fixedOf = new WeakMap<SheetPlan, readonly FixedCell[]>();
function fixedCells(plan: SheetPlan): readonly FixedCell[] {
  const known = fixedOf.get(plan);
  if (known !== undefined) return known;
  const clauseAt = new Map(plan.layout.items.map((i) => [i.row, i.clause]));
  const cells: FixedCell[] = [];
  plan.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell === null || (cell.formula === undefined && (cell.value === undefined || cell.value === null || cell.value === ""))) return;
      const column = columnLetter(c + 1);
      cells.push({ address: `${column}${r + 1}`, column, clause: clauseAt.get(r + 1), cell, normalised: cell.formula === undefined ? undefined : normaliseFormula(cell.formula), expected: text(cell.value) });
    });
  });
  fixedOf.set(plan, cells);
  return cells;
}

/**
 * Compares a submitted sheet with the plan StarScore would lay out for its scheme and role — never with
 * what the file says about itself: clause rows deleted, inserted, duplicated or reordered; points, texts
 * and fixed content changed; formulas typed over or altered; rows or columns hidden. Each kind of comparison is
 * a function of its own: the engine compiles a hot function with all it calls, once per worker, and one function
 * holding them all was among the largest compiles of a check (issue 18's speed).
 */
export function tamperFindings(plan: SheetPlan, recorded: SheetLayout, sheet: SheetSnapshot): Finding[] {
  const at = (address: string) => qualified(sheet.name, address);
  const layout = plan.layout;
  const recordedRows = recorded.items.map((i) => `${i.clause}@${i.row}`).join(",");
  const plannedRows = layout.items.map((i) => `${i.clause}@${i.row}`).join(",");
  const out: Finding[] = recordedRows !== plannedRows ? [finding("SS804", {}, { scheme: layout.schemeId })] : [];
  const rows = clauseRowFindings(layout, sheet, at);
  out.push(...rows);
  // Fixed content and formulas, cell by cell, where the rows still line up.
  if (rows.length === 0) out.push(...fixedContentFindings(plan, sheet, at));
  out.push(...hiddenFindings(plan, sheet, at));
  // An input message guards nothing: only rules that refuse a value are checked.
  for (const v of plan.validations) if (v.rule.kind !== "any") out.push(...validationFindings(v, sheet, at));
  return out;
}

/** Clause rows deleted, inserted, duplicated or reordered: what the hidden clause-id column holds, against the plan. */
function clauseRowFindings(layout: SheetLayout, sheet: SheetSnapshot, at: (address: string) => string): Finding[] {
  const out: Finding[] = [];
  const clauseCol = layout.structureColumns.clause as string;
  const planned = new Set(layout.items.map((i) => i.clause));
  const seen = new Map<string, number[]>();
  const order: { row: number; clause: string }[] = [];
  for (let row = layout.firstItemRow; row <= layout.lastItemRow + SCAN_BELOW; row++) {
    const clause = text(sheet.read(`${clauseCol}${row}`));
    if (clause === "" || (row > layout.lastItemRow && !planned.has(clause) && !/^[0-9]+(\.[0-9]+)+[a-z]?$/.test(clause))) continue;
    order.push({ row, clause });
    seen.set(clause, [...(seen.get(clause) ?? []), row]);
  }
  for (const item of layout.items) {
    const rows = seen.get(item.clause);
    if (rows === undefined) out.push(finding("SS811", { clause: item.clause, cell: at(`${clauseCol}${item.row}`) }));
    else if (rows.length > 1) out.push(finding("SS813", { clause: item.clause, cell: at(`${clauseCol}${rows[1]}`) }, { count: rows.length }));
  }
  for (const { row, clause } of order) if (!planned.has(clause)) out.push(finding("SS812", { cell: at(`${clauseCol}${row}`) }, { text: clause }));
  if (out.length > 0) return out;
  const misplaced = layout.items.find((item) => text(sheet.read(`${clauseCol}${item.row}`)) !== item.clause);
  if (misplaced === undefined) return [];
  return [finding("SS814", { cell: at(`${clauseCol}${misplaced.row}`) }, { row: misplaced.row, expected: misplaced.clause, found: text(sheet.read(`${clauseCol}${misplaced.row}`)) })];
}

/** Points, texts and fixed content changed, formulas typed over or altered: each planned fixed cell against the sheet. */
function fixedContentFindings(plan: SheetPlan, sheet: SheetSnapshot, at: (address: string) => string): Finding[] {
  const out: Finding[] = [];
  const { points: pointsCol, text: textCol, clause: clauseCol } = plan.layout.structureColumns;
  for (const { address, column, clause, cell, normalised, expected } of fixedCells(plan)) {
    if (cell.formula !== undefined) {
      const got = sheet.formula(address);
      if (got === null) {
        out.push(finding("SS817", { ...(clause !== undefined ? { clause } : {}), cell: at(address) }, { found: text(sheet.read(address)), expected: cell.formula }));
      } else if (got !== cell.formula && normaliseFormula(got) !== normalised) {
        out.push(finding("SS818", { ...(clause !== undefined ? { clause } : {}), cell: at(address) }, { found: got.startsWith("=") ? got : `=${got}`, expected: cell.formula }));
      }
      continue;
    }
    const got = sheet.read(address);
    const same = typeof cell.value === "number" ? Number(got) === cell.value && text(got) !== "" : got === expected || text(got) === expected;
    if (same) continue;
    const location = { ...(clause !== undefined ? { clause } : {}), cell: at(address) };
    if (clause !== undefined && column === pointsCol) out.push(finding("SS815", location, { found: text(got), expected: String(cell.value) }));
    else if (clause !== undefined && column === textCol) out.push(finding("SS816", location));
    else if (column !== clauseCol) out.push(finding("SS821", location, { found: text(got), expected: String(cell.value) }));
  }
  return out;
}

/** Clause rows, or the form's own columns, hidden. */
function hiddenFindings(plan: SheetPlan, sheet: SheetSnapshot, at: (address: string) => string): Finding[] {
  const out: Finding[] = [];
  const layout = plan.layout;
  const hiddenRows = [...sheet.hiddenRows].filter((r) => r >= layout.firstItemRow && r <= layout.lastItemRow).sort((a, b) => a - b);
  if (hiddenRows.length > 0) {
    const clause = layout.items.find((i) => i.row === hiddenRows[0])?.clause;
    out.push(finding("SS819", { ...(clause !== undefined ? { clause } : {}), cell: at(`${layout.structureColumns.clause as string}${hiddenRows[0]}`) }, { rows: hiddenRows }));
  }
  // Only the form's own columns count: hiding the unused columns to its right is tidiness, not tampering.
  const formColumns = new Set(plan.columns.map((c, i) => (c.hidden ? "" : columnLetter(i + 1))).filter(Boolean));
  const hiddenColumns = [...sheet.hiddenColumns].filter((c) => formColumns.has(c)).sort((a, b) => columnIndex(a) - columnIndex(b));
  if (hiddenColumns.length > 0) out.push(finding("SS820", { cell: at(`${hiddenColumns[0]}${plan.freezeRows}`) }, { columns: hiddenColumns }));
  return out;
}

const listValues = (f: string) =>
  f
    .replace(/^"|"$/g, "")
    .split(/[,;]/)
    .map((x) => x.trim())
    .sort()
    .join(",");

/** Whether a saved rule is the planned one, read at the saved rule's own anchor cell. */
function sameRule(planned: PlannedValidation, plannedTop: { column: number; row: number }, saved: SheetValidation): boolean {
  if (!saved.refuses) return false;
  const first = parseRange(saved.sqref.split(/\s+/)[0] ?? "");
  if (first === null) return false;
  const moved = (f: string) => normaliseFormula(shiftFormula(f, first.r1 - plannedTop.row, first.c1 - plannedTop.column));
  const rule = planned.rule;
  switch (rule.kind) {
    case "any":
      return true;
    case "list":
      return saved.type === "list" && listValues(saved.formula1) === listValues(rule.values.join(","));
    case "decimal":
      return (
        saved.type === "decimal" &&
        saved.operator === "between" &&
        Number(saved.formula1) === rule.min &&
        (typeof rule.max === "number" ? Number(saved.formula2) === rule.max : normaliseFormula(saved.formula2) === moved(rule.max))
      );
    case "custom":
      return saved.type === "custom" && normaliseFormula(saved.formula1) === moved(rule.formula);
  }
}

/**
 * The entry cells whose validation is gone or weakened (another rule, or one that only warns). Pasting cells
 * from another workbook replaces their validation, so this is a warning: the values themselves are checked anyway.
 */
function validationFindings(planned: PlannedValidation, sheet: SheetSnapshot, at: (address: string) => string): Finding[] {
  const range = parseRange(planned.range);
  if (range === null) return [];
  const top = { column: range.c1, row: range.r1 };
  // Whether each saved rule is the planned one is worked out once, not per cell.
  const covering = sheet.validations
    .map((v) => ({ v, ranges: v.sqref.split(/\s+/).map(parseRange) }))
    .filter(({ ranges }) => ranges.some((r) => r !== null && r.c1 <= range.c2 && r.c2 >= range.c1 && r.r1 <= range.r2 && r.r2 >= range.r1))
    .map((c) => ({ covers: (column: number, row: number) => c.ranges.some((r) => r !== null && column >= r.c1 && column <= r.c2 && row >= r.r1 && row <= r.r2), same: sameRule(planned, top, c.v) }));
  const unguarded: { column: number; row: number }[] = [];
  let removed = 0;
  for (let column = range.c1; column <= range.c2; column++) {
    for (let row = range.r1; row <= range.r2; row++) {
      const rule = covering.find((c) => c.covers(column, row));
      if (rule?.same === true) continue;
      unguarded.push({ column, row });
      if (rule === undefined) removed += 1;
    }
  }
  const first = unguarded[0];
  const last = unguarded[unguarded.length - 1];
  if (first === undefined || last === undefined) return [];
  const span = at(rangeAddress(first.column, first.row, last.column, last.row));
  const change = removed === unguarded.length ? "removed" : removed === 0 ? "changed" : "mixed";
  return [finding("SS822", { cell: at(rangeAddress(first.column, first.row, first.column, first.row)) }, { range: span, cells: unguarded.length, change })];
}
