import { FILE_KINDS, reasonText } from "../review/submissions";
import type { SheetValidation } from "../sheets/cells";
import type { CellRead } from "../sheets/cells";
import type { ReadAhead } from "./readAhead";
import { openPackage, related, type Package } from "./package";
import { DEFAULT_LIMITS, sniffXlsx, type Limits } from "./sniff";
import { cellStyles, styleColours, themeColours, type CellStyle } from "./styles";
import { parseSheet, type Parsed } from "./worksheet";
import { decodeEscapes, readXml, XmlError, type PartText } from "./xml";
import { ZipError } from "./zip";

/**
 * A submitted workbook as the spreadsheet that saved it left it: values and formulas by A1 address, hidden rows
 * and columns, data validation. Read straight from the package (package.ts, xml.ts), because reviewers check
 * thousands of files and a general xlsx model (exceljs) costs several times more. Only what StarScore reads is
 * read; worksheets are parsed when first asked for, each part once however many sheets name it.
 */
export interface SavedWorkbook {
  sheets: SavedSheet[];
  /** A sheet by name, as Excel finds one: ignoring case (no two sheets' names differ only in case). */
  sheet(name: string): SavedSheet | undefined;
  /** What a defined name refers to (`Sheet1!$A$1`), found as Excel finds it, ignoring case; null when none. */
  definedName(name: string): string | null;
  /** The file the n-th external link (`[n]` in a formula, from 1) names; null when the package names none. */
  externalWorkbook(index: number): string | null;
}

