/**
 * An in-memory Excel with the Office.js semantics the adapter depends on, strict where Excel is strict:
 * - properties are readable only after `load()` and `context.sync()` (reading earlier throws PropertyNotLoaded);
 * - writes are queued and applied in order at `sync()`, which is counted;
 * - a 2-D write must have the range's exact shape (InvalidArgument), a duplicate sheet name fails
 *   (ItemAlreadyExists, case-insensitive), `getItem` of a missing sheet fails at sync (ItemNotFound);
 * - a batch larger than 5 MB fails (RequestPayloadSizeLimitExceeded), as Excel on the web does;
 * - a failing batch keeps what was applied before the failure (Office.js batches are not transactions).
 * It does not compute formulas: `values` of a formula cell read as what a test put there (null by default).
 * Tests must therefore never rely on computed values; the engine computes from entries.
 */

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

interface CellData {
  value: Value;
  formula: string | null;
  numberFormat: string;
  props: unknown;
}

interface SheetData {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, CellData>;
  merges: string[];
  validations: { range: string; rule: unknown; prompt: unknown; errorAlert: unknown }[];
  conditionalFormats: { range: string; formula: string; fill: string | null; fontColor: string | null }[];
  protected: boolean;
  frozenRows: number;
  columnProps: unknown[];
  rowProps: unknown[];
  pageLayout: Record<string, unknown>;
  printTitleRows: string | null;
  changeHandlers: ((e: { address: string; worksheetId: string; source: string }) => Promise<void> | void)[];
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

/** The workbook itself: what persists between batches. */
export class FakeWorkbook {
  readonly sheets: SheetData[] = [];
  selected: { sheet: string; address: string } | null = null;
  active: string | null = null;
  syncCount = 0;
  /** Bytes of the largest batch sent, as JSON. */
  largestPayload = 0;

  addSheet(name: string): SheetData {
    const s: SheetData = {
      name,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      validations: [],
      conditionalFormats: [],
      protected: false,
      frozenRows: 0,
      columnProps: [],
      rowProps: [],
      pageLayout: {},
      printTitleRows: null,
      changeHandlers: [],
      charts: [],
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, address: string): CellData | undefined {
    return this.sheet(sheet)?.cells.get(address);
  }

  /** What a person typing into a cell does: the value changes and onChanged fires. */
  async userTypes(sheet: string, address: string, value: Value): Promise<void> {
    const s = this.sheet(sheet);
    if (s === undefined) throw new Error(`no sheet ${sheet}`);
    const old = s.cells.get(address);
    s.cells.set(address, { value, formula: null, numberFormat: old?.numberFormat ?? "General", props: old?.props ?? null });
    for (const h of s.changeHandlers) await h({ address, worksheetId: s.name, source: "Local" });
  }

  /** `Excel.run` for this workbook, with or without options as Office.js takes them. */
  run: {
    <T>(batch: (context: FakeContext) => Promise<T>): Promise<T>;
    <T>(options: object, batch: (context: FakeContext) => Promise<T>): Promise<T>;
  } = async <T>(first: object | ((context: FakeContext) => Promise<T>), second?: (context: FakeContext) => Promise<T>): Promise<T> => {
    const batch = (typeof first === "function" ? first : second) as (context: FakeContext) => Promise<T>;
    return batch(new FakeContext(this));
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
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new OfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
}

export class FakeContext {
  private ops: Op[] = [];
  private loads = new Set<Loadable>();
  readonly workbook: FakeWorkbookApi;
  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookApi(this);
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
    const size = new TextEncoder().encode(JSON.stringify(ops.map((o) => o.payload))).length;
    this.book.largestPayload = Math.max(this.book.largestPayload, size);
    if (size > MAX_PAYLOAD) throw new OfficeError("RequestPayloadSizeLimitExceeded", `the request is ${size} bytes`);
    for (const op of ops) op.apply();
    for (const l of loads) l.resolve();
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

class FakeWorksheets extends Loadable {
  private snapshot: FakeWorksheet[] = [];
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
      const w = new FakeWorksheet(this.context, s.name, false);
      w.markLoaded(["name", "visibility"]);
      return w;
    });
  }
  add(name: string): FakeWorksheet {
    this.context.queue({ add: name }, () => {
      if (this.context.book.sheet(name) !== undefined) throw new OfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
      this.context.book.addSheet(name);
    });
    return new FakeWorksheet(this.context, name, false);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, name, false, true);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, name, true);
  }
}

