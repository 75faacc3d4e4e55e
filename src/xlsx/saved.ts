import { FILE_KINDS, reasonText } from "../review/submissions";
import type { SheetValidation } from "../sheets/cells";
import type { CellRead } from "../sheets/cells";
import { formatKind } from "./numberFormat";
import { openPackage, related, type Package } from "./package";
import { DEFAULT_LIMITS, sniffXlsx, type Limits } from "./sniff";
import { parseSheet, type CellStyle, type Parsed } from "./worksheet";
import { decodeEscapes, readXml, XmlError } from "./xml";
import { ZipError } from "./zip";

/**
 * A submitted workbook as the spreadsheet that saved it left it: values and formulas by A1 address, hidden rows
 * and columns, data validation. Read straight from the package (package.ts, xml.ts), because reviewers check
 * thousands of files and a general xlsx model (exceljs) costs several times more. Only what StarScore reads is
 * read; worksheets are parsed when first asked for, each part once however many sheets name it.
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
  /** Each cell's hyperlink to outside the workbook (a file beside it, a web page): cell → target as written. */
  hyperlinks(): ReadonlyMap<string, string>;
}

/** A workbook StarScore cannot use, with a one-line reason (无法读取：…). */
export class WorkbookError extends Error {
  override name = "WorkbookError";
}

const KEEP_SPREADSHEET = new Set(["x", "r"]);
/** Sheets a workbook may list; Excel's own limit is memory, and a StarScore workbook has two or three. */
const MAX_SHEETS = 1_000;

/** The texts of the shared strings: each item's runs joined, phonetic guides (<rPh>) left out, as Excel shows them. */
function sharedStrings(xml: string | null, part: string): string[] {
  const out: string[] = [];
  if (xml === null) return out;
  let item: string[] | null = null;
  let text = false;
  readXml(
    xml,
    part,
    {
      open(el, path) {
        if (path.length === 1 && el.name === "si") item = [];
        else if (el.name === "t" && item !== null && (path.length === 2 || (path.length === 3 && path[2] === "r"))) text = true;
      },
      text(t) {
        if (text) item?.push(t);
      },
      close(el, path) {
        text = false;
        if (path.length === 1 && el.name === "si" && item !== null) {
          out.push(decodeEscapes(item.join("")));
          item = null;
        }
      },
    },
    KEEP_SPREADSHEET,
  );
  return out;
}

/** How each cell style shows numbers, from styles.xml's cellXfs and numFmts. */
function cellStyles(xml: string | null, part: string): CellStyle[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const styles: CellStyle[] = [];
  readXml(
    xml,
    part,
    {
      open(el, path) {
        if (path.length !== 2) return;
        if (path[1] === "numFmts" && el.name === "numFmt") custom.set(Number(el.attr("numFmtId")), el.attr("formatCode") ?? "");
        else if (path[1] === "cellXfs" && el.name === "xf") {
          const id = Number(el.attr("numFmtId") ?? 0);
          const code = custom.get(id);
          styles.push({ kind: formatKind(id, code), id, code });
        }
      },
    },
    KEEP_SPREADSHEET,
  );
  return styles;
}

interface Listed {
  name: string;
  state: SavedSheet["state"];
  part: string | null;
}

/** The sheets workbook.xml lists, in order, with the parts their relationships name. */
function listedSheets(xml: string, part: string, rels: ReturnType<Package["relationships"]>): { sheets: Listed[]; date1904: boolean } {
  const sheets: Listed[] = [];
  let date1904 = false;
  readXml(
    xml,
    part,
    {
      open(el, path) {
        if (path.length === 0 && el.name !== "workbook") throw new XmlError(`${part}: 不是工作簿 / not a workbook part`);
        if (path.length === 1 && el.name === "workbookPr") date1904 = isTrue(el.attr("date1904"));
        if (path.length !== 2 || path[1] !== "sheets" || el.name !== "sheet") return;
        if (sheets.length >= MAX_SHEETS) throw new XmlError(`${part}: 工作表过多 / more than ${MAX_SHEETS} sheets`);
        const state = el.attr("state");
        const rid = el.attr("id", "r");
        sheets.push({
          name: el.attr("name") ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          part: rid === undefined ? null : (rels.get(rid)?.target ?? null),
        });
      },
    },
    KEEP_SPREADSHEET,
  );
  return { sheets, date1904 };
}

