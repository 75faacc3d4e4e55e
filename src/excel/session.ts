import type { Scheme } from "../scheme/load";
import { parseCell } from "../sheets/address";
import type { Assessment } from "../scoring/assessment";
import type { Role } from "../scheme/roles";
import type { CellReader, CellWrite } from "../sheets/cells";
import { cellNumber, entryWrites, unplacedEntries, type Unplaced } from "../sheets/fill";
import { layoutVersion, META_FORMAT, META_SHEET, type MetaEntry } from "../sheets/meta";
import { planSheet } from "../sheets/plan";
import { readAssessment } from "../sheets/read";
import { scoreSheet, type ScoredSheet } from "../sheets/scoreSheet";
import { laidOutFrom, queueLayout, queueStateLoads, stateFrom, usedArea } from "./layout";
import { asText } from "./text";

/**
 * What the task pane asks of Excel, each in a fixed number of round trips: reading the workbook's StarScore sheets
 * 1 (2 once the metadata sheet exists), laying out 2, re-laying out 2, a live read 1 (and writes nothing; two
 * sheets for the comparison also 1), selecting a cell 1, writing special items 1, following change and selection
 * events 1 (once per pane; the selected row's clause then comes from the layout, with no read).
 * A sheet is addressed by its Excel id where the pane has one (`key`), so a renamed sheet is still found.
 */

/** A StarScore sheet the metadata records, with its worksheet id (null if no sheet has its name any more). */
export type KnownSheet = MetaEntry & { id: string | null };

/** The StarScore sheets of the open workbook. */
export interface WorkbookSheets {
  sheetNames: string[];
  laidOut: KnownSheet[];
}

/** A live score, with the name the sheet has now (it may have been renamed since it was laid out). */
export type LiveScore = ScoredSheet & { sheet: string };

/** Runs a batch: the pane passes `cb => Excel.run({ delayForCellEdit: true }, cb)` so a user mid-edit is not interrupted. */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, on?: Excel.RequestContext) => Promise<T>;

/**
 * `on`: run the batch on an existing request context, `Excel.run(context, batch)`, as the docs remove an event
 * handler (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
 */
export const excelRun: Run = (batch, on) => (on === undefined ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(on, batch));

/** A CellReader over a 2-D array of values loaded from A1. */
export function valuesReader(values: readonly (readonly unknown[])[]): CellReader {
  return (address) => {
    const at = parseCell(address);
    if (at === null) return null;
    const v = values[at.row - 1]?.[at.column - 1];
    if (v === undefined || v === null || v === "") return null;
    return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : String(v);
  };
}

/** The StarScore sheets of the open workbook and the names of all its sheets: 1 sync, 2 when it holds at least one. */
export async function readWorkbookState(run: Run): Promise<WorkbookSheets> {
  return run(async (context) => {
    const sheets = queueStateLoads(context);
    await context.sync();
    const { sheetNames, metaExists, ids } = stateFrom(sheets);
    if (!metaExists) return { sheetNames, laidOut: [] };
    const used = context.workbook.worksheets.getItem(META_SHEET).getUsedRange(true).load("values");
    await context.sync();
    return { sheetNames, laidOut: laidOutFrom(used.values).map((e) => ({ ...e, id: ids[e.sheet] ?? null })) };
  });
}

/** A laid-out sheet as `layOut` and `relayOut` return it: its name, metadata and worksheet id. */
export interface LaidOut {
  sheet: string;
  entry: MetaEntry;
  id: string;
}

/** Lays a scheme out on a new sheet with a free name, pre-filled with `fill`: 2 syncs. Existing sheets are never touched. */
export async function layOut(run: Run, scheme: Scheme, role: Role, fill: Assessment | null = null): Promise<LaidOut> {
  const plan = planSheet(scheme, role);
  const title = String(plan.rows[0]?.cells[0]?.value ?? "");
  return run(async (context) => {
    const sheets = queueStateLoads(context);
    await context.sync();
    const writes: CellWrite[] = fill === null ? [] : entryWrites(plan, fill);
    const { name, sheet } = queueLayout(context, plan, writes, stateFrom(sheets), title);
    sheet.load("id");
    await context.sync();
    return { sheet: name, id: sheet.id, entry: { format: META_FORMAT, sheet: name, title, layout: plan.layout } };
  });
}

