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
export type Unreadable = { ok: false; reason: string };

const looksLikeText = (buf: Uint8Array) => buf.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);

/** A name as OLE2 stores it (UTF-16LE; these names are ASCII). */
const utf16le = (name: string) => Uint8Array.from([...name].flatMap((ch) => [ch.charCodeAt(0), 0]));
/** The streams an encrypted OOXML workbook's OLE2 wrapper holds (MS-OFFCRYPTO). */
const ENCRYPTION_STREAMS = ["EncryptionInfo", "EncryptedPackage"].map(utf16le);
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

/** The zip entries of a file that looks like an .xlsx, or why it is not one. */
export function sniffXlsx(buf: Uint8Array, limits: Limits = DEFAULT_LIMITS): { ok: true; entries: ZipEntry[] } | Unreadable {
  if (buf.length === 0) return { ok: false, reason: "空文件 / empty file" };
  if (buf.length >= 8 && OLE2.every((b, i) => buf[i] === b)) {
    // An OLE2 container: an old .xls, or an encrypted OOXML workbook (which Excel wraps in OLE2).
    const encrypted = ENCRYPTION_STREAMS.some((name) => contains(buf, name));
    return { ok: false, reason: encrypted ? "工作簿已加密（设有打开密码）/ encrypted workbook" : "旧版 .xls 格式，请另存为 .xlsx / old .xls format" };
  }
  if (buf.length < 4 || new DataView(buf.buffer, buf.byteOffset, 4).getUint32(0, true) !== LOCAL_HEADER) {
    return { ok: false, reason: looksLikeText(buf) ? "不是 xlsx 文件（是文本，可能是 CSV）/ text, not an xlsx file" : "不是 xlsx 文件 / not an xlsx file" };
  }
  try {
    return { ok: true, entries: zipEntries(buf, limits.maxEntries) };
  } catch (e) {
    if (e instanceof ZipError) return { ok: false, reason: e.message };
    throw e;
  }
}
