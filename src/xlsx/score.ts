import type ExcelJS from "exceljs";
import type { Scheme } from "../scheme/load";
import type { CellReader } from "../sheets/cells";
import { scoreSheet, type SheetScore } from "../sheets/score";
import { laidOutSheets, loadWorkbook, readCell, WorkbookError, type LaidOutSheet } from "./read";

export interface WorkbookScore extends SheetScore {
  sheet: LaidOutSheet;
  scheme: Scheme;
}

/** Reads cells of one worksheet by A1 address, as a spreadsheet last saved them. */
export function sheetReader(sheet: ExcelJS.Worksheet): CellReader {
  return (address) => readCell(sheet.getCell(address));
}

/** Scores the first StarScore sheet of a loaded workbook against the scheme its metadata names. */
export function scoreWorkbook(wb: ExcelJS.Workbook, schemes: ReadonlyMap<string, Scheme>): WorkbookScore {
  const [laid] = laidOutSheets(wb);
  if (laid === undefined) throw new WorkbookError("没有 StarScore 工作表 / no StarScore sheet");
  const scheme = schemes.get(laid.meta.layout.schemeId);
  if (scheme === undefined) throw new WorkbookError(`未知方案 unknown scheme "${laid.meta.layout.schemeId}"`);
  return { ...scoreSheet(scheme, laid.meta.layout, sheetReader(laid.sheet), laid.name), sheet: laid, scheme };
}

export async function scoreXlsx(data: Buffer, schemes: ReadonlyMap<string, Scheme>): Promise<WorkbookScore> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(data);
  } catch (e) {
    throw new WorkbookError(`不是可读取的 .xlsx 文件 / not a readable .xlsx file (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
  }
  return scoreWorkbook(wb, schemes);
}
