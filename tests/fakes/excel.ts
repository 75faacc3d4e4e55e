/**
 * An in-memory Excel with the Office.js semantics the adapter depends on. Each rule cites the page or
 * OfficeDev/office-js issue it comes from; where the documentation is silent the fake is stricter, and says so
 * ("the fake's choice"). Each has its own test in excel.test.ts.
 * Documented:
 * - properties are readable only after `load()` and `context.sync()` (PropertyNotLoaded before); methods and
 *   property writes are queued and run in order at `sync()`, which is counted ("Application-specific API model",
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model, "load()" and "sync()");
 * - `getItem` of a missing sheet fails with ItemNotFound, `getItemOrNullObject` gives a null object (same page,
 *   "*OrNullObject methods and properties"); a sheet added under a name in use fails with ItemAlreadyExists ("The
 *   resource being created already exists", the error-code table,
 *   https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * - a request or a response larger than 5 MB fails (Request-/ResponsePayloadSizeLimitExceeded): "Excel on the web
 *   has a payload size limit for requests and responses of 5MB" (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 *   the fake enforces it on every platform;
 * - text written through `values` or `formulas` is parsed as if typed (see `typed`, Excel.Range.values);
 * - `protect()` on a protected sheet and `unprotect()` on an unprotected one fail with AccessDenied
 *   (OfficeDev/office-js#6784); a wrong password fails with BadPassword (the error-code table); structure and
 *   format changes on a protected sheet fail unless its options allow them (see `guard`);
 * - the undo history: the calls the "Undo capabilities" page lists as not undoable are recorded in `undoCleared`;
 * - `onChanged` fires for the add-in's own writes too, with `triggerSource: "ThisLocalAddin"`; `onCalculated`
 *   fires only where a change leaves a formula to calculate (see `fireCalculated`); sheets have ids, `getItem`
 *   takes a name or an id, and a sheet can be deleted or renamed by the user under a running pane;
 * - while a cell is in edit mode a batch run with `delayForCellEdit` waits, and one without it fails (RunOptions);
 * - `onSelectionChanged` (sheet and workbook level) fires for the user's selection and the add-in's own `select()`,
 *   with only the address and the worksheet id (Excel.WorksheetSelectionChangedEventArgs);
 * - a fit-to-pages print zoom is not applied (OfficeDev/office-js#1860); a scale is;
 * - `horizontalPageBreaks.add(range)` puts a manual page break before the range's top-left cell (see FakePageBreaks).
 * Platforms differ, and `platform` (which the tests set) says which one this is: on "web" a value picked from an
 * in-cell dropdown raises no onChanged (OfficeDev/office-js#4066, #3888), and `select()` of the cell already
 * selected raises no onSelectionChanged (OfficeDev/office-js#4691); "desktop" raises both.
 * The fake's choice, where no page says what Excel does (each stricter than any Excel could be):
 * - a 2-D write must have the range's exact shape (InvalidArgument; no single value spread over a range);
 * - sheet names are compared case-insensitively (more names refused, never fewer);
 * - a failing batch keeps what was applied before the failure: no rollback, so the adapter must cope with a
 *   half-done batch;
 * - a method on a null object fails at sync; a value written inside a merged area, off its top-left cell, fails;
 *   a text longer than a cell holds (32,767 characters) fails; a chart needs 2 × 2 cells;
 * - no onCalculated when nothing depends on the change; only same-sheet references count.
 * It computes formulas only through a `calculator` a test plugs in (LibreOffice in tests/support/calculate.ts);
 * without one, `values` of a formula cell read as null.
 * For the self-test's tests it can fail silently (`silent`): an operation that reports success and does nothing.
 */

import type { Run } from "../../src/excel/session";

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

type Value = string | number | boolean | null;

/**
 * What `onChanged` hands its handlers: the fields of Excel.WorksheetChangedEventArgs the pane reads.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs — `worksheetId` (ExcelApi 1.7),
 * `triggerSource` (ExcelApi 1.14: "ThisLocalAddin" when this add-in's own write raised it, "Unknown" otherwise).
 */
export interface ChangeEvent {
  address: string;
  worksheetId: string;
  source: "Local" | "Remote";
  triggerSource: "ThisLocalAddin" | "Unknown";
  changeType: "RangeEdited";
  type: "WorksheetChanged";
}

type ChangeHandler = (e: ChangeEvent) => Promise<unknown> | unknown;

/**
 * What `onSelectionChanged` hands its handlers: Excel.WorksheetSelectionChangedEventArgs (ExcelApi 1.7),
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetselectionchangedeventargs — `address`, "the range
 * address that represents the selected area of a specific worksheet" (no sheet name), `worksheetId`, "the ID of the
 * worksheet in which the selection changed", and `type`. Nothing else: no values, no active cell.
 */
export interface SelectionEvent {
  address: string;
  worksheetId: string;
  type: "WorksheetSelectionChanged";
}

type SelectionHandler = (e: SelectionEvent) => Promise<unknown> | unknown;

/**
 * What `onCalculated` hands its handlers: Excel.WorksheetCalculatedEventArgs (ExcelApi 1.8),
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcalculatedeventargs — `worksheetId` and `type`.
 * Its `address` is ExcelApi 1.11, above what StarScore may use, so the fake leaves it out.
 */
export interface CalculatedEvent {
  worksheetId: string;
  type: "WorksheetCalculated";
}

type CalculatedHandler = (e: CalculatedEvent) => Promise<unknown> | unknown;

/** Where the fake runs: the platforms differ in which events they raise (see the file's comment). */
export type Platform = "desktop" | "web";

/** The silent faults a test can inject: each operation reports success and does nothing (or, for `apostrophe`, keeps it). */
export interface SilentFaults {
  /** `protection.protect()` leaves the sheet unprotected. */
  protect?: boolean;
  /** `worksheet.delete()` leaves the sheet where it is. */
  deleteSheet?: boolean;
  /** `charts.add()` adds no chart. */
  addChart?: boolean;
  /** Text written through `values` keeps its leading apostrophe as part of the value. */
  apostrophe?: boolean;
}

/** Excel.WorksheetProtectionOptions as the fake honours them (the ones the add-in's operations touch). */
export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowEditObjects?: boolean;
  selectionMode?: string;
  [other: string]: unknown;
}

/**
 * Text as Excel takes it when typed, and so when written through `Range.values` or `Range.formulas`:
 * "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value
 * as a formula" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 * number-like and date-like text becomes a number (a date is its serial number); TRUE/FALSE become booleans; a
 * leading apostrophe keeps the rest as text and is not part of the value (it is how a user types text that
 * would otherwise be parsed; `formulas` reads it back without the apostrophe, OfficeDev/office-js#6687).
 * Where the docs are silent the fake is stricter: "+x"/"-x" that is not a number becomes the formula "=+x"/"=-x",
 * whose value the fake leaves uncomputed (Excel shows #NAME?).
 */
export function typed(v: Value): { value: Value; formula: string | null } {
  if (typeof v !== "string") return { value: v, formula: null };
  if (v.startsWith("'")) return { value: v.slice(1) === "" ? null : v.slice(1), formula: null };
  if (v === "") return { value: null, formula: null };
  const t = v.trim();
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?(%)?$/i.exec(t);
  if (number !== null) return { value: Number(t.replace("%", "")) / (number[4] !== undefined ? 100 : 1), formula: null };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date !== null) return { value: (Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - Date.UTC(1899, 11, 30)) / 86_400_000, formula: null };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: null };
  if (v.startsWith("=")) return { value: null, formula: v };
  if (v.startsWith("+") || v.startsWith("-")) return { value: null, formula: `=${v}` };
  return { value: v, formula: null };
}

