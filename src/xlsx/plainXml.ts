import { shortNs } from "./namespaces";
import type { XmlElement } from "./xml";

/**
 * A fast path for the plain XML every spreadsheet program writes: elements, attributes and text, the five
 * predefined entities, namespaces declared as usual. Reading a worksheet with saxes costs several times what
 * scanning its text does (issue 19's speed target), and nearly every part of a submitted workbook is this plain.
 *
 * The whole part is tokenized before the reader sees anything. Anything outside the plain form — a comment, CDATA,
 * a processing instruction, a DOCTYPE, a character reference or other entity, `]]>`, a character XML forbids, a name
 * outside ASCII, a namespace declaration that is not an ordinary one, a duplicate attribute — and anything
 * malformed makes `plainEvents` answer null, and xml.ts reads the part with saxes from the start: saxes alone
 * decides what is refused and with which words. What this path accepts, saxes accepts with the same elements,
 * attributes and text (tests/xlsx/plainXml.test.ts compares the two on the conformance list and the hostile kits).
 */

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/**
 * How deep elements may nest in any part (readXml refuses a deeper one). A spreadsheet part nests about ten deep;
 * saxes resolves a namespace prefix by walking up the open elements, and the plain path its scopes, so an unbounded
 * depth would make a small part cost quadratic time. Past it the plain path stops at once and saxes refuses the part.
 */
export const MAX_DEPTH = 128;

/** An element with more attributes than this finds a repeated one with a set, not by comparing each pair. */
const FEW_ATTRIBUTES = 8;

/**
 * Prefix → namespace URI in scope ("" for the default namespace): an element's own declarations, then its
 * ancestors'. Nothing is copied, and a lookup climbs at most MAX_DEPTH scopes, so a part that declares a prefix on
 * every element costs time in proportion to its length (a copy per element grew with the depth, quadratically).
 */
class Scope {
  constructor(
    private readonly own: ReadonlyMap<string, string>,
    private readonly parent: Scope | null,
  ) {}
  get(prefix: string): string | undefined {
    return this.own.get(prefix) ?? this.parent?.get(prefix);
  }
}

const ROOT_SCOPE = new Scope(
  new Map([
    ["xml", XML_NS],
    ["xmlns", XMLNS_NS],
  ]),
  null,
);

/** Whatever puts a part outside the plain form (or makes it malformed): a fault saxes must judge. */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what this looks for
const NOT_PLAIN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|<[!?]|&(?!(?:amp|lt|gt|quot|apos);)|\]\]>/g;
/** The XML declaration as spreadsheet programs write it; any other form is left to saxes. */
const DECLARATION = /^<\?xml version="1\.0"(?: encoding="[A-Za-z][A-Za-z0-9._-]*")?(?: standalone="(?:yes|no)")?\?>/;
const ONLY_SPACE = /^[ \t\r\n]*$/;

/**
 * The five predefined entities replaced, without a regular expression (formulas are full of `&quot;`). Only for a
 * chunk NOT_PLAIN passed: every `&` there begins `&amp;`, `&lt;`, `&gt;`, `&quot;` or `&apos;`.
 */
