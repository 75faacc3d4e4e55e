import { columnLetter, MAX_COLUMN, MAX_ROW, parseCell } from "../sheets/address";
import type { CellRead, SheetValidation } from "../sheets/cells";
import { shiftFormula } from "../sheets/shiftFormula";
import { excelDay, excelTime } from "./numberFormat";
import type { CellStyle } from "./styles";
import type { Limits } from "./sniff";
import { decodeEscapes, readXml, XmlError, type PartText, type XmlElement } from "./xml";

export interface Parsed {
  lastRow: number;
  values: Map<string, CellRead>;
  /** The style index (s="n") of each cell that holds a value and a style other than the default. */
  styleOf: Map<string, number>;
  formula(address: string): string | null;
  hiddenRows: Set<number>;
  hiddenColumns: Set<string>;
  validations: SheetValidation[];
  /** The sheet's hyperlinks: the cell (`G12`, or the first of a range) and its relationship id (an external target). */
  hyperlinks: { ref: string; id: string }[];
}

/** Hyperlinks kept from one sheet: Excel allows 65,530 (Excel specifications and limits). */
const MAX_HYPERLINKS = 65_530;

/** Excel's limit on a formula's length (Excel specifications and limits); a longer one is not a formula Excel saved. */
const MAX_FORMULA = 8_192;

const isTrue = (v: string | undefined) => v === "1" || v === "true";
/** A number as XML Schema's xsd:double writes it (ECMA-376 ST_Xstring for t="n"), surrounding spaces allowed; no hex, no Infinity. */
const DOUBLE = /^\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$/;
/**
 * A row too low or a column too narrow to show anything hides it as surely as the hidden flag does: under 3 points
 * (a line of 10-point text needs about 13) or under half a character.
 */
const tooLow = (v: string | undefined) => v !== undefined && Number(v) < 3;
const tooNarrow = (v: string | undefined) => v !== undefined && Number(v) < 0.5;

const KEEP = new Set(["x", "r"]);

/** A whole number in [min, max], or null. */
function whole(v: string | undefined, min: number, max: number): number | null {
  if (v === undefined) return null;
  // Plain digits, as nearly every program writes them, without a regular expression.
  let n = 0;
  if (v.length > 0 && v.length <= 7) {
    for (let i = 0; i < v.length; i++) {
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) {
        n = -1;
        break;
      }
      n = n * 10 + d;
    }
  } else n = -1;
  if (n === -1) {
    if (!/^\d{1,7}$/.test(v.trim())) return null;
    n = Number(v);
  }
  return n >= min && n <= max ? n : null;
}

