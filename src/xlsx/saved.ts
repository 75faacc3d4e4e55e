import type { SheetValidation } from "../sheets/cells";
import type { CellRead } from "../sheets/cells";
import { columnLetter, parseCell } from "../sheets/address";
import { shiftFormula } from "../sheets/shiftFormula";
import { DEFAULT_LIMITS, sniffXlsx, WORKBOOK, type Limits } from "./sniff";
import { inflateEntry, type ZipEntry } from "./zip";
import { attribute, child, decodeText, decodeXml, elements, rootPrefix, tag, textOf } from "./xml";

/**
 * A submitted workbook as the spreadsheet that saved it left it: values and formulas by A1 address, hidden rows
 * and columns, data validation. Read straight from the package's XML, because reviewers check thousands of files
 * and a general xlsx model (exceljs) costs about 18 ms a file where this costs about 2. Only what StarScore reads is
 * read; worksheets are parsed when first asked for.
 */
export interface SavedWorkbook {
  sheets: SavedSheet[];
  /** A sheet by name, as Excel finds one: exact, else ignoring case. */
  sheet(name: string): SavedSheet | undefined;
}


export interface SavedSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** A cell's value as last saved: a formula's cached result (null when never computed), text, number, boolean, error code. */
  read(address: string): CellRead;
  /** The formula a cell holds (with "="), shared formulas translated to the cell; null for a constant. */
  formula(address: string): string | null;
  /** The last row that holds a value. */
  lastRow(): number;
  hiddenRows(): ReadonlySet<number>;
  hiddenColumns(): ReadonlySet<string>;
  validations(): readonly SheetValidation[];
}

/** A workbook StarScore cannot use, with a one-line reason (无法读取：…). */
export class WorkbookError extends Error {
  override name = "WorkbookError";
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom number format shows a date when, outside quotes and [brackets], it has date or time letters. */
function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*\]|"[^"]*"|\\./g, "").replace(/General/gi, ""));
}

function isoDay(serial: number, date1904: boolean): string {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)).toISOString().slice(0, 10);
}

interface Package {
  bytes: Buffer;
  entries: Map<string, ZipEntry>;
  limits: Limits;
}

function part(pkg: Package, name: string, encoding: "utf8" | "latin1" = "utf8"): string | null {
  const entry = pkg.entries.get(name);
  if (entry === undefined) return null;
  if (entry.uncompressed > pkg.limits.maxPartBytes) throw new WorkbookError(`工作表过大（${Math.round(entry.uncompressed / 1048576)} MB）/ part too large: ${name}`);
  const data = inflateEntry(pkg.bytes, entry, pkg.limits.maxPartBytes);
  if (data === null) throw new WorkbookError(`无法解压 ${name} / cannot unpack ${name}`);
  return data.toString(encoding);
}

