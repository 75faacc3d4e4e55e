import { displayWidth } from "../sheets/textWidth";
import { escapeHtml } from "./escape";

/**
 * A radar chart (雷达图) as an SVG string: one axis per subsection, the polygon joining each axis's share
 * (earned ÷ maximum, 0 … 1). Pure string building; every label is escaped. Axes run clockwise from the top.
 */

export interface RadarAxis {
  /** The axis title (a subsection's title). */
  label: string;
  /** 0 … 1 (clamped), or null when nothing on the axis applies (不涉及): no point is drawn on it. */
  value: number | null;
}

export interface RadarOptions {
  /** What a null axis says under its label (不涉及 / N/A). */
  naLabel: string;
  /** The chart's accessible name. */
  title: string;
}

export const RADAR_MIN_AXES = 3;
export const RADAR_MAX_AXES = 20;

/** Fixed geometry: the plot sits in a 680 × 600 box, room around it for labels. */
export const RADAR_BOX = { width: 680, height: 600, cx: 340, cy: 300, radius: 200 } as const;

export interface Point {
  x: number;
  y: number;
}

/** Rounded to 2 decimals: the SVG's coordinates are stable text, and tests can compare them. */
function r2(n: number): number {
  const v = Math.round(n * 100) / 100;
  return v === 0 ? 0 : v;
}

/** The angle of axis `i` of `n`, clockwise from the top. */
function angle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / n;
}

/** Where a share `value` (0 … 1) lies on axis `i` of `n`. */
export function radarPoint(i: number, n: number, value: number): Point {
  const v = Math.min(Math.max(value, 0), 1);
  const a = angle(i, n);
  return { x: r2(RADAR_BOX.cx + RADAR_BOX.radius * v * Math.cos(a)), y: r2(RADAR_BOX.cy + RADAR_BOX.radius * v * Math.sin(a)) };
}

/** The polygon's corners: one per axis with a value, in axis order (null axes are skipped). */
export function radarPolygon(values: readonly (number | null)[]): Point[] {
  const points: Point[] = [];
  values.forEach((v, i) => {
    if (v !== null) points.push(radarPoint(i, values.length, v));
  });
  return points;
}

const pointsAttr = (points: readonly Point[]): string => points.map((p) => `${p.x},${p.y}`).join(" ");

/**
 * Splits a label into at most 3 lines of about equal width, none wider than `width` display columns
 * (CJK characters count two) unless a line is one character: 废弃商品回收 at 10 → 废弃商 / 品回收.
 */
export function wrapLabel(text: string, width: number): string[] {
  const chars = [...text.trim()];
  const total = displayWidth(text.trim());
  if (total <= width) return chars.length > 0 ? [chars.join("")] : [];
  const count = Math.min(3, Math.ceil(total / width));
  const target = Math.min(width, Math.ceil(total / count));
  const lines: string[] = [];
  let line = "";
  for (const ch of chars) {
    if (line !== "" && lines.length < count - 1 && displayWidth(line + ch) > target) {
      lines.push(line);
      line = "";
    }
    line += ch;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function percent(v: number): string {
  const p = Math.round(Math.min(Math.max(v, 0), 1) * 1000) / 10;
  return `${p}%`;
}

/** The radar chart for 3 to 20 axes; throws a RangeError outside that (the caller picks another view). */
export function radarSvg(axes: readonly RadarAxis[], options: RadarOptions): string {
  const n = axes.length;
  if (n < RADAR_MIN_AXES || n > RADAR_MAX_AXES) throw new RangeError(`a radar chart needs ${RADAR_MIN_AXES}–${RADAR_MAX_AXES} axes, not ${n}`);
  const { width, height, cx, cy, radius } = RADAR_BOX;
  const font = n <= 8 ? 14 : n <= 14 ? 13 : 12;
  const wrap = n <= 8 ? 16 : 12;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}" font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif">`,
  );
  out.push(`<title>${escapeHtml(options.title)}</title>`);
  // The web: rings at 20 % steps and the axes.
  for (const step of [0.2, 0.4, 0.6, 0.8, 1]) {
    const ring = axes.map((_, i) => radarPoint(i, n, step));
    out.push(`<polygon class="ring" points="${pointsAttr(ring)}" fill="none" stroke="#c9ced6" stroke-width="${step === 1 ? 1.2 : 0.7}"/>`);
  }
  axes.forEach((axis, i) => {
    const end = radarPoint(i, n, 1);
    const dash = axis.value === null ? ` stroke-dasharray="4 4"` : "";
    out.push(`<line class="axis" x1="${cx}" y1="${cy}" x2="${end.x}" y2="${end.y}" stroke="#c9ced6" stroke-width="0.7"${dash}/>`);
  });
  for (const step of [0.2, 0.4, 0.6, 0.8, 1]) {
    out.push(`<text class="tick" x="${cx + 4}" y="${r2(cy - radius * step - 3)}" font-size="10" fill="#8a919c">${step * 100}%</text>`);
  }
  // The organisation's shares.
  const polygon = radarPolygon(axes.map((a) => a.value));
  if (polygon.length >= 2) {
    out.push(`<polygon class="shares" points="${pointsAttr(polygon)}" fill="#1f6feb" fill-opacity="0.18" stroke="#1f6feb" stroke-width="2" stroke-linejoin="round"/>`);
  }
  for (const p of polygon) out.push(`<circle class="dot" cx="${p.x}" cy="${p.y}" r="3.5" fill="#1f6feb"/>`);
  // Labels outside the rim: anchored away from the centre, the share (or 不涉及) on the last line.
  axes.forEach((axis, i) => {
    const a = angle(i, n);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const x = r2(cx + (radius + 16) * cos);
    const anchor = Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
    const lines = wrapLabel(axis.label, wrap);
    const total = lines.length + 1;
    const lineHeight = font + 2;
    // Above the centre the block grows upwards, below it downwards, at the sides it is centred.
    const base = cy + (radius + 16) * sin;
    const first = sin < -0.2 ? base - (total - 1) * lineHeight : sin > 0.2 ? base + font : base - ((total - 1) * lineHeight) / 2 + font / 2;
    const na = axis.value === null;
    const tspans = lines.map((line, k) => `<tspan x="${x}" y="${r2(first + k * lineHeight)}">${escapeHtml(line)}</tspan>`);
    tspans.push(
      `<tspan x="${x}" y="${r2(first + lines.length * lineHeight)}" class="${na ? "na" : "share"}" font-weight="${na ? "normal" : "bold"}" fill="${na ? "#8a919c" : "#1f4fa0"}">${na ? escapeHtml(options.naLabel) : percent(axis.value ?? 0)}</tspan>`,
    );
    out.push(`<text class="label" text-anchor="${anchor}" font-size="${font}" fill="${na ? "#8a919c" : "#222"}">${tspans.join("")}</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}