function entities(s: string): string {
  let at = s.indexOf("&");
  if (at === -1) return s;
  let out = "";
  let from = 0;
  while (at !== -1) {
    out += s.slice(from, at);
    const c = s.charCodeAt(at + 1);
    if (c === 108) {
      out += "<";
      from = at + 4;
    } else if (c === 103) {
      out += ">";
      from = at + 4;
    } else if (c === 113) {
      out += '"';
      from = at + 6;
    } else if (s.charCodeAt(at + 2) === 109) {
      out += "&";
      from = at + 5;
    } else {
      out += "'";
      from = at + 6;
    }
    at = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

/** ASCII name characters (NCName): 1 may start a name, 2 only follow, 3 the colon of a qualified name. */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  NAME[c] = /[A-Za-z_]/.test(ch) ? 1 : /[0-9.-]/.test(ch) ? 2 : ch === ":" ? 3 : 0;
}

/**
 * The end of a qualified name in ASCII starting at `i` (an optional prefix and a local name, each an NCName), and
 * the colon's position in `colonAt[0]` (-1 without one); -1 when there is no such name there.
 */
function qname(s: string, i: number, colonAt: Int32Array): number {
  let c = s.charCodeAt(i);
  if (NAME[c] !== 1) return -1;
  let colon = -1;
  for (;;) {
    c = s.charCodeAt(++i);
    const kind = c < 128 ? NAME[c] : 0;
    if (kind === 0) break;
    if (kind === 3) {
      if (colon !== -1 || NAME[s.charCodeAt(i + 1)] !== 1) return -1;
      colon = i;
    }
  }
  // A name must end at a space, `=`, `/` or `>`; anything else (a character outside ASCII) is saxes' to judge.
  if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 61 && c !== 47 && c !== 62) return -1;
  colonAt[0] = colon;
  return i;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Character data as XML reports it: line ends as LF (§2.11), the predefined entities replaced. */
function charData(raw: string, breaks: boolean, amps: boolean): string {
  const lines = breaks && raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return amps ? entities(lines) : lines;
}

/** An attribute value as XML normalizes it (§3.3.3): each line end, tab or newline a space, entities replaced. */
function attributeValue(raw: string, breaks: boolean, amps: boolean): string {
  const spaced = breaks && /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return amps ? entities(spaced) : spaced;
}

export class PlainElement implements XmlElement {
  constructor(
    readonly name: string,
    readonly uri: string,
    readonly ns: string,
    /** Qualified name and value, in pairs, in document order. */
    readonly attrs: readonly string[],
    private readonly scope: Scope,
  ) {}
  attr(local: string, ns?: string): string | undefined {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += 2) {
      const name = a[i] as string;
      if (ns === undefined) {
        if (name === local) return a[i + 1];
        continue;
      }
      const colon = name.indexOf(":");
      if (colon === -1 || name.length - colon - 1 !== local.length || !name.endsWith(local)) continue;
      const uri = this.scope.get(name.slice(0, colon));
      if (uri !== undefined && shortNs(uri) === ns) return a[i + 1];
    }
    return undefined;
  }
  /** The namespace a prefix names where this element stands. */
  lookup(prefix: string): string | undefined {
    return this.scope.get(prefix);
  }
}

/** A part's events in order: an element opening, text, or null closing the innermost open element. */
export type PlainEvent = PlainElement | string | null;

/** The scope an element's own declarations make; null when a declaration is not an ordinary one. */
function declared(attrs: readonly string[], parent: Scope): Scope | null {
  let own: Map<string, string> | null = null;
  for (let a = 0; a < attrs.length; a += 2) {
    const name = attrs[a] as string;
    const isDefault = name === "xmlns";
    if (!isDefault && !name.startsWith("xmlns:")) continue;
    const uri = attrs[a + 1] as string;
    const prefix = isDefault ? "" : name.slice(6);
    // Binding xml or xmlns, the reserved URIs, undeclaring a prefix, spaces saxes would trim: saxes judges.
    if (prefix === "xml" || prefix === "xmlns" || uri === XML_NS || uri === XMLNS_NS || uri !== uri.trim() || (!isDefault && uri === "")) return null;
    own ??= new Map();
    own.set(prefix, uri);
  }
  return own === null ? parent : new Scope(own, parent);
}

/** Whether two attributes have the same expanded name (prefixes resolved), or one's prefix is unbound (null). */
function duplicated(attrs: readonly string[], scope: Scope, prefixed: boolean): boolean | null {
  if (!prefixed && attrs.length <= 2 * FEW_ATTRIBUTES) {
    for (let a = 2; a < attrs.length; a += 2) for (let b = 0; b < a; b += 2) if (attrs[a] === attrs[b]) return true;
    return false;
  }
  const keys = new Set<string>();
  for (let a = 0; a < attrs.length; a += 2) {
    const name = attrs[a] as string;
    const colon = name.indexOf(":");
    let key = name;
    if (colon !== -1 && !name.startsWith("xmlns:")) {
      const bound = scope.get(name.slice(0, colon));
      if (bound === undefined) return null;
      key = `{${bound}}${name.slice(colon + 1)}`;
    }
    if (keys.has(key)) return true;
    keys.add(key);
  }
  return false;
}

/** What a tag's reader answers, instead of the position past the tag, when the tag is outside the plain form or malformed. */
const NOT_PLAIN_TAG = -1;

