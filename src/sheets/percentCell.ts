/**
 * How a 得分比例 cell reads: a percent-formatted cell holds 0.95 for 95 %, while a person may type 95 into a plain
 * cell (or as text). Above 1 it is a whole percentage; up to 1 a fraction. The reader (read.ts) and the sheet's
 * own formula (formulas.ts) both take the rule from here, so the two agree.
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
