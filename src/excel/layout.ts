import { columnIndex, columnLetter, parseCell, rangeAddress } from "../sheets/address";
import type { CellWrite } from "../sheets/cells";
import { decodeMeta, encodeMeta, metaCells, metaText, META_SHEET, type MetaEntry } from "../sheets/meta";
import { STYLES } from "../sheets/styles";
import type { PlannedColumn, PlannedValidation, SheetPlan, StyleName } from "../sheets/types";
import { asText } from "./text";

/**
 * Turns a SheetPlan into Office.js calls. It holds no rule: layout lives in the plan. Every `context.sync()`
 * can be a network round trip in Excel on the web, so a layout takes two whatever the number of clauses:
 * one to read what exists (sheet names, metadata), one to write everything as whole ranges.
 */

/** Character widths (as the plan gives them) to points, as Excel's default font measures them. */
const POINTS_PER_CHAR = 5.6;

/** What a layout needs to know of the workbook, read in one sync: the sheets' names and ids. */
export interface WorkbookState {
  sheetNames: string[];
  /** Sheet name → Excel's worksheet id, which survives a rename. */
  ids: Record<string, string>;
  metaExists: boolean;
}

/** A name no sheet has yet (Excel compares sheet names case-insensitively): 评分表, 评分表 (2), … */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Queues the load of every sheet's name and id: sync once, then `stateFrom`. Nothing is called on the metadata
 * sheet here: on a fresh workbook it does not exist, and what Excel does with a method called on a null object
 * (`getItemOrNullObject(…).getUsedRangeOrNullObject()`) is not documented.
 */
export function queueStateLoads(context: Excel.RequestContext): Excel.WorksheetCollection {
  return context.workbook.worksheets.load("items/name,items/id");
}

/** Reads what the load brought back; call only after the sync that followed `queueStateLoads`. */
export function stateFrom(sheets: Excel.WorksheetCollection): WorkbookState {
  const sheetNames = sheets.items.map((s) => s.name);
  return {
    sheetNames,
    ids: Object.fromEntries(sheets.items.map((s) => [s.name, s.id])),
    metaExists: sheetNames.some((n) => n.toLowerCase() === META_SHEET.toLowerCase()),
  };
}

/** The StarScore sheets the metadata sheet's rows record (its first row is a title; a record may span B, C, …). */
export function laidOutFrom(rows: readonly (readonly unknown[])[]): MetaEntry[] {
  const laidOut: MetaEntry[] = [];
  for (const row of rows.slice(1)) {
    const decoded = decodeMeta(metaText(row.slice(1)));
    if (decoded.ok) laidOut.push(decoded.entry);
  }
  return laidOut;
}

/** The grid of formulas and constants `range.formulas` takes: "" for empty cells on a new sheet. */
function formulaGrid(plan: SheetPlan, fill: readonly CellWrite[]): (string | number | boolean)[][] {
  const grid = plan.rows.map((row) => row.cells.map((c) => (c === null ? "" : (c.formula ?? asText(c.value ?? "")))));
  for (const w of fill) {
    const at = parseCell(w.address);
    const row = at === null ? undefined : grid[at.row - 1];
    if (at !== null && row !== undefined && at.column <= row.length) row[at.column - 1] = asText(w.value ?? "");
  }
  return grid;
}

const hex = (rgb: string) => `#${rgb}`;

