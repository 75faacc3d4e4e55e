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
