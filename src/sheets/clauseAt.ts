import { parseCell } from "./address";
import type { MetaEntry } from "./meta";

type Layout = MetaEntry["layout"];

/**
 * The clause whose item row a selection lies in, from the sheet's layout alone (nothing is read from the sheet):
 * `G12` or `B12:H12` on an item row (or within an item's rows, as the merged clause text `C12:C14` is selected) gives its
 * clause; a selection across items, whole columns or rows (`G:G`, `12:12`), or any cell outside the item rows
 * gives null. `address` is as Excel reports a selection, without the sheet's name (an `Sheet!` prefix is ignored
 * all the same).
 */
export function clauseAt(layout: Layout, address: string): string | null {
  const plain = address.slice(address.lastIndexOf("!") + 1);
  const [from = "", to = from] = plain.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  if (a === null || b === null) return null;
  const top = Math.min(a.row, b.row);
  const bottom = Math.max(a.row, b.row);
  // An item may span rows (the self form's material lines): a selection within them is that item's.
  return layout.items.find((i) => i.row <= top && bottom <= (i.lastRow ?? i.row))?.clause ?? null;
}

/**
 * The header field (申报级别, 审查类型, …) whose cell a selection starts at, from the layout alone: `F3`, or `F3:G3`
 * where the field's cell is merged; null anywhere else.
 */
export function headerFieldAt(layout: Layout, address: string): string | null {
  const plain = address.slice(address.lastIndexOf("!") + 1);
  const first = parseCell(plain.split(":")[0] ?? "");
  if (first === null) return null;
  return Object.entries(layout.header).find(([, cell]) => {
    const at = parseCell(cell);
    return at !== null && at.row === first.row && at.column === first.column;
  })?.[0] ?? null;
}
