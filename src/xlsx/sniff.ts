import { claimedKind, FILE_KINDS, reasonText, type FileKind } from "../review/submissions";
import { LOCAL_HEADER, zipEntries, ZipError, type ZipEntry } from "./zip";

/**
 * Looks at a file's bytes before anything is inflated: what it is, and whether unpacking it is safe.
 * Each part is inflated later, when read, no further than its declared size and within the caps below (zip.ts).
 */

export interface Limits {
  /** Total uncompressed size of the parts read (pictures and other parts left packed do not count). */
  maxTotalBytes: number;
  maxEntries: number;
  /** Uncompressed size of one part (a worksheet's XML, the shared strings). */
  maxPartBytes: number;
  /** Rows one worksheet may have (a StarScore sheet has a few hundred). */
  maxRows: number;
}

/**
 * A StarScore worksheet is about 100 KB of XML; these bounds are far above any submission and keep the worst
 * package of 2 MB under a second and a few hundred MB.
 */
export const DEFAULT_LIMITS: Limits = {
  maxTotalBytes: 8 * 1024 * 1024,
  maxEntries: 5_000,
  maxPartBytes: 4 * 1024 * 1024,
  maxRows: 100_000,
};

/** Why a file cannot be read, in the reviewer's words (shown after 无法读取：). */
export type Unreadable = { ok: false; reason: string; kind: FileKind };

/** The first bytes of a file, as ASCII (for magic numbers and the start of a text). */
const head = (buf: Uint8Array, n: number) => String.fromCharCode(...buf.subarray(0, n));
const startsWith = (buf: Uint8Array, magic: readonly number[]) => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

const looksLikeText = (buf: Uint8Array) => buf.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);

/** A name as OLE2 stores it (UTF-16LE; these names are ASCII). */
const utf16le = (name: string) => Uint8Array.from([...name].flatMap((ch) => [ch.charCodeAt(0), 0]));
/** The streams an encrypted OOXML workbook's OLE2 wrapper holds (MS-OFFCRYPTO). */
const ENCRYPTION_STREAMS = ["EncryptionInfo", "EncryptedPackage"].map(utf16le);
/** The main stream of a Word 97-2003 document, and of an Excel 97-2003 workbook (BIFF8, BIFF5). */
const WORD_STREAM = utf16le("WordDocument");
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether `needle` occurs in `bytes`. */
function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0] as number;
  for (let i = bytes.indexOf(first); i !== -1 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

const refused = (kind: FileKind): Unreadable => ({ ok: false, kind, reason: reasonText(FILE_KINDS[kind]) });

/** Files recognised by their first bytes (magic numbers), whatever their name says. */
const MAGIC: [readonly number[], FileKind][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "pdf"], // %PDF-
  [[0x89, 0x50, 0x4e, 0x47], "picture"], // PNG
  [[0xff, 0xd8, 0xff], "picture"], // JPEG
  [[0x47, 0x49, 0x46, 0x38], "picture"], // GIF8
  [[0x49, 0x49, 0x2a, 0x00], "picture"], // TIFF
  [[0x4d, 0x4d, 0x00, 0x2a], "picture"],
  [[0x52, 0x61, 0x72, 0x21], "zip"], // Rar!
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "zip"], // 7z
  [[0x1f, 0x8b], "zip"], // gzip
];

/** An OLE2 container: an encrypted OOXML workbook (which Excel wraps in OLE2), an old .xls or .et, or a .doc. */
function ole2Kind(buf: Uint8Array, name: string): FileKind {
  if (ENCRYPTION_STREAMS.some((stream) => contains(buf, stream))) return "encrypted";
  if (contains(buf, WORD_STREAM)) return "word";
  // WPS's .et keeps Excel's container; only the name tells them apart.
  return claimedKind(name) === "et" ? "et" : "xls";
}