/**
 * Lays an existing StarScore sheet out again from `scheme` (a newer version, say) on a new sheet, keeping
 * every entry by clause id: 2 syncs. The old sheet stays as it is; nothing the user typed is lost. `unplaced`: what
 * the new sheet has no cell for as it was typed (a sample record on a row now without sample cells goes into the
 * row's remark), for the pane to say.
 */
export async function relayOut(run: Run, scheme: Scheme, old: MetaEntry, key: string = old.sheet): Promise<LaidOut & { kept: Assessment; unplaced: Unplaced[] }> {
  const plan = planSheet(scheme, old.layout.role);
  const title = String(plan.rows[0]?.cells[0]?.value ?? "");
  return run(async (context) => {
    const sheets = queueStateLoads(context);
    const kept = await keptEntries(context, scheme, old, key);
    const { name, sheet } = queueLayout(context, plan, entryWrites(plan, kept), stateFrom(sheets), title);
    sheet.load("id");
    await context.sync();
    return { sheet: name, id: sheet.id, entry: { format: META_FORMAT, sheet: name, title, layout: plan.layout }, kept, unplaced: unplacedEntries(plan, kept) };
  });
}

/**
 * Everything typed into a laid-out sheet, by clause id, as the sheet's scheme (now `scheme`) keeps it: the sync of
 * `context` that reads it (with whatever else the caller queued). What a re-layout writes into the new sheet.
 */
export async function keptEntries(context: Excel.RequestContext, scheme: Scheme, old: MetaEntry, key: string = old.sheet): Promise<Assessment> {
  const area = context.workbook.worksheets.getItem(key).getRange(usedArea(old));
  area.load("values");
  await context.sync();
  return { ...readAssessment(old.layout, valuesReader(area.values)), scheme: scheme.id, schemeVersion: scheme.version };
}

/**
 * Reads a laid-out sheet's entries and scores them: 1 sync, no writes. `key` is the sheet's id (or name): the
 * score carries the sheet's name as it is now, so findings point at a renamed sheet correctly.
 */
export async function readLive(run: Run, scheme: Scheme, entry: MetaEntry, key: string = entry.sheet): Promise<LiveScore> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(key).load("name");
    const area = ws.getRange(usedArea(entry));
    area.load("values");
    await context.sync();
    return { ...scoreSheet(scheme, entry.layout, valuesReader(area.values), ws.name, layoutVersion(entry)), sheet: ws.name };
  });
}

/**
 * Reads several laid-out sheets and scores each: both used areas are loaded in one batch, so a self sheet
 * and an audit sheet for the comparison take 1 sync together, not one each. No writes.
 */
export async function readLiveMany(run: Run, sheets: readonly (readonly [Scheme, MetaEntry])[]): Promise<ScoredSheet[]> {
  return run(async (context) => {
    const areas = sheets.map(([, entry]) => {
      const area = context.workbook.worksheets.getItem(entry.sheet).getRange(usedArea(entry));
      area.load("values");
      return area;
    });
    await context.sync();
    return sheets.map(([scheme, entry], i) => scoreSheet(scheme, entry.layout, valuesReader(areas[i]?.values ?? []), entry.sheet, layoutVersion(entry)));
  });
}

/** A self sheet and an audit sheet, read and scored together: 1 sync. */
export async function readLivePair(run: Run, self: readonly [Scheme, MetaEntry], audit: readonly [Scheme, MetaEntry]): Promise<[ScoredSheet, ScoredSheet]> {
  const [a, b] = await readLiveMany(run, [self, audit]);
  if (a === undefined || b === undefined) throw new Error("readLiveMany returned fewer sheets than asked for");
  return [a, b];
}

/** Selects a finding's cell (`评分表!G12` or `G12` on `sheet`): 1 sync. */
export async function selectCell(run: Run, sheet: string, address: string): Promise<void> {
  const bang = address.lastIndexOf("!");
  const target = bang < 0 ? { sheet, cell: address } : { sheet: address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'"), cell: address.slice(bang + 1) };
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(target.sheet);
    ws.activate();
    ws.getRange(target.cell).select();
    await context.sync();
  });
}

