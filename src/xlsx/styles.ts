import { formatCode, formatKind, type FormatKind } from "./numberFormat";
import { readXml, type PartText } from "./xml";

/**
 * How each cell style (s="n") shows a cell, from styles.xml: its number format, and the colours of its text and of
 * its fill, so that the check can tell a value drawn in the colour of its fill (review/entryCells.ts). Colours are
 * resolved as Excel resolves them: an ARGB value, a theme colour (theme part, with its tint), an indexed one (the
 * default palette or the workbook's own), or automatic.
 */
export interface CellStyle {
  kind: FormatKind;
  id: number;
  code: string | undefined;
  /** The format code, a built-in one's included ("General", "0.00%"). */
  format: string;
  /** The text colour; null for automatic. */
  ink: Colour | null;
  /** The fill: none (the sheet's white), a solid colour, or another pattern or a gradient (not resolved). */
  fill: { kind: "none" } | { kind: "solid"; colour: Colour | null } | { kind: "other" };
}

/** A colour as styles.xml gives it. */
export interface Colour {
  rgb?: string;
  theme?: number;
  indexed?: number;
  tint: number;
}

const KEEP = new Set(["x"]);
const DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";

function colourOf(attr: (name: string) => string | undefined): Colour | null {
  if (attr("auto") === "1" || attr("auto") === "true") return null;
  const tint = Number(attr("tint") ?? 0) || 0;
  const rgb = attr("rgb");
  if (rgb !== undefined && /^[0-9A-Fa-f]{6,8}$/.test(rgb)) return { rgb: rgb.slice(-6).toUpperCase(), tint };
  const theme = attr("theme");
  if (theme !== undefined && /^[0-9]+$/.test(theme)) return { theme: Number(theme), tint };
  const indexed = attr("indexed");
  if (indexed !== undefined && /^[0-9]+$/.test(indexed)) return { indexed: Number(indexed), tint };
  return null;
}

/** The cell styles of styles.xml, and the workbook's own palette when it has one (`<indexedColors>`). */
export function cellStyles(xml: PartText | null, part: string): { styles: CellStyle[]; palette: string[] } {
  if (xml === null) return { styles: [], palette: [] };
  const custom = new Map<number, string>();
  const fonts: (Colour | null)[] = [];
  const fills: CellStyle["fill"][] = [];
  const xfs: { id: number; font: number; fill: number }[] = [];
  const palette: string[] = [];
  readXml(
    xml,
    part,
    {
      open(el, path) {
        const depth = path.length;
        if (depth === 2 && path[1] === "numFmts" && el.name === "numFmt") custom.set(Number(el.attr("numFmtId")), el.attr("formatCode") ?? "");
        else if (depth === 2 && path[1] === "fonts" && el.name === "font") fonts.push(null);
        else if (depth === 3 && path[1] === "fonts" && el.name === "color") fonts[fonts.length - 1] = colourOf((n) => el.attr(n));
        else if (depth === 2 && path[1] === "fills" && el.name === "fill") fills.push({ kind: "other" });
        else if (depth === 3 && path[1] === "fills" && el.name === "patternFill") {
          const pattern = el.attr("patternType") ?? "none";
          fills[fills.length - 1] = pattern === "none" ? { kind: "none" } : pattern === "solid" ? { kind: "solid", colour: null } : { kind: "other" };
        } else if (depth === 4 && path[1] === "fills" && el.name === "fgColor") {
          const fill = fills[fills.length - 1];
          if (fill?.kind === "solid") fill.colour = colourOf((n) => el.attr(n));
        } else if (depth === 2 && path[1] === "cellXfs" && el.name === "xf") {
          xfs.push({ id: Number(el.attr("numFmtId") ?? 0), font: Number(el.attr("fontId") ?? 0), fill: Number(el.attr("fillId") ?? 0) });
        } else if (depth === 3 && path[1] === "colors" && path[2] === "indexedColors" && el.name === "rgbColor") {
          palette.push((el.attr("rgb") ?? "000000").slice(-6).toUpperCase());
        }
      },
    },
    KEEP,
  );
  const styles = xfs.map(({ id, font, fill }) => {
    const code = custom.get(id);
    return { kind: formatKind(id, code), id, code, format: formatCode(id, code), ink: fonts[font] ?? null, fill: fills[fill] ?? { kind: "none" as const } };
  });
  return { styles, palette };
}

/** The theme's colours in the order SpreadsheetML's `theme="n"` counts them (lt1 and dk1 first, as Excel swaps them). */
const THEME_ORDER = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];
/** Office's own theme, for a workbook without a theme part. */
const OFFICE_THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72"];

/** The colours of a theme part (`a:clrScheme`), in `theme="n"` order. */
export function themeColours(xml: PartText | null, part: string): string[] {
  if (xml === null) return OFFICE_THEME;
  const found = new Map<string, string>();
  let slot: string | null = null;
  readXml(
    xml,
    part,
    {
      open(el, path) {
        if (path[path.length - 1] === "clrScheme") slot = el.name;
        else if (slot !== null && path[path.length - 2] === "clrScheme") {
          const value = el.name === "sysClr" ? el.attr("lastClr") : el.name === "srgbClr" ? el.attr("val") : undefined;
          if (value !== undefined && /^[0-9A-Fa-f]{6}$/.test(value)) found.set(slot, value.toUpperCase());
        }
      },
    },
    new Set([DRAWING]),
  );
  return THEME_ORDER.map((name, i) => found.get(name) ?? (OFFICE_THEME[i] as string));
}

/** The default palette of indexed colours (0–63); 64 is the system's text colour, 65 its background. */
const PALETTE = (
  "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF " +
  "800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF " +
  "000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 " +
  "3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333 000000 FFFFFF"
).split(" ");

/** A tint applied to a colour's luminance (ECMA-376 Part 1 §18.8.19): darker below 0, lighter above. */
function tinted(rgb: string, tint: number): string {
  if (tint === 0) return rgb;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs((((h % 6) + 6) % 6) % 2 - 1));
  const m = l - c / 2;
  const sector = Math.floor((((h % 6) + 6) % 6));
  const [r1, g1, b1] = [[c, x, 0], [x, c, 0], [0, c, x], [0, x, c], [x, 0, c], [c, 0, x]][sector] as [number, number, number];
  return [r1, g1, b1].map((v) => Math.round((v + m) * 255).toString(16).padStart(2, "0")).join("").toUpperCase();
}

/** A colour as RGB hex; `theme` is read only when a colour needs it. */
export function resolveColour(c: Colour, palette: readonly string[], theme: () => readonly string[]): string {
  const base = c.rgb ?? (c.theme !== undefined ? (theme()[c.theme] ?? "000000") : ((c.indexed !== undefined ? (palette[c.indexed] ?? PALETTE[c.indexed]) : undefined) ?? "000000"));
  return tinted(base, c.tint);
}

/** A style's text and fill colours as a reviewer sees them; null for a fill that is a pattern or a gradient. */
export function styleColours(style: CellStyle | undefined, palette: readonly string[], theme: () => readonly string[]): { ink: string; paper: string } | null {
  const ink = style?.ink === null || style?.ink === undefined ? "000000" : resolveColour(style.ink, palette, theme);
  const fill = style?.fill ?? { kind: "none" };
  if (fill.kind === "other") return null;
  if (fill.kind === "solid" && fill.colour === null) return null;
  const paper = fill.kind === "solid" && fill.colour !== null ? resolveColour(fill.colour, palette, theme) : "FFFFFF";
  return { ink, paper };
}
