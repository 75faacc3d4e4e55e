import ExcelJS from "exceljs";

/** A workbook loaded into exceljs, for a test to alter as a spreadsheet program would (or to compare readers with). */
export async function loadExcel(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}