export class FakeWorksheet extends Loadable {
  private nullResolved: boolean | null = null;
  readonly protection: FakeProtection;
  readonly charts: FakeCharts;
  readonly freezePanes: { freezeRows: (n?: number) => void };
  readonly pageLayout: Record<string, unknown> & { setPrintTitleRows: (rows: string) => void };
  readonly onChanged: { add: (h: SheetData["changeHandlers"][number]) => void };
  constructor(
    context: FakeContext,
    private sheetName: string,
    private readonly orNull: boolean,
    mustExist = false,
  ) {
    super(context);
    if (mustExist) context.queue({ getItem: sheetName }, () => this.data());
    if (orNull) context.queueLoad(this);
    this.protection = new FakeProtection(context, () => this.data());
    this.charts = new FakeCharts(context, () => this.data());
    this.freezePanes = { freezeRows: (n = 1) => context.queue({ freezeRows: n }, () => (this.data().frozenRows = n)) };
    const layout: Record<string, unknown> = {};
    this.pageLayout = new Proxy(layout, {
      set: (_t, key, value) => {
        context.queue({ pageLayout: key, value }, () => (this.data().pageLayout[String(key)] = value));
        return true;
      },
      get: (_t, key) => {
        if (key === "setPrintTitleRows") return (rows: string) => context.queue({ printTitleRows: rows }, () => (this.data().printTitleRows = rows));
        throw new OfficeError("PropertyNotLoaded", `pageLayout.${String(key)}`);
      },
    }) as FakeWorksheet["pageLayout"];
    this.onChanged = { add: (h) => context.queue({ onChanged: true }, () => this.data().changeHandlers.push(h)) };
  }

  markLoaded(props: string[]): void {
    for (const p of props) this.loaded.add(p);
  }

  /** The sheet this proxy stands for; ItemNotFound when it does not exist (as at sync). */
  data(): SheetData {
    const d = this.context.book.sheet(this.sheetName);
    if (d === undefined) throw new OfficeError("ItemNotFound", `no sheet ${this.sheetName}`);
    return d;
  }

  override resolve(): void {
    super.resolve();
    if (this.orNull) this.nullResolved = this.context.book.sheet(this.sheetName) === undefined;
  }

  get isNullObject(): boolean {
    if (this.nullResolved === null) throw new OfficeError("PropertyNotLoaded", "isNullObject is known only after sync");
    return this.nullResolved;
  }

  get name(): string {
    this.need("name");
    return this.context.book.sheet(this.sheetName)?.name ?? this.sheetName;
  }

  get visibility(): string {
    this.need("visibility");
    return this.data().visibility;
  }

  set visibility(v: string) {
    this.context.queue({ visibility: v }, () => (this.data().visibility = v as SheetData["visibility"]));
  }

  activate(): void {
    this.context.queue({ activate: this.sheetName }, () => {
      this.data();
      this.context.book.active = this.sheetName;
    });
  }

  getRange(address: string): FakeRange {
    parseRange(address);
    return new FakeRange(this.context, () => this.sheetName, address);
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => this.sheetName, null, this);
  }
}

/** `worksheet.protection`: protect / unprotect queued; `protected` readable after load and sync. */
class FakeProtection extends Loadable {
  private state: boolean | null = null;
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetData,
  ) {
    super(context);
  }
  protect(options?: unknown): void {
    this.context.queue({ protect: options ?? null }, () => (this.sheet().protected = true));
  }
  unprotect(): void {
    this.context.queue({ unprotect: true }, () => (this.sheet().protected = false));
  }
  override resolve(): void {
    super.resolve();
    this.state = this.sheet().protected;
  }
  get protected(): boolean {
    this.need("protected");
    return this.state as boolean;
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
      const [r1, c1, r2, c2] = parseRange(address);
      if (r2 - r1 < 1 || c2 - c1 < 1) throw new OfficeError("InvalidArgument", `a chart needs at least 2 rows and 2 columns, not ${address}`);
      const sheet = this.sheet();
      data.name = data.name === "" ? `Chart ${sheet.charts.length + 1}` : data.name;
      sheet.charts.push(data);
    });
    return new FakeChart(this.context, () => data, false);
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
      for (const sheet of this.context.book.sheets) sheet.charts = sheet.charts.filter((c) => c !== d);
    });
  }
}

