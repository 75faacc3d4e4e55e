import { spawnSync } from "node:child_process";

/** A PDF as poppler reads it: its page size and each page's text. */
export interface PdfText {
  /** Points, as pdfinfo gives them (A4 landscape: 841.89 × 595.28). */
  width: number;
  height: number;
  /** Each page's text in the order it was drawn (`pdftotext -raw`): a cell's lines follow one another. */
  raw: string[];
  /** Each page's text as laid out on the page (`pdftotext -layout`): a printed line is one line. */
  layout: string[];
}

function poppler(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.error !== undefined) throw new Error(`${command} could not run: ${r.error.message} (install poppler-utils)`);
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Reads a PDF's pages with pdfinfo and pdftotext, one call per page and mode. */
export function readPdf(file: string): PdfText {
  const info = poppler("pdfinfo", [file]);
  const pages = Number(/^Pages:\s+([0-9]+)/m.exec(info)?.[1] ?? 0);
  const [, w = "0", h = "0"] = /^Page size:\s+([0-9.]+) x ([0-9.]+)/m.exec(info) ?? [];
  const page = (mode: string, p: number) => poppler("pdftotext", [mode, "-enc", "UTF-8", "-f", String(p), "-l", String(p), file, "-"]);
  const numbers = Array.from({ length: pages }, (_, i) => i + 1);
  return { width: Number(w), height: Number(h), raw: numbers.map((p) => page("-raw", p)), layout: numbers.map((p) => page("-layout", p)) };
}

/** Text without any white space: how a cell's text is found again however it was wrapped. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

/** A word of the text layer that is not (wholly) drawn: its glyphs were clipped by a cell too small for them. */
export interface ClippedWord {
  page: number;
  word: string;
  /** Which part of the word's box has no ink; or a number too wide for its cell, shown as ###. */
  missing: "all" | "lower half" | "shown as ###";
}

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
/** Rendering resolution: 2 pixels per point, enough to see a 9-point glyph's strokes. */
const DPI = 144;

/** A grey-scale page as pdftoppm renders it (binary PGM). */
function renderPage(file: string, page: number): { width: number; height: number; pixels: Buffer } {
  const r = spawnSync("pdftoppm", ["-gray", "-r", String(DPI), "-f", String(page), "-l", String(page), file], { maxBuffer: 1 << 28 });
  if (r.error !== undefined) throw new Error(`pdftoppm could not run: ${r.error.message} (install poppler-utils)`);
  const data = r.stdout;
  // P5 header: magic, width, height, max value, each followed by white space.
  const header = /^P5\s+([0-9]+)\s+([0-9]+)\s+([0-9]+)\s/.exec(data.subarray(0, 64).toString("latin1"));
  if (header === null) throw new Error("pdftoppm gave no PGM");
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

/**
 * The words a PDF's text layer holds but its pages do not show whole. A spreadsheet clips a cell's text to the
 * cell yet keeps every glyph in the PDF, so the text alone cannot tell a clipped label from a whole one; the
 * rendered page can: a word with no ink in its box was clipped away, a CJK word with no ink in the lower half of
 * its box was cut through (as the signature line was).
 */
export function clippedWords(file: string): ClippedWord[] {
  const bbox = poppler("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]);
  const out: ClippedWord[] = [];
  /** The words drawn whole, per page. */
  const whole: Set<string>[] = [];
  const pages = bbox.split("<page ").slice(1);
  pages.forEach((pageText, i) => {
    const page = i + 1;
    const drawn = new Set<string>();
    whole.push(drawn);
    const img = renderPage(file, page);
    const scale = DPI / 72;
    const inked = (x0: number, y0: number, x1: number, y1: number): boolean => {
      for (let y = Math.max(0, Math.floor(y0 * scale)); y < Math.min(img.height, Math.ceil(y1 * scale)); y++) {
        for (let x = Math.max(0, Math.floor(x0 * scale)); x < Math.min(img.width, Math.ceil(x1 * scale)); x++) if ((img.pixels[y * img.width + x] ?? 255) < 128) return true;
      }
      return false;
    };
    for (const [, x0, y0, x1, y1, word] of pageText.matchAll(/<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<\/word>/g)) {
      const [a, b, c, d] = [x0, y0, x1, y1].map(Number) as [number, number, number, number];
      const text = (word ?? "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
      // A number too wide for its column prints as ###; in a hidden column (no width) it leaves no ink and is no matter.
      if (/^#+$/.test(text)) {
        if (inked(a, b, c, d)) out.push({ page, word: text, missing: "shown as ###" });
        continue;
      }
      // Thin punctuation (｜, —) can fall between pixels: only words with letters or digits are weighed.
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      if (!inked(a, b, c, d)) out.push({ page, word: text, missing: "all" });
      else if (CJK.test(text) && !inked(a, (b + d) / 2 + 0.5, c, d)) out.push({ page, word: text, missing: "lower half" });
      else drawn.add(text);
    }
  });
  // A merged area carried over a page break holds its text on the next page too, above what that page shows (under
  // the repeated column heads): a word not drawn whole there but drawn whole on the page before is that, not a clip.
  return out.filter((w) => !(w.missing !== "shown as ###" && whole[w.page - 2]?.has(w.word) === true));
}
