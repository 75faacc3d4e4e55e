import ExcelJS from "exceljs";
import type { CellRead } from "../sheets/cells";
import { decodeMeta, META_SHEET, type MetaEntry } from "../sheets/meta";

/** A workbook StarScore cannot use, with a one-line reason (无法读取：…). */
export class WorkbookError extends Error {
  override name = "WorkbookError";
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * What a cell holds as a spreadsheet last computed and saved it: a formula gives its cached result
 * (null when never computed), rich text its plain text, a date its ISO day, an error its code.
 */
export function cellValue(value: ExcelJS.CellValue): CellRead {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return formulaResult((value as ExcelJS.CellFormulaValue).result);
    if ("hyperlink" in value) return typeof value.text === "string" ? value.text : null;
    if ("error" in value) return String(value.error);
  }
  return null;
}

function formulaResult(result: ExcelJS.CellFormulaValue["result"]): CellRead {
  if (result === undefined || result === null) return null;
  if (result instanceof Date) return isoDate(result);
  if (typeof result === "object") return "error" in result ? String(result.error) : null;
  return result;
}

/**
 * A cell's value as last saved. For formula cells this asks `cell.result`: exceljs's `cell.value`
 * drops a cached result of 0, which would turn a computed 0 into "never computed".
 */
export function readCell(cell: ExcelJS.Cell): CellRead {
  if (cell.type === ExcelJS.ValueType.Formula) return formulaResult(cell.result);
  return cellValue(cell.value);
}

/** The formula a cell holds (with "="), or null. */
export function cellFormula(cell: ExcelJS.Cell): string | null {
  const f = cell.formula;
  return typeof f === "string" && f !== "" ? `=${f}` : null;
}

export interface LaidOutSheet {
  meta: MetaEntry;
  sheet: ExcelJS.Worksheet;
  /** The sheet's name now (the user may have renamed it since it was laid out). */
  name: string;
}

/** The StarScore sheets of a workbook, found through its metadata (by recorded name, else by title). */
export function laidOutSheets(wb: ExcelJS.Workbook): LaidOutSheet[] {
  const meta = wb.getWorksheet(META_SHEET);
  if (meta === undefined) throw new WorkbookError("不是 StarScore 生成的工作簿（缺少布局元数据）/ not a StarScore workbook (no layout metadata)");
  const found: LaidOutSheet[] = [];
  const problems: string[] = [];
  meta.eachRow((row, r) => {
    if (r < 2) return;
    const decoded = decodeMeta(cellValue(row.getCell(2).value));
    if (!decoded.ok) {
      problems.push(decoded.reason);
      return;
    }
    const entry = decoded.entry;
    const sheet =
      wb.getWorksheet(entry.sheet) ??
      wb.worksheets.find((ws) => ws.name !== META_SHEET && readCell(ws.getCell("A1")) === entry.title && entry.title !== "");
    if (sheet === undefined) problems.push(`sheet "${entry.sheet}" is gone`);
    else found.push({ meta: entry, sheet, name: sheet.name });
  });
  if (found.length === 0) {
    throw new WorkbookError(`布局元数据无法使用 / layout metadata unusable${problems.length > 0 ? `: ${problems.join("; ")}` : ""}`);
  }
  return found;
}

/**
 * Worksheet parts a reviewer's check never reads. Skipping them makes loading about a third faster, and skipping
 * dataValidations also spares exceljs expanding a validation range into one entry per cell.
 */
export const CHECK_IGNORES = ["dataValidations", "conditionalFormatting", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "drawing", "picture", "tableParts", "extLst", "sheetProtection", "autoFilter", "mergeCells"];

export async function loadWorkbook(data: Buffer | ArrayBuffer, ignoreNodes: readonly string[] = []): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer, { ignoreNodes: [...ignoreNodes] } as Parameters<typeof wb.xlsx.load>[1]);
  return wb;
}