/** Relationship targets by id, resolved to package paths. */
function relationships(xml: string | null, base: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (xml === null) return out;
  for (const rel of elements(xml, `${rootPrefix(xml, "Relationships")}Relationship`)) {
    const id = attribute(rel.attributes, "Id");
    const target = attribute(rel.attributes, "Target");
    if (id === undefined || target === undefined || attribute(rel.attributes, "TargetMode") === "External") continue;
    out.set(id, { type: attribute(rel.attributes, "Type") ?? "", target: resolvePath(base, target) });
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  const parts = target.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const p = rootPrefix(xml, "sst");
  return elements(xml, `${p}si`).map((si) => (si.content === null ? "" : textOf(si.content, p)));
}

/** The last few styles parts read: files saved by one program mostly carry the same one. */
const knownStyles = new Map<string, boolean[]>();

/** Which cell styles (s="n") show dates, from styles.xml's cellXfs and numFmts. */
function dateStyles(xml: string | null): boolean[] {
  if (xml === null) return [];
  const known = knownStyles.get(xml);
  if (known !== undefined) return known;
  const dates = readDateStyles(xml);
  if (knownStyles.size >= 16) knownStyles.clear();
  knownStyles.set(xml, dates);
  return dates;
}

function readDateStyles(xml: string): boolean[] {
  const p = rootPrefix(xml, "styleSheet");
  const custom = new Map<number, string>();
  for (const f of elements(xml, `${p}numFmt`)) custom.set(Number(attribute(f.attributes, "numFmtId")), decodeXml(attribute(f.attributes, "formatCode") ?? ""));
  const start = xml.indexOf(`<${p}cellXfs`);
  if (start === -1) return [];
  const end = xml.indexOf(`</${p}cellXfs>`, start);
  return elements(xml.slice(start, end === -1 ? undefined : end), `${p}xf`).map((xf) => {
    const id = Number(attribute(xf.attributes, "numFmtId") ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

interface Parsed {
  lastRow: number;
  values: Map<string, CellRead>;
  formulas: Map<string, string>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<string>;
  validations: SheetValidation[];
}

const ROW_OR_CELL = new Map<string, RegExp>();
function rowOrCell(p: string): RegExp {
  let re = ROW_OR_CELL.get(p);
  if (re === undefined) ROW_OR_CELL.set(p, (re = new RegExp(`<${p}(row|c)(?=[\\s/>])([^>]*)>`, "g")));
  re.lastIndex = 0;
  return re;
}

const isTrue = (v: string | undefined) => v === "1" || v === "true";
/**
 * A row too low or a column too narrow to show anything hides it as surely as the hidden flag does: under 3 points
 * (a line of 10-point text needs about 13) or under half a character.
 */
const tooLow = (v: string | undefined) => v !== undefined && Number(v) < 3;
const tooNarrow = (v: string | undefined) => v !== undefined && Number(v) < 0.5;

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * A worksheet's XML is decoded as latin1 (one byte, one character), which is several times faster than UTF-8 and
 * leaves every tag and attribute intact; the few texts that hold other characters (Chinese in formulas, string
 * results, validation lists) are turned back into UTF-8 here, as they are taken out.
 */
function utf8(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s;
}

/** Parses a worksheet part decoded as latin1 (see `utf8`). */
function parseSheet(xml: string, strings: readonly string[], dates: readonly boolean[], date1904: boolean, limits: Limits): Parsed {
  const p = rootPrefix(xml, "worksheet");
  const values = new Map<string, CellRead>();
  const formulas = new Map<string, string>();
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<string>();
  let lastRow = 0;

  const dataStart = xml.indexOf(`<${p}sheetData`);
  const head = dataStart === -1 ? xml : xml.slice(0, dataStart);
  for (const col of elements(head, `${p}col`)) {
    if (!isTrue(attribute(col.attributes, "hidden")) && !tooNarrow(attribute(col.attributes, "width"))) continue;
    const min = Number(attribute(col.attributes, "min"));
    const max = Math.min(Number(attribute(col.attributes, "max")), 16_384);
    for (let c = min; c <= max; c++) hiddenColumns.add(columnLetter(c));
  }

  // Shared formulas: the master cell holds the text; the others name it by `si` and are translated from it.
  const masters = new Map<string, { formula: string; row: number; column: number }>();
  const sharers: { address: string; si: string; row: number; column: number }[] = [];
  let dataEnd = xml.length;
  if (dataStart !== -1) {
    const close = xml.indexOf(`</${p}sheetData>`, dataStart);
    if (close !== -1) dataEnd = close;
    const re = rowOrCell(p);
    re.lastIndex = dataStart;
    let row = 0;
    /** The column of the previous cell; -1 until needed (only cells without an address need it). */
    let column = 0;
    let previous = "";
    let rows = 0;
    const closeCell = `</${p}c>`;
    const [fTag, vTag, isTag] = [tag(`${p}f`), tag(`${p}v`), tag(`${p}is`)];
    for (let m = re.exec(xml); m !== null && m.index < dataEnd; m = re.exec(xml)) {
      const attributes = m[2] as string;
      if (m[1] === "row") {
        const r = attribute(attributes, "r");
        row = r === undefined ? row + 1 : Number(r);
        column = 0;
        if (++rows > limits.maxRows) throw new WorkbookError(`工作表行数过多（超过 ${limits.maxRows} 行）/ too many rows`);
        if (isTrue(attribute(attributes, "hidden")) || tooLow(attribute(attributes, "ht"))) hiddenRows.add(row);
        continue;
      }
      const r = attribute(attributes, "r");
      let address: string;
      if (r === undefined) {
        // Cells may leave out their address: each follows the one before it in the row.
        if (column < 0) column = parseCell(previous)?.column ?? 0;
        column += 1;
        address = `${columnLetter(column)}${row}`;
      } else {
        address = r.toUpperCase();
        column = -1;
      }
      previous = address;
      // An empty cell (`<c r="B1" s="1"/>`): styled, nothing saved in it.
      if (attributes.charCodeAt(attributes.length - 1) === 47) continue;
      const end = xml.indexOf(closeCell, re.lastIndex);
      const content = xml.slice(re.lastIndex, end === -1 ? dataEnd : end);
      if (end !== -1) re.lastIndex = end + closeCell.length;
      const type = attribute(attributes, "t") ?? "n";

      const f = content.indexOf(fTag.open) === -1 ? null : child(content, fTag);
      if (f !== null) {
        const text = decodeXml(utf8(f.content));
        if (attribute(f.attributes, "t") === "shared") {
          const si = attribute(f.attributes, "si") ?? "";
          if (text !== "") masters.set(si, { formula: text, row, column: parseCell(address)?.column ?? 0 });
          else sharers.push({ address, si, row, column: parseCell(address)?.column ?? 0 });
        }
        if (text !== "") formulas.set(address, `=${text}`);
      }

      let value: CellRead = null;
      if (type === "inlineStr") {
        const is = child(content, isTag);
        value = is === null ? null : textOf(utf8(is.content), p);
      } else {
        const v = content.indexOf(vTag.open) === -1 ? null : child(content, vTag);
        // Left encoded: only text needs decoding, and most values are numbers or string indexes.
        const raw = v === null ? null : v.content;
        if (raw !== null && (raw !== "" || type === "str")) {
          switch (type) {
            case "s":
              value = strings[Number(raw)] ?? null;
              break;
            case "str":
              value = decodeText(utf8(raw));
              break;
            case "e":
              value = decodeXml(utf8(raw));
              break;
            case "b":
              value = isTrue(raw);
              break;
            case "d":
              value = decodeXml(utf8(raw)).slice(0, 10);
              break;
            default: {
              const n = Number(raw);
              const style = attribute(attributes, "s");
              value = Number.isNaN(n) ? decodeText(utf8(raw)) : style !== undefined && dates[Number(style)] === true ? isoDay(n, date1904) : n;
            }
          }
        }
      }
      if (value !== null) {
        values.set(address, value);
        if (row > lastRow) lastRow = row;
      }
    }
  }
  for (const s of sharers) {
    const master = masters.get(s.si);
    if (master !== undefined) formulas.set(s.address, `=${shiftFormula(master.formula, s.row - master.row, s.column - master.column)}`);
  }

  const validations: SheetValidation[] = [];
  const tail = xml.slice(dataEnd);
  const extStart = tail.indexOf(`<${p}extLst`);
  for (const dv of elements(extStart === -1 ? tail : tail.slice(0, extStart), `${p}dataValidation`)) {
    const inner = dv.content ?? "";
    const errorStyle = attribute(dv.attributes, "errorStyle") ?? "stop";
    validations.push({
      type: attribute(dv.attributes, "type") ?? "none",
      operator: attribute(dv.attributes, "operator") ?? "between",
      sqref: attribute(dv.attributes, "sqref") ?? "",
      formula1: decodeXml(utf8(child(inner, tag(`${p}formula1`))?.content ?? "")),
      formula2: decodeXml(utf8(child(inner, tag(`${p}formula2`))?.content ?? "")),
      refuses: errorStyle === "stop" && isTrue(attribute(dv.attributes, "showErrorMessage")),
    });
  }
  return { lastRow, values, formulas, hiddenRows, hiddenColumns, validations };
}

/**
 * Opens an .xlsx from its bytes. Throws WorkbookError (with the reviewer's one-line reason) for anything that is
 * not a workbook or is not safe to unpack; worksheets are unpacked and parsed when first read.
 */
export function openWorkbook(bytes: Buffer, limits: Limits = DEFAULT_LIMITS): SavedWorkbook {
  const sniff = sniffXlsx(bytes, limits);
  if (!sniff.ok) throw new WorkbookError(sniff.reason);
  const pkg: Package = { bytes, entries: new Map(sniff.entries.map((e) => [e.name, e])), limits };
  // sniffXlsx has already required the workbook part at this path, as every spreadsheet program writes it.
  const workbookXml = part(pkg, WORKBOOK);
  if (workbookXml === null) throw new WorkbookError("不是 Excel 工作簿 / not an Excel workbook");
  const rels = relationships(part(pkg, "xl/_rels/workbook.xml.rels"), "xl/");
  const related = (kind: string) => [...rels.values()].find((r) => r.type.endsWith(`/${kind}`))?.target;

  const p = rootPrefix(workbookXml, "workbook");
  const props = elements(workbookXml, `${p}workbookPr`)[0];
  const date1904 = props !== undefined && isTrue(attribute(props.attributes, "date1904"));
  let strings: string[] | null = null;
  let dates: boolean[] | null = null;

  const sheets: SavedSheet[] = elements(workbookXml, `${p}sheet`).map((el) => {
    const name = decodeXml(attribute(el.attributes, "name") ?? "");
    const state = attribute(el.attributes, "state");
    const rid = /(?:^|\s)[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(el.attributes)?.[1];
    const path = rid === undefined ? undefined : rels.get(rid)?.target;
    let parsed: Parsed | null = null;
    const load = (): Parsed => {
      if (parsed !== null) return parsed;
      strings ??= sharedStrings(part(pkg, related("sharedStrings") ?? "xl/sharedStrings.xml"));
      dates ??= dateStyles(part(pkg, related("styles") ?? "xl/styles.xml"));
      const xml = path === undefined ? null : part(pkg, path, "latin1");
      parsed =
        xml === null
          ? { lastRow: 0, values: new Map(), formulas: new Map(), hiddenRows: new Set(), hiddenColumns: new Set(), validations: [] }
          : parseSheet(xml, strings, dates, date1904, limits);
      return parsed;
    };
    return {
      name,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      read: (address) => load().values.get(address) ?? null,
      formula: (address) => load().formulas.get(address) ?? null,
      lastRow: () => load().lastRow,
      hiddenRows: () => load().hiddenRows,
      hiddenColumns: () => load().hiddenColumns,
      validations: () => load().validations,
    };
  });
  return {
    sheets,
    sheet: (name) => sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()),
  };
}
