import { SaxesParser, type SaxesTagNS } from "saxes";
import { shortNs } from "./namespaces";
import { MAX_DEPTH, plainEvents, replay, scanPieces, type PieceScan, type XmlEvents } from "./plainXml";

/**
 * Every part of a package is read by saxes, a conformant XML 1.0 + namespaces tokenizer (bench/xml-compare.ts
 * compares it with sax, @xmldom/xmldom and fast-xml-parser): comments, CDATA, processing instructions, character
 * and predefined entities and line ends are what XML says they are, and malformed markup is refused, not guessed
 * at. A DOCTYPE is refused before anything in it is used. Elements are matched by namespace, never by prefix.
 * Markup compatibility (`mc:AlternateContent`) is resolved as Excel resolves it, so callers never see it.
 */

/**
 * Namespaces Excel (2016 and later) understands, for `mc:Choice Requires="…"`: a Choice is taken only when every
 * prefix it requires names one of these (ECMA-376 Part 3 §10.2.1).
 */
const EXCEL_UNDERSTANDS = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://schemas.openxmlformats.org/markup-compatibility/2006",
  "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main",
  "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac",
  "http://schemas.microsoft.com/office/excel/2006/main",
  "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
  "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2",
  "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3",
  "http://schemas.microsoft.com/office/spreadsheetml/2016/revision6",
  "http://schemas.microsoft.com/office/spreadsheetml/2016/revision10",
  "http://schemas.microsoft.com/office/spreadsheetml/2015/02/main",
  "http://schemas.microsoft.com/office/spreadsheetml/2017/richdata",
  "http://schemas.openxmlformats.org/drawingml/2006/main",
  "http://schemas.microsoft.com/office/drawing/2010/main",
]);

/** A part whose XML is not well-formed, or not what the package says it is. */
export class XmlError extends Error {
  override name = "XmlError";
}

/** An element as a reader sees it: local name, namespace (short name, or the URI when unknown), attributes. */
export interface XmlElement {
  name: string;
  ns: string;
  /** An attribute's value by local name; `ns` for a qualified one ("r" for r:id). */
  attr(local: string, ns?: string): string | undefined;
}

export interface XmlReader {
  /** An element opens; `path` holds the names of its open ancestors in namespace "x"/"pr" (innermost last). */
  open?(el: XmlElement, path: readonly string[]): void;
  /** Character data (text and CDATA) directly inside the innermost open element. */
  text?(text: string, path: readonly string[]): void;
  close?(el: XmlElement, path: readonly string[]): void;
}

class Element implements XmlElement {
  readonly name: string;
  readonly ns: string;
  constructor(private readonly tag: SaxesTagNS) {
    this.name = tag.local;
    this.ns = shortNs(tag.uri);
  }
  attr(local: string, ns?: string): string | undefined {
    const attributes = this.tag.attributes;
    // An unprefixed attribute is keyed by its local name (attributes take no default namespace).
    if (ns === undefined) return attributes[local]?.value;
    for (const key in attributes) {
      const a = attributes[key];
      if (a !== undefined && a.local === local && a.prefix !== "" && shortNs(a.uri) === ns) return a.value;
    }
    return undefined;
  }
}

/**
 * A part's text as `decodePart` gives it: decoded in pieces, each but the first starting at a `<` (see `xmlText`),
 * and each piece scanned for the plain form where it was decoded (plainXml.ts, `scanPieces`).
 */
export interface DecodedPart {
  readonly pieces: readonly string[];
  readonly scans: readonly PieceScan[];
}

/** A part's text: decoded from its bytes, or given as one string. */
export type PartText = string | DecodedPart;

/**
 * Reads one part's XML, streaming, in time linear in its length. `keep` names the namespaces whose elements the
 * reader is shown: an element of any other namespace is skipped with everything inside it, as Excel skips what
 * it ignores. Throws XmlError for malformed XML or a DOCTYPE.
 *
 * A part in the plain form every spreadsheet program writes (fastXml.ts says which) is tokenized by `plainEvents`
 * first, and only when the whole part is in that form are its events shown to the reader; any other part, and any
 * part with a fault, is read by saxes from the start, so what saxes accepts, refuses and reports is what counts.
 */
