import ExcelJS from "exceljs";
import type { CellWrite } from "../sheets/cells";
import { encodeMeta, META_SHEET, metaCells } from "../sheets/meta";
import { STYLES, type CellStyle } from "../sheets/styles";
import type { SheetPlan, StyleName, ValidationRule } from "../sheets/types";

const argb = (rgb: string) => `FF${rgb}`;
const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };

function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  return {
    font: { name: "等线", size: s.size, bold: s.bold, ...(s.fontColor !== null ? { color: { argb: argb(s.fontColor) } } : {}) },
    ...(s.fill !== null ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } } } : {}),
    alignment: { wrapText: s.wrap, horizontal: s.hAlign, vertical: s.vAlign },
    numFmt: s.numberFormat,
    protection: { locked: s.locked },
    ...(s.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
  };
}

/** A validation as exceljs writes it; its typings omit "any", which it writes as a rule with no type (input message only). */
type Validation = Omit<ExcelJS.DataValidation, "type"> & { type: ExcelJS.DataValidation["type"] | "any" };

function validation(rule: ValidationRule): Pick<Validation, "type" | "formulae" | "operator"> {
  switch (rule.kind) {
    case "any":
      return { type: "any", formulae: [] };
    case "list":
      // ASCII commas: Excel splits a list source on "," only, never on "，".
      return { type: "list", formulae: [`"${rule.values.join(",")}"`] };
    case "decimal":
      return { type: "decimal", operator: "between", formulae: [rule.min, rule.max] };
    case "custom":
      return { type: "custom", formulae: [rule.formula] };
  }
}

/** The title a workbook's metadata records for a plan: the text of its first cell. */
export function planTitle(plan: SheetPlan): string {
  const value = plan.rows[0]?.cells[0]?.value;
  return typeof value === "string" ? value : "";
}

/**
 * Builds a workbook from a plan, with `fill` written into the entry cells. Formulas are stored without
 * cached results and the workbook asks to be recalculated on load, so Excel, WPS and LibreOffice compute
 * the totals themselves.
 */
export async function workbookFromPlan(plan: SheetPlan, fill: readonly CellWrite[] = [], sheetName = plan.sheetName): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "StarScore 星级评分";
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(sheetName, {
    views: [{ state: "frozen", ySplit: plan.freezeRows, xSplit: 0, showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: plan.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${plan.print.titleRows[0]}:${plan.print.titleRows[1]}`,
    },
    headerFooter: { oddFooter: `&C${plan.print.footer}` },
  });
  ws.columns = plan.columns.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden }));

  const styles = new Map<StyleName, Partial<ExcelJS.Style>>();
  const styleOf = (name: StyleName) => {
    let s = styles.get(name);
    if (s === undefined) styles.set(name, (s = excelStyle(STYLES[name])));
    return s;
  };

  plan.rows.forEach((planned, r) => {
    const row = ws.getRow(r + 1);
    if (planned.height !== undefined) row.height = planned.height;
    planned.cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = row.getCell(c + 1);
      target.style = styleOf(cell.style);
      if (cell.formula !== undefined) target.value = { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
      else if (cell.value !== undefined && cell.value !== null) target.value = cell.value;
    });
  });
  for (const range of plan.merges) ws.mergeCells(range);
  // A manual break under the row before each page start (rowBreaks, brk id = that row), across every column
  // (max 16383, as Excel writes it; exceljs's default is off by a digit).
  for (const start of plan.print.pageStarts) ws.getRow(start - 1).addPageBreak(1, 16384);
  // exceljs writes a range validation as one rule (sqref) but its typings omit `dataValidations`.
  const dataValidations = (ws as unknown as { dataValidations: { add(range: string, v: Validation): void } }).dataValidations;
  for (const v of plan.validations) {
    dataValidations.add(v.range, {
      ...validation(v.rule),
      allowBlank: true,
      showInputMessage: true,
      promptTitle: v.prompt.title,
      prompt: v.prompt.message,
      showErrorMessage: v.rule.kind !== "any",
      errorStyle: "stop",
      errorTitle: v.error.title,
      error: v.error.message,
    });
  }
  for (const cf of plan.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            ...(cf.fontColor !== undefined ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
          },
        },
      ],
    });
  }
  for (const w of fill) ws.getCell(w.address).value = w.value;
  // No password: the lock guards the structure against slips, not against the owner of the file.
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  meta.getCell("A1").value = "StarScore 星级评分 — 布局元数据，请勿修改 / layout metadata, do not edit";
  meta.getCell("A2").value = sheetName;
  // B2, and C2, D2 … when the record is longer than a cell holds (sheets/meta.ts).
  metaCells(encodeMeta(sheetName, planTitle(plan), plan.layout)).forEach((text, i) => (meta.getRow(2).getCell(2 + i).value = text));
  return wb;
}

export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
