import { inflateRawSync } from "node:zlib";

/**
 * Looks at a file's bytes before any xlsx parser does: what it is, and whether inflating it is safe.
 * A zip bomb is caught from the central directory's declared sizes and entry count, before inflating;
 * a sheet too large to parse, or data validation over whole columns (exceljs expands a validation range
 * into one entry per cell), is caught from the sheet XML with a capped inflate.
 */

export interface Limits {
  /** Total uncompressed size of all entries. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Uncompressed size of one worksheet's XML. */
  maxSheetBytes: number;
  /** Cells one data-validation or conditional-format range may cover. */
  maxRangeCells: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 5_000,
  maxSheetBytes: 20 * 1024 * 1024,
  maxRangeCells: 200_000,
};

/** Why a file cannot be read, in the reviewer's words (shown after 无法读取：). */
export type Unreadable = { ok: false; reason: string };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

function centralDirectory(buf: Buffer): Entry[] | null {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) !== EOCD) continue;
    const count = buf.readUInt16LE(i + 10);
    const size = buf.readUInt32LE(i + 12);
    const offset = buf.readUInt32LE(i + 16);
    if (offset + size > buf.length) return null;
    const entries: Entry[] = [];
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN) return null;
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      entries.push({
        name: buf.toString("utf8", p + 46, p + 46 + nameLength),
        method: buf.readUInt16LE(p + 10),
        compressed: buf.readUInt32LE(p + 20),
        uncompressed: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
  return null;
}

/** One entry's bytes, inflated with a cap (a lying header cannot make us inflate more than `cap`). */
function inflateEntry(buf: Buffer, e: Entry, cap: number): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length > cap ? null : data;
  if (e.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: cap });
  } catch {
    return null;
  }
}

function rangeCells(ref: string): number {
  let cells = 0;
  for (const part of ref.split(/\s+/)) {
    const m = /^\$?([A-Z]{1,3})?\$?([0-9]+)?(?::\$?([A-Z]{1,3})?\$?([0-9]+)?)?$/.exec(part);
    if (m === null) continue;
    const col = (s: string | undefined, fallback: number) => (s === undefined ? fallback : [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
    const c1 = col(m[1], 1);
    const c2 = m[3] !== undefined || m[4] !== undefined ? col(m[3], 16384) : c1;
    const r1 = m[2] !== undefined ? Number(m[2]) : 1;
    const r2 = m[4] !== undefined ? Number(m[4]) : m[3] !== undefined ? 1048576 : r1;
    cells += (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
  }
  return cells;
}

const looksLikeText = (buf: Buffer) => buf.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);

/** Whether the bytes are an .xlsx StarScore can safely hand to exceljs, or why not. */
export function sniffXlsx(buf: Buffer, limits: Limits = DEFAULT_LIMITS): { ok: true } | Unreadable {
  if (buf.length === 0) return { ok: false, reason: "空文件 / empty file" };
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    // An OLE2 container: an old .xls, or an encrypted OOXML workbook (which Excel wraps in OLE2).
    const encrypted = buf.includes(Buffer.from("EncryptionInfo", "utf16le")) || buf.includes(Buffer.from("EncryptedPackage", "utf16le"));
    return { ok: false, reason: encrypted ? "工作簿已加密（设有打开密码）/ encrypted workbook" : "旧版 .xls 格式，请另存为 .xlsx / old .xls format" };
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== LOC) {
    return { ok: false, reason: looksLikeText(buf) ? "不是 xlsx 文件（是文本，可能是 CSV）/ text, not an xlsx file" : "不是 xlsx 文件 / not an xlsx file" };
  }
  const entries = centralDirectory(buf);
  if (entries === null) return { ok: false, reason: "文件已截断或损坏 / truncated or damaged zip" };
  if (entries.length > limits.maxEntries) return { ok: false, reason: `压缩包条目过多（${entries.length}）/ too many zip entries` };
  const total = entries.reduce((n, e) => n + (e.uncompressed === 0xffffffff ? Infinity : e.uncompressed), 0);
  if (total > limits.maxTotalBytes) return { ok: false, reason: `解压后过大（疑似压缩炸弹）/ too large when unpacked (${Number.isFinite(total) ? `${Math.round(total / 1048576)} MB` : "ZIP64"})` };
  const names = new Set(entries.map((e) => e.name));
  if (names.has("xl/workbook.bin")) return { ok: false, reason: "二进制工作簿 .xlsb，请另存为 .xlsx / .xlsb is not supported" };
  if (!names.has("xl/workbook.xml")) return { ok: false, reason: "不是 Excel 工作簿 / not an Excel workbook" };
  for (const e of entries) {
    if (!/^xl\/worksheets\/sheet[0-9]+\.xml$/.test(e.name)) continue;
    if (e.uncompressed > limits.maxSheetBytes) return { ok: false, reason: `工作表过大（${Math.round(e.uncompressed / 1048576)} MB）/ worksheet too large` };
    const xml = inflateEntry(buf, e, limits.maxSheetBytes);
    if (xml === null) return { ok: false, reason: "工作表无法解压 / worksheet cannot be unpacked" };
    const text = xml.toString("utf8");
    for (const m of text.matchAll(/<(?:dataValidation|conditionalFormatting)\b[^>]*\bsqref="([^"]+)"/g)) {
      if (rangeCells(m[1] as string) > limits.maxRangeCells) return { ok: false, reason: "数据验证或条件格式覆盖整列，读取会过慢 / validation over whole columns" };
    }
    const dimension = /<dimension ref="([^"]+)"/.exec(text);
    if (dimension !== null && /:[A-Z]+([0-9]+)$/.test(dimension[1] as string) && Number(/([0-9]+)$/.exec(dimension[1] as string)?.[1]) > 100_000) {
      return { ok: false, reason: "工作表行数过多 / too many rows" };
    }
  }
  return { ok: true };
}
