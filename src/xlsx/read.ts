import { finding, type Finding } from "../findings/finding";
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

/** A sheet, besides the one scored, that looks like the form: the one the metadata names, or a copy of it. */
export interface FormTwin {
  sheet: SavedSheet;
  /** Whether the metadata names it. */
  named: boolean;
}

/**
 * Which sheet counts, as a reviewer sees the workbook (issue 19): the sheet the metadata names when it is visible;
 * when it is hidden, the first visible sheet that looks like the form (its title in A1) — what Excel shows — or,
 * when there is none, the named sheet itself. Every other sheet that looks like the form is listed, so that the
 * check names both and the verdict is 不一致 (formFindings).
 */
export function chooseForm(wb: SavedWorkbook, laid: LaidOutSheet): { scored: LaidOutSheet; twins: FormTwin[] } {
  const title = laid.meta.title;
  const looksLikeForm = (ws: SavedSheet) => ws !== laid.sheet && ws.name.toLowerCase() !== META_SHEET.toLowerCase() && title !== "" && ws.read("A1") === title;
  const copies = wb.sheets.filter(looksLikeForm);
  const shown = laid.sheet.state === "visible" ? laid.sheet : copies.find((ws) => ws.state === "visible");
  if (shown === undefined || shown === laid.sheet) return { scored: laid, twins: copies.map((sheet) => ({ sheet, named: false })) };
  return {
    scored: { meta: laid.meta, sheet: shown, name: shown.name },
    twins: [{ sheet: laid.sheet, named: true }, ...copies.filter((ws) => ws !== shown).map((sheet) => ({ sheet, named: false }))],
  };
}

/**
 * The findings that name the sheets besides the one scored (chooseForm): the named sheet hidden (SS823), another
 * sheet like the form (SS824), each with what its own entries give (`scoreOf`).
 */
export function formFindings(scored: LaidOutSheet, twins: readonly FormTwin[], scoreOf: (sheet: SavedSheet) => { total: number | null; level: string | null }): Finding[] {
  const out: Finding[] = [];
  const hidden = scored.sheet.state !== "visible" ? scored.sheet : undefined;
  if (hidden !== undefined) out.push(finding("SS823", {}, { sheet: hidden.name, state: hidden.state as "hidden" | "veryHidden", shown: null, total: null, level: null }));
  for (const twin of twins) {
    const { total, level } = scoreOf(twin.sheet);
    if (twin.named && twin.sheet.state !== "visible") {
      out.push(finding("SS823", {}, { sheet: twin.sheet.name, state: twin.sheet.state, shown: scored.name, total, level }));
    } else {
      out.push(finding("SS824", {}, { scored: scored.name, other: twin.sheet.name, state: twin.sheet.state, total, level }));
    }
  }
  return out;
}
