import type { Scheme } from "../scheme/load";
import { layoutVersion } from "../sheets/meta";
import { scoreSheet, type ScoredSheet } from "../sheets/scoreSheet";
import { laidOutSheets, type LaidOutSheet } from "./read";
import { openWorkbook, WorkbookError, type SavedWorkbook } from "./saved";

/** Where schemes come from: a loaded map, or a loader that reads a scheme when a file first names it. */
export type SchemeSource = Pick<ReadonlyMap<string, Scheme>, "get">;

export interface ScoredWorkbook extends ScoredSheet {
  sheet: LaidOutSheet;
  scheme: Scheme;
}

/** Scores the first StarScore sheet of a workbook against the scheme its metadata names. */
export function scoreWorkbook(wb: SavedWorkbook, schemes: SchemeSource): ScoredWorkbook {
  const [laid] = laidOutSheets(wb);
  if (laid === undefined) throw new WorkbookError("没有 StarScore 工作表 / no StarScore sheet");
  const scheme = schemes.get(laid.meta.layout.schemeId);
  if (scheme === undefined) throw new WorkbookError(`未知方案 unknown scheme "${laid.meta.layout.schemeId}"`);
  return { ...scoreSheet(scheme, laid.meta.layout, laid.sheet.read, laid.name, layoutVersion(laid.meta)), sheet: laid, scheme };
}

/**
 * Scores a workbook's bytes (`name` tells WPS's .et from .xls); throws WorkbookError with a one-line reason when
 * they are not a StarScore workbook.
 */
export function scoreXlsx(data: Uint8Array, schemes: SchemeSource, name = ""): ScoredWorkbook {
  return scoreWorkbook(openWorkbook(data, undefined, name), schemes);
}
