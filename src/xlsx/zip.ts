import { inflateRawSync } from "node:zlib";

/**
 * The zip container of an .xlsx, read from its central directory. Sizes are what the directory declares:
 * callers cap them before inflating, and `inflateEntry` caps again, because a header can lie.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

export const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;

/** The entries of a zip, or null when its directory is missing or runs past the end (a truncated file). */
export function zipEntries(buf: Buffer): ZipEntry[] | null {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) !== END_OF_DIRECTORY) continue;
    const count = buf.readUInt16LE(i + 10);
    const size = buf.readUInt32LE(i + 12);
    const offset = buf.readUInt32LE(i + 16);
    if (offset + size > buf.length) return null;
    const entries: ZipEntry[] = [];
    let p = offset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== DIRECTORY_HEADER) return null;
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

/** One entry's bytes, inflated with a cap; null when it is damaged, uses another method, or exceeds the cap. */
export function inflateEntry(buf: Buffer, e: ZipEntry, cap: number): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_HEADER) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressed > buf.length) return null;
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length > cap ? null : data;
  if (e.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: cap });
  } catch {
    return null;
  }
}