const isTrue = (v: string | undefined) => v === "1" || v === "true";

/** Runs a read of the package, turning damage found on the way into the reviewer's one-line reason. */
function guarded<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ZipError || e instanceof XmlError) throw new WorkbookError(e.message);
    throw e;
  }
}

/**
 * Opens an .xlsx from its bytes (`name`, the file's name, only tells WPS's .et from .xls). Throws WorkbookError
 * (with the reviewer's one-line reason) for anything that is not a workbook or is not safe to unpack; worksheets are unpacked and parsed when first read, and throw the same
 * way when damaged.
 */
export function openWorkbook(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, name = ""): SavedWorkbook {
  const sniff = sniffXlsx(bytes, limits, name);
  if (!sniff.ok) throw new WorkbookError(sniff.reason);
  return guarded(() => {
    const pkg = openPackage(bytes, sniff.entries, limits);
    // The workbook is the part the package's own relationships name, wherever it lies.
    const workbookPart = related(pkg.relationships(""), "officeDocument");
    if (workbookPart === null) throw new WorkbookError("不是 Excel 工作簿（_rels/.rels 未指向工作簿）/ not an Excel workbook (no officeDocument relationship)");
    if (/\.bin$/i.test(workbookPart)) throw new WorkbookError(reasonText(FILE_KINDS.xlsb));
    const workbookXml = pkg.text(workbookPart);
    if (workbookXml === null) throw new WorkbookError(`缺少工作簿部件 ${workbookPart} / workbook part missing`);
    const rels = pkg.relationships(workbookPart);
    const { sheets: listed, date1904 } = listedSheets(workbookXml, workbookPart, rels);
    let strings: string[] | null = null;
    let styles: CellStyle[] | null = null;
    const parsed = new Map<string, Parsed>();

    const load = (sheet: Listed): Parsed =>
      guarded(() => {
        if (sheet.part === null) throw new WorkbookError(`工作表“${sheet.name}”没有对应部件 / sheet "${sheet.name}" names no part`);
        const known = parsed.get(sheet.part.toLowerCase());
        if (known !== undefined) return known;
        const stringsPart = related(rels, "sharedStrings");
        const stylesPart = related(rels, "styles");
        strings ??= stringsPart === null ? [] : sharedStrings(pkg.text(stringsPart), stringsPart);
        styles ??= stylesPart === null ? [] : cellStyles(pkg.text(stylesPart), stylesPart);
        const xml = pkg.text(sheet.part);
        // A sheet whose part is missing is damage, not an empty form.
        if (xml === null) throw new WorkbookError(`缺少工作表部件 ${sheet.part} / worksheet part missing`);
        const p = parseSheet(xml, sheet.part, strings, styles, date1904, limits);
        parsed.set(sheet.part.toLowerCase(), p);
        return p;
      });

    // A hyperlink's target is in the sheet's relationships (TargetMode="External"); links within the workbook have none.
    const linksOf = (sheet: Listed, p: Parsed): Map<string, string> =>
      guarded(() => {
        const out = new Map<string, string>();
        if (p.hyperlinks.length === 0 || sheet.part === null) return out;
        const rels = pkg.relationships(sheet.part);
        for (const { ref, id } of p.hyperlinks) {
          const target = rels.get(id)?.external;
          if (target !== undefined && !out.has(ref)) out.set(ref, target);
        }
        return out;
      });

    const sheets: SavedSheet[] = listed.map((s) => ({
      name: s.name,
      state: s.state,
      read: (address) => load(s).values.get(address) ?? null,
      formula: (address) => load(s).formula(address),
      lastRow: () => load(s).lastRow,
      hiddenRows: () => load(s).hiddenRows,
      hiddenColumns: () => load(s).hiddenColumns,
      validations: () => load(s).validations,
      hyperlinks: () => linksOf(s, load(s)),
    }));
    return {
      sheets,
      sheet: (name) => sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()),
    };
  });
}
