import type { Limits } from "./sniff";
import { decodePart, readXml, XmlError, type PartText } from "./xml";
import type { ReadAhead } from "./readAhead";
import { entryData, inflateEntry, ZipError, type Budget, type ZipEntry } from "./zip";

/**
 * The package (OPC, ECMA-376 Part 2) inside the zip: parts by name, and the relationships between them. Part names
 * are URIs compared without regard to case (§9.1.1.1), relationship targets are URI references resolved against
 * their source part (`%20`, `../`, or absolute `/xl/…`), and the workbook is the part `_rels/.rels` names.
 */
export interface Package {
  /** A part's text by name (`xl/worksheets/sheet1.xml`), or null when the package has no such part. */
  text(name: string): PartText | null;
  /** The relationships of a part (from `<dir>/_rels/<file>.rels`) by id. */
  relationships(source: string): Map<string, Relationship>;
}

export interface Relationship {
  type: string;
  /** The target part's name, resolved; null for an external target. */
  target: string | null;
  /** An external target as written (a hyperlink's `证明材料/客户清单.pdf`, `https://…`, another workbook's path: TargetMode="External"); absent for a part. */
  external?: string;
}

/** A part name as a key: percent-escapes decoded, case folded, no leading slash. */
function key(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A stray % is a literal character in a zip item name.
  }
  return decoded.replace(/^\/+/, "").toLowerCase();
}

/** A relationship target resolved against the folder of its source part, as a URI reference (RFC 3986 §5.2). */
export function resolveTarget(source: string, target: string): string {
  const path = target.replace(/[?#].*$/, "");
  const parts = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

const REL_NS = new Set(["pr"]);

export function openPackage(bytes: Uint8Array, entries: readonly ZipEntry[], limits: Limits, ahead?: ReadAhead): Package {
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const k = key(e.name);
    // OPC forbids two parts whose names differ only in case; Excel refuses such a package.
    if (byName.has(k)) throw new ZipError(`压缩包中部件重名：${e.name} / two parts named ${e.name}`);
    byName.set(k, e);
  }
  const budget: Budget = { left: limits.maxTotalBytes };
  const texts = new Map<string, PartText | null>();
  const rels = new Map<string, Map<string, Relationship>>();

  /**
   * A part's text: read ahead on another thread (readAhead.ts) when that read's bytes had the size and CRC-32
   * this file's directory declares — the local header and the caps are checked here all the same — else
   * inflated and decoded here.
   */
  const partText = (entry: ZipEntry): PartText => {
    const read = ahead?.get(entry.name);
    if (read === undefined || read.size !== entry.uncompressed || read.crc !== entry.crc) return decodePart(inflateEntry(bytes, entry, limits.maxPartBytes, budget), entry.name);
    entryData(bytes, entry, limits.maxPartBytes, budget);
    return read.text;
  };

  const text = (name: string): PartText | null => {
    const k = key(name);
    const known = texts.get(k);
    if (known !== undefined) return known;
    const entry = byName.get(k);
    const t = entry === undefined ? null : partText(entry);
    texts.set(k, t);
    return t;
  };

  const relationships = (source: string): Map<string, Relationship> => {
    const k = key(source);
    const known = rels.get(k);
    if (known !== undefined) return known;
    const slash = source.lastIndexOf("/");
    const relsName = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
    const out = new Map<string, Relationship>();
    const xml = text(relsName);
    if (xml !== null) {
      readXml(
        xml,
        relsName,
        {
          open(el, path) {
            if (el.name !== "Relationship" || path.length !== 1 || path[0] !== "Relationships") return;
            const id = el.attr("Id");
            const target = el.attr("Target");
            if (id === undefined || target === undefined) throw new XmlError(`${relsName}: 关系缺少 Id 或 Target / relationship without Id or Target`);
            if (out.has(id)) throw new XmlError(`${relsName}: 关系 ${id} 重复 / relationship ${id} appears twice`);
            const external = el.attr("TargetMode") === "External";
            out.set(id, { type: el.attr("Type") ?? "", target: external ? null : resolveTarget(source, target), ...(external ? { external: target } : {}) });
          },
        },
        REL_NS,
      );
    }
    rels.set(k, out);
    return out;
  };
  return { text, relationships };
}

/** The first relationship of a kind (by the last segment of its type, as Transitional and Strict share it). */
export function related(rels: Map<string, Relationship>, kind: string): string | null {
  for (const r of rels.values()) if (r.target !== null && r.type.endsWith(`/${kind}`)) return r.target;
  return null;
}
