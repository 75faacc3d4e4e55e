import { finding, type Finding } from "../findings/finding";
import { qualified } from "../sheets/address";
import type { CellReader } from "../sheets/cells";
import { formatHides } from "../sheets/shown";
import type { SheetLayout } from "../sheets/types";

/**
 * Entries must be typed, and seen (issue 19): a cell a person fills — a header field, an item's entries, the special
 * items, the remarks — that holds a formula instead of a value is a warning naming what the formula refers to
 * (another workbook, a defined name, other cells); a filled cell whose number format does not show its value
 * (`;;;`) or whose text has the colour of its fill is a warning too. Warnings, not errors: the value is read and
 * counted as Excel counts it, but the reviewer should see what was entered.
 */

/** What a check sees of a filled cell besides its value. */
export interface EntryCellView {
  read: CellReader;
  formula(address: string): string | null;
  /** The number format code ("General", ";;;"). */
  format(address: string): string;
  /** The text's and the fill's colours as the reviewer sees them (RGB hex); null where unknown. */
  colours(address: string): { ink: string; paper: string } | null;
}

/** What the workbook's formulas may refer to besides cells: other workbooks (`[1]` is the first) and defined names. */
export interface WorkbookRefs {
  externalWorkbook(index: number): string | null;
  definedName(name: string): string | null;
}

type FilledCell = { address: string; field: string; clause?: string };

/** filledCells of each layout: a checker checks many files of one layout (the layouts are made once: xlsx/check.ts). */
const filledOf = new WeakMap<SheetLayout, readonly FilledCell[]>();

/** Every cell of a laid-out sheet that a person fills, with what it is called (an entry field or a header's name). */
export function filledCells(layout: SheetLayout): readonly FilledCell[] {
  const known = filledOf.get(layout);
  if (known !== undefined) return known;
  const cells: FilledCell[] = Object.entries(layout.header).map(([field, address]) => ({ address, field }));
  for (const { clause, row } of layout.items) {
    for (const [field, column] of Object.entries(layout.entryColumns)) if (column !== undefined) cells.push({ address: `${column}${row}`, field, clause });
  }
  const d = layout.deductions;
  if (d !== null) for (let row = d.firstRow; row <= d.lastRow; row++) cells.push({ address: `${d.clauseColumn}${row}`, field: "deductions" }, { address: `${d.reasonColumn}${row}`, field: "deductions" });
  if (layout.bonus !== null) cells.push({ address: layout.bonus.points, field: "bonus" }, { address: layout.bonus.reason, field: "bonus" });
  if (layout.remarks !== null) cells.push({ address: layout.remarks.strengths, field: "remarks" }, { address: layout.remarks.improvements, field: "remarks" });
  filledOf.set(layout, cells);
  return cells;
}

/** Text in double quotes, as a formula writes strings (`""` inside is a quote). */
const STRINGS = /"(?:[^"]|"")*"/g;
/** `[1]Sheet1!$A$1`, `'[1]Sheet 1'!A1`, `[1]!Name`: a reference through the workbook's n-th external link. */
const EXTERNAL = /\[(\d+)\]/;
/** A cell or range reference, with its sheet: `A1`, `$B$2:C3`, `Sheet1!A1`, `'其他 表'!A1`. */
const REFERENCE = /(?:(?:'(?:[^']|'')+'|[^\s!(),;:+\-*/^&=<>"']+)!)?\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?(?![A-Za-z0-9_(])/g;
/** An identifier not followed by "(": a name, unless it is TRUE or FALSE. */
const IDENTIFIER = /(?<![A-Za-z0-9_.\\$])[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*(?![A-Za-z0-9_.(!\u4e00-\u9fff])/g;

/** What an entry's formula refers to, for SS825: another workbook, a defined name, cells, or nothing (a constant). */
export function formulaRefers(formula: string, refs: WorkbookRefs): { refers: "external" | "name" | "cell" | "constant"; target: string } {
  const body = formula.replace(/^=/, "").replace(STRINGS, '""');
  const external = EXTERNAL.exec(body);
  if (external !== null) {
    const index = Number(external[1]);
    return { refers: "external", target: refs.externalWorkbook(index) ?? `[${index}]` };
  }
  const cells = body.match(REFERENCE) ?? [];
  const rest = body.replace(REFERENCE, " ");
  for (const id of rest.match(IDENTIFIER) ?? []) {
    if (/^(TRUE|FALSE)$/i.test(id)) continue;
    const definition = refs.definedName(id);
    if (definition !== null) return { refers: "name", target: `${id} = ${definition}` };
  }
  if (cells.length > 0) return { refers: "cell", target: cells.join(", ") };
  return { refers: "constant", target: "" };
}

/** Colours closer than this in every channel read as one: text that cannot be told from its fill. */
const INDISTINCT = 24;
function sameColour(a: string, b: string): boolean {
  for (let i = 0; i < 6; i += 2) if (!(Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)) <= INDISTINCT)) return false;
  return true;
}

/** The warnings about a sheet's filled cells: formulas instead of entries (SS825), values hidden (SS826). */
export function entryCellFindings(layout: SheetLayout, view: EntryCellView, refs: WorkbookRefs, sheet: string): Finding[] {
  const out: Finding[] = [];
  for (const { address, field, clause } of filledCells(layout)) {
    // Made only for a finding: most cells have none.
    const location = () => ({ ...(clause !== undefined ? { clause } : {}), field, cell: qualified(sheet, address) });
    const formula = view.formula(address);
    if (formula !== null) out.push(finding("SS825", location(), { field, formula, ...formulaRefers(formula, refs) }));
    const value = view.read(address);
    if (value === null || value === "" || typeof value === "boolean") continue;
    const format = view.format(address);
    const hidden = formatHides(value, format);
    if (hidden !== null) {
      out.push(finding("SS826", location(), { field, how: "format", format, shown: hidden.shown }));
      continue;
    }
    const colours = view.colours(address);
    if (colours !== null && sameColour(colours.ink, colours.paper)) out.push(finding("SS826", location(), { field, how: "colour", format, shown: String(value) }));
  }
  return out;
}
