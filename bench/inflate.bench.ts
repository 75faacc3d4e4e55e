// Inflating a package's parts, three ways, for the one reader that runs in Node and the browser (issue 18):
// node:zlib (the baseline the CLI had), pako as the reader uses it (src/xlsx/zip.ts: inflateEntry, bounded by the
// declared size, with its pure-JS CRC-32), and the browser's DecompressionStream("deflate-raw") (async; Node 20
// has it too). Per honest workbook of the largest scheme, and per lying part (declared 1 KB, inflating to 19 MB).
// npm run build:cli && node dist/bench/inflate.bench.js
import { performance } from "node:perf_hooks";
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { crc32 } from "../src/xlsx/crc32";
import { inflateEntry, zipEntries, type ZipEntry } from "../src/xlsx/zip";
import { honestWorkbook } from "../tests/support/honest";

interface Part {
  entry: ZipEntry;
  data: Uint8Array<ArrayBuffer>;
}

/** A part's deflated bytes, found through its local header. */
function partsOf(file: Uint8Array<ArrayBuffer>): Part[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  return zipEntries(file, 100)
    .filter((e) => e.method === 8)
    .map((entry) => {
      const p = entry.localOffset;
      const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
      return { entry, data: file.subarray(start, start + entry.compressed) };
    });
}

/** DecompressionStream read no further than the declared size + 1 (the rest cancelled), then its CRC-32. */
async function viaStream(data: Uint8Array<ArrayBuffer>, size: number): Promise<Uint8Array> {
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const out = new Uint8Array(size + 1);
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.length > size + 1) {
      await reader.cancel();
      throw new Error("more than declared");
    }
    out.set(value, n);
    n += value.length;
  }
  crc32(out.subarray(0, n));
  return out.subarray(0, n);
}

/** Milliseconds per call, best of five rounds of `reps` (a shared machine: the best round is the least disturbed). */
async function msPer(reps: number, run: () => unknown): Promise<number> {
  for (let i = 0; i < Math.max(3, reps / 10); i++) await run();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) await run();
    best = Math.min(best, (performance.now() - start) / reps);
  }
  return best;
}

async function main(): Promise<void> {
  const file = new Uint8Array(await honestWorkbook(1));
  const parts = partsOf(file);
  const size = parts.reduce((a, p) => a + p.entry.uncompressed, 0);
  const budget = () => ({ left: Infinity });

  const zlib = await msPer(200, () => {
    for (const p of parts) zlibCrc32(inflateRawSync(p.data, { maxOutputLength: p.entry.uncompressed + 1 }));
  });
  const pako = await msPer(200, () => {
    for (const p of parts) inflateEntry(file, p.entry, Infinity, budget());
  });
  const stream = await msPer(50, async () => {
    for (const p of parts) await viaStream(p.data, p.entry.uncompressed);
  });
  const texts = parts.map((p) => inflateRawSync(p.data));
  const crcZlib = await msPer(200, () => texts.forEach((t) => zlibCrc32(t)));
  const crcJs = await msPer(200, () => texts.forEach((t) => crc32(t)));

  console.log(`one honest workbook of the largest scheme: ${parts.length} deflated parts, ${(size / 1024).toFixed(0)} KB inflated`);
  const row = (label: string, ms: number) => console.log(`  ${label.padEnd(48)} ${ms.toFixed(3).padStart(7)} ms  ${((size / 1048576) / (ms / 1000)).toFixed(0).padStart(4)} MB/s  ${(ms / zlib).toFixed(2)}× node:zlib`);
  row("node:zlib inflateRawSync + crc32 (baseline)", zlib);
  row("pako, bounded, + JS CRC-32 (the reader)", pako);
  row("DecompressionStream deflate-raw + JS CRC-32", stream);
  console.log(`  CRC-32 alone: zlib ${crcZlib.toFixed(3)} ms, the reader's (slicing by 8) ${crcJs.toFixed(3)} ms`);

  // A lie: one part declared 1 KB whose data inflates to 19 MB. Each way stops one byte past the declared size.
  const bomb = new Uint8Array(deflateRawSync(Buffer.alloc(19 * 1024 * 1024, 32)));
  const lying: ZipEntry = { name: "xl/worksheets/sheet1.xml", rawName: new TextEncoder().encode("xl/worksheets/sheet1.xml"), method: 8, flags: 0, crc: 0, compressed: bomb.length, uncompressed: 1024, localOffset: 0 };
  const header = new Uint8Array(30 + lying.name.length);
  const h = new DataView(header.buffer);
  h.setUint32(0, 0x04034b50, true);
  h.setUint16(6, 0x8, true);
  h.setUint16(8, 8, true);
  h.setUint16(26, lying.name.length, true);
  header.set(new TextEncoder().encode(lying.name), 30);
  const lyingFile = new Uint8Array([...header, ...bomb]);
  const refuses = (f: () => unknown) => () => {
    try {
      f();
    } catch {
      return;
    }
    throw new Error("the lie was read");
  };
  const bombZlib = await msPer(20, refuses(() => inflateRawSync(bomb, { maxOutputLength: 1025 })));
  const bombPako = await msPer(20, refuses(() => inflateEntry(lyingFile, lying, Infinity, budget())));
  const bombStream = await msPer(20, () => viaStream(bomb, 1024).then(() => Promise.reject(new Error("the lie was read")), () => undefined));
  const full = await msPer(3, () => inflateRawSync(bomb));
  console.log(`a part declared 1 KB whose ${(bomb.length / 1024).toFixed(0)} KB of data inflate to 19 MB, refused:`);
  console.log(`  node:zlib ${bombZlib.toFixed(3)} ms, pako (the reader) ${bombPako.toFixed(3)} ms, DecompressionStream ${bombStream.toFixed(3)} ms; inflating it whole: ${full.toFixed(1)} ms`);
}

void main();