export interface SavedSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** A cell's value as last saved: a formula's cached result (null when never computed), text, number, boolean, error code. */
  read(address: string): CellRead;
  /** A cell's number format code ("General", "0.0%", ";;;"). */
  format(address: string): string;
  /** The colours of a cell's text and fill as RGB hex; null for a fill Excel draws as a pattern or gradient. */
  colours(address: string): { ink: string; paper: string } | null;
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
function sharedStrings(xml: PartText | null, part: string): string[] {
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

interface Listed {
  name: string;
  state: SavedSheet["state"];
  part: string | null;
}

/** The sheets workbook.xml lists, in order, with the parts their relationships name. */
function listedSheets(xml: PartText, part: string, rels: ReturnType<Package["relationships"]>): { sheets: Listed[]; date1904: boolean; definedNames: Map<string, string>; externalLinks: string[] } {
  const sheets: Listed[] = [];
  const names = new Map<string, string>();
  const definedNames = new Map<string, string>();
  const externalLinks: string[] = [];
  let naming: string | null = null;
  let date1904 = false;
  readXml(
    xml,
    part,
    {
      open(el, path) {
        if (path.length === 0 && el.name !== "workbook") throw new XmlError(`${part}: 不是工作簿 / not a workbook part`);
        if (path.length === 1 && el.name === "workbookPr") date1904 = isTrue(el.attr("date1904"));
        if (path.length === 2 && path[1] === "definedNames" && el.name === "definedName") {
          naming = el.attr("name") ?? null;
          if (naming !== null && !definedNames.has(naming.toLowerCase())) definedNames.set(naming.toLowerCase(), "");
        }
        if (path.length === 2 && path[1] === "externalReferences" && el.name === "externalReference") externalLinks.push(el.attr("id", "r") ?? "");
        if (path.length !== 2 || path[1] !== "sheets" || el.name !== "sheet") return;
        if (sheets.length >= MAX_SHEETS) throw new XmlError(`${part}: 工作表过多 / more than ${MAX_SHEETS} sheets`);
        const state = el.attr("state");
        const rid = el.attr("id", "r");
        const name = el.attr("name") ?? "";
        // Excel finds a sheet by its name without regard to case: two such names make the workbook damaged.
        if (name.trim() === "") throw new XmlError(`${part}: 有工作表没有名称 / a sheet has no name`);
        const twin = names.get(sheetKey(name));
        if (twin !== undefined) throw new XmlError(`${part}: 两个工作表同名（不区分大小写）：“${twin}”与“${name}” / two sheets named alike regardless of case: "${twin}" and "${name}"`);
        names.set(sheetKey(name), name);
        sheets.push({
          name,
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          part: rid === undefined ? null : (rels.get(rid)?.target ?? null),
        });
      },
      text(t, path) {
        // A name's definition; the first of a name counts (a sheet's own one of the same name is rarer than a workbook's).
        if (naming !== null && path.length === 3 && path[1] === "definedNames") {
          const k = naming.toLowerCase();
          const known = definedNames.get(k) ?? "";
          if (known.length < MAX_DEFINITION) definedNames.set(k, (known + t).slice(0, MAX_DEFINITION));
        }
      },
      close(el) {
        if (el.name === "definedName") naming = null;
      },
    },
    KEEP_SPREADSHEET,
  );
  return { sheets, date1904, definedNames, externalLinks };
}

const isTrue = (v: string | undefined) => v === "1" || v === "true";
/** How much of a defined name's definition a finding quotes. */
const MAX_DEFINITION = 200;

/** A sheet name as Excel compares it: without regard to case. */
const sheetKey = (name: string) => name.toLowerCase();

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
export function openWorkbook(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, name = "", ahead?: ReadAhead): SavedWorkbook {
  const sniff = sniffXlsx(bytes, limits, name);
  if (!sniff.ok) throw new WorkbookError(sniff.reason);
  return guarded(() => {
    const pkg = openPackage(bytes, sniff.entries, limits, ahead);
    // The workbook is the part the package's own relationships name, wherever it lies.
    const workbookPart = related(pkg.relationships(""), "officeDocument");
    if (workbookPart === null) throw new WorkbookError("不是 Excel 工作簿（_rels/.rels 未指向工作簿）/ not an Excel workbook (no officeDocument relationship)");
    if (/\.bin$/i.test(workbookPart)) throw new WorkbookError(reasonText(FILE_KINDS.xlsb));
    const workbookXml = pkg.text(workbookPart);
    if (workbookXml === null) throw new WorkbookError(`缺少工作簿部件 ${workbookPart} / workbook part missing`);
    const rels = pkg.relationships(workbookPart);
    const { sheets: listed, date1904, definedNames, externalLinks } = listedSheets(workbookXml, workbookPart, rels);
    let strings: string[] | null = null;
    let styled: { styles: CellStyle[]; palette: string[] } | null = null;
    let theme: string[] | null = null;
    const themeColoursOf = () => {
      const part = related(rels, "theme");
      theme ??= guarded(() => themeColours(part === null ? null : pkg.text(part), part ?? "theme"));
      return theme;
    };
    const parsed = new Map<string, Parsed>();

    const load = (sheet: Listed): Parsed =>
      guarded(() => {
        if (sheet.part === null) throw new WorkbookError(`工作表“${sheet.name}”没有对应部件 / sheet "${sheet.name}" names no part`);
        const known = parsed.get(sheet.part.toLowerCase());
        if (known !== undefined) return known;
        const stringsPart = related(rels, "sharedStrings");
        const stylesPart = related(rels, "styles");
        strings ??= stringsPart === null ? [] : sharedStrings(pkg.text(stringsPart), stringsPart);
        styled ??= stylesPart === null ? { styles: [], palette: [] } : cellStyles(pkg.text(stylesPart), stylesPart);
        const xml = pkg.text(sheet.part);
        // A sheet whose part is missing is damage, not an empty form.
        if (xml === null) throw new WorkbookError(`缺少工作表部件 ${sheet.part} / worksheet part missing`);
        const p = parseSheet(xml, sheet.part, strings, styled.styles, date1904, limits);
        parsed.set(sheet.part.toLowerCase(), p);
        return p;
      });

    /** A cell's style in a parsed sheet (parsing a sheet loads the styles). */
    const styleOf = (p: Parsed, address: string): CellStyle | undefined => styled?.styles[p.styleOf.get(address) ?? 0];

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

    const sheets: SavedSheet[] = listed.map((s) => {
      // A check reads thousands of cells a sheet: each read goes to the parsed sheet at once, once it is parsed.
      let parsedSheet: Parsed | undefined;
      const sheet = () => (parsedSheet ??= load(s));
      return {
        name: s.name,
        state: s.state,
        read: (address) => sheet().values.get(address) ?? null,
        formula: (address) => sheet().formula(address),
        format: (address) => styleOf(sheet(), address)?.format ?? "General",
        colours: (address) => styleColours(styleOf(sheet(), address), styled?.palette ?? [], themeColoursOf),
        lastRow: () => sheet().lastRow,
        hiddenRows: () => sheet().hiddenRows,
        hiddenColumns: () => sheet().hiddenColumns,
        validations: () => sheet().validations,
        hyperlinks: () => linksOf(s, sheet()),
      };
    });
    return {
      sheets,
      sheet: (name) => sheets.find((s) => sheetKey(s.name) === sheetKey(name)),
      definedName: (name) => definedNames.get(name.toLowerCase()) ?? null,
      externalWorkbook: (index) => {
        // [n] is the n-th <externalReference>; its part's own relationship names the other workbook's file.
        const link = rels.get(externalLinks[index - 1] ?? "")?.target;
        if (link === null || link === undefined) return null;
        for (const r of guarded(() => pkg.relationships(link)).values()) if (r.external !== undefined && /\/externalLinkPath$|\/xlPathMissing$/.test(r.type)) return r.external;
        return null;
      },
    };
  });
}