export function readXml(xml: PartText, part: string, reader: XmlReader, keep: { has(ns: string): boolean }): void {
  const { pieces: chunks, scans } = typeof xml === "string" ? { pieces: [xml], scans: undefined } : xml;
  const events = dispatcher(part, reader, keep);
  const plain = plainEvents(chunks, scans);
  if (plain !== null) {
    replay(plain, events);
    return;
  }
  const parser = new SaxesParser({ xmlns: true, position: false });
  const resolve = (prefix: string) => parser.resolve(prefix);
  // Thrown from saxes' handlers, so parsing stops at the first fault.
  parser.on("error", (e) => {
    throw new XmlError(`${part} 不是完好的 XML / ${part} is not well-formed XML (${e.message.slice(0, 80)})`);
  });
  parser.on("doctype", () => {
    throw new XmlError(`${part} 含有 DOCTYPE / ${part} has a DOCTYPE`);
  });
  parser.on("opentag", (tag) => events.open(new Element(tag as SaxesTagNS), resolve));
  parser.on("closetag", (tag) => events.close(new Element(tag as SaxesTagNS)));
  parser.on("text", events.text);
  parser.on("cdata", events.text);
  for (const chunk of chunks) parser.write(chunk);
  parser.close();
}

/** The reader's view of a part's events: markup compatibility resolved, other namespaces skipped, `path` kept. */
function dispatcher(part: string, reader: XmlReader, keep: { has(ns: string): boolean }): XmlEvents {
  const path: string[] = [];
  /** For each open element: whether it is shown to the reader. */
  const shown: boolean[] = [];
  /** Open mc:AlternateContent elements: whether a branch of each has been taken. */
  const alternates: boolean[] = [];
  /** Depth (in `shown`) below which everything is skipped; -1 when nothing is. */
  let skipFrom = -1;

  const understood = (requires: string, resolve: (prefix: string) => string | undefined) =>
    requires
      .split(/\s+/)
      .filter(Boolean)
      .every((prefix) => {
        const uri = resolve(prefix);
        return uri !== undefined && EXCEL_UNDERSTANDS.has(uri);
      });

  return {
    open(el, resolve) {
      const depth = shown.length;
      if (depth >= MAX_DEPTH) throw new XmlError(`${part} 元素嵌套过深 / ${part} nests elements more than ${MAX_DEPTH} deep`);
      if (skipFrom !== -1) {
        shown.push(false);
        return;
      }
      if (el.ns === "mc") {
        // Markup compatibility is invisible: AlternateContent picks one branch, whose children stand in its place.
        if (el.name === "AlternateContent") {
          alternates.push(false);
        } else if ((el.name === "Choice" || el.name === "Fallback") && alternates.length > 0) {
          const taken = alternates[alternates.length - 1] as boolean;
          const take = !taken && (el.name === "Fallback" || understood(el.attr("Requires") ?? "", resolve));
          if (take) alternates[alternates.length - 1] = true;
          else skipFrom = depth;
        } else {
          skipFrom = depth;
        }
        shown.push(false);
        return;
      }
      if (!keep.has(el.ns)) {
        skipFrom = depth;
        shown.push(false);
        return;
      }
      shown.push(true);
      reader.open?.(el, path);
      path.push(el.name);
    },
    close(el) {
      const wasShown = shown.pop();
      const depth = shown.length;
      if (skipFrom === depth) skipFrom = -1;
      if (wasShown === true) {
        path.pop();
        reader.close?.(el, path);
      } else if (skipFrom === -1 && el.name === "AlternateContent" && el.ns === "mc") {
        alternates.pop();
      }
    },
    text(t) {
      if (skipFrom === -1 && reader.text !== undefined && path.length > 0) reader.text(t, path);
    },
  };
}

/** Decoders for the encodings XML requires every processor to read (XML 1.0 §4.3.3); malformed bytes are errors. */
const DECODERS = {
  "UTF-8": new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }),
  "UTF-16LE": new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true }),
  "UTF-16BE": new TextDecoder("utf-16be", { fatal: true, ignoreBOM: true }),
};