interface CellData {
  value: Value;
  formula: string | null;
  numberFormat: string;
  /**
   * The cell's format as `range.format` set it, one key per property path: "font.bold", "fill.color",
   * "protection.locked", "borders.EdgeTop.style", … (null: never formatted, Excel's defaults: locked).
   */
  format: Record<string, unknown> | null;
}

interface SheetData {
  /** Excel's worksheet id: stable across renames (Worksheet.id, ExcelApi 1.1). */
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, CellData>;
  merges: string[];
  validations: { range: string; rule: unknown; prompt: unknown; errorAlert: unknown }[];
  conditionalFormats: { range: string; formula: string; fill: string | null; fontColor: string | null }[];
  protected: boolean;
  protectionOptions: ProtectionOptions;
  password: string | null;
  frozenRows: number;
  columnProps: unknown[];
  rowProps: unknown[];
  pageLayout: Record<string, unknown>;
  printTitleRows: string | null;
  /** The rows a manual horizontal page break starts a page at (worksheet.horizontalPageBreaks), in the order added. */
  pageStarts: number[];
  changeHandlers: ChangeHandler[];
  selectionHandlers: SelectionHandler[];
  calculatedHandlers: CalculatedHandler[];
  charts: ChartData[];
}

/** A chart as `worksheet.charts.add` made it: its type, the range its data comes from, and what was set on it. */
export interface ChartData {
  name: string;
  type: string;
  /** The source range's address on this sheet (`K1:L21`). */
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string } | null;
}

/** The chart types Office.js's Excel.ChartType lists that the fake accepts (a typo fails as in Excel). */
const CHART_TYPES = new Set(["Radar", "RadarMarkers", "RadarFilled", "ColumnClustered", "BarClustered", "Line", "Pie", "XYScatter"]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

const MAX_PAYLOAD = 5 * 1024 * 1024;
/** Excel's limit on the characters in one cell. */
const CELL_CHARS = 32_767;

/** The size of a request or response as it travels: its JSON, in UTF-8 bytes. */
const bytes = (x: unknown): number => new TextEncoder().encode(JSON.stringify(x)).length;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function colLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** `A1:C3` → [r1, c1, r2, c2]; throws InvalidArgument on anything else. */
export function parseRange(address: string): [number, number, number, number] {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?$/i.exec(address);
  if (m === null) throw new OfficeError("InvalidArgument", `bad address ${address}`);
  const r1 = Number(m[2]);
  const c1 = colIndex(m[1] as string);
  const r2 = m[4] !== undefined ? Number(m[4]) : r1;
  const c2 = m[3] !== undefined ? colIndex(m[3]) : c1;
  return [Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)];
}

/** Sheet-qualified as Excel writes addresses: `评分表!A1:I60`, `'My sheet'!A1`. */
export function qualify(sheet: string, address: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/**
 * The ranges of its own sheet a formula refers to (`A1`, `$B$2:C9`): string literals, other sheets' references
 * (`表2!A1`, `'My sheet'!A1`) and function names (`LOG10(`) left out; whole columns and rows (`G:G`) are not seen.
 */
export function formulaRefs(formula: string): [number, number, number, number][] {
  const text = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const refs: [number, number, number, number][] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9_.!$':])\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?(?![A-Za-z0-9_(!])/g)) {
    refs.push(parseRange(m[0]));
  }
  return refs;
}

type Box = readonly [number, number, number, number];
/** Whether two ranges ([r1, c1, r2, c2]) share a cell. */
const overlap = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Whether a change of `address` on `s` leaves a formula of `s` to calculate: one written there, or one that refers to it. */
function recalculates(s: SheetData, address: string): boolean {
  const changed = parseRange(address);
  for (const [cell, data] of s.cells) {
    if (data.formula === null) continue;
    if (overlap(parseRange(cell), changed) || formulaRefs(data.formula).some((r) => overlap(r, changed))) return true;
  }
  return false;
}

/** The workbook itself: what persists between batches. */
export class FakeWorkbook {
  readonly sheets: SheetData[] = [];
  selected: { sheet: string; address: string } | null = null;
  active: string | null = null;
  syncCount = 0;
  /** The platform this Excel stands for; tests set it ("desktop" unless set). */
  platform: Platform = "desktop";
  /** Bytes of the largest request sent, as JSON. */
  largestRequest = 0;
  /** Bytes of the largest response returned (what the loads brought back), as JSON. */
  largestResponse = 0;
  /** Handlers of the workbook-level `worksheets.onChanged` (ExcelApi 1.9). */
  changeHandlers: ChangeHandler[] = [];
  /** Handlers of the workbook-level `worksheets.onSelectionChanged` (ExcelApi 1.9). */
  selectionHandlers: SelectionHandler[] = [];
  /** Handlers of the workbook-level `worksheets.onCalculated` (ExcelApi 1.8). */
  calculatedHandlers: CalculatedHandler[] = [];
  /**
   * The calls that cleared the user's undo history, in order. "If you call an unsupported API in your add-in, the
   * user's undo stack is cleared starting from that API call" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities,
   * "Unsupported APIs"): WorksheetProtection.protect and .unprotect and Worksheet.delete everywhere,
   * Worksheet.visibility in Excel on Windows and on Mac (undoable on the web).
   */
  readonly undoCleared: string[] = [];
  /** Silent faults, for the self-test's tests. */
  silent: SilentFaults = {};
  /** A cell is in edit mode (the user double-clicked it and has not pressed Enter or Esc). */
  editing = false;
  private editEnded: (() => void)[] = [];
  /** For a test: an operation (a payload key such as "addChart" or "protect") that fails at sync … */
  failing: string | null = null;
  /** … with this error code. */
  failWith = "GeneralException";
  /** Computes a sheet's formula cells, as Excel's calculation would; without one they read as null. */
  calculator: ((cells: { address: string; value: Value; formula: string | null }[]) => Promise<Record<string, Value>>) | null = null;
  private nextId = 1;
  /** Sheets written since the calculator last ran. */
  readonly stale = new Set<SheetData>();
  /** What the calculator gave, by the cells it was given. */
  private readonly computed = new Map<string, Record<string, Value>>();

  /**
   * Runs the calculator over the sheets written since it last ran (nothing without a calculator); only over
   * `reading` when given, the sheets a sync reads, since what no one reads need not be computed yet.
   */
  async calculate(reading?: ReadonlySet<SheetData>): Promise<void> {
    if (this.calculator === null) return;
    for (const sheet of [...this.stale]) {
      if (reading !== undefined && !reading.has(sheet)) continue;
      this.stale.delete(sheet);
      if (!this.sheets.includes(sheet)) continue;
      const cells = [...sheet.cells].map(([address, c]) => ({ address, value: c.value, formula: c.formula }));
      if (!cells.some((c) => c.formula !== null)) continue;
      // The same cells compute to the same values: a sheet laid out again, or read again unchanged, is not sent twice.
      const key = JSON.stringify(cells);
      const computed = this.computed.get(key) ?? (await this.calculator(cells));
      this.computed.set(key, computed);
      for (const [address, value] of Object.entries(computed)) {
        const cell = sheet.cells.get(address);
        if (cell?.formula !== null && cell !== undefined) cell.value = value;
      }
    }
  }