/**
 * The tokenizer's state across a part's chunks. Each tag is read by a method of its own, not in `plainEvents`'
 * loop: the engine compiles a function with a long-running loop twice (once while the loop runs, once for later
 * calls), and this loop held all the tag code — the largest compile of a check, paid again by every Web Worker and
 * worker thread (issue 18's and 19's speed). Small methods called per tag compile once each.
 */
class Tokenizer {
  readonly events: PlainEvent[] = [];
  private readonly open: string[] = [];
  private readonly scopes: Scope[] = [];
  private readonly colonAt = new Int32Array(1);
  private scope = ROOT_SCOPE;
  private sawRoot = false;
  private lastUri = "";
  private lastNs = shortNs("");

  get done(): boolean {
    return this.sawRoot && this.open.length === 0;
  }

  /** Text between tags: character data inside the root, only spaces outside it. False when not plain. */
  text(s: string, from: number, to: number, breaks: boolean, amps: boolean): boolean {
    const text = s.slice(from, to);
    if (this.open.length > 0) this.events.push(charData(text, breaks, amps));
    else if (!ONLY_SPACE.test(text)) return false;
    return true;
  }

  /** An end tag at `lt`: the innermost open element's name, spaces, `>`. */
  endTag(s: string, lt: number): number {
    const top = this.open.pop();
    let i = lt + 2;
    if (top === undefined || !s.startsWith(top, i)) return NOT_PLAIN_TAG;
    i += top.length;
    let c = s.charCodeAt(i);
    while (isSpace(c)) c = s.charCodeAt(++i);
    if (c !== 62) return NOT_PLAIN_TAG;
    this.events.push(null);
    this.scope = this.scopes.pop() as Scope;
    return i + 1;
  }

  /** A start or empty-element tag at `lt`: its name, its attributes, the namespaces they declare. */
  startTag(s: string, lt: number, breaks: boolean, amps: boolean): number {
    if ((this.sawRoot && this.open.length === 0) || this.open.length >= MAX_DEPTH) return NOT_PLAIN_TAG;
    const colonAt = this.colonAt;
    const nameEnd = qname(s, lt + 1, colonAt);
    if (nameEnd === -1) return NOT_PLAIN_TAG;
    const colon = colonAt[0] as number;
    const tagName = s.slice(lt + 1, nameEnd);
    const attrs: string[] = [];
    const end = attributes(s, nameEnd, attrs, breaks, amps, colonAt);
    if (end === NOT_PLAIN_TAG) return NOT_PLAIN_TAG;
    const selfClosing = s.charCodeAt(end - 2) === 47;
    const prefixed = colonAt[0] !== -1;
    const own = declared(attrs, this.scope);
    if (own === null) return NOT_PLAIN_TAG;
    if (attrs.length > 2 || prefixed) {
      const twice = duplicated(attrs, own, prefixed);
      if (twice !== false) return NOT_PLAIN_TAG;
    }
    const prefix = colon === -1 ? "" : tagName.slice(0, colon - lt - 1);
    if (prefix === "xmlns") return NOT_PLAIN_TAG;
    const uri = own.get(prefix);
    if (prefix !== "" && uri === undefined) return NOT_PLAIN_TAG;
    const local = colon === -1 ? tagName : tagName.slice(colon - lt);
    if (uri !== this.lastUri) {
      this.lastUri = uri ?? "";
      this.lastNs = shortNs(this.lastUri);
    }
    this.events.push(new PlainElement(local, this.lastUri, this.lastNs, attrs, own));
    this.sawRoot = true;
    if (selfClosing) this.events.push(null);
    else {
      this.open.push(tagName);
      this.scopes.push(this.scope);
      this.scope = own;
    }
    return end;
  }
}

/**
 * A tag's attributes from `i` (just past its name) to its `>` or `/>`, pushed onto `attrs` as name and value in
 * pairs; the position past the tag, or NOT_PLAIN_TAG. `colonAt[0]` ends as 0 when any attribute name has a prefix.
 */
