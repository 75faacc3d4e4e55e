import { clauseAt } from "../sheets/clauseAt";
import type { MetaEntry } from "../sheets/meta";
import type { SheetSelection } from "./session";

/** The sheet the pane follows: its metadata and its Excel worksheet id (null only if Excel did not give one). */
export interface Followed {
  entry: MetaEntry;
  id: string | null;
}

/**
 * Routes a workbook-level selection event to the followed sheet: the clause of the item row selected there, from
 * the layout (no read, no sync); null for another sheet (by id, so a renamed sheet is still followed), a sheet
 * without an id, or a selection outside the item rows.
 */
export function selectedClause(followed: Followed | null, e: SheetSelection): string | null {
  if (followed === null || followed.id === null || e.worksheetId !== followed.id) return null;
  return clauseAt(followed.entry.layout, e.address);
}
