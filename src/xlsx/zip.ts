import { crc32, inflateRawSync } from "node:zlib";

/**
 * The zip container of an .xlsx, read as a careful unzipper reads it: the central directory lists the parts, and
 * each part's local header must agree with it (name, method, sizes); a part's bytes are inflated no further than the
 * size the directory declares, and must then have exactly that size and its CRC-32. Anything else is damage, and
 * damage is refused with a reason — never read as an empty form.
 */
export interface ZipEntry {
  name: string;
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

/** The entries of a zip from its central directory; throws ZipError when the directory is missing, truncated or zip64. */
export function zipEntries(buf: Buffer, maxEntries: number): ZipEntry[] {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) !== END_OF_DIRECTORY) continue;
    const count = buf.readUInt16LE(i + 10);
    const size = buf.readUInt32LE(i + 12);
    const offset = buf.readUInt32LE(i + 16);
    if ((i >= 20 && buf.readUInt32LE(i - 20) === ZIP64_LOCATOR) || count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      throw new ZipError("ZIP64 格式不受支持 / zip64 packages are not supported");
    }
    if (count > maxEntries) throw new ZipError(`压缩包条目过多（${count}）/ too many zip entries`);
    if (offset + size > i) throw new ZipError("文件已截断或损坏 / truncated or damaged zip");
    const entries: ZipEntry[] = [];
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > offset + size || buf.readUInt32LE(p) !== DIRECTORY_HEADER) throw new ZipError("压缩包目录损坏 / damaged zip directory");
      const nameLength = buf.readUInt16LE(p + 28);
      const entry: ZipEntry = {
        name: buf.toString("utf8", p + 46, p + 46 + nameLength),
        flags: buf.readUInt16LE(p + 8),
        method: buf.readUInt16LE(p + 10),
        crc: buf.readUInt32LE(p + 16),
        compressed: buf.readUInt32LE(p + 20),
        uncompressed: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      };
      if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff || entry.localOffset === 0xffffffff) {
        throw new ZipError("ZIP64 格式不受支持 / zip64 packages are not supported");
      }
      entries.push(entry);
      p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return entries;
  }
  throw new ZipError("文件已截断或损坏 / truncated or damaged zip");
}

/**
 * One entry's bytes, checked against its local header, inflated no further than its declared size (itself under
 * `cap`), with that exact size and CRC-32. Throws ZipError naming the part otherwise.
 */
export function inflateEntry(buf: Buffer, e: ZipEntry, cap: number, budget: Budget): Buffer {
  const damaged = (what: string) => new ZipError(`压缩包中 ${e.name} 损坏（${what}）/ ${e.name} is damaged (${what})`);
  if ((e.flags & ENCRYPTED) !== 0) throw new ZipError(`${e.name} 已加密 / ${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`${e.name} 的压缩方式不受支持（${e.method}）/ unsupported compression method`);
  if (e.uncompressed > cap) throw new ZipError(`${e.name} 解压后过大（${Math.round(e.uncompressed / 1048576)} MB）/ part too large`);
  if (e.uncompressed > budget.left) throw new ZipError("解压后过大（疑似压缩炸弹）/ too large when unpacked");
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_HEADER) throw damaged("local header missing");
  const nameLength = buf.readUInt16LE(p + 26);
  if (buf.toString("utf8", p + 30, p + 30 + nameLength) !== e.name) throw damaged("local header names another part");
  if (buf.readUInt16LE(p + 8) !== e.method) throw damaged("compression method differs from the directory");
  // With a data descriptor (flag 3) the local header may leave sizes and CRC as 0; the directory has them.
  if ((buf.readUInt16LE(p + 6) & 0x8) === 0) {
    if (buf.readUInt32LE(p + 14) !== e.crc || buf.readUInt32LE(p + 18) !== e.compressed || buf.readUInt32LE(p + 22) !== e.uncompressed) {
      throw damaged("sizes differ from the directory");
    }
  }
  const start = p + 30 + nameLength + buf.readUInt16LE(p + 28);
  if (start + e.compressed > buf.length) throw damaged("cut short");
  const data = buf.subarray(start, start + e.compressed);
  let out: Buffer;
  if (e.method === 0) {
    out = data;
  } else {
    try {
      // Never further than the declared size: one byte more is enough to know the directory lied.
      out = inflateRawSync(data, { maxOutputLength: e.uncompressed + 1 });
    } catch {
      throw damaged(e.uncompressed === 0 ? "not empty as declared" : "inflates to more than declared, or not deflate data");
    }
  }
  if (out.length !== e.uncompressed) throw damaged("size differs from the directory");
  if (crc32(out) !== e.crc) throw damaged("CRC-32 mismatch");
  budget.left -= out.length;
  return out;
}
