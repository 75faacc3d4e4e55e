/**
 * Just enough XML for the parts of an .xlsx that StarScore reads. Spreadsheet programs write these parts in a
 * narrow, regular form (no DTDs, attributes in quotes, entities only the predefined and numeric ones); anything
 * else reads as absent rather than crashing.
 */

const ENTITIES = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** Predefined and numeric character references, CDATA sections, and OOXML's `_xHHHH_` escapes for control characters. */
export function decodeXml(s: string): string {
  let out = s;
  if (out.includes("<![CDATA[")) out = out.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
  let amp = out.indexOf("&");
  if (amp === -1) return out;
  // A loop rather than a replace with a callback: formulas are full of &gt; and &quot;, and this runs per cell.
  let decoded = "";
  let from = 0;
  while (amp !== -1) {
    const semi = out.indexOf(";", amp);
    if (semi === -1) break;
    const ref = out.slice(amp + 1, semi);
    const ch =
      ref.charCodeAt(0) === 35
        ? ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88
          ? codePoint(parseInt(ref.slice(2), 16))
          : codePoint(Number(ref.slice(1)))
        : ENTITIES.get(ref);
    if (ch !== undefined) {
      decoded += out.slice(from, amp) + ch;
      from = semi + 1;
    }
    amp = out.indexOf("&", ch === undefined ? amp + 1 : from);
  }
  return decoded + out.slice(from);
}

function codePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Text as OOXML stores it in strings: XML-decoded, then `_x000D_`-style escapes turned back into characters. */
export function decodeText(s: string): string {
  const decoded = decodeXml(s);
  return decoded.includes("_x") ? decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : decoded;
}

/** The namespace prefix of a part's root element (`x:` in `<x:worksheet>`), or "" when it has none. */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

export interface XmlElement {
  /** The raw attribute text (` r="A1" t="s"`). */
  attributes: string;
  /** What lies between the tags; null for an empty element (`<x/>`). */
  content: string | null;
}

const ELEMENT = new Map<string, RegExp>();

/** Every `<tag>` element in `xml`, in document order (not nested in one another). */
export function elements(xml: string, tag: string): XmlElement[] {
  let re = ELEMENT.get(tag);
  if (re === undefined) {
    const t = tag.replace(/[.:]/g, (ch) => `\\${ch}`);
    ELEMENT.set(tag, (re = new RegExp(`<${t}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${t}>)`, "g")));
  }
  const out: XmlElement[] = [];
  for (const m of xml.matchAll(re)) out.push({ attributes: m[1] as string, content: m[2] ?? null });
  return out;
}

/** Open and close tags of an element, made once per part rather than per cell. */
export interface Tag {
  open: string;
  close: string;
}
export const tag = (name: string): Tag => ({ open: `<${name}`, close: `</${name}>` });

/** The first `<tag>` element inside `s` (a quicker `elements(s)[0]` for the hot path); null when absent. */
export function child(s: string, t: Tag): { attributes: string; content: string } | null {
  let i = s.indexOf(t.open);
  while (i !== -1) {
    const after = s.charCodeAt(i + t.open.length);
    // The next character ends the name: ">", "/", or whitespace.
    if (after === 62 || after === 47 || after === 32 || after === 9 || after === 10 || after === 13) break;
    i = s.indexOf(t.open, i + 1);
  }
  if (i === -1) return null;
  const close = s.indexOf(">", i);
  if (close === -1) return null;
  const selfClosing = s.charCodeAt(close - 1) === 47;
  const attributes = s.slice(i + t.open.length, selfClosing ? close - 1 : close);
  if (selfClosing) return { attributes, content: "" };
  const end = s.indexOf(t.close, close);
  return { attributes, content: end === -1 ? "" : s.slice(close + 1, end) };
}

/** An attribute's raw value in an element's attribute text, by its exact (qualified) name. */
export function attribute(attributes: string, name: string): string | undefined {
  let i = attributes.indexOf(name);
  while (i !== -1) {
    const before = i === 0 ? 32 : attributes.charCodeAt(i - 1);
    let j = i + name.length;
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      while (attributes.charCodeAt(j) === 32) j++;
      if (attributes.charCodeAt(j) === 61) {
        j++;
        while (attributes.charCodeAt(j) === 32) j++;
        const quote = attributes[j];
        if (quote === '"' || quote === "'") {
          const end = attributes.indexOf(quote, j + 1);
          return end === -1 ? undefined : attributes.slice(j + 1, end);
        }
      }
    }
    i = attributes.indexOf(name, i + 1);
  }
  return undefined;
}

/**
 * The plain text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic guides (`<rPh>`, the
 * furigana/pinyin Excel can store beside East Asian text) left out, as Excel shows the cell.
 */
export function textOf(content: string, prefix = ""): string {
  const open = `<${prefix}t>`;
  const close = `</${prefix}t>`;
  // The common case, one plain run.
  if (content.startsWith(open) && content.endsWith(close) && content.indexOf(close) === content.length - close.length) {
    return decodeText(content.slice(open.length, -close.length));
  }
  const body = content.includes("rPh") ? content.replace(new RegExp(`<${prefix}rPh\\b[\\s\\S]*?</${prefix}rPh>`, "g"), "") : content;
  return elements(body, `${prefix}t`)
    .map((t) => decodeText(t.content ?? ""))
    .join("");
}
