import { fileReferences, type FileReference } from "../review/evidenceFiles";
import type { Scheme } from "../scheme/load";
import { layoutVersion } from "../sheets/meta";
import { scoreSheet, type ScoredSheet } from "../sheets/scoreSheet";
import type { SheetLayout } from "../sheets/types";
import { resultName } from "../scoring/levels";
import { chooseForm, formFindings, laidOutSheets, type LaidOutSheet } from "./read";
import { openWorkbook, WorkbookError, type SavedSheet, type SavedWorkbook } from "./saved";

/** Where schemes come from: a loaded map, or a loader that reads a scheme when a file first names it. */
export type SchemeSource = Pick<ReadonlyMap<string, Scheme>, "get">;

export interface ScoredWorkbook extends ScoredSheet {
  sheet: LaidOutSheet;
  scheme: Scheme;
}

/**
 * Scores the sheet of a workbook a reviewer sees (chooseForm) through `layout`, each cell counted as the sheet's
 * formulas count it and shown as its format shows it; any other sheet that looks like the form is named in a finding
 * (formFindings) with what its own entries give. The findings that name sheets come first.
 */
export function scoreForm(wb: SavedWorkbook, laid: LaidOutSheet, scheme: Scheme, layout: SheetLayout): ScoredSheet & { form: LaidOutSheet } {
  const { scored: form, twins } = chooseForm(wb, laid);
  const version = layoutVersion(laid.meta);
  const scored = scoreSheet(scheme, layout, form.sheet.read, form.name, version, form.sheet.format);
  const scoreOf = (sheet: SavedSheet) => {
    const card = scoreSheet(scheme, layout, sheet.read, sheet.name, version).card;
    return { total: card.total, level: resultName(card, scheme, "zh") };
  };
  const sheets = formFindings(form, twins, scoreOf);
  return { ...scored, card: sheets.length === 0 ? scored.card : { ...scored.card, findings: [...sheets, ...scored.card.findings] }, form };
}

/** Scores the first StarScore sheet of a workbook against the scheme its metadata names (scoreForm). */
export function scoreWorkbook(wb: SavedWorkbook, schemes: SchemeSource): ScoredWorkbook {
  const [laid] = laidOutSheets(wb);
  if (laid === undefined) throw new WorkbookError("没有 StarScore 工作表 / no StarScore sheet");
  const scheme = schemes.get(laid.meta.layout.schemeId);
  if (scheme === undefined) throw new WorkbookError(`未知方案 unknown scheme "${laid.meta.layout.schemeId}"`);
  const { form, ...scored } = scoreForm(wb, laid, scheme, laid.meta.layout);
  return { ...scored, sheet: form, scheme };
}

/**
 * Scores a workbook's bytes (`name` tells WPS's .et from .xls); throws WorkbookError with a one-line reason when
 * they are not a StarScore workbook.
 */
export function scoreXlsx(data: Uint8Array, schemes: SchemeSource, name = ""): ScoredWorkbook {
  return scoreWorkbook(openWorkbook(data, undefined, name), schemes);
}

/** The files a scored workbook's evidence names, by a line's text or an Excel hyperlink on its cell (issue 22). */
export function workbookReferences(w: ScoredWorkbook): FileReference[] {
  return fileReferences(w.scheme, w.assessment, w.sheet.meta.layout, w.sheet.name, w.sheet.sheet.hyperlinks());
}
