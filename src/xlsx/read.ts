import { columnLetter } from "../sheets/address";
import { decodeMeta, META_SHEET, metaText, type MetaEntry } from "../sheets/meta";
import { WorkbookError, type SavedSheet, type SavedWorkbook } from "./saved";

export interface LaidOutSheet {
  meta: MetaEntry;
  sheet: SavedSheet;
  /** The sheet's name now (the user may have renamed it since it was laid out). */
  name: string;
}

/** The most cells a layout record may span (B, C, …): 64 × 30,000 characters, far more than any scheme's. */
const MAX_META_CELLS = 64;

/** The layout record of a metadata row, its cells from B joined (a large scheme's record spans several; sheets/meta.ts). */
export function metaRecord(meta: SavedSheet, row: number): string {
  const cells: unknown[] = [];
  for (let c = 2; c < 2 + MAX_META_CELLS; c++) {
    const v = meta.read(`${columnLetter(c)}${row}`);
    if (typeof v !== "string" || v === "") break;
    cells.push(v);
  }
  return metaText(cells);
}

/** The StarScore sheets of a workbook, found through its metadata (by recorded name, else by title). */
export function laidOutSheets(wb: SavedWorkbook): LaidOutSheet[] {
  const meta = wb.sheet(META_SHEET);
  if (meta === undefined) throw new WorkbookError("不是 StarScore 生成的工作簿（缺少布局元数据）/ not a StarScore workbook (no layout metadata)");
  const found: LaidOutSheet[] = [];
  const problems: string[] = [];
  for (let r = 2; r <= meta.lastRow(); r++) {
    if (meta.read(`B${r}`) === null) continue;
    const decoded = decodeMeta(metaRecord(meta, r));
    if (!decoded.ok) {
      problems.push(decoded.reason);
      continue;
    }
    const entry = decoded.entry;
    const sheet = wb.sheet(entry.sheet) ?? wb.sheets.find((ws) => ws.name !== META_SHEET && entry.title !== "" && ws.read("A1") === entry.title);
    if (sheet === undefined) problems.push(`sheet "${entry.sheet}" is gone`);
    else found.push({ meta: entry, sheet, name: sheet.name });
  }
  if (found.length === 0) {
    throw new WorkbookError(`布局元数据无法使用 / layout metadata unusable${problems.length > 0 ? `: ${problems.join("; ")}` : ""}`);
  }
  return found;
}
