/**
 * What a number format makes of a number, as far as StarScore reads cells: a date (read as the ISO day Excel
 * shows), a time or duration (read as the clock text Excel shows), or a plain number.
 */
export type FormatKind = "number" | "date" | "time";

/** Built-in formats (ECMA-376 §18.8.30, with the East Asian ids Excel uses in zh-CN) that show a day, or only a time. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILT_IN_TIMES = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

/** A format code without what never shows a date part: quoted text, escapes, fills, colours and conditions. */
function bare(code: string): string {
  return code
    .split(";")[0]!
    .replace(/"[^"]*"|\\.|_.|\*./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/General/gi, "");
}

/** The built-in number formats' codes (ECMA-376 Part 1 §18.8.30), as far as they are invariant. */
const BUILT_IN_CODES: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 48: "##0.0E+0", 49: "@",
};

/** A cell style's format code: its own, or the built-in one's (a date or time built-in reads as General here). */
export function formatCode(id: number, custom: string | undefined): string {
  return custom ?? BUILT_IN_CODES[id] ?? "General";
}

export function formatKind(id: number, custom: string | undefined): FormatKind {
  if (custom === undefined) return BUILT_IN_DATES.has(id) ? "date" : BUILT_IN_TIMES.has(id) ? "time" : "number";
  const code = bare(custom).toLowerCase();
  if (/[yd]/.test(code)) return "date";
  // "m" is a month unless it stands with hours or seconds, where it means minutes.
  if (/[hs]/.test(code)) return "time";
  return /m/.test(code) ? "date" : "number";
}

const DAY_MS = 86_400_000;
/** The last day either date system shows: 9999-12-31. */
const LAST_1900 = 2_958_465;
const LAST_1904 = LAST_1900 - 1462;

/**
 * The day a serial shows in Excel, ISO-formatted; null for a number no date can show (Excel fills the cell with
 * ####). The 1900 system counts the 29th of February 1900 that never was (serial 60), as Lotus 1-2-3 did, so
 * days before it are one later than a plain count from 1899-12-30; serial 0 shows as "1900-01-00".
 */
export function excelDay(serial: number, date1904: boolean): string | null {
  const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  if (!Number.isFinite(day) || day < 0 || day > (date1904 ? LAST_1904 : LAST_1900)) return null;
  if (!date1904) {
    if (day === 0) return "1900-01-00";
    if (day === 60) return "1900-02-29";
  }
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}

/** The clock a time or duration format shows: h:mm, or h:mm:ss when the format has seconds; [h] counts past 24. */
export function excelTime(serial: number, code: string | undefined, id: number): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_1900 + 1) return null;
  const format = code === undefined ? (id === 46 ? "[h]:mm:ss" : id === 19 || id === 21 || id === 33 || id === 35 || id === 45 || id === 56 ? "h:mm:ss" : "h:mm") : bare(code).toLowerCase();
  const total = Math.round(serial * 86_400);
  const hours = /\[h+\]/.test(format) ? Math.floor(total / 3600) : Math.floor(total / 3600) % 24;
  const two = (n: number) => String(n).padStart(2, "0");
  const clock = `${hours}:${two(Math.floor(total / 60) % 60)}`;
  return /s/.test(format) ? `${clock}:${two(total % 60)}` : clock;
}