/** A text file: assessment JSON, a web page or XML spreadsheet saved under a spreadsheet's name, or CSV. */
function textKind(buf: Uint8Array, name: string): FileKind {
  const start = new TextDecoder("utf-8").decode(buf.subarray(0, 2048)).replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{")) return "json";
  if (/^<(!doctype html|html|table|meta)\b/i.test(start)) return "html";
  if (start.startsWith("<")) {
    if (/urn:schemas-microsoft-com:office:spreadsheet/.test(start)) return "spreadsheetml";
    if (/urn:oasis:names:tc:opendocument/.test(start)) return "fods";
    return /<html\b/i.test(start) ? "html" : "text";
  }
  if (claimedKind(name) === "csv" || /^[^\n]*[,;\t][^\n]*\r?\n/.test(start)) return "csv";
  return "text";
}

/** OpenDocument's `mimetype`, stored first and uncompressed (ODF 1.2 Part 3 §3.3): which kind of document it is. */
function openDocumentKind(buf: Uint8Array, e: ZipEntry): FileKind {
  const f = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const at = e.localOffset;
  if (e.method !== 0 || at + 30 > buf.length) return "zip";
  const start = at + 30 + f.getUint16(at + 26, true) + f.getUint16(at + 28, true);
  const type = head(buf.subarray(start, start + Math.min(e.compressed, 80)), 80);
  if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  if (type.startsWith("application/vnd.oasis.opendocument.text")) return "word";
  if (type.startsWith("application/vnd.oasis.opendocument.presentation")) return "presentation";
  return "zip";
}

/**
 * What a zip that is not an Excel package is, by the names of its entries (nothing is inflated; OpenDocument's
 * `mimetype` is stored as it is): an .ods, a .numbers, a Word or PowerPoint package, or an archive. Null for a zip
 * that looks like an Excel package (`[Content_Types].xml`, `_rels/`, `xl/`), which the package reader then reads.
 */
function zipKind(buf: Uint8Array, entries: readonly ZipEntry[]): FileKind | null {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  const any = (prefix: string) => entries.some((e) => e.name.toLowerCase().startsWith(prefix));
  const mimetype = entries.find((e) => e.name === "mimetype");
  if (mimetype !== undefined) return openDocumentKind(buf, mimetype);
  if (names.has("index/document.iwa") || names.has("index.zip") || names.has("index.xml") || names.has("index.xml.gz")) return "numbers";
  if (!any("xl/")) {
    if (any("word/")) return "word";
    if (any("ppt/")) return "presentation";
  }
  return names.has("[content_types].xml") || any("_rels/") || any("xl/") ? null : "zip";
}

/**
 * The zip entries of a file that looks like an .xlsx, or what it is instead, by its content (its name only tells
 * .et from .xls, which share a container, and CSV from other text): the reason says what to do about it.
 */
export function sniffXlsx(buf: Uint8Array, limits: Limits = DEFAULT_LIMITS, name = ""): { ok: true; entries: ZipEntry[] } | Unreadable {
  if (buf.length === 0) return refused("empty");
  if (startsWith(buf, OLE2)) return refused(ole2Kind(buf, name));
  const magic = MAGIC.find(([bytes]) => startsWith(buf, bytes));
  if (magic !== undefined) return refused(magic[1]);
  if (head(buf, 4) === "RIFF" && head(buf, 12).endsWith("WEBP")) return refused("picture");
  if (buf.length < 4 || new DataView(buf.buffer, buf.byteOffset, 4).getUint32(0, true) !== LOCAL_HEADER) {
    return refused(looksLikeText(buf) ? textKind(buf, name) : claimedKind(name) === "numbers" ? "numbers" : "unknown");
  }
  let entries: ZipEntry[];
  try {
    entries = zipEntries(buf, limits.maxEntries);
  } catch (e) {
    if (e instanceof ZipError) return { ok: false, kind: "unknown", reason: e.message };
    throw e;
  }
  const other = zipKind(buf, entries);
  return other === null ? { ok: true, entries } : refused(other);
}
