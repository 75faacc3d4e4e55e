import { crc32 } from "./crc32";
import type { Limits } from "./sniff";
import { decodePart, type DecodedPart } from "./xml";
import { entryData, inflateData, zipEntries } from "./zip";

/** A part read ahead: its text, decoded and scanned, and the size and CRC-32 of the bytes it was decoded from. */
export interface PartAhead {
  size: number;
  crc: number;
  text: DecodedPart;
}

/** Parts read ahead of a check, by entry name (package.ts takes one only where its own read declares the same bytes). */
export type ReadAhead = ReadonlyMap<string, PartAhead>;

/** The parts a check reads: the package's XML and relationships (pictures and printer settings stay packed). */
const READ = /\.(?:xml|rels)$/i;

/**
 * A package's XML parts inflated, checked, decoded and scanned ahead of reading, on a thread that would otherwise wait:
 * `check`'s main thread reads the next file while its worker checks the current one (issue 19's speed). Within
 * the same caps as a reading, but nothing here is a verdict: a part that cannot be inflated or decoded is left out,
 * and the reader meets it and says why. The reader takes a part from here only when its own read of the file
 * declares the same size and CRC-32 (package.ts), and this part's bytes had them, so what it reads is what
 * inflating and decoding its own bytes gives.
 */
export function readAhead(bytes: Uint8Array, limits: Limits): Map<string, PartAhead> {
  const out = new Map<string, PartAhead>();
  let entries;
  try {
    entries = zipEntries(bytes, limits.maxEntries);
  } catch {
    return out;
  }
  const budget = { left: limits.maxTotalBytes };
  for (const e of entries) {
    if (e.method !== 8 || !READ.test(e.name)) continue;
    try {
      const part = inflateData(e, entryData(bytes, e, limits.maxPartBytes, budget));
      if (part.length === e.uncompressed && crc32(part) === e.crc) out.set(e.name, { size: e.uncompressed, crc: e.crc, text: decodePart(part, e.name) });
    } catch {
      // Left to the reader, which reports it.
    }
  }
  return out;
}
