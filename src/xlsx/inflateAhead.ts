import type { Limits } from "./sniff";
import { entryData, inflateData, zipEntries } from "./zip";

/** Parts inflated ahead of reading, by entry name (`inflateEntry` takes one as a stand-in it verifies). */
export type InflatedAhead = ReadonlyMap<string, Uint8Array>;

/** The parts a check reads: the package's XML and relationships (pictures and printer settings stay packed). */
const READ = /\.(?:xml|rels)$/i;

/**
 * A package's XML parts inflated ahead of reading, on a thread that would otherwise wait: `check`'s main thread
 * inflates the next file while its worker reads the current one (issue 19's speed). Within the same caps as a
 * reading, but nothing here is a verdict: a part that cannot be inflated is left out, and the reader meets it and
 * says why. The reader takes a part from here only when it has the size and CRC-32 its own read of the file
 * declares (zip.ts, inflateEntry), so what it reads is what inflating its own bytes gives.
 */
export function inflateAhead(bytes: Uint8Array, limits: Limits): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let entries;
  try {
    entries = zipEntries(bytes, limits.maxEntries);
  } catch {
    return out;
  }
  const budget = { left: limits.maxTotalBytes };
  for (const e of entries) {
    if (e.method !== 8 || !READ.test(e.name) || out.has(e.name)) continue;
    try {
      const part = inflateData(e, entryData(bytes, e, limits.maxPartBytes, budget));
      if (part.length === e.uncompressed) out.set(e.name, part);
    } catch {
      // Left to the reader, which reports it.
    }
  }
  return out;
}
