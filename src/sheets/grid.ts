import { cellAddress, rangeAddress } from "./address";
import { STYLES } from "./styles";
import { displayWidth } from "./textWidth";
import type { PlannedCell, StyleName } from "./types";

/** Builds a sheet row by row: the plan's rows and merges. */
export class Grid {
  readonly rows: { height?: number; cells: (PlannedCell | null)[] }[] = [];
  readonly merges: string[] = [];
  readonly width: number;
  /**
   * `widths`: each column's width in characters as printed, 0 for a hidden one; a text merged across columns
   * wraps within their sum.
   */
  constructor(private readonly widths: readonly number[]) {
    this.width = widths.length;
  }

  /** The printed width of columns c1…c2, in characters. */
  span(c1: number, c2: number): number {
    let w = 0;
    for (let c = c1; c <= c2; c++) w += this.widths[c - 1] ?? 0;
    return w;
  }

  /**
   * A text across columns c1…c2 of a row, merged, the row made tall enough for it as wrapped in that width at
   * its style's font size: a text the program writes never grows its row by itself, and a short row clips it.
   */
  text(row: number, c1: number, c2: number, value: string, style: StyleName): void {
    this.set(row, c1, { value, style });
    this.merge(row, c1, row, c2, style);
    this.setHeight(row, heightFor([[value, this.span(c1, c2)]], STYLES[style].size));
  }

  /** Appends a row and returns its number (from 1). */
  add(height?: number): number {
    this.rows.push({ ...(height !== undefined ? { height } : {}), cells: new Array<PlannedCell | null>(this.width).fill(null) });
    return this.rows.length;
  }

  set(row: number, column: number, cell: PlannedCell): void {
    const r = this.rows[row - 1];
    if (r === undefined || column < 1 || column > this.width) throw new Error(`cell ${cellAddress(column, row)} is outside the plan`);
    r.cells[column - 1] = cell;
  }

  /** Fills every cell of a rectangle with a style (so borders and fills cover merged areas) and merges it. */
  merge(r1: number, c1: number, r2: number, c2: number, style: StyleName): void {
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (this.rows[r - 1]?.cells[c - 1] === null) this.set(r, c, { style });
    if (r1 !== r2 || c1 !== c2) this.merges.push(rangeAddress(c1, r1, c2, r2));
  }

  setHeight(row: number, height: number): void {
    const r = this.rows[row - 1];
    if (r !== undefined) r.height = Math.max(r.height ?? 0, height);
  }
}

/** Points as the forms print them: 1.5, 3 — never 3.0. */
export function pts(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

/**
 * A row tall enough for its longest wrapped text: Excel does not grow rows for text written by a program. Widths
 * are in characters of the 10-point body font; a larger font fits fewer characters and needs taller lines.
 */
export function heightFor(texts: [text: string, width: number][], size = 10): number {
  const scale = size / 10;
  let lines = 1;
  for (const [text, width] of texts) {
    const perLine = Math.max(1, (width * 0.95) / scale);
    const count = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
    lines = Math.max(lines, count);
  }
  return Math.round(Math.max(1, lines) * 13.5 * scale + 4);
}