function attributes(s: string, i: number, attrs: string[], breaks: boolean, amps: boolean, colonAt: Int32Array): number {
  let prefixed = false;
  for (;;) {
    const before = i;
    let c = s.charCodeAt(i);
    while (isSpace(c)) c = s.charCodeAt(++i);
    if (c === 62) {
      colonAt[0] = prefixed ? 0 : -1;
      return i + 1;
    }
    if (c === 47) {
      if (s.charCodeAt(i + 1) !== 62) return NOT_PLAIN_TAG;
      colonAt[0] = prefixed ? 0 : -1;
      return i + 2;
    }
    if (i === before) return NOT_PLAIN_TAG;
    const start = i;
    i = qname(s, i, colonAt);
    if (i === -1) return NOT_PLAIN_TAG;
    const name = s.slice(start, i);
    if (colonAt[0] !== -1) prefixed = true;
    c = s.charCodeAt(i);
    while (isSpace(c)) c = s.charCodeAt(++i);
    if (c !== 61) return NOT_PLAIN_TAG;
    c = s.charCodeAt(++i);
    while (isSpace(c)) c = s.charCodeAt(++i);
    if (c !== 34 && c !== 39) return NOT_PLAIN_TAG;
    const close = s.indexOf(c === 34 ? '"' : "'", i + 1);
    if (close === -1) return NOT_PLAIN_TAG;
    const raw = s.slice(i + 1, close);
    if (raw.includes("<")) return NOT_PLAIN_TAG;
    attrs.push(name, attributeValue(raw, breaks, amps));
    i = close + 1;
  }
}

/**
 * What tokenizing a piece of a part's text needs to know of it first, from one scan of the whole piece. Scanned
 * where the piece is decoded (xml.ts, `decodePart`): `check`'s main thread scans the parts it reads ahead for its
 * worker, which then only tokenizes (issue 19's speed).
 */
export interface PieceScan {
  /** Nothing outside the plain form: from after the XML declaration, in a part's first piece. */
  readonly plain: boolean;
  /** Line ends or tabs, which text and attribute values then need normalised; most parts are one line. */
  readonly breaks: boolean;
  /** An `&`: entities to replace. */
  readonly amps: boolean;
}

/** Where a part's first piece starts its markup: after an XML declaration in the plain form, if it has one. */
const declarationEnd = (first: string) => DECLARATION.exec(first)?.[0].length ?? 0;

/** Each piece of a part's text scanned for `plainEvents`. */
export function scanPieces(chunks: readonly string[]): PieceScan[] {
  return chunks.map((s, k) => {
    NOT_PLAIN.lastIndex = k === 0 ? declarationEnd(s) : 0;
    return { plain: !NOT_PLAIN.test(s), breaks: /[\t\n\r]/.test(s), amps: s.includes("&") };
  });
}

/**
 * The events of a part in the plain form, or null when any of it is not plain or not well-formed. `chunks` is the
 * part's text as xmlText gives it: each chunk but the first starts at a `<`, so no text run or tag spans two.
 * `scans`: the chunks as `scanPieces` scanned them, where the text was decoded.
 */
export function plainEvents(chunks: readonly string[], scans: readonly PieceScan[] = scanPieces(chunks)): PlainEvent[] | null {
  if (scans.length !== chunks.length || !scans.every((scan) => scan.plain)) return null;
  const t = new Tokenizer();
  for (let k = 0; k < chunks.length; k++) {
    const s = chunks[k] as string;
    const { breaks, amps } = scans[k] as PieceScan;
    const n = s.length;
    let pos = k === 0 ? declarationEnd(s) : 0;
    while (pos < n) {
      const lt = s.indexOf("<", pos);
      const end = lt === -1 ? n : lt;
      if (end > pos && !t.text(s, pos, end, breaks, amps)) return null;
      if (lt === -1) break;
      pos = s.charCodeAt(lt + 1) === 47 ? t.endTag(s, lt) : t.startTag(s, lt, breaks, amps);
      if (pos === NOT_PLAIN_TAG) return null;
    }
  }
  return t.done ? t.events : null;
}

/** What readXml does with each event, whichever tokenizer found it; `resolve` answers while `open` runs. */
export interface XmlEvents {
  open(el: XmlElement, resolve: (prefix: string) => string | undefined): void;
  text(text: string): void;
  close(el: XmlElement): void;
}

/** Shows a part's plain events to the handlers readXml's saxes path shows them to. */
export function replay(events: readonly PlainEvent[], to: XmlEvents): void {
  const open: PlainElement[] = [];
  let current: PlainElement | undefined;
  const resolve = (prefix: string) => current?.lookup(prefix);
  for (const e of events) {
    if (e === null) to.close(open.pop() as PlainElement);
    else if (typeof e === "string") to.text(e);
    else {
      current = e;
      to.open(e, resolve);
      open.push(e);
    }
  }
}