/** A rectangle of cells that share a style: rows r1…r2, columns c1…c2 (1-based). */
export interface StyleBlock {
  style: StyleName;
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

/**
 * The plan's styled cells as few rectangles: each row's runs of one style, joined with the run above when it
 * spans the same columns. A form is mostly columns of one style between group rows, so the count follows the
 * sections, not the items: maturity has 56 blocks, and 56 at ten times its items. Empty cells keep Excel's defaults.
 */
export function styleBlocks(plan: SheetPlan): StyleBlock[] {
  const blocks: StyleBlock[] = [];
  /** The blocks that reach the row above, by their columns. */
  let above = new Map<string, StyleBlock>();
  plan.rows.forEach((row, i) => {
    const r = i + 1;
    const here = new Map<string, StyleBlock>();
    let run: { style: StyleName; c1: number; c2: number } | null = null;
    const close = () => {
      if (run === null) return;
      const key = `${run.c1}:${run.c2}:${run.style}`;
      const open = above.get(key);
      if (open !== undefined) {
        open.r2 = r;
        here.set(key, open);
      } else {
        const block = { style: run.style, r1: r, r2: r, c1: run.c1, c2: run.c2 };
        blocks.push(block);
        here.set(key, block);
      }
      run = null;
    };
    row.cells.forEach((cell, j) => {
      const c = j + 1;
      if (cell === null || run?.style !== cell.style) close();
      if (cell === null) return;
      if (run === null) run = { style: cell.style, c1: c, c2: c };
      else run.c2 = c;
    });
    close();
    above = here;
  });
  return blocks;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/**
 * Queues the formats of the sheet one block at a time: a property set on a range applies to all its cells, so the
 * request grows with the number of blocks, not of cells (formats set per cell made 4.2 MB of the 5 MB a request
 * may carry, for maturity at ten times its items).
 */
function queueFormats(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const b of styleBlocks(plan)) {
    const s = STYLES[b.style];
    const address = rangeAddress(b.c1, b.r1, b.c2, b.r2);
    const f = sheet.getRange(address).format;
    f.font.bold = s.bold;
    f.font.size = s.size;
    if (s.fontColor !== null) f.font.color = hex(s.fontColor);
    if (s.fill !== null) f.fill.color = hex(s.fill);
    f.wrapText = s.wrap;
    f.horizontalAlignment = s.hAlign === "left" ? "Left" : s.hAlign === "center" ? "Center" : "Right";
    f.verticalAlignment = s.vAlign === "top" ? "Top" : "Center";
    f.protection.locked = s.locked;
    if (s.numberFormat !== "General") sheet.getRange(address).numberFormat = Array.from({ length: b.r2 - b.r1 + 1 }, () => Array.from({ length: b.c2 - b.c1 + 1 }, () => s.numberFormat));
    if (s.border) {
      const edges = [...EDGES, ...(b.r2 > b.r1 ? ["InsideHorizontal" as const] : []), ...(b.c2 > b.c1 ? ["InsideVertical" as const] : [])];
      for (const edge of edges) {
        const border = f.borders.getItem(edge);
        border.style = "Continuous";
        border.color = "#BFBFBF";
      }
    }
  }
}

/** A4 is 297 mm wide; Excel's Normal margins leave 0.7 inch on each side: the width a landscape A4 page prints, in points. */
const A4_LANDSCAPE_PRINTABLE = (297 / 25.4) * 72 - 2 * 0.7 * 72;

/**
 * The print scale that fits the form's columns on the width of one landscape A4 page, as a percentage (10–100).
 * Office.js's fit-to-pages zoom is not applied unless the user has the Page Layout tab open
 * (OfficeDev/office-js#1860, in backlog); a scale is. The widths are the ones the layout sets, in points.
 */
export function fitToWidthScale(columns: readonly PlannedColumn[]): number {
  const width = columns.filter((c) => !c.hidden).reduce((sum, c) => sum + c.width * POINTS_PER_CHAR, 0);
  if (width <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((A4_LANDSCAPE_PRINTABLE / width) * 100)));
}

/** The rule of a validation; null for one that only carries an input message. */
function dataValidationRule(v: PlannedValidation): Excel.DataValidationRule | null {
  switch (v.rule.kind) {
    case "any":
      return null;
    case "list":
      // ASCII commas: Excel splits a list source on "," only.
      return { list: { inCellDropDown: true, source: v.rule.values.join(",") } };
    case "decimal":
      return {
        decimal: {
          formula1: v.rule.min,
          formula2: typeof v.rule.max === "number" ? v.rule.max : `=${v.rule.max}`,
          operator: "Between",
        },
      };
    case "custom":
      return { custom: { formula: `=${v.rule.formula}` } };
  }
}

/**
 * Queues every write of a laid-out sheet: values and formulas, number formats, cell formats, widths and
 * heights, merges, validation, conditional formats, print setup, freeze, protection and the metadata row.
 * Nothing here syncs; the caller syncs once.
 */
