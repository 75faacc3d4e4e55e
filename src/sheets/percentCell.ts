import { finding, type Finding } from "../findings/finding";
import { qualified } from "./address";
import type { CellReader, FormatReader } from "./cells";
import { formatHides, numberShown, showsPercent } from "./shown";
import type { SheetLayout } from "./types";

/**
 * How a 得分比例 cell reads: a percent-formatted cell holds 0.95 for 95 %, while a person may type 95 into a plain
 * cell. Above 1 it is a whole percentage; up to 1 a fraction. The reader (read.ts) and the sheet's own formula
 * (formulas.ts) both take the rule from here, so the two agree. Text is never a percentage: the sheet's formulas do
 * not count it (scoring/lenient.ts, readCellNumber).
 *
 * What a cell shows must be what counts (issue 19). Two numbers show otherwise than they count, and are reported
 * with what the cell shows (percentShownFindings): in a percent-formatted cell a number above 1 shows above 100 %
 * (1.5 shows 150.0 % but counts 1.5 %), an error; in a cell not formatted as a percentage a number above 0 up to 1
 * shows as a bare fraction (0.95, or 1) and counts as 95 % or 100 %, a warning. A bare number above 1 (95) shows
 * and counts as 95 %, as the column's heading says.
 */
const WHOLE_ABOVE = 1;

/** A cell's number as a percentage (0–100). */
export function percentFromCell(n: number): number {
  return n > WHOLE_ABOVE ? n : n * 100;
}

/** The same rule as a formula: the cell's number as a fraction (0–1). */
export function percentCellAsFraction(ref: string): string {
  return `IF(${ref}>${WHOLE_ABOVE},${ref}/100,${ref})`;
}

/** What a percentage entry shows when that is not what it counts, or null when the two agree. */
export function shownUnlikeCounted(n: number, code: string): { shown: string; counted: number; severity: "error" | "warning" } | null {
  const counted = percentFromCell(n);
  const percent = showsPercent(n, code);
  if (percent && n > WHOLE_ABOVE) return { shown: numberShown(n, code), counted, severity: "error" };
  if (!percent && n !== 0 && n <= WHOLE_ABOVE) return { shown: numberShown(n, code), counted, severity: "warning" };
  return null;
}

/**
 * The percentage entries of a laid-out sheet whose cell shows one thing and counts another (see above), each
 * located to its cell, quoting what it shows: SS109 where the cell shows above 100 % but counts within 0–100 %,
 * SS117 where it shows a bare fraction. `shown` gives what each out-of-range cell shows, for SS103's message.
 */
export function percentShownFindings(layout: SheetLayout, read: CellReader, format: FormatReader, sheet: string): { findings: Finding[]; shown: Map<string, string> } {
  const column = layout.entryColumns.percent;
  const findings: Finding[] = [];
  const shown = new Map<string, string>();
  if (column === undefined) return { findings, shown };
  for (const { clause, row } of layout.items) {
    const address = `${column}${row}`;
    const n = read(address);
    if (typeof n !== "number") continue;
    const code = format(address);
    // A format that shows no number at all (`;;;`) is SS826's, with what the cell shows instead.
    if (formatHides(n, code) !== null) continue;
    const unlike = shownUnlikeCounted(n, code);
    if (unlike === null) continue;
    const location = { clause, field: "percent", cell: qualified(sheet, address) };
    const counted = Number(unlike.counted.toPrecision(10));
    if (counted < 0 || counted > 100) shown.set(clause, unlike.shown);
    else if (unlike.severity === "error") findings.push(finding("SS109", location, { shown: unlike.shown, counted }));
    else findings.push(finding("SS117", location, { shown: unlike.shown, counted }));
  }
  return { findings, shown };
}