/** Writes the special deductions and the bonus into their rows (clearing rows no longer used): 1 sync. */
/**
 * Writes the special deductions and the bonus into their rows (clearing rows no longer used): 1 sync. Texts are
 * written as text (`asText`); the bonus as the number the sheet's formula reads with N(), so "1分" or "１" count
 * there as they count in the engine. Each reason goes into the top-left cell of its row's merged area, the one
 * cell of a merged area that holds a value ("only the contents of the upper-left cell are kept", Excel support,
 * "Merge and unmerge cells"); nothing is written into the rest of the area.
 */
export async function writeSpecials(
  run: Run,
  entry: MetaEntry,
  deductions: NonNullable<Assessment["deductions"]>,
  bonus: Assessment["bonus"],
  key: string = entry.sheet,
): Promise<void> {
  const d = entry.layout.deductions;
  const b = entry.layout.bonus;
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(key);
    if (d !== null) {
      const rows = Array.from({ length: d.lastRow - d.firstRow + 1 }, (_, i) => deductions[i]);
      ws.getRange(`${d.clauseColumn}${d.firstRow}:${d.clauseColumn}${d.lastRow}`).values = rows.map((x) => [asText(x?.clause ?? "")]);
      ws.getRange(`${d.reasonColumn}${d.firstRow}:${d.reasonColumn}${d.lastRow}`).values = rows.map((x) => [asText(x?.reason ?? "")]);
    }
    if (b !== null) {
      ws.getRange(b.points).values = [[asText(cellNumber(bonus?.points, "分") ?? "")]];
      ws.getRange(b.reason).values = [[asText(bonus?.reason ?? "")]];
    }
    await context.sync();
  });
}

/** What a change event tells the pane (Excel.WorksheetChangedEventArgs). */
export interface SheetChange {
  worksheetId: string;
  /** "ThisLocalAddin" for the add-in's own writes (ExcelApi 1.14); undefined on older Excel. */
  triggerSource?: string;
}

/** What a selection event tells the pane (Excel.WorksheetSelectionChangedEventArgs, ExcelApi 1.7): the selected address, without the sheet's name, and the sheet's id. */
export interface SheetSelection {
  worksheetId: string;
  address: string;
}

/** What a calculation event tells the pane (Excel.WorksheetCalculatedEventArgs, ExcelApi 1.8): the sheet's id. */
export interface SheetCalculated {
  worksheetId: string;
}

/** The pane's handlers of the workbook's events; each is registered only when given. */
export interface WorkbookHandlers {
  onChange?: (e: SheetChange) => void;
  onSelect?: (e: SheetSelection) => void;
  onCalculated?: (e: SheetCalculated) => void;
}

/**
 * Registers one workbook-level handler per event the pane follows, all in 1 sync: changes
 * (WorksheetCollection.onChanged, ExcelApi 1.9), selection (WorksheetCollection.onSelectionChanged, ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetselectionchangedeventargs) and calculation
 * (WorksheetCollection.onCalculated, ExcelApi 1.8, https://learn.microsoft.com/javascript/api/excel/excel.worksheetcalculatedeventargs).
 * Calculation is the fallback for live totals: Excel on the web raises no onChanged for a value picked from an
 * in-cell dropdown (OfficeDev/office-js#4066), but the form's formulas recompute after it. The caller routes events
 * by `worksheetId`, so following another sheet needs no new handler, and a sheet renamed, or deleted and laid out
 * again, is followed by its id. Returns the removal of them all (1 sync), for when the pane closes.
 */
export async function watchWorkbook(run: Run, handlers: WorkbookHandlers): Promise<() => Promise<void>> {
  const registrations = await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const r: OfficeExtension.EventHandlerResult<unknown>[] = [];
    const { onChange, onSelect, onCalculated } = handlers;
    if (onChange !== undefined) r.push(worksheets.onChanged.add(async (e) => onChange(e)));
    if (onSelect !== undefined) r.push(worksheets.onSelectionChanged.add(async (e) => onSelect(e)));
    if (onCalculated !== undefined) r.push(worksheets.onCalculated.add(async (e) => onCalculated(e)));
    await context.sync();
    return r;
  });
  return () =>
    run(async (context) => {
      for (const r of registrations) r.remove();
      await context.sync();
    }, registrations[0]?.context as Excel.RequestContext);
}
