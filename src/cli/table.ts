import { displayWidth } from "../sheets/textWidth";

/** Rows of cells laid out in columns; `align` "r" right-aligns a column. */
export function renderTable(rows: readonly (readonly string[])[], align: readonly ("l" | "r")[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = " ".repeat((widths[i] ?? 0) - displayWidth(cell));
          return align[i] === "r" ? pad + cell : cell + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
