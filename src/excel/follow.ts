import { clauseAt, headerFieldAt } from "../sheets/clauseAt";
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

/**
 * The cue for a read that no change or calculation event gives: the selection leaving a header cell of the
 * followed sheet (申报级别, 审查类型, …). Excel on the web raises no change event for a value picked from an in-cell
 * dropdown (OfficeDev/office-js#4066), and where no formula reads the cell (审查类型) nothing is recalculated
 * either; the first event after such a pick is the selection moving on — to another cell, or another sheet. Returns
 * a function to call with every selection event (any sheet): true when the pane should read the followed sheet.
 * No sync of its own: the cell's field comes from the layout.
 */
export function headerLeaving(): (followed: Followed | null, e: SheetSelection) => boolean {
  let onHeader: { id: string; address: string } | null = null;
  return (followed, e) => {
    const was = onHeader;
    const here = followed !== null && followed.id !== null && e.worksheetId === followed.id && headerFieldAt(followed.entry.layout, e.address) !== null;
    onHeader = here ? { id: e.worksheetId, address: e.address } : null;
    return was !== null && followed !== null && was.id === followed.id && !(was.id === e.worksheetId && was.address === e.address);
  };
}
