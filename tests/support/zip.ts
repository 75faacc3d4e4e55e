import { deflateRawSync } from "node:zlib";
import { inflateEntry, zipEntries } from "../../src/xlsx/zip";

export interface ZipPart {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** A size to declare instead of the real one (a lying header). */
  declaredSize?: number;
}

/** A zip written by hand (stored or deflated entries), for the files no spreadsheet program makes. */
export function zip(entries: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflate === true ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate === true ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate === true ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
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
  return (zipEntries(buf) ?? []).map((e) => ({ name: e.name, data: inflateEntry(buf, e, 1 << 30) ?? Buffer.alloc(0) }));
}

/** A package with some parts' text edited, as another program might save it. */
export function rezip(buf: Buffer, edit: (name: string, text: string) => string): Buffer {
  return zip(unzip(buf).map((p) => ({ name: p.name, data: /\.(xml|rels)$/.test(p.name) ? Buffer.from(edit(p.name, p.data.toString("utf8")), "utf8") : p.data, deflate: true })));
}
