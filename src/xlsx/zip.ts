import { Inflate } from "pako";
import { crc32 } from "./crc32";

/**
 * The zip container of an .xlsx, read as a careful unzipper reads it: the central directory lists the parts, and
 * each part's local header must agree with it (name, method, sizes); a part's bytes are inflated no further than the
 * size the directory declares, and must then have exactly that size and its CRC-32. Anything else is damage, and
 * damage is refused with a reason — never read as an empty form. Plain bytes (Uint8Array) in, so the same code
 * reads a file in Node and in the browser; pako inflates (bench/inflate.bench.ts measures it against node:zlib and
 * the browser's DecompressionStream).
 */
export interface ZipEntry {
  /** The name as UTF-8 (an .xlsx's part names); `rawName` holds its bytes for names in another encoding. */
  name: string;
  rawName: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

export const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_HEADER = 0x02014b50;

/** A zip that cannot be read, with the reviewer's reason. */
export class ZipError extends Error {
  override name = "ZipError";
}

/** Bytes a package may still inflate: the total cap counts the parts really read, not pictures left packed. */
export interface Budget {
  left: number;
}

const ENCRYPTED = 0x1;

/** The little-endian fields of a zip's headers; reading past the end throws RangeError, as a truncated header must. */
const fields = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Part names as UTF-8, bad bytes shown as U+FFFD (the parts' own text is decoded as XML says: xml.ts, xmlText). */
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });
export const utf8 = (bytes: Uint8Array): string => UTF8.decode(bytes);

/** The entries of a zip from its central directory; throws ZipError when the directory is missing, truncated or zip64. */
export function zipEntries(buf: Uint8Array, maxEntries: number): ZipEntry[] {
  const f = fields(buf);
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) {
    if (f.getUint32(i, true) !== END_OF_DIRECTORY) continue;
    const count = f.getUint16(i + 10, true);
    const size = f.getUint32(i + 12, true);
    const offset = f.getUint32(i + 16, true);
    if ((i >= 20 && f.getUint32(i - 20, true) === ZIP64_LOCATOR) || count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      throw new ZipError("ZIP64 格式不受支持 / zip64 packages are not supported");
    }
    if (count > maxEntries) throw new ZipError(`压缩包条目过多（${count}）/ too many zip entries`);
    if (offset + size > i) throw new ZipError("文件已截断或损坏 / truncated or damaged zip");
    const entries: ZipEntry[] = [];
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > offset + size || f.getUint32(p, true) !== DIRECTORY_HEADER) throw new ZipError("压缩包目录损坏 / damaged zip directory");
      const nameLength = f.getUint16(p + 28, true);
      const rawName = buf.subarray(p + 46, p + 46 + nameLength);
      const entry: ZipEntry = {
        name: utf8(rawName),
        rawName,
        flags: f.getUint16(p + 8, true),
        method: f.getUint16(p + 10, true),
        crc: f.getUint32(p + 16, true),
        compressed: f.getUint32(p + 20, true),
        uncompressed: f.getUint32(p + 24, true),
        localOffset: f.getUint32(p + 42, true),
      };
      if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff || entry.localOffset === 0xffffffff) {
        throw new ZipError("ZIP64 格式不受支持 / zip64 packages are not supported");
      }
      entries.push(entry);
      p += 46 + nameLength + f.getUint16(p + 30, true) + f.getUint16(p + 32, true);
    }
    return entries;
  }
  throw new ZipError("文件已截断或损坏 / truncated or damaged zip");
}

/**
 * Raw deflate data inflated into one buffer of `size + 1` bytes: the inflater stops when it is full, so data that
 * would inflate to more than declared costs no more than the declared size, however far it goes on.
 */
function inflateAtMost(data: Uint8Array, size: number): Uint8Array {
  const inflater = new Inflate({ raw: true, chunkSize: size + 1 });
  let out = new Uint8Array(0);
  // With a buffer that can hold the whole part, pako hands over one chunk: a full one means there is more, and
  // throwing stops it there.
  inflater.onData = (chunk) => {
    if (chunk.length > size || out.length > 0) throw new RangeError("inflates past the declared size");
    out = chunk;
  };
  inflater.onEnd = () => undefined;
  inflater.push(data, true);
  if (inflater.err !== 0) throw new Error(inflater.msg);
  return out;
}

/**
 * An entry's deflated (or stored) bytes, once its flags, method and declared size pass and its local header agrees
 * with the directory; charges the declared size to `budget`. Throws ZipError naming the part otherwise.
 */
export function entryData(buf: Uint8Array, e: ZipEntry, cap: number, budget: Budget): Uint8Array {
  const damaged = (what: string) => damage(e, what);
  if ((e.flags & ENCRYPTED) !== 0) throw new ZipError(`${e.name} 已加密 / ${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`${e.name} 的压缩方式不受支持（${e.method}）/ unsupported compression method`);
  if (e.uncompressed > cap) throw new ZipError(`${e.name} 解压后过大（${Math.round(e.uncompressed / 1048576)} MB）/ part too large`);
  if (e.uncompressed > budget.left) throw new ZipError("解压后过大（疑似压缩炸弹）/ too large when unpacked");
  const f = fields(buf);
  const p = e.localOffset;
  if (p + 30 > buf.length || f.getUint32(p, true) !== LOCAL_HEADER) throw damaged("local header missing");
  const nameLength = f.getUint16(p + 26, true);
  const localName = buf.subarray(p + 30, p + 30 + nameLength);
  if (localName.length !== e.rawName.length || localName.some((b, i) => b !== e.rawName[i])) throw damaged("local header names another part");
  if (f.getUint16(p + 8, true) !== e.method) throw damaged("compression method differs from the directory");
  // With a data descriptor (flag 3) the local header may leave sizes and CRC as 0; the directory has them.
  if ((f.getUint16(p + 6, true) & 0x8) === 0) {
    if (f.getUint32(p + 14, true) !== e.crc || f.getUint32(p + 18, true) !== e.compressed || f.getUint32(p + 22, true) !== e.uncompressed) {
      throw damaged("sizes differ from the directory");
    }
  }
  const start = p + 30 + nameLength + f.getUint16(p + 28, true);
  if (start + e.compressed > buf.length) throw damaged("cut short");
  budget.left -= e.uncompressed;
  return buf.subarray(start, start + e.compressed);
}

const damage = (e: ZipEntry, what: string) => new ZipError(`压缩包中 ${e.name} 损坏（${what}）/ ${e.name} is damaged (${what})`);

/** An entry's data inflated no further than its declared size (`entryData` gives the data); not yet checked by CRC-32. */
export function inflateData(e: ZipEntry, data: Uint8Array): Uint8Array {
  if (e.method === 0) return data;
  try {
    // Never further than the declared size: one byte more is enough to know the directory lied.
    return inflateAtMost(data, e.uncompressed);
  } catch {
    throw damage(e, e.uncompressed === 0 ? "not empty as declared" : "inflates to more than declared, or not deflate data");
  }
}

/**
 * One entry's bytes, checked against its local header, inflated no further than its declared size (itself under
 * `cap`), with that exact size and CRC-32. Throws ZipError naming the part otherwise.
 */
export function inflateEntry(buf: Uint8Array, e: ZipEntry, cap: number, budget: Budget): Uint8Array {
  const data = entryData(buf, e, cap, budget);
  const out = inflateData(e, data);
  if (out.length !== e.uncompressed) throw damage(e, "size differs from the directory");
  if (crc32(out) !== e.crc) throw damage(e, "CRC-32 mismatch");
  return out;
}