/** 1 to 10 ASCII digits as a number (a shared string's index); NaN for anything else, spaces included. */
function digits(v: string): number {
  if (v.length === 0 || v.length > 10) return NaN;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A cell's `r` as written: its column and row, and whether `r` is already the address as this reader writes it
 * (`G12`: capitals, no `$`, no leading zero), so that the common case costs no regular expression and no new string.
 */
function cellRef(r: string): { column: number; row: number; canonical: boolean } | null {
  let i = 0;
  let column = 0;
  for (; i < r.length && i < 3; i++) {
    const c = r.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  const letters = i;
  let row = 0;
  for (; i < r.length && i - letters < 8; i++) {
    const d = r.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (letters > 0 && i === r.length && i > letters && r.charCodeAt(letters) !== 48) return { column, row, canonical: true };
  const parsed = parseCell(r.toUpperCase());
  return parsed === null ? null : { ...parsed, canonical: false };
}

interface Cell {
  address: string;
  row: number;
  column: number;
  type: string;
  style: number;
  formula: { text: string; shared: string | null; master: boolean } | null;
  value: string | null;
  inline: string | null;
}

/**
 * Reads a worksheet part in one pass. What Excel would refuse to open (or "repair") and what could make two
 * programs show different things is refused here with a reason: a cell given twice, a cell outside its row, rows
 * out of order, column ranges off the sheet, a formula longer than Excel allows.
 */
export function parseSheet(xml: PartText, part: string, strings: readonly string[], styles: readonly CellStyle[], date1904: boolean, limits: Limits): Parsed {
  const values = new Map<string, CellRead>();
  const styleOf = new Map<string, number>();
  const formulas = new Map<string, string>();
  const masters = new Map<string, { formula: string; row: number; column: number }>();
  const sharers = new Map<string, { si: string; row: number; column: number }>();
  const hiddenRows = new Set<number>();
  /** Hidden column ranges as given: each <col> costs O(1), however wide; merged once at the end. */
  const hiddenRanges: [number, number][] = [];
  const validations: SheetValidation[] = [];
  const hyperlinks: Parsed["hyperlinks"] = [];
  let lastRow = 0;
  let row = 0;
  let rows = 0;
  let column = 0;
  let cell: Cell | null = null;
  /** Where text goes while an element whose text is read is open. */
  let text: string | null = null;
  let validation: { el: XmlElement; formula1: string; formula2: string } | null = null;
  const refuse = (what: string) => new XmlError(`${part}: ${what}`);

  const value = (c: Cell): CellRead => {
    if (c.type === "inlineStr") return c.inline === null ? null : decodeEscapes(c.inline);
    const raw = c.value;
    if (raw === null || (raw === "" && c.type !== "str")) return null;
    // A value its type cannot hold is damage (Excel repairs the file, dropping the cell): refused, never read as
    // an empty cell or as text.
    const damaged = (what: string) => refuse(`单元格 ${c.address} ${what}`);
    switch (c.type) {
      case "s": {
        const index = digits(raw);
        if (!(index < strings.length)) throw damaged(`引用的共享字符串 ${raw.slice(0, 20)} 不存在（共 ${strings.length} 条）/ refers to shared string ${raw.slice(0, 20)}, which does not exist`);
        return strings[index] as string;
      }
      case "str":
        return decodeEscapes(raw);
      case "e":
        return raw;
      case "b":
        if (raw !== "0" && raw !== "1" && raw !== "true" && raw !== "false") throw damaged(`的逻辑值“${raw.slice(0, 20)}”无效 / holds "${raw.slice(0, 20)}", not a boolean`);
        return isTrue(raw);
      case "d":
        return raw.slice(0, 10);
      case "n": {
        if (!DOUBLE.test(raw)) throw damaged(`的数值“${raw.slice(0, 20)}”无效 / holds "${raw.slice(0, 20)}", not a number`);
        const n = Number(raw);
        const style = styles[c.style];
        if (style === undefined || style.kind === "number") return n;
        // A number no date or clock can show (a phone number in a date cell) is read as the number it is.
        return (style.kind === "date" ? excelDay(n, date1904) : excelTime(n, style.code, style.id)) ?? n;
      }
      default:
        throw damaged(`的类型 t="${c.type.slice(0, 20)}" 无效 / has an unknown type t="${c.type.slice(0, 20)}"`);
    }
  };

  readXml(
    xml,
    part,
    {
      open(el, path) {
        const depth = path.length;
        if (depth === 0) {
          if (el.name !== "worksheet" && el.name !== "chartsheet" && el.name !== "dialogsheet") throw refuse("不是工作表 / not a worksheet");
          return;
        }
        const parent = path[depth - 1];
        if (depth === 2 && parent === "cols" && el.name === "col") {
          const min = whole(el.attr("min"), 1, MAX_COLUMN);
          const max = whole(el.attr("max"), 1, MAX_COLUMN);
          if (min === null || max === null || max < min) throw refuse(`列范围无效 / invalid column range ${el.attr("min")}–${el.attr("max")}`);
          if (isTrue(el.attr("hidden")) || tooNarrow(el.attr("width"))) {
            hiddenRanges.push([min, max]);
          }
        } else if (depth === 2 && parent === "sheetData" && el.name === "row") {
          const r = el.attr("r");
          const next = r === undefined ? row + 1 : whole(r, 1, MAX_ROW);
          if (next === null || next <= row) throw refuse(`行号无效或顺序颠倒 / row ${r} out of order or off the sheet`);
          row = next;
          column = 0;
          if (++rows > limits.maxRows) throw refuse(`工作表行数过多（超过 ${limits.maxRows} 行）/ too many rows`);
          if (isTrue(el.attr("hidden")) || tooLow(el.attr("ht"))) hiddenRows.add(row);
        } else if (depth === 3 && parent === "row" && el.name === "c") {
          const r = el.attr("r");
          let at = { row, column: column + 1 };
          let address: string | null = null;
          if (r !== undefined) {
            const parsed = cellRef(r);
            if (parsed === null || parsed.row !== row || parsed.column <= column) throw refuse(`单元格 ${r} 不在第 ${row} 行的位置 / cell ${r} out of place in row ${row}`);
            at = parsed;
            if (parsed.canonical) address = r;
          } else if (at.column > MAX_COLUMN) {
            throw refuse(`第 ${row} 行单元格过多 / too many cells in row ${row}`);
          }
          column = at.column;
          const style = whole(el.attr("s"), 0, 65_535);
          cell = { address: address ?? `${columnLetter(at.column)}${at.row}`, row: at.row, column: at.column, type: el.attr("t") ?? "n", style: style ?? 0, formula: null, value: null, inline: null };
        } else if (depth === 4 && parent === "c" && cell !== null) {
          if (el.name === "f") {
            const si = el.attr("si");
            cell.formula = { text: "", shared: el.attr("t") === "shared" && si !== undefined ? si : null, master: false };
            text = "";
          } else if (el.name === "v") {
            text = "";
          } else if (el.name === "is") {
            cell.inline = "";
          }
        } else if (cell !== null && el.name === "t" && (parent === "is" || (parent === "r" && path[depth - 2] === "is"))) {
          // The runs of an inline string; its phonetic guides (<rPh>) are not shown in the cell.
          text = "";
        } else if (depth === 2 && parent === "hyperlinks" && el.name === "hyperlink") {
          const ref = el.attr("ref")?.split(":")[0]?.toUpperCase();
          const id = el.attr("id", "r");
          if (ref !== undefined && id !== undefined && hyperlinks.length < MAX_HYPERLINKS) hyperlinks.push({ ref, id });
        } else if (depth === 2 && parent === "dataValidations" && el.name === "dataValidation") {
          validation = { el, formula1: "", formula2: "" };
        } else if (depth === 3 && parent === "dataValidation" && validation !== null && (el.name === "formula1" || el.name === "formula2")) {
          text = "";
        }
      },
      text(t) {
        if (text !== null) text += t;
      },
      close(el, path) {
        const depth = path.length;
        const got = text ?? "";
        text = null;
        if (cell === null) {
          if (validation !== null && depth === 3 && el.name === "formula1") validation.formula1 = got;
          else if (validation !== null && depth === 3 && el.name === "formula2") validation.formula2 = got;
          else if (validation !== null && depth === 2 && el.name === "dataValidation") {
            const v = validation.el;
            const errorStyle = v.attr("errorStyle") ?? "stop";
            validations.push({
              type: v.attr("type") ?? "none",
              operator: v.attr("operator") ?? "between",
              sqref: v.attr("sqref") ?? "",
              formula1: validation.formula1,
              formula2: validation.formula2,
              refuses: errorStyle === "stop" && isTrue(v.attr("showErrorMessage")),
            });
            validation = null;
          }
          return;
        }
        if (depth === 4 && el.name === "f" && cell.formula !== null) {
          if (got.length > MAX_FORMULA) throw refuse(`${cell.address} 的公式超过 ${MAX_FORMULA} 个字符 / formula longer than Excel allows`);
          cell.formula.text = got;
        } else if (depth === 4 && el.name === "v") {
          cell.value = got;
        } else if (el.name === "t" && depth >= 5) {
          cell.inline = (cell.inline ?? "") + got;
        } else if (depth === 3 && el.name === "c") {
          const c = cell;
          cell = null;
          if (values.has(c.address) || formulas.has(c.address) || sharers.has(c.address)) throw refuse(`单元格 ${c.address} 出现两次 / cell ${c.address} appears twice`);
          const f = c.formula;
          if (f !== null) {
            // Shared formulas: the master cell holds the text; the others name it by `si` and are translated from it.
            if (f.shared !== null && f.text === "") sharers.set(c.address, { si: f.shared, row: c.row, column: c.column });
            else {
              if (f.shared !== null && !masters.has(f.shared)) masters.set(f.shared, { formula: f.text, row: c.row, column: c.column });
              if (f.text !== "") formulas.set(c.address, `=${f.text}`);
            }
          }
          const v = value(c);
          if (v !== null) {
            values.set(c.address, v);
            if (c.style !== 0) styleOf.set(c.address, c.style);
            if (c.row > lastRow) lastRow = c.row;
          }
        }
      },
    },
    KEEP,
  );

  const hiddenColumns = new Set<string>();
  hiddenRanges.sort((a, b) => a[0] - b[0]);
  let next = 1;
  for (const [min, max] of hiddenRanges) for (let c = Math.max(min, next); c <= max; c++, next = c) hiddenColumns.add(columnLetter(c));
  return {
    lastRow,
    values,
    styleOf,
    // A shared formula is translated when a cell's formula is asked for, so a sheet of many sharers costs nothing
    // until read, and each translation is bounded by the formula's length.
    formula(address) {
      const own = formulas.get(address);
      if (own !== undefined) return own;
      const s = sharers.get(address);
      const master = s === undefined ? undefined : masters.get(s.si);
      if (s === undefined || master === undefined) return null;
      const f = `=${shiftFormula(master.formula, s.row - master.row, s.column - master.column)}`;
      formulas.set(address, f);
      return f;
    },
    hiddenRows,
    hiddenColumns,
    validations,
    hyperlinks,
  };
}