class FakeRange extends Loadable {
  private snapshot: { values: Value[][]; formulas: Value[][]; numberFormat: string[][]; address: string } | null = null;
  private nullResolved: boolean | null = null;
  readonly dataValidation: { rule: unknown; prompt: unknown; errorAlert: unknown };
  readonly conditionalFormats: { add: (type: string) => { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } } };
  readonly format: { rowHeight: number; columnWidth: number };
  constructor(
    context: FakeContext,
    private readonly sheetName: () => string,
    private readonly fixedAddress: string | null,
    private readonly usedOf: FakeWorksheet | null = null,
  ) {
    super(context);
    if (usedOf !== null) context.queueLoad(this);
    const validation = { rule: null as unknown, prompt: null as unknown, errorAlert: null as unknown };
    this.dataValidation = new Proxy(validation, {
      set: (_t, key, value) => {
        const address = this.addressNow();
        context.queue({ dataValidation: key, value }, () => {
          const sheet = this.sheetData();
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
        context.queue({ conditionalFormat: entry.range }, () => this.sheetData().conditionalFormats.push(entry));
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
    this.format = {
      set rowHeight(_h: number) {
        context.queue({ rowHeight: _h }, () => undefined);
      },
      get rowHeight(): number {
        throw new OfficeError("PropertyNotLoaded", "rowHeight");
      },
      set columnWidth(_w: number) {
        context.queue({ columnWidth: _w }, () => undefined);
      },
      get columnWidth(): number {
        throw new OfficeError("PropertyNotLoaded", "columnWidth");
      },
    };
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
      if (sheet.protected) {
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const props = sheet.cells.get(`${colLetters(c1 + j)}${r1 + i}`)?.props as { format?: { protection?: { locked?: boolean } } } | undefined;
            if (props?.format?.protection?.locked !== false) throw new OfficeError("AccessDenied", "the cell is locked on a protected sheet");
          }
        }
      }
      (grid as Value[][]).forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${colLetters(c1 + j)}${r1 + i}`;
          const old = sheet.cells.get(key) ?? { value: null, formula: null, numberFormat: "General", props: null };
          if (kind === "numberFormat") sheet.cells.set(key, { ...old, numberFormat: String(v) });
          else if (kind === "formulas" && typeof v === "string" && v.startsWith("=")) sheet.cells.set(key, { ...old, formula: v, value: null });
          else sheet.cells.set(key, { ...old, formula: null, value: v === "" ? null : v });
        }),
      );
    });
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

  setCellProperties(grid: unknown[][]): void {
    this.context.queue({ setCellProperties: grid }, () => {
      const [r1, c1, r2, c2] = this.shape();
      if (grid.length !== r2 - r1 + 1 || grid.some((row) => row.length !== c2 - c1 + 1)) throw new OfficeError("InvalidArgument", "setCellProperties shape");
      const sheet = this.sheetData();
      grid.forEach((row, i) =>
        row.forEach((p, j) => {
          const key = `${colLetters(c1 + j)}${r1 + i}`;
          const old = sheet.cells.get(key) ?? { value: null, formula: null, numberFormat: "General", props: null };
          sheet.cells.set(key, { ...old, props: p });
        }),
      );
    });
  }

  setColumnProperties(props: unknown[]): void {
    this.context.queue({ setColumnProperties: props }, () => {
      const [, c1, , c2] = this.shape();
      if (props.length !== c2 - c1 + 1) throw new OfficeError("InvalidArgument", "setColumnProperties length");
      this.sheetData().columnProps = props;
    });
  }

  setRowProperties(props: unknown[]): void {
    this.context.queue({ setRowProperties: props }, () => {
      const [r1, , r2] = this.shape();
      if (props.length !== r2 - r1 + 1) throw new OfficeError("InvalidArgument", "setRowProperties length");
      this.sheetData().rowProps = props;
    });
  }

  merge(_across = false): void {
    const address = this.addressNow();
    this.context.queue({ merge: address }, () => this.sheetData().merges.push(address));
  }

  select(): void {
    const address = this.fixedAddress ?? "A1";
    this.context.queue({ select: address }, () => {
      this.sheetData();
      this.context.book.selected = { sheet: this.sheetName(), address };
    });
  }

  override load(props?: string | string[]): this {
    return super.load(props ?? ["values", "formulas", "numberFormat", "address"]);
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

/** A fresh workbook with its `Excel.run`, for tests. */
export function fakeExcel(): FakeWorkbook {
  return new FakeWorkbook();
}
