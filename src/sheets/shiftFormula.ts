import { columnIndex, columnLetter, MAX_COLUMN, MAX_ROW } from "./address";

/** Parts of a formula that hold no references: text in quotes, quoted sheet names, structured references. */
const PROTECTED = /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]/g;
/** A1, $A$1 (not part of a longer name, not a function name such as LOG10( ). */
const CELL = /(^|[^\p{L}\p{N}_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![\p{L}\p{N}_.(])/gu;
/** Whole columns A:C and whole rows 1:3. */
const COLUMNS = /(^|[^\p{L}\p{N}_.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\p{L}\p{N}_.(])/gu;
const ROWS = /(^|[^\p{L}\p{N}_.$:])(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![\p{L}\p{N}_.(:])/gu;

function moveColumn(letters: string, fixed: string, by: number): string | null {
  const index = columnIndex(letters);
  if (index > MAX_COLUMN) return null;
  const moved = fixed === "$" ? index : index + by;
  return moved < 1 || moved > MAX_COLUMN ? "#REF!" : `${fixed}${columnLetter(moved)}`;
}

function moveRow(digits: string, fixed: string, by: number): string | null {
  const row = Number(digits);
  if (row < 1 || row > MAX_ROW) return null;
  const moved = fixed === "$" ? row : row + by;
  return moved < 1 || moved > MAX_ROW ? "#REF!" : `${fixed}${moved}`;
}

function shiftPart(part: string, rows: number, columns: number): string {
  return part
    .replace(COLUMNS, (whole, before: string, f1: string, c1: string, f2: string, c2: string) => {
      const a = moveColumn(c1, f1, columns);
      const b = moveColumn(c2, f2, columns);
      return a === null || b === null ? whole : `${before}${a}:${b}`;
    })
    .replace(ROWS, (whole, before: string, f1: string, r1: string, f2: string, r2: string) => {
      const a = moveRow(r1, f1, rows);
      const b = moveRow(r2, f2, rows);
      return a === null || b === null ? whole : `${before}${a}:${b}`;
    })
    .replace(CELL, (whole, before: string, fc: string, col: string, fr: string, row: string) => {
      const c = moveColumn(col, fc, columns);
      const r = moveRow(row, fr, rows);
      if (c === null || r === null) return whole;
      return c === "#REF!" || r === "#REF!" ? `${before}#REF!` : `${before}${c}${r}`;
    });
}

/**
 * A formula as Excel reads it when copied `rows` down and `columns` across: relative references move, `$` parts
 * stay. This is what a shared formula (`<f t="shared">`, as Excel saves a filled-down column) means in each
 * cell it covers, and how a validation rule written for one cell reads in another. Text in quotes, quoted sheet
 * names and function names (LOG10, ATAN2) are left alone; a reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = "";
  let last = 0;
  for (const m of formula.matchAll(PROTECTED)) {
    out += shiftPart(formula.slice(last, m.index), rows, columns) + m[0];
    last = m.index + m[0].length;
  }
  return out + shiftPart(formula.slice(last), rows, columns);
}
