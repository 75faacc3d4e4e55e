/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 1, AA → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeAddress(c1: number, r1: number, c2: number, r2: number): string {
  return c1 === c2 && r1 === r2 ? cellAddress(c1, r1) : `${cellAddress(c1, r1)}:${cellAddress(c2, r2)}`;
}

/** `B12` → { column: 2, row: 12 }; null when it is not a single A1 cell address. */
export function parseCell(address: string): { column: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(address.trim());
  if (m === null) return null;
  return { column: columnIndex(m[1] as string), row: Number(m[2]) };
}

/** A sheet-qualified address as Excel writes it: `评分表!G12`, `'My sheet'!G12`. */
export function qualified(sheet: string, address: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** Excel's grid: the last column (XFD) and the last row. */
export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

/** `G8:G101`, `G8`, whole columns `A:D` or whole rows `3:5` → its corners; null when it is not an A1 range. */
export function parseRange(range: string): { c1: number; r1: number; c2: number; r2: number } | null {
  const [a = "", b = a] = range.replace(/\$/g, "").split(":");
  const corner = (s: string, last: boolean) => {
    if (/^[A-Za-z]{1,3}$/.test(s)) return { column: columnIndex(s), row: last ? MAX_ROW : 1 };
    if (/^[0-9]+$/.test(s)) return { column: last ? MAX_COLUMN : 1, row: Number(s) };
    return parseCell(s);
  };
  const first = corner(a, false);
  const second = corner(b, true);
  if (first === null || second === null) return null;
  return { c1: Math.min(first.column, second.column), r1: Math.min(first.row, second.row), c2: Math.max(first.column, second.column), r2: Math.max(first.row, second.row) };
}
