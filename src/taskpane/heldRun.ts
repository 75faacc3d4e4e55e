import type { Run } from "../excel/session";

/** How long a batch may wait before the pane says a cell in edit mode may be holding it. */
export const HELD_AFTER_MS = 1500;

/**
 * Wraps the pane's Run so that a batch still waiting after HELD_AFTER_MS sets `onHeld(true)` until it settles.
 * The pane runs every batch with `delayForCellEdit: true` (Excel.RunOptions): while the user is editing a cell
 * Excel holds the batch until the edit ends, and clicking the pane does not end it (OfficeDev/office-js#806),
 * so without a word the pane would just look stuck.
 */
export function heldRun(run: Run, onHeld: (held: boolean) => void): Run {
  let pending = 0;
  return async (batch, on) => {
    pending += 1;
    const timer = setTimeout(() => onHeld(true), HELD_AFTER_MS);
    try {
      return await run(batch, on);
    } finally {
      clearTimeout(timer);
      pending -= 1;
      if (pending === 0) onHeld(false);
    }
  };
}
