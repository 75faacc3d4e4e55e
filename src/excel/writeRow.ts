import type { MetaEntry } from "../sheets/meta";
import type { Run } from "./session";
import { asText } from "./text";

/** What the pane's row helper writes for one item: its sample record and the reason for leaving it out. */
export interface RowEntries {
  /** Absent: the row's sample cells are not touched (a qualitative indicator's are locked). */
  checked?: number | null;
  nonconforming?: number | null;
  /** Written into the row's remark cell (the self form's evidence cell), where the reason for 删减 is read from. */
  reason: string;
}

/**
 * Writes one item's 样本数 / 不符合数 and its remark: 1 sync. Counts are written as numbers (null clears the cell),
 * the remark as text (`asText`). Only the cells of that row the layout names are touched; a sheet without sample
 * cells (a scheme that does not score on samples) gets only the remark.
 */
export async function writeRowEntries(run: Run, entry: MetaEntry, clause: string, values: RowEntries, key: string = entry.sheet): Promise<void> {
  const row = entry.layout.items.find((i) => i.clause === clause)?.row;
  if (row === undefined) throw new Error(`no row for clause ${clause} on ${entry.sheet}`);
  const cols = entry.layout.entryColumns;
  const remark = cols.note ?? cols.evidence;
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(key);
    if (cols.checked !== undefined && values.checked !== undefined) ws.getRange(`${cols.checked}${row}`).values = [[values.checked ?? ""]];
    if (cols.nonconforming !== undefined && values.nonconforming !== undefined) ws.getRange(`${cols.nonconforming}${row}`).values = [[values.nonconforming ?? ""]];
    if (remark !== undefined) ws.getRange(`${remark}${row}`).values = [[asText(values.reason)]];
    await context.sync();
  });
}
