/**
 * What a cell shows, as far as a reviewer's check needs it: a number format's section for a value, whether it shows
 * the value at all, and a number as a plain or percent format shows it. Pure, for the file reader and the pane alike.
 * Grouping, colours and conditions are not rendered; dates and times are (the reader shows them as Excel does).
 */

/** The section of a format code that shows `value` (positive; negative; zero; text), brackets kept. */
function rawSection(value: number | string, code: string): string {
  const sections = code.split(";");
  if (typeof value === "string") return sections.length >= 4 ? (sections[3] as string) : "@";
  const section = value < 0 && sections.length > 1 ? sections[1] : value === 0 && sections.length > 2 ? sections[2] : sections[0];
  return section ?? "";
}

/** A section without what never shows the value: quoted text, escapes, fills, padding, colours and conditions. */
const placeholders = (section: string) => section.replace(/"[^"]*"|\\.|_.|\*./g, "").replace(/\[[^\]]*\]/g, "");

/** The literal text a section shows around (or instead of) the value. */
const literal = (section: string) =>
  [...section.matchAll(/"([^"]*)"|\\(.)|([^"\\[\]_*#0?.,%@]|\[[^\]]*\])/g)].map((m) => m[1] ?? m[2] ?? (m[3]?.startsWith("[") === true ? "" : (m[3] ?? ""))).join("");

/** Whether a number format shows `n` as a percentage: a `%` in the section that shows it. */
export function showsPercent(n: number, code: string): boolean {
  return placeholders(rawSection(n, code)).includes("%");
}

/**
 * A number as its format shows it: `0.0%` shows 1.5 as `150.0%`, `0.00` shows 0.95 as `0.95`, General shows up to
 * ten significant digits.
 */
export function numberShown(n: number, code: string): string {
  const section = placeholders(rawSection(n, code));
  const decimals = /\.([0#?]+)/.exec(section)?.[1]?.length;
  const percent = section.includes("%");
  const value = percent ? n * 100 : n;
  const text = decimals !== undefined ? value.toFixed(decimals) : /general/i.test(section) || !/[0#?]/.test(section) ? String(Number(value.toPrecision(10))) : value.toFixed(0);
  return percent ? `${text}%` : text;
}

/**
 * What a cell shows instead of its value when its format does not show the value at all (`;;;` shows nothing,
 * `"100%"` shows 100% whatever the number), or null when the format shows the value. A section shows the value when
 * it has a digit placeholder, General, a date or time part, or (for text) `@`.
 */
export function formatHides(value: number | string, code: string): { shown: string } | null {
  const section = rawSection(value, code);
  const bare = placeholders(section).toLowerCase();
  const shows = typeof value === "string" ? bare.includes("@") : /[0#?]|general|[ymdhs]/.test(bare);
  return shows ? null : { shown: literal(section) };
}