  addSheet(name: string): SheetData {
    const s: SheetData = {
      id: `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      validations: [],
      conditionalFormats: [],
      protected: false,
      protectionOptions: {},
      password: null,
      frozenRows: 0,
      columnProps: [],
      rowProps: [],
      pageLayout: {},
      printTitleRows: null,
      pageStarts: [],
      changeHandlers: [],
      selectionHandlers: [],
      calculatedHandlers: [],
      charts: [],
    };
    this.sheets.push(s);
    return s;
  }

  /** A sheet by name (case-insensitive, as Excel compares them) or by id, as `worksheets.getItem` takes either. */
  sheet(key: string): SheetData | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  cell(sheet: string, address: string): CellData | undefined {
    return this.sheet(sheet)?.cells.get(address);
  }

  /** What a person typing into a cell does: the value changes and onChanged fires. */
  async userTypes(sheet: string, address: string, value: Value): Promise<void> {
    const s = this.sheet(sheet);
    if (s === undefined) throw new Error(`no sheet ${sheet}`);
    const old = s.cells.get(address);
    s.cells.set(address, { ...typed(value), numberFormat: old?.numberFormat ?? "General", format: old?.format ?? null });
    this.stale.add(s);
    await this.fire(s, address, "Unknown");
    if (recalculates(s, address)) await this.fireCalculated(s);
  }

  /**
   * What a person picking a value from a cell's in-cell dropdown does: the value changes; onChanged fires on
   * "desktop" but not on "web" (OfficeDev/office-js#4066, in backlog, and #3888: "onChange Event Not Triggering When
   * Data in Cell is Updated via a Data Validation Dropdown in Excel for Web"); where a formula of the sheet reads
   * the cell, it recomputes and onCalculated fires on both (see `fireCalculated`). A dropdown offers only its list, so a value not in the cell's list is refused.
   */
  async userPicks(sheet: string, address: string, value: string): Promise<void> {
    const s = this.sheet(sheet);
    if (s === undefined) throw new Error(`no sheet ${sheet}`);
    const [r, c] = parseRange(address);
    const list = s.validations.find((v) => {
      const [r1, c1, r2, c2] = parseRange(v.range);
      return r >= r1 && r <= r2 && c >= c1 && c <= c2;
    })?.rule as { list?: { inCellDropDown?: boolean; source?: string } } | undefined;
    if (list?.list?.inCellDropDown !== true) throw new Error(`${sheet}!${address} has no in-cell dropdown`);
    if (!(list.list.source ?? "").split(",").includes(value)) throw new Error(`${value} is not in the dropdown of ${sheet}!${address}`);
    const old = s.cells.get(address);
    s.cells.set(address, { value, formula: null, numberFormat: old?.numberFormat ?? "General", format: old?.format ?? null });
    this.stale.add(s);
    if (this.platform === "desktop") await this.fire(s, address, "Unknown");
    if (recalculates(s, address)) await this.fireCalculated(s);
  }

  /** onChanged for a sheet's handlers and the workbook-level ones, as Excel raises it after a change. */
  async fire(s: SheetData, address: string, triggerSource: ChangeEvent["triggerSource"]): Promise<void> {
    const e: ChangeEvent = { address, worksheetId: s.id, source: "Local", triggerSource, changeType: "RangeEdited", type: "WorksheetChanged" };
    for (const h of [...s.changeHandlers, ...this.changeHandlers]) await h(e);
  }

  /**
   * onCalculated (Worksheet.onCalculated and WorksheetCollection.onCalculated, ExcelApi 1.8: "Occurs when any
   * worksheet in the workbook is calculated"), raised only after a change that leaves something on the sheet to
   * calculate (`recalculates`): a formula written, or a formula of the sheet that refers to a changed cell. Excel recalculates "cells
   * that Excel has marked as dirty, that is, dependents of volatile or changed data" (Excel.CalculationType,
   * https://learn.microsoft.com/javascript/api/excel/excel.calculationtype; "Excel recalculation",
   * https://learn.microsoft.com/office/client-developer/excel/excel-recalculation). Whether onCalculated fires when
   * nothing depends on the change is not documented: the fake raises none (a value picked from a header dropdown no
   * formula reads raises no event at all on the web). Only references on the same sheet count, and no function is
   * treated as volatile: both give fewer events, never more.
   */
  async fireCalculated(s: SheetData): Promise<void> {
    const e: CalculatedEvent = { worksheetId: s.id, type: "WorksheetCalculated" };
    for (const h of [...s.calculatedHandlers, ...this.calculatedHandlers]) await h(e);
  }

  /** What a person clicking a cell (or dragging over a range) does: the selection moves and onSelectionChanged fires. */
  async userSelects(sheet: string, address: string): Promise<void> {
    const s = this.sheet(sheet);
    if (s === undefined) throw new Error(`no sheet ${sheet}`);
    this.selected = { sheet: s.name, address };
    this.active = s.name;
    await this.fireSelection(s, address);
  }

  /**
   * onSelectionChanged for a sheet's handlers (Worksheet.onSelectionChanged, ExcelApi 1.7) and the workbook-level
   * ones (WorksheetCollection.onSelectionChanged, ExcelApi 1.9), "when the active cell or selected range is changed"
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events, table "Events in Excel"). Raised for
   * the add-in's own `select()` too, after its batch: the same page (section "Events triggers") counts add-in code
   * among what triggers events. The event carries only the address and the sheet's id, so a handler that wants the
   * cells must read them itself.
   */
  async fireSelection(s: SheetData, address: string): Promise<void> {
    const e: SelectionEvent = { address, worksheetId: s.id, type: "WorksheetSelectionChanged" };
    for (const h of [...s.selectionHandlers, ...this.selectionHandlers]) await h(e);
  }

  /** The user deletes a sheet under the running pane: its handlers go with it. */
  userDeletes(name: string): void {
    const s = this.sheet(name);
    if (s === undefined) throw new Error(`no sheet ${name}`);
    this.sheets.splice(this.sheets.indexOf(s), 1);
  }

  /** The user renames a sheet under the running pane: its id and handlers stay. */
  userRenames(name: string, to: string): void {
    const s = this.sheet(name);
    if (s === undefined) throw new Error(`no sheet ${name}`);
    s.name = to;
  }

  /** The user double-clicks a cell (edit mode) … */
  startEdit(): void {
    this.editing = true;
  }

  /** … and presses Enter: batches held by the edit run. */
  endEdit(): void {
    this.editing = false;
    for (const go of this.editEnded.splice(0)) go();
  }

  /**
   * RunOptions.delayForCellEdit (https://learn.microsoft.com/javascript/api/excel/excel.runoptions): "When true, …
   * if the user is in cell edit mode the batch request is delayed until the user exits cell edit mode"; when false
   * (the default) the batch "automatically fails". Clicking the task pane does not end the edit (office-js#806).
   */
  async waitForEdit(delay: boolean): Promise<void> {
    if (!this.editing) return;
    if (!delay) throw new OfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    await new Promise<void>((go) => this.editEnded.push(go));
  }

  /** `Excel.run` for this workbook, with or without options as Office.js takes them. */
  run: {
    <T>(batch: (context: FakeContext) => Promise<T>): Promise<T>;
    <T>(options: object, batch: (context: FakeContext) => Promise<T>): Promise<T>;
  } = async <T>(first: object | ((context: FakeContext) => Promise<T>), second?: (context: FakeContext) => Promise<T>): Promise<T> => {
    const batch = (typeof first === "function" ? first : second) as (context: FakeContext) => Promise<T>;
    // Excel.run(context, batch): a batch on an existing context, as removing an event handler is done.
    if (first instanceof FakeContext) return batch(first);
    const delay = typeof first === "object" && (first as { delayForCellEdit?: boolean }).delayForCellEdit === true;
    return batch(new FakeContext(this, delay));
  };
}

type Op = { payload: unknown; apply: () => void };

/** A loadable proxy: properties readable only once loaded and synced. */
class Loadable {
  protected loaded = new Set<string>();
  protected pending = new Set<string>();
  constructor(protected readonly context: FakeContext) {}
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : Array.isArray(props) ? props : [];
    for (const p of list) this.pending.add(p);
    this.context.queueLoad(this);
    return this;
  }
  /** Called at sync: copies state into the proxy. */
  resolve(): void {
    for (const p of this.pending) this.loaded.add(p);
    this.pending.clear();
  }
  /** What the sync brought back for this object, for the response's size. */
  response(): unknown {
    return {};
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new OfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
}

export class FakeContext {
  private ops: Op[] = [];
  private loads = new Set<Loadable>();
  /** Ranges this batch wrote, for the change events Excel raises after it. */
  private changed: [SheetData, string][] = [];
  /** The range this batch selected, for the selection event Excel raises after it. */
  private selectedNow: [SheetData, string] | null = null;
  readonly workbook: FakeWorkbookApi;
  constructor(
    readonly book: FakeWorkbook,
    private readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbookApi(this);
  }

  wrote(sheet: SheetData, address: string): void {
    this.changed.push([sheet, address]);
    this.book.stale.add(sheet);
  }

  didSelect(sheet: SheetData, address: string): void {
    this.selectedNow = [sheet, address];
  }

  queue(payload: unknown, apply: () => void): void {
    this.ops.push({ payload, apply });
  }

  queueLoad(target: Loadable): void {
    this.loads.add(target);
  }

  async sync(): Promise<void> {
    this.book.syncCount += 1;
    const ops = this.ops;
    const loads = [...this.loads];
    this.ops = [];
    this.loads = new Set();
    await this.book.waitForEdit(this.delayForCellEdit);
    const request = bytes(ops.map((o) => o.payload));
    this.book.largestRequest = Math.max(this.book.largestRequest, request);
    if (request > MAX_PAYLOAD) throw new OfficeError("RequestPayloadSizeLimitExceeded", `the request is ${request} bytes`);
    try {
      for (const op of ops) {
        const failing = this.book.failing;
        if (failing !== null && typeof op.payload === "object" && op.payload !== null && failing in op.payload) throw new OfficeError(this.book.failWith, `${failing} failed (as the test configured)`);
        op.apply();
      }
    } finally {
      // Excel raises onChanged after the batch, for the add-in's own writes too (triggerSource ThisLocalAddin),
      // then onCalculated once for each sheet with formulas that the batch changed.
      const changed = this.changed.splice(0);
      // What the batch leaves to calculate, as it stands after the batch.
      const calculated = [...new Set(changed.map(([s]) => s))].filter((sheet) => changed.some(([s, address]) => s === sheet && recalculates(sheet, address)));
      const selected = this.selectedNow;
      this.selectedNow = null;
      if (changed.length > 0 || selected !== null) setTimeout(() => void (async () => {
        for (const [sheet, address] of changed) if (this.book.sheets.includes(sheet)) await this.book.fire(sheet, address, "ThisLocalAddin");
        for (const sheet of calculated) if (this.book.sheets.includes(sheet)) await this.book.fireCalculated(sheet);
        if (selected !== null && this.book.sheets.includes(selected[0])) await this.book.fireSelection(selected[0], selected[1]);
      })(), 0);
    }
    await this.book.calculate(new Set(loads.flatMap((l) => (l instanceof FakeRange ? l.sheetRead() : []))));
    for (const l of loads) l.resolve();
    const response = bytes(loads.map((l) => l.response()));
    this.book.largestResponse = Math.max(this.book.largestResponse, response);
    if (response > MAX_PAYLOAD) throw new OfficeError("ResponsePayloadSizeLimitExceeded", `the response is ${response} bytes`);
  }
}

class FakeWorkbookApi {
  readonly worksheets: FakeWorksheets;
  constructor(private readonly context: FakeContext) {
    this.worksheets = new FakeWorksheets(context);
  }
  getSelectedRange(): FakeRange {
    const sel = this.context.book.selected;
    return new FakeRange(this.context, () => sel?.sheet ?? this.context.book.sheets[0]?.name ?? "", sel?.address ?? "A1");
  }
}

/** `onChanged.add` (and `onSelectionChanged.add`) returns an EventHandlerResult whose `remove()` is queued on its context and applied at its sync. */
function eventOf<H>(context: FakeContext, handlers: () => H[], name = "onChanged"): { add: (h: H) => { context: FakeContext; remove: () => void } } {
  return {
    add: (h) => {
      context.queue({ [name]: true }, () => handlers().push(h));
      // As OfficeExtension.EventHandlerResult: remove() is queued on the context it was added with.
      return {
        context,
        remove: () =>
          context.queue({ removeHandler: true }, () => {
            const list = handlers();
            const i = list.indexOf(h);
            if (i >= 0) list.splice(i, 1);
          }),
      };
    },
  };
}

class FakeWorksheets extends Loadable {
  private snapshot: FakeWorksheet[] = [];
  /** Workbook-level change events, routed by `worksheetId` (WorksheetCollection.onChanged, ExcelApi 1.9). */
  readonly onChanged = eventOf(this.context, () => this.context.book.changeHandlers);
  /** Workbook-level selection events, routed by `worksheetId` (WorksheetCollection.onSelectionChanged, ExcelApi 1.9). */
  readonly onSelectionChanged = eventOf(this.context, () => this.context.book.selectionHandlers, "onSelectionChanged");
  /** Workbook-level calculation events, routed by `worksheetId` (WorksheetCollection.onCalculated, ExcelApi 1.8). */
  readonly onCalculated = eventOf(this.context, () => this.context.book.calculatedHandlers, "onCalculated");
  get items(): FakeWorksheet[] {
    this.need("items");
    return this.snapshot;
  }
  override load(props?: string | string[]): this {
    super.load(typeof props === "string" && props.startsWith("items") ? "items" : (props ?? "items"));
    return this;
  }
  override resolve(): void {
    super.resolve();
    this.snapshot = this.context.book.sheets.map((s) => {
      const w = new FakeWorksheet(this.context, s.id, false);
      w.markLoaded(["name", "visibility", "id"]);
      return w;
    });
  }
  override response(): unknown {
    return this.snapshot.map((w) => ({ name: w.name, id: w.id }));
  }
  add(name: string): FakeWorksheet {
    let id = "";
    this.context.queue({ add: name }, () => {
      if (this.context.book.sheet(name) !== undefined) throw new OfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
      id = this.context.book.addSheet(name).id;
    });
    return new FakeWorksheet(this.context, () => (id === "" ? name : id), false);
  }
  /** By name or by id: "Gets a worksheet object using its name or ID" (WorksheetCollection.getItem). */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, key, false, true);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, key, true);
  }
  /** The sheet the user sees (WorksheetCollection.getActiveWorksheet, ExcelApi 1.1): the last activated, else the first. */
  getActiveWorksheet(): FakeWorksheet {
    const book = this.context.book;
    return new FakeWorksheet(this.context, () => book.sheet(book.active ?? "")?.id ?? book.sheets[0]?.id ?? "", false);
  }
}

export class FakeWorksheet extends Loadable {
  private nullResolved: boolean | null = null;
  private resolvedId: string | null = null;
  private readonly key: () => string;
  readonly protection: FakeProtection;
  readonly charts: FakeCharts;
  /** Worksheet.horizontalPageBreaks (ExcelApi 1.9). */
  readonly horizontalPageBreaks: FakePageBreaks;
  readonly freezePanes: { freezeRows: (n?: number) => void };
  readonly pageLayout: Record<string, unknown> & { setPrintTitleRows: (rows: string) => void };
  readonly onChanged: ReturnType<typeof eventOf<ChangeHandler>>;
  /** Worksheet.onSelectionChanged (ExcelApi 1.7). */
  readonly onSelectionChanged: ReturnType<typeof eventOf<SelectionHandler>>;
  /** Worksheet.onCalculated (ExcelApi 1.8). */
  readonly onCalculated: ReturnType<typeof eventOf<CalculatedHandler>>;
  constructor(
    context: FakeContext,
    key: string | (() => string),
    private readonly orNull: boolean,
    mustExist = false,
  ) {
    super(context);
    this.key = typeof key === "string" ? () => key : key;
    if (mustExist) context.queue({ getItem: this.key() }, () => this.data());
    if (orNull) context.queueLoad(this);
    this.protection = new FakeProtection(context, () => this.data());
    this.charts = new FakeCharts(context, () => this.data());
    this.horizontalPageBreaks = new FakePageBreaks(context, () => this.data());
    this.freezePanes = { freezeRows: (n = 1) => this.call({ freezeRows: n }, (d) => (d.frozenRows = n)) };
    const layout: Record<string, unknown> = {};
    this.pageLayout = new Proxy(layout, {
      set: (_t, key, value) => {
        this.call({ pageLayout: key, value }, (d) => {
          // OfficeDev/office-js#1860 (in backlog): a fit-to-pages zoom is not applied unless the Page Layout tab is
          // open, which an add-in cannot know or change; a scale is. The fake never applies a fit-to-pages zoom.
          const fit = key === "zoom" && typeof value === "object" && value !== null && ("horizontalFitToPages" in value || "verticalFitToPages" in value);
          if (!fit) d.pageLayout[String(key)] = value;
        });
        return true;
      },
      get: (_t, key) => {
        if (key === "setPrintTitleRows") return (rows: string) => this.call({ printTitleRows: rows }, (d) => (d.printTitleRows = rows));
        // PageLayout.headersFooters.defaultForAllPages (ExcelApi 1.9): the header and footer of every page, strings in
        // Excel's codes (https://learn.microsoft.com/javascript/api/excel/excel.headerfooter); only strings are taken.
        if (key === "headersFooters") {
          const all = new Proxy({} as Record<string, unknown>, {
            set: (_h, part, value) => {
              if (typeof value !== "string") throw new OfficeError("InvalidArgument", `headersFooters.defaultForAllPages.${String(part)} takes a string`);
              this.call({ headerFooter: part, value }, (d) => (d.pageLayout[`defaultForAllPages.${String(part)}`] = value));
              return true;
            },
            get: (_h, part) => {
              throw new OfficeError("PropertyNotLoaded", `headersFooters.defaultForAllPages.${String(part)}`);
            },
          });
          return { defaultForAllPages: all };
        }
        throw new OfficeError("PropertyNotLoaded", `pageLayout.${String(key)}`);
      },
    }) as FakeWorksheet["pageLayout"];
    this.onChanged = eventOf(context, () => this.data().changeHandlers);
    this.onSelectionChanged = eventOf(context, () => this.data().selectionHandlers, "onSelectionChanged");
    this.onCalculated = eventOf(context, () => this.data().calculatedHandlers, "onCalculated");
  }

  markLoaded(props: string[]): void {
    for (const p of props) this.loaded.add(p);
  }

  /**
   * A method queued on this sheet. On a null object (`getItemOrNullObject` of a missing sheet) it fails at sync:
   * what Excel does then is not documented (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
   * only says to test `isNullObject` after a sync), so the fake refuses it rather than guess.
   */
  private call(payload: Record<string, unknown>, apply: (d: SheetData) => void): void {
    this.context.queue(payload, () => apply(this.data()));
  }

  /** The sheet this proxy stands for; ItemNotFound when it does not exist (as at sync). */
  data(): SheetData {
    const d = this.context.book.sheet(this.key());
    if (d === undefined) {
      if (this.orNull) throw new OfficeError("GeneralException", `a method was called on a null object (no sheet ${this.key()})`);
      throw new OfficeError("ItemNotFound", `no sheet ${this.key()}`);
    }
    return d;
  }

  override resolve(): void {
    super.resolve();
    const d = this.context.book.sheet(this.key());
    if (this.orNull) this.nullResolved = d === undefined;
    this.resolvedId = d?.id ?? null;
  }

  get isNullObject(): boolean {
    if (this.nullResolved === null) throw new OfficeError("PropertyNotLoaded", "isNullObject is known only after sync");
    return this.nullResolved;
  }

  override response(): unknown {
    return { id: this.resolvedId, isNullObject: this.nullResolved, ...(this.loaded.has("name") ? { name: this.name } : {}) };
  }

  get name(): string {
    this.need("name");
    return this.context.book.sheet(this.resolvedId ?? this.key())?.name ?? this.key();
  }

  get id(): string {
    this.need("id");
    return this.resolvedId ?? this.data().id;
  }

  get visibility(): string {
    this.need("visibility");
    return this.data().visibility;
  }

  set visibility(v: string) {
    this.call({ visibility: v }, (d) => {
      d.visibility = v as SheetData["visibility"];
      if (this.context.book.platform === "desktop") this.context.book.undoCleared.push("Worksheet.visibility");
    });
  }

  activate(): void {
    this.call({ activate: this.key() }, (d) => (this.context.book.active = d.name));
  }

  delete(): void {
    this.call({ deleteSheet: this.key() }, (d) => {
      this.context.book.undoCleared.push("Worksheet.delete");
      if (this.context.book.silent.deleteSheet !== true) this.context.book.sheets.splice(this.context.book.sheets.indexOf(d), 1);
    });
  }

  getRange(address: string): FakeRange {
    parseRange(address);
    this.call({ getRange: address }, () => undefined);
    return new FakeRange(this.context, () => this.data().name, address);
  }

  /** The used range, from A1 (the fake's simplification) to the last cell with a value or formula. */
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    this.call({ getUsedRange: true }, () => undefined);
    return new FakeRange(this.context, () => this.data().name, null);
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    this.call({ getUsedRange: true }, () => undefined);
    return new FakeRange(this.context, () => this.data().name, null, this);
  }
}

/**
 * `worksheet.protection`. "Protects a worksheet. Fails if the worksheet has already been protected."
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-protect-member(1)).
 * The code is AccessDenied, and `unprotect()` of a sheet that is not protected fails with it too
 * (OfficeDev/office-js#6784). A wrong or missing password fails with BadPassword: "The password you supplied is
 * incorrect." (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling,
 * "Error codes and messages"). Both clear the undo history, whether they succeed or not (the fake's choice: the
 * page does not say). `protected` and `options` are readable after load and sync (ExcelApi 1.2).
 */
class FakeProtection extends Loadable {
  private state: { protected: boolean; options: ProtectionOptions } | null = null;
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetData,
  ) {
    super(context);
  }
  protect(options?: ProtectionOptions, password?: string): void {
    this.context.queue({ protect: options ?? null }, () => {
      const s = this.sheet();
      this.context.book.undoCleared.push("WorksheetProtection.protect");
      if (s.protected) throw new OfficeError("AccessDenied", "the worksheet is already protected");
      if (this.context.book.silent.protect === true) return;
      s.protected = true;
      s.protectionOptions = { ...(options ?? {}) };
      s.password = password ?? null;
    });
  }
  unprotect(password?: string): void {
    this.context.queue({ unprotect: true }, () => {
      const s = this.sheet();
      this.context.book.undoCleared.push("WorksheetProtection.unprotect");
      if (!s.protected) throw new OfficeError("AccessDenied", "the worksheet is not protected");
      if (s.password !== null && s.password !== password) throw new OfficeError("BadPassword", "The password you supplied is incorrect.");
      s.protected = false;
      s.password = null;
    });
  }
  override resolve(): void {
    super.resolve();
    const s = this.sheet();
    this.state = { protected: s.protected, options: { ...s.protectionOptions } };
  }
  override response(): unknown {
    return this.state;
  }
  get protected(): boolean {
    this.need("protected");
    return (this.state as NonNullable<typeof this.state>).protected;
  }
  get options(): ProtectionOptions {
    this.need("options");
    return (this.state as NonNullable<typeof this.state>).options;
  }
}

/**
 * Structure and format changes on a protected sheet fail unless its options allow them, as in Excel's
 * "Protect a worksheet" (https://support.microsoft.com/office/protect-a-worksheet-3179efdb-1285-4d49-a9c3-f4ca36276de6:
 * each element — format cells, format columns, format rows, edit objects — is locked unless allowed).
 * Merging, data validation and conditional formats are never allowed (stricter where the docs are silent).
 */
function guard(sheet: SheetData, allowed: keyof ProtectionOptions | null, what: string): void {
  if (sheet.protected && (allowed === null || sheet.protectionOptions[allowed] !== true)) throw new OfficeError("AccessDenied", `${what} on a protected sheet`);
}

/**
 * `worksheet.horizontalPageBreaks`, Excel.PageBreakCollection (ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection): it "only contains manual page breaks",
 * and `add(pageBreakRange: Range | string)` "Adds a page break before the top-left cell of the range specified" (the
 * range "immediately after the page break"). The page is silent on the rest; the fake's choices, each stricter than
 * any Excel could be: an address that is not one, a range on another sheet, a break above row 1 (no page before
 * it), a second break above the same row (InvalidArgument), and a break on a protected sheet (AccessDenied, as a
 * structure change) are refused at sync. `pageStarts` records the row each break starts a page at.
 */
class FakePageBreaks {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetData,
  ) {}
  add(pageBreakRange: FakeRange | string): void {
    const address = typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange.fixedAddressOf();
    this.context.queue({ addHorizontalPageBreak: address }, () => {
      if (address === null) throw new OfficeError("InvalidArgument", "a page break needs a range with an address");
      const [row] = parseRange(address);
      const sheet = this.sheet();
      if (typeof pageBreakRange !== "string" && pageBreakRange.sheetNameOf() !== sheet.name) throw new OfficeError("InvalidArgument", "the page break's range is on another sheet");
      if (row < 2) throw new OfficeError("InvalidArgument", `no page break above row ${row}`);
      if (sheet.pageStarts.includes(row)) throw new OfficeError("InvalidArgument", `a page break above row ${row} exists`);
      guard(sheet, null, "adding a page break");
      sheet.pageStarts.push(row);
    });
  }
}

/** `worksheet.charts`: add (strict about type, source and series), getItemOrNullObject by name. */
class FakeCharts {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetData,
  ) {}
  add(type: string, source: unknown, seriesBy: string = "Auto"): FakeChart {
    if (!(source instanceof FakeRange)) throw new OfficeError("InvalidArgument", "charts.add takes a Range as its source");
    const address = source.fixedAddressOf();
    if (address === null) throw new OfficeError("InvalidArgument", "the chart's source must be a range with an address");
    const data: ChartData = { name: "", type, source: address, seriesBy, title: null, position: null };
    this.context.queue({ addChart: type, source: address, seriesBy }, () => {
      if (!CHART_TYPES.has(type)) throw new OfficeError("InvalidArgument", `unknown chart type ${type}`);
      if (!SERIES_BY.has(seriesBy)) throw new OfficeError("InvalidArgument", `unknown seriesBy ${seriesBy}`);
      if (source.sheetNameOf() !== this.sheet().name) throw new OfficeError("InvalidArgument", "the chart's source is on another sheet");
      // The fake's choice, no page documents it: a chart's source needs at least 2 rows and 2 columns.
      const [r1, c1, r2, c2] = parseRange(address);
      if (r2 - r1 < 1 || c2 - c1 < 1) throw new OfficeError("InvalidArgument", `a chart needs at least 2 rows and 2 columns, not ${address}`);
      const sheet = this.sheet();
      guard(sheet, "allowEditObjects", "adding a chart");
      data.name = data.name === "" ? `Chart ${sheet.charts.length + 1}` : data.name;
      if (this.context.book.silent.addChart !== true) sheet.charts.push(data);
    });
    return new FakeChart(this.context, () => data, false);
  }
  getItem(name: string): FakeChart {
    let found: ChartData | undefined;
    this.context.queue({ getChart: name }, () => {
      found = this.sheet().charts.find((c) => c.name === name);
      if (found === undefined) throw new OfficeError("ItemNotFound", `no chart ${name}`);
    });
    return new FakeChart(this.context, () => found as ChartData, false);
  }
  getItemOrNullObject(name: string): FakeChart {
    let found: ChartData | undefined;
    const chart = new FakeChart(this.context, () => {
      if (found === undefined) throw new OfficeError("ItemNotFound", `no chart ${name}`);
      return found;
    }, true);
    this.context.queue({ getChart: name }, () => {
      found = this.sheet().charts.find((c) => c.name === name);
      chart.setNull(found === undefined);
    });
    return chart;
  }
}

class FakeChart {
  private nullResolved: boolean | null = null;
  readonly title: { text: string };
  constructor(
    private readonly context: FakeContext,
    private readonly data: () => ChartData,
    private readonly orNull: boolean,
  ) {
    const target = data;
    this.title = {
      set text(t: string) {
        context.queue({ chartTitle: t }, () => (target().title = t));
      },
      get text(): string {
        throw new OfficeError("PropertyNotLoaded", "title.text");
      },
    };
  }
  setNull(isNull: boolean): void {
    this.nullResolved = isNull;
  }
  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (this.nullResolved === null) throw new OfficeError("PropertyNotLoaded", "isNullObject is known only after sync");
    return this.nullResolved;
  }
  set name(n: string) {
    this.context.queue({ chartName: n }, () => (this.data().name = n));
  }
  get name(): string {
    throw new OfficeError("PropertyNotLoaded", "name");
  }
  setPosition(start: string, end?: string): void {
    parseRange(start);
    if (end !== undefined) parseRange(end);
    this.context.queue({ setPosition: [start, end ?? null] }, () => (this.data().position = { start, end: end ?? start }));
  }
  delete(): void {
    this.context.queue({ deleteChart: true }, () => {
      const d = this.data();
      for (const sheet of this.context.book.sheets) if (sheet.charts.includes(d)) guard(sheet, "allowEditObjects", "deleting a chart");
      for (const sheet of this.context.book.sheets) sheet.charts = sheet.charts.filter((c) => c !== d);
    });
  }
}

class FakeRange extends Loadable {
  private snapshot: { values: Value[][]; formulas: Value[][]; numberFormat: string[][]; address: string } | null = null;
  private nullResolved: boolean | null = null;
  readonly dataValidation: { rule: unknown; prompt: unknown; errorAlert: unknown };
  readonly conditionalFormats: { add: (type: string) => { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } } };
  /**
   * Range.format: every property set is one queued operation on the whole range (font, fill, protection, borders
   * by `getItem(edge)`, alignment, wrap; rowHeight and columnWidth). Reading one back needs a load the fake does
   * not offer: it throws PropertyNotLoaded.
   */
  readonly format: Record<string, unknown>;
  constructor(
    context: FakeContext,
    private readonly sheetName: () => string,
    private readonly fixedAddress: string | null,
    private readonly usedOf: FakeWorksheet | null = null,
    /** For a range derived from another (getLastRow, getOffsetRange, …): its address, worked out at sync. */
    private readonly derived: (() => string) | null = null,
  ) {
    super(context);
    if (usedOf !== null) context.queueLoad(this);
    const validation = { rule: null as unknown, prompt: null as unknown, errorAlert: null as unknown };
    this.dataValidation = new Proxy(validation, {
      set: (_t, key, value) => {
        const address = this.addressNow();
        context.queue({ dataValidation: key, value }, () => {
          const sheet = this.sheetData();
          guard(sheet, null, "changing data validation");
          let v = sheet.validations.find((x) => x.range === address);
          if (v === undefined) sheet.validations.push((v = { range: address, rule: null, prompt: null, errorAlert: null }));
          (v as Record<string, unknown>)[String(key)] = value;
        });
        return true;
      },
    });
    this.conditionalFormats = {
      add: () => {
        const entry = { range: this.addressNow(), formula: "", fill: null as string | null, fontColor: null as string | null };
        context.queue({ conditionalFormat: entry.range }, () => {
          guard(this.sheetData(), null, "adding a conditional format");
          this.sheetData().conditionalFormats.push(entry);
        });
        return {
          custom: {
            rule: {
              set formula(f: string) {
                context.queue({ formula: f }, () => (entry.formula = f));
              },
              get formula(): string {
                throw new OfficeError("PropertyNotLoaded", "formula");
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  context.queue({ fill: c }, () => (entry.fill = c));
                },
                get color(): string {
                  throw new OfficeError("PropertyNotLoaded", "color");
                },
              },
              font: {
                set color(c: string) {
                  context.queue({ font: c }, () => (entry.fontColor = c));
                },
                get color(): string {
                  throw new OfficeError("PropertyNotLoaded", "color");
                },
              },
            },
          },
        };
      },
    };
    this.format = this.formatAt([]);
  }

  /** The proxy for `format` (path []) and its parts (`font`, `fill`, `protection`, `borders`, `borders.getItem(x)`). */
  private formatAt(path: string[]): Record<string, unknown> {
    const parts = path.length === 0 ? ["font", "fill", "protection", "borders"] : [];
    return new Proxy({} as Record<string, unknown>, {
      get: (_t, key) => {
        if (typeof key !== "string") return undefined;
        if (parts.includes(key)) return this.formatAt([...path, key]);
        if (key === "getItem" && path.join(".") === "borders") return (edge: string) => this.formatAt([...path, edge]);
        throw new OfficeError("PropertyNotLoaded", `format.${[...path, key].join(".")}`);
      },
      set: (_t, key, value) => {
        const property = [...path, String(key)].join(".");
        const address = this.addressNow();
        this.context.queue({ format: property, value, address }, () => {
          const sheet = this.sheetData();
          if (property === "rowHeight") guard(sheet, "allowFormatRows", "formatting rows");
          else if (property === "columnWidth") guard(sheet, "allowFormatColumns", "formatting columns");
          else {
            guard(sheet, "allowFormatCells", "formatting cells");
            const [r1, c1, r2, c2] = parseRange(address);
            for (let r = r1; r <= r2; r++) {
              for (let c = c1; c <= c2; c++) {
                const key = `${colLetters(c)}${r}`;
                const old = sheet.cells.get(key) ?? { value: null, formula: null, numberFormat: "General", format: null };
                sheet.cells.set(key, { ...old, format: { ...old.format, [property]: value } });
              }
            }
          }
        });
        return true;
      },
    });
  }

  /** The sheet whose computed values this range's pending load reads: none unless it loads values over a formula cell. */
  sheetRead(): SheetData[] {
    const d = this.context.book.sheet(this.sheetName());
    if (d === undefined || !this.pending.has("values")) return [];
    const [r1, c1, r2, c2] = parseRange(this.addressNow());
    for (const [address, cell] of d.cells) {
      if (cell.formula === null) continue;
      const [r, c] = parseRange(address);
      if (r >= r1 && r <= r2 && c >= c1 && c <= c2) return [d];
    }
    return [];
  }

  /** For the fake's charts: the address this range was made with (null for a used range). */
  fixedAddressOf(): string | null {
    return this.fixedAddress;
  }

  sheetNameOf(): string {
    return this.sheetData().name;
  }

  private sheetData(): SheetData {
    const d = this.context.book.sheet(this.sheetName());
    if (d === undefined) throw new OfficeError("ItemNotFound", `no sheet ${this.sheetName()}`);
    return d;
  }

  /** The used range: from A1 to the last cell with a value or formula. */
  private addressNow(): string {
    if (this.fixedAddress !== null) return this.fixedAddress;
    if (this.derived !== null) return this.derived();
    const sheet = this.sheetData();
    let r = 0;
    let c = 0;
    for (const [addr, cell] of sheet.cells) {
      if (cell.value === null && cell.formula === null) continue;
      const [rr, cc] = parseRange(addr);
      r = Math.max(r, rr);
      c = Math.max(c, cc);
    }
    return r === 0 ? "A1" : `A1:${colLetters(c)}${r}`;
  }

  private shape(): [number, number, number, number] {
    return parseRange(this.addressNow());
  }

  private write(kind: "values" | "formulas" | "numberFormat", grid: unknown): void {
    const address = this.fixedAddress;
    this.context.queue({ [kind]: grid, address }, () => {
      const [r1, c1, r2, c2] = this.shape();
      const rows = r2 - r1 + 1;
      const cols = c2 - c1 + 1;
      if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new OfficeError("InvalidArgument", `${kind} must be ${rows}×${cols} for ${address ?? "the range"}`);
      }
      const sheet = this.sheetData();
      if (kind === "numberFormat") guard(sheet, "allowFormatCells", "changing number formats");
      else {
        this.refuseInsideMerges(sheet, grid as Value[][], r1, c1);
        // "Total number of characters that a cell can contain: 32,767 characters" (Microsoft support, "Excel
        // specifications and limits"). What Office.js does with a longer text is not documented: the fake refuses it.
        const long = (grid as Value[][]).flat().find((v) => typeof v === "string" && v.length > CELL_CHARS);
        if (long !== undefined) throw new OfficeError("InvalidArgument", `a cell holds at most ${CELL_CHARS} characters, not ${String(long).length}`);
      }
      if (sheet.protected) {
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            if (sheet.cells.get(`${colLetters(c1 + j)}${r1 + i}`)?.format?.["protection.locked"] !== false) throw new OfficeError("AccessDenied", "the cell is locked on a protected sheet");
          }
        }
      }
      const keepApostrophe = kind === "values" && this.context.book.silent.apostrophe === true;
      (grid as Value[][]).forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${colLetters(c1 + j)}${r1 + i}`;
          const old = sheet.cells.get(key) ?? { value: null, formula: null, numberFormat: "General", format: null };
          if (kind === "numberFormat") sheet.cells.set(key, { ...old, numberFormat: String(v) });
          else if (keepApostrophe && typeof v === "string" && v.startsWith("'")) sheet.cells.set(key, { ...old, value: v, formula: null });
          else sheet.cells.set(key, { ...old, ...typed(v) });
        }),
      );
      if (kind !== "numberFormat") this.context.wrote(sheet, this.addressNow());
    });
  }

  /**
   * A merged area keeps only its top-left cell's value ("only the contents of the upper-left cell are kept",
   * https://support.microsoft.com/office/merge-and-unmerge-cells-5cbd15d5-9375-4540-907f-c673a93fcedf); what Excel
   * does with a value written elsewhere in the area is not documented, so the fake refuses a non-empty one.
   */
  private refuseInsideMerges(sheet: SheetData, grid: Value[][], r1: number, c1: number): void {
    for (const m of sheet.merges) {
      const [mr1, mc1, mr2, mc2] = parseRange(m);
      grid.forEach((row, i) =>
        row.forEach((v, j) => {
          const [r, c] = [r1 + i, c1 + j];
          const inside = r >= mr1 && r <= mr2 && c >= mc1 && c <= mc2 && !(r === mr1 && c === mc1);
          if (inside && v !== "" && v !== null) throw new OfficeError("InvalidArgument", `${colLetters(c)}${r} is inside the merged area ${m}`);
        }),
      );
    }
  }

  private derive(address: (r1: number, c1: number, r2: number, c2: number) => [number, number, number, number]): FakeRange {
    return new FakeRange(this.context, this.sheetName, null, null, () => {
      const [r1, c1, r2, c2] = address(...this.shape());
      if (r1 < 1 || c1 < 1) throw new OfficeError("InvalidArgument", "the range would start outside the sheet");
      return `${colLetters(c1)}${r1}:${colLetters(c2)}${r2}`;
    });
  }
  getLastRow(): FakeRange {
    return this.derive((_r1, c1, r2, c2) => [r2, c1, r2, c2]);
  }
  getCell(row: number, column: number): FakeRange {
    return this.derive((r1, c1) => [r1 + row, c1 + column, r1 + row, c1 + column]);
  }
  getOffsetRange(rows: number, columns: number): FakeRange {
    return this.derive((r1, c1, r2, c2) => [r1 + rows, c1 + columns, r2 + rows, c2 + columns]);
  }
  getResizedRange(rows: number, columns: number): FakeRange {
    return this.derive((r1, c1, r2, c2) => [r1, c1, r2 + rows, c2 + columns]);
  }

  set values(grid: unknown) {
    this.write("values", grid);
  }
  get values(): Value[][] {
    this.need("values");
    return (this.snapshot as NonNullable<typeof this.snapshot>).values;
  }
  set formulas(grid: unknown) {
    this.write("formulas", grid);
  }
  get formulas(): Value[][] {
    this.need("formulas");
    return (this.snapshot as NonNullable<typeof this.snapshot>).formulas;
  }
  set numberFormat(grid: unknown) {
    this.write("numberFormat", grid);
  }
  get numberFormat(): string[][] {
    this.need("numberFormat");
    return (this.snapshot as NonNullable<typeof this.snapshot>).numberFormat;
  }
  get address(): string {
    this.need("address");
    return (this.snapshot as NonNullable<typeof this.snapshot>).address;
  }

  get isNullObject(): boolean {
    if (this.usedOf === null) return false;
    if (this.nullResolved === null) throw new OfficeError("PropertyNotLoaded", "isNullObject is known only after sync");
    return this.nullResolved;
  }

  setColumnProperties(props: unknown[]): void {
    this.context.queue({ setColumnProperties: props }, () => {
      const [, c1, , c2] = this.shape();
      if (props.length !== c2 - c1 + 1) throw new OfficeError("InvalidArgument", "setColumnProperties length");
      guard(this.sheetData(), "allowFormatColumns", "formatting columns");
      this.sheetData().columnProps = props;
    });
  }

  setRowProperties(props: unknown[]): void {
    this.context.queue({ setRowProperties: props }, () => {
      const [r1, , r2] = this.shape();
      if (props.length !== r2 - r1 + 1) throw new OfficeError("InvalidArgument", "setRowProperties length");
      guard(this.sheetData(), "allowFormatRows", "formatting rows");
      this.sheetData().rowProps = props;
    });
  }

  merge(_across = false): void {
    const address = this.addressNow();
    this.context.queue({ merge: address }, () => {
      guard(this.sheetData(), null, "merging");
      this.sheetData().merges.push(address);
    });
  }

  /**
   * Selects the range; onSelectionChanged follows the batch. On "web", selecting the cell already selected raises
   * no event (OfficeDev/office-js#4691: "onSelectionChanged not fired in excel on the web in same cell but is fired
   * in excel desktop").
   */
  select(): void {
    const address = this.fixedAddress ?? "A1";
    this.context.queue({ select: address }, () => {
      const sheet = this.sheetData();
      const book = this.context.book;
      const same = book.selected !== null && book.selected.sheet.toLowerCase() === sheet.name.toLowerCase() && book.selected.address === address;
      book.selected = { sheet: sheet.name, address };
      book.active = sheet.name;
      if (!(same && book.platform === "web")) this.context.didSelect(sheet, address);
    });
  }

  override load(props?: string | string[]): this {
    return super.load(props ?? ["values", "formulas", "numberFormat", "address"]);
  }

  override response(): unknown {
    const snapshot = this.snapshot as Record<string, unknown> | null;
    if (snapshot === null) return { isNullObject: this.nullResolved };
    return Object.fromEntries([...this.loaded].map((p) => [p, snapshot[p]]));
  }

  override resolve(): void {
    super.resolve();
    if (this.usedOf !== null) {
      const missing = this.context.book.sheet(this.sheetName()) === undefined;
      const empty = missing || [...this.sheetData().cells.values()].every((c) => c.value === null && c.formula === null);
      this.nullResolved = empty;
      if (empty) return;
    }
    const sheet = this.sheetData();
    const address = this.addressNow();
    const [r1, c1, r2, c2] = parseRange(address);
    const grid = <T>(f: (c: CellData | undefined) => T): T[][] =>
      Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => f(sheet.cells.get(`${colLetters(c1 + j)}${r1 + i}`))));
    this.snapshot = {
      // Office.js gives "" for empty cells in `values`.
      values: grid((c) => c?.value ?? ""),
      formulas: grid((c) => c?.formula ?? c?.value ?? ""),
      numberFormat: grid((c) => c?.numberFormat ?? "General"),
      address: qualify(sheet.name, address),
    };
  }
}

/** The adapter's Run over this workbook's `Excel.run`, with `delayForCellEdit` as the pane runs every batch. */
export function fakeRun(book: FakeWorkbook): Run {
  return (<T>(batch: (c: Excel.RequestContext) => Promise<T>, on?: Excel.RequestContext) =>
    book.run(on ?? { delayForCellEdit: true }, (c) => batch(c as unknown as Excel.RequestContext))) as Run;
}

/** A fresh workbook with its `Excel.run`, for tests. */
export function fakeExcel(): FakeWorkbook {
  return new FakeWorkbook();
}