/** The encoding the bytes themselves show (XML 1.0 Appendix F): a byte-order mark, or `<?` in UTF-16 without one. */
function sniffEncoding(b: Uint8Array): { encoding: keyof typeof DECODERS; bom: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "UTF-8", bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "UTF-16LE", bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "UTF-16BE", bom: 2 };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return { encoding: "UTF-16LE", bom: 0 };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return { encoding: "UTF-16BE", bom: 0 };
  return { encoding: "UTF-8", bom: 0 };
}

const DECLARED = /^<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/;

/**
 * How many bytes of UTF-8 are decoded into one string at most, up to the next `<`. V8 places a string of more than
 * 64K two-byte characters in its large-object space, and then decoding one costs some twenty times as much: a
 * 98 KB worksheet with a few Chinese characters took 1.2–2 ms as one string and 0.15 ms in pieces (issue 19).
 */
const PIECE_BYTES = 32_768;

/** UTF-8 bytes as text, in pieces that each (but the first) start at a `<`, a byte that never falls inside a character. */
function utf8Pieces(bytes: Uint8Array): string[] {
  const decoder = DECODERS["UTF-8"];
  const pieces: string[] = [];
  let start = 0;
  while (bytes.length - start > PIECE_BYTES) {
    const cut = bytes.indexOf(0x3c, start + PIECE_BYTES);
    if (cut === -1) break;
    pieces.push(decoder.decode(bytes.subarray(start, cut)));
    start = cut;
  }
  pieces.push(decoder.decode(bytes.subarray(start)));
  return pieces;
}

/**
 * A part's bytes as text, decoded as XML says (§4.3.3, Appendix F): UTF-8, or UTF-16 with a byte-order mark, and
 * the encoding declaration must agree with the bytes — a part declaring UTF-16 whose bytes are UTF-8, or UTF-8 in
 * UTF-16 bytes, is refused (LibreOffice shows such a sheet empty), as are bytes that are not what they claim and
 * any other encoding (OOXML parts are UTF-8 or UTF-16: ECMA-376 Part 2 §8.1.4). The byte-order mark is dropped.
 * UTF-8 comes in pieces (`PIECE_BYTES`): each is valid exactly when the whole is, as no piece splits a character.
 */
export function xmlText(bytes: Uint8Array, part: string): readonly string[] {
  const { encoding, bom } = sniffEncoding(bytes);
  let text: string[];
  try {
    const body = bytes.subarray(bom);
    text = encoding === "UTF-8" ? utf8Pieces(body) : [DECODERS[encoding].decode(body)];
  } catch {
    throw new XmlError(`${part} 不是有效的 ${encoding} 编码 / ${part} is not valid ${encoding}`);
  }
  const declared = DECLARED.exec((text[0] as string).slice(0, 200))?.[2]?.toUpperCase();
  if (declared === undefined) {
    // Without a declaration XML reads UTF-8, or UTF-16 only with its byte-order mark.
    if (encoding !== "UTF-8" && bom === 0) throw new XmlError(`${part} 为 UTF-16 编码却没有字节顺序标记或编码声明 / ${part} is UTF-16 without a byte-order mark or declaration`);
    return text;
  }
  const agrees = encoding === "UTF-8" ? declared === "UTF-8" : declared === "UTF-16" || declared === encoding;
  if (!agrees) throw new XmlError(`${part} 声明的编码 ${declared} 与实际编码 ${encoding} 不符 / ${part} declares ${declared} but is ${encoding}`);
  return text;
}

/** A part's bytes decoded (`xmlText`) and scanned for the plain form (`scanPieces`), ready for `readXml`. */
export function decodePart(bytes: Uint8Array, part: string): DecodedPart {
  const pieces = xmlText(bytes, part);
  return { pieces, scans: scanPieces(pieces) };
}

/** OOXML's `_xHHHH_` escapes for characters XML cannot hold, decoded once (`_x005F_` is the escape of `_`). */
export function decodeEscapes(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}