export function queueLayout(
  context: Excel.RequestContext,
  plan: SheetPlan,
  fill: readonly CellWrite[],
  state: WorkbookState,
  title: string,
): { name: string; sheet: Excel.Worksheet } {
  const name = freeSheetName(plan.sheetName, state.sheetNames);
  const sheet = queueSheet(context, plan, fill, name);
  const meta = state.metaExists ? context.workbook.worksheets.getItem(META_SHEET) : context.workbook.worksheets.add(META_SHEET);
  if (!state.metaExists) {
    meta.getRange("A1").values = [[asText("StarScore 星级评分 — 布局元数据，请勿修改 / layout metadata, do not edit")]];
    // Hidden once, when it is made: setting visibility clears the undo history in Excel on Windows and on Mac
    // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
    meta.visibility = "VeryHidden";
  }
  // The row under the last one used, found by Excel as the batch runs: no read of the metadata sheet is needed.
  const cells = metaCells(encodeMeta(name, title, plan.layout));
  const next = meta.getUsedRange(true).getLastRow().getCell(0, 0).getOffsetRange(1, 0).getResizedRange(0, cells.length);
  next.values = [[asText(name), ...cells.map(asText)]];
  sheet.activate();
  return { name, sheet };
}

/** Queues the sheet itself, named `name`, without recording it in the metadata sheet (the self-test's scratch sheet). */
export function queueSheet(context: Excel.RequestContext, plan: SheetPlan, fill: readonly CellWrite[], name: string): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(name);
  const width = plan.columns.length;
  const all = sheet.getRange(rangeAddress(1, 1, width, plan.rows.length));
  all.formulas = formulaGrid(plan, fill);
  queueFormats(sheet, plan);
  all.setColumnProperties(plan.columns.map((c) => ({ format: { columnWidth: c.width * POINTS_PER_CHAR }, ...(c.hidden ? { columnHidden: true } : {}) })));
  all.setRowProperties(plan.rows.map((r) => (r.height !== undefined ? { format: { rowHeight: r.height } } : {})));
  for (const m of plan.merges) sheet.getRange(m).merge(false);
  for (const v of plan.validations) {
    const range = sheet.getRange(v.range);
    const rule = dataValidationRule(v);
    // An input message needs no rule: Excel shows it on a cell that takes any value (DataValidation.prompt, ExcelApi 1.8).
    if (rule !== null) range.dataValidation.rule = rule;
    range.dataValidation.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    if (rule !== null) range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
  }
  for (const cf of plan.conditionalFormats) {
    const format = sheet.getRange(cf.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${cf.formula}`;
    format.custom.format.fill.color = `#${cf.fill}`;
    if (cf.fontColor !== undefined) format.custom.format.font.color = `#${cf.fontColor}`;
  }
  sheet.pageLayout.orientation = "Landscape";
  sheet.pageLayout.paperSize = "A4";
  sheet.pageLayout.zoom = { scale: fitToWidthScale(plan.columns) };
  sheet.pageLayout.setPrintTitleRows(`$${plan.print.titleRows[0]}:$${plan.print.titleRows[1]}`);
  // A page break before the top-left cell of the range given (PageBreakCollection.add, ExcelApi 1.9): one call per
  // break, whatever the number of clauses. The scale above is a zoom, not fit-to-pages, so Excel keeps the breaks.
  for (const start of plan.print.pageStarts) sheet.horizontalPageBreaks.add(`A${start}`);
  sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = plan.print.footer;
  sheet.freezePanes.freezeRows(plan.freezeRows);
  // No password: the lock guards the structure against slips; entry cells are unlocked.
  sheet.protection.protect(PROTECTION);
  return sheet;
}

/** How a laid-out sheet is protected: no password; rows and columns may be resized. */
export const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatRows: true, allowFormatColumns: true, selectionMode: "Normal" };

/** The address of a laid-out sheet's whole area, for a single load of its values. */
export function usedArea(entry: MetaEntry): string {
  const rowOf = (a: string | undefined) => Number(/[0-9]+$/.exec(a ?? "")?.[0] ?? 0);
  // Header fields and the members table may lie below the results (the audit form's 审查报告信息 block).
  const lastRow = Math.max(
    entry.layout.lastItemRow,
    ...Object.values(entry.layout.results).map(rowOf),
    ...Object.values(entry.layout.header).map(rowOf),
    entry.layout.team?.lastRow ?? 0,
  );
  const lastColumn = Math.max(
    ...[...Object.values(entry.layout.entryColumns), ...Object.values(entry.layout.structureColumns), entry.layout.lastColumn]
      .filter((c): c is string => c !== undefined)
      .map(columnIndex),
  );
  return `A1:${columnLetter(lastColumn)}${lastRow + 40}`;
}
