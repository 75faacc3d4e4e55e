import { LOCAL_HEADER, zipEntries, type ZipEntry } from "./zip";

/**
 * Looks at a file's bytes before anything is inflated: what it is, and whether unpacking it is safe.
 * A zip bomb is caught here from the central directory's declared sizes and entry count; what a header
 * may lie about is capped again when each part is inflated (see `openWorkbook`).
 */

export interface Limits {
  /** Total uncompressed size of all entries, as declared. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Uncompressed size of one part (a worksheet's XML, the shared strings). */
  maxPartBytes: number;
  /** Rows one worksheet may have (a StarScore sheet has a few hundred). */
  maxRows: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 5_000,
  maxPartBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
};

/** Why a file cannot be read, in the reviewer's words (shown after 无法读取：). */
export type Unreadable = { ok: false; reason: string };

/** Where the workbook part lives: Excel, WPS and LibreOffice all write it here. */
export const WORKBOOK = "xl/workbook.xml";

const looksLikeText = (buf: Buffer) => buf.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);

/** The zip entries of an .xlsx that is safe to unpack, or why the file is not one. */
export function sniffXlsx(buf: Buffer, limits: Limits = DEFAULT_LIMITS): { ok: true; entries: ZipEntry[] } | Unreadable {
  if (buf.length === 0) return { ok: false, reason: "空文件 / empty file" };
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    // An OLE2 container: an old .xls, or an encrypted OOXML workbook (which Excel wraps in OLE2).
    const encrypted = buf.includes(Buffer.from("EncryptionInfo", "utf16le")) || buf.includes(Buffer.from("EncryptedPackage", "utf16le"));
    return { ok: false, reason: encrypted ? "工作簿已加密（设有打开密码）/ encrypted workbook" : "旧版 .xls 格式，请另存为 .xlsx / old .xls format" };
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== LOCAL_HEADER) {
    return { ok: false, reason: looksLikeText(buf) ? "不是 xlsx 文件（是文本，可能是 CSV）/ text, not an xlsx file" : "不是 xlsx 文件 / not an xlsx file" };
  }
  const entries = zipEntries(buf);
  if (entries === null) return { ok: false, reason: "文件已截断或损坏 / truncated or damaged zip" };
  if (entries.length > limits.maxEntries) return { ok: false, reason: `压缩包条目过多（${entries.length}）/ too many zip entries` };
  const total = entries.reduce((n, e) => n + (e.uncompressed === 0xffffffff ? Infinity : e.uncompressed), 0);
  if (total > limits.maxTotalBytes) return { ok: false, reason: `解压后过大（疑似压缩炸弹）/ too large when unpacked (${Number.isFinite(total) ? `${Math.round(total / 1048576)} MB` : "ZIP64"})` };
  const names = new Set(entries.map((e) => e.name));
  if (names.has("xl/workbook.bin")) return { ok: false, reason: "二进制工作簿 .xlsb，请另存为 .xlsx / .xlsb is not supported" };
  if (!names.has(WORKBOOK)) return { ok: false, reason: "不是 Excel 工作簿 / not an Excel workbook" };
  return { ok: true, entries };
}
