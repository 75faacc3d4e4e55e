import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { recalculateWithLibreOffice } from "./libreoffice";

type Value = string | number | boolean | null;

/**
 * The in-memory Excel's calculator, done by a real spreadsheet: the sheet's cells (constants and formulas) go into
 * an .xlsx, LibreOffice headless recalculates and saves it, and the formula cells' results come back. So a test
 * can compare "the total the spreadsheet computed from its own formulas" with the engine's, as the self-test does
 * in Excel. A few seconds a call: use it where that comparison is the point.
 */
export async function calculateWithLibreOffice(cells: { address: string; value: Value; formula: string | null }[]): Promise<Record<string, Value>> {
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-calc-"));
  try {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("calc");
    for (const c of cells) {
      if (c.formula !== null) ws.getCell(c.address).value = { formula: c.formula.slice(1) } as ExcelJS.CellFormulaValue;
      else if (c.value !== null) ws.getCell(c.address).value = c.value;
    }
    const input = path.join(dir, "in", "sheet.xlsx");
    const output = path.join(dir, "out");
    mkdirSync(path.dirname(input), { recursive: true });
    mkdirSync(output, { recursive: true });
    await book.xlsx.writeFile(input);
    recalculateWithLibreOffice([input], output);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path.join(output, "sheet.xlsx"));
    const result: Record<string, Value> = {};
    const sheet = back.worksheets[0];
    for (const c of cells) {
      if (c.formula === null) continue;
      const v = sheet?.getCell(c.address).value as { result?: unknown } | Value | undefined;
      const r = v !== null && typeof v === "object" ? v.result : v;
      result[c.address] = typeof r === "number" || typeof r === "string" || typeof r === "boolean" ? r : null;
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
