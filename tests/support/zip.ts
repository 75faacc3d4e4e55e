import { crc32, deflateRawSync } from "node:zlib";
import { inflateEntry, zipEntries } from "../../src/xlsx/zip";

export interface ZipPart {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** A size to declare instead of the real one (a lying header). */
  declaredSize?: number;
  /** Lies a hostile zip tells: in the directory only, or in the local header only. */
  directoryMethod?: number;
  crc?: number;
  localName?: string;
  /** The entry's bytes already deflated (many entries sharing one large body are built once). */
  body?: Buffer;
  /** Where the directory says the entry starts, as the index of another entry whose local header it names. */
  offsetOf?: number;
  /** The name's bytes in GBK and the UTF-8 flag (bit 11) off, as Windows' own "compressed folder" writes names. */
  gbk?: boolean;
}

let gbkTable: Map<string, number[]> | null = null;
/** A name in GBK (code page 936), built from the decoder both Node and browsers have (there is no GBK encoder). */
export function gbkBytes(text: string): Buffer {
  if (gbkTable === null) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
  }
  const table = gbkTable;
  return Buffer.from(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const bytes = table.get(ch);
      if (bytes === undefined) throw new Error(`no GBK for ${ch}`);
      return bytes;
    }),
  );
}

/** A zip written by hand (stored or deflated entries), for the files no spreadsheet program makes. */
export function zip(entries: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.body ?? (e.deflate === true ? deflateRawSync(e.data) : e.data);
    const encode = (n: string) => (e.gbk === true ? gbkBytes(n) : Buffer.from(n, "utf8"));
    const flags = e.gbk === true ? 0 : 0x800;
    const name = encode(e.name);
    const localName = encode(e.localName ?? e.name);
    const crc = e.crc ?? crc32(e.data);
    const method = e.deflate === true || e.body !== undefined ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    local.writeUInt16LE(localName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.directoryMethod ?? method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    offsets.push(offset);
    locals.push(local, localName, body);
    centrals.push(central, name);
    offset += 30 + localName.length + body.length;
  }
  entries.forEach((e, i) => {
    if (e.offsetOf !== undefined) (centrals[i * 2] as Buffer).writeUInt32LE(offsets[e.offsetOf] as number, 42);
    else (centrals[i * 2] as Buffer).writeUInt32LE(offsets[i] as number, 42);
  });
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Every part of a zip, inflated. */
export function unzip(buf: Buffer): { name: string; data: Buffer }[] {
  return zipEntries(buf, 1 << 20).map((e) => {
    const data = inflateEntry(buf, e, 1 << 30, { left: Infinity });
    return { name: e.name, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  });
}

/** A package with some parts' text edited, as another program might save it. */
export function rezip(buf: Buffer, edit: (name: string, text: string) => string): Buffer {
  return zip(unzip(buf).map((p) => ({ name: p.name, data: /\.(xml|rels)$/.test(p.name) ? Buffer.from(edit(p.name, p.data.toString("utf8")), "utf8") : p.data, deflate: true })));
}
