import { SaxesParser, type SaxesTagNS } from "saxes";
import { hostileCorpus } from "../../scripts/make-hostile";
import { MAX_DEPTH, plainEvents, scanPieces, type PlainElement } from "../../src/xlsx/plainXml";
import { readXml, XmlError, xmlText } from "../../src/xlsx/xml";
import { honestWorkbook } from "../support/honest";
import { unzip } from "../support/zip";

/**
 * The plain path (src/xlsx/plainXml.ts) against saxes: whatever it accepts, saxes accepts, with the same elements,
 * namespaces, attributes and text; whatever saxes refuses, it leaves to saxes (null).
 */

/** A document as saxes reads it: one line per event, text runs joined; null when saxes refuses it. */
function saxesTrace(chunks: readonly string[]): string[] | null {
  const out: string[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") out.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  const p = new SaxesParser({ xmlns: true, position: false });
  let failed = false;
  p.on("error", () => (failed = true));
  p.on("doctype", () => (failed = true));
  let depth = 0;
  p.on("opentag", (t) => {
    depth++;
    flush();
    const tag = t as SaxesTagNS;
    const attrs = Object.values(tag.attributes).map((a) => `${a.name}=${JSON.stringify(a.value)}${a.prefix !== "" ? `{${a.uri}}` : ""}`);
    out.push(`open {${tag.uri}}${tag.local} ${attrs.join(" ")}`);
  });
  p.on("closetag", () => {
    depth--;
    flush();
    out.push("close");
  });
  p.on("text", (t) => {
    // Spaces outside the root are not text of any element.
    if (depth > 0) text += t;
  });
  p.on("cdata", (t) => (text += t));
  try {
    for (const c of chunks) p.write(c);
    p.close();
  } catch {
    failed = true;
  }
  return failed ? null : out;
}

/** The same, from the plain path's events; null when it leaves the document to saxes. */
function plainTrace(chunks: readonly string[]): string[] | null {
  const events = plainEvents(chunks);
  if (events === null) return null;
  const out: string[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") out.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  for (const e of events) {
    if (typeof e === "string") {
      text += e;
      continue;
    }
    flush();
    if (e === null) out.push("close");
    else {
      const el: PlainElement = e;
      const attrs: string[] = [];
      for (let i = 0; i < el.attrs.length; i += 2) {
        const name = el.attrs[i] as string;
        const colon = name.indexOf(":");
        const prefix = colon === -1 ? "" : name.slice(0, colon);
        const uri = prefix === "xmlns" ? "http://www.w3.org/2000/xmlns/" : el.lookup(prefix);
        attrs.push(`${name}=${JSON.stringify(el.attrs[i + 1])}${prefix !== "" ? `{${uri}}` : ""}`);
      }
      out.push(`open {${el.uri}}${el.name} ${attrs.join(" ")}`);
    }
  }
  return out;
}

/** The document in pieces cut before some `<`, as xmlText cuts a long part. */
function cut(xml: string, every: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let at = xml.indexOf("<", 1);
  let n = 0;
  while (at !== -1) {
    if (++n % every === 0) {
      pieces.push(xml.slice(start, at));
      start = at;
    }
    at = xml.indexOf("<", at + 1);
  }
  pieces.push(xml.slice(start));
  return pieces;
}

/** Whether the plain path reads `xml` (else it leaves it to saxes); where it does, saxes reads the same, however cut. */
function agree(xml: string): "plain" | "saxes" {
  const outcomes = new Set<string>();
  for (const chunks of xml.length < 4_000 ? [[xml], cut(xml, 1), cut(xml, 3)] : [[xml], cut(xml, 97)]) {
    const plain = plainTrace(chunks);
    if (plain === null) {
      outcomes.add("saxes");
      continue;
    }
    // What the plain path accepts, saxes accepts the same; where they part, the first events that differ are shown.
    const sax = saxesTrace(chunks);
    const first = sax === null ? 0 : plain.findIndex((e, i) => sax[i] !== e);
    if (sax === null || first !== -1 || sax.length !== plain.length) {
      expect({ xml: xml.slice(0, 300), saxes: sax?.slice(first, first + 3) ?? null }).toEqual({ xml: xml.slice(0, 300), saxes: plain.slice(first, first + 3) });
    }
    outcomes.add("plain");
  }
  expect(outcomes.size).toBe(1);
  return [...outcomes][0] as "plain" | "saxes";
}

const M = "urn:m";
const X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

describe("the plain path reads what saxes reads", () => {
  it("takes the plain form, and leaves every other form and every fault to saxes", () => {
    const plain = [
      `<a xmlns="${M}"/>`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a xmlns="${M}"><b c="1" d='2'>t</b></a>\r\n`,
      `<a xmlns="${M}" b="x>y"/>`,
      `<a xmlns="${M}">&lt;&gt;&amp;&quot;&apos;</a>`,
      `<a xmlns="${M}" b="&lt;&amp;lt;"/>`,
      `<a xmlns="${M}">x\r\ny\rz\n</a>`,
      `<a xmlns="${M}" b="x\r\ny\tz\nw\r"/>`,
      `<x:a xmlns:x="${M}"><x:c/><y:c xmlns:y="urn:other"/></x:a>`,
      `<a xmlns="${M}"><b xmlns=""><c/></b><c/></a>`,
      `<a xmlns="${M}" xmlns:r="urn:r"><b r:id="1" id="2"/></a>`,
      `<a xmlns="${M}" xmlns:p="urn:r" xmlns:q="urn:s"><b p:id="1" q:id="2"/></a>`,
      `<a xmlns="${M}"><t xml:space="preserve"> x </t></a>`,
      `<a  xmlns = "${M}"  b = "1" ></a >`,
      `<a xmlns="${M}"\n\tb="1"\r\n/>`,
      `<a xmlns="${M}">中文 ]] > ]>\u00a0\ufeff</a>`,
      `<a xmlns="${M}"><b>1</b>\n  <b>2</b>\n</a>`,
      `\n <a/> \n`,
      `<a xmlns:p="${M}"><p:b xmlns:p="urn:n"/><p:b/></a>`,
    ];
    for (const xml of plain) expect({ xml, read: agree(xml) }).toEqual({ xml, read: "plain" });
    const saxes = [
      `<a xmlns="${M}"><!-- <c>1</c> --><c>0</c></a>`,
      `<a xmlns="${M}"><![CDATA[<c>&amp;]]></a>`,
      `<?xml version="1.0"?><a xmlns="${M}"><?pi <c>1</c>?>x</a>`,
      `<a xmlns="${M}">&#x4E2D;&#20013;</a>`,
      `<!DOCTYPE a [<!ENTITY e "boom">]><a xmlns="${M}">&e;</a>`,
      `<a xmlns="${M}"><c>1</a>`,
      `<a xmlns="${M}"><c>1</c>`,
      `<a xmlns="${M}">&foo;</a>`,
      `<a xmlns="${M}">a & b</a>`,
      `<a xmlns="${M}" b="<"/>`,
      `<a xmlns="${M}" b="1" b="2"/>`,
      `<a xmlns:p="urn:r" xmlns:q="urn:r" p:b="1" q:b="2"/>`,
      `<a xmlns="${M}"><q:c/></a>`,
      `<a xmlns="${M}" q:b="1"/>`,
      `<a xmlns="${M}"/><a xmlns="${M}"/>`,
      `<a xmlns="${M}"/>x`,
      `x<a xmlns="${M}"/>`,
      `<a xmlns="${M}"><![CDATA[x</a>`,
      `<a xmlns="${M}"><!-- x</a>`,
      `<a xmlns="${M}" b=1/>`,
      `<a xmlns="${M}" b="1"c="2"/>`,
      `<a xmlns="${M}">&#0;</a>`,
      `<a xmlns="${M}">\u0001</a>`,
      `<a xmlns="${M}">\uffff</a>`,
      `<a xmlns="${M}">]]></a>`,
      `<a xmlns:p=""/>`,
      `<a xmlns:xml="http://www.w3.org/XML/1998/namespace"/>`,
      `<a xmlns:xmlns="urn:x"/>`,
      `<a xmlns:p=" urn:x "><p:b/></a>`,
      `<xmlns:a xmlns:xmlns="urn:x"/>`,
      `<a:b:c xmlns:a="urn:a"/>`,
      `<中 xmlns="${M}"/>`,
      `<a xmlns="${M}" b="1" / >`,
      `<a xmlns="${M}"></b>`,
      `<a xmlns="${M}"></ab>`,
      ` <?xml version="1.0"?><a/>`,
      `<?xml version='1.0'?><a/>`,
      ``,
      `   `,
      `<a`,
      `<a b="1`,
    ];
    for (const xml of saxes) expect({ xml, read: agree(xml) }).toEqual({ xml, read: "saxes" });
  });

  it("reads every part of an honest workbook by the plain path, and every part of the hostile corpus as saxes does", async () => {
    const honest = unzip(await honestWorkbook()).filter((p) => /\.(xml|rels)$/.test(p.name));
    for (const p of honest) {
      const chunks = xmlText(new Uint8Array(p.data), p.name);
      expect({ part: p.name, read: agree(chunks.join("")), pieces: plainTrace(chunks) !== null }).toEqual({ part: p.name, read: "plain", pieces: true });
    }
    const { cases } = await hostileCorpus();
    let parts = 0;
    for (const c of cases) {
      let all: ReturnType<typeof unzip>;
      try {
        all = unzip(c.bytes);
      } catch {
        continue; // a damaged zip: its parts are never read
      }
      for (const p of all.filter((q) => /\.(xml|rels)$/.test(q.name))) {
        // The hostile shapes that are large for their cost (scripts/make-hostile.ts) are read by saxes; bench/reader-cost.bench.ts times them.
        if (p.data.length > 200_000) continue;
        let text: string;
        try {
          text = xmlText(new Uint8Array(p.data), p.name).join("");
        } catch {
          continue;
        }
        agree(text);
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(500);
  }, 120_000);

  it("cuts a long part into pieces of at most about 32 KB, each but the first at a '<'", () => {
    const row = (r: number) => `<row r="${r}"><c r="A${r}" t="str"><f>IF(B${r}="不适用","删减","")</f><v></v></c></row>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${X}"><sheetData>${Array.from({ length: 2000 }, (_, i) => row(i + 1)).join("")}</sheetData></worksheet>`;
    const pieces = xmlText(new TextEncoder().encode(xml), "sheet.xml");
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(xml);
    for (const p of pieces.slice(1)) expect(p.startsWith("<")).toBe(true);
    for (const p of pieces) expect(new TextEncoder().encode(p).length).toBeLessThan(33_000);
    expect(agree(xml)).toBe("plain");
  });
});

describe("pieces scanned where they are decoded (check's main thread, for its worker)", () => {
  it("says of each piece whether it is plain, has line ends or tabs, and has entities; the declaration is not markup", () => {
    expect(scanPieces(['<?xml version="1.0" encoding="UTF-8"?><a>x &amp; y</a>', "<b>\r\n</b>"])).toEqual([
      { plain: true, breaks: false, amps: true },
      { plain: true, breaks: true, amps: false },
    ]);
    expect(scanPieces(["<a><!-- a comment --></a>"])).toEqual([{ plain: false, breaks: false, amps: false }]);
    expect(scanPieces(["<a/>", "<?pi in a later piece?>"]).map((p) => p.plain)).toEqual([true, false]);
  });

  it("tokenizes by the scans it is given, and leaves to saxes a part whose scans do not fit it", () => {
    const chunks = ['<a xmlns="urn:x">', '<b v="1"/></a>'];
    expect(plainEvents(chunks, scanPieces(chunks))).toEqual(plainEvents(chunks));
    expect(plainEvents(chunks, [{ plain: true, breaks: false, amps: false }])).toBeNull();
    expect(plainEvents(chunks, scanPieces(chunks).map((p, k) => (k === 1 ? { ...p, plain: false } : p)))).toBeNull();
  });
});

describe("the plain path costs time in proportion to the part", () => {
  // A part built to make a tokenizer's work grow faster than its length: a prefix declared on every one of many
  // nested elements (each element's scope was a copy of its parent's), or an element with thousands of attributes
  // (each compared with every other). readXml refuses any part nesting deeper than MAX_DEPTH.
  const nested = (n: number) => `<a xmlns="${M}">${Array.from({ length: n }, (_, i) => `<e xmlns:p${i}="urn:p${i}" p${i}:x="${i}">`).join("")}${"</e>".repeat(n)}</a>`;

  it("reads prefixes declared on each ancestor, and leaves a part nesting deeper than any part may to saxes, which refuses it", () => {
    expect(agree(nested(MAX_DEPTH - 1))).toBe("plain");
    expect(plainEvents([nested(MAX_DEPTH)])).toBeNull();
    expect(() => readXml(nested(20_000), "xl/worksheets/sheet1.xml", {}, new Set(["x"]))).toThrow(new XmlError(`xl/worksheets/sheet1.xml 元素嵌套过深 / xl/worksheets/sheet1.xml nests elements more than ${MAX_DEPTH} deep`));
  });

  it("finds a repeated attribute among many, by local name or by namespace", () => {
    const many = Array.from({ length: 40 }, (_, i) => `a${i}="${i}"`).join(" ");
    expect(agree(`<a xmlns="${M}" ${many}/>`)).toBe("plain");
    expect(agree(`<a xmlns="${M}" ${many} a7="again"/>`)).toBe("saxes");
    const prefixed = Array.from({ length: 40 }, (_, i) => `p:a${i}="${i}"`).join(" ");
    expect(agree(`<a xmlns="${M}" xmlns:p="urn:p" xmlns:q="urn:q"><b ${prefixed} q:a7="other namespace"/></a>`)).toBe("plain");
    expect(agree(`<a xmlns="${M}" xmlns:p="urn:p" xmlns:q="urn:p"><b ${prefixed} q:a7="same namespace"/></a>`)).toBe("saxes");
  });
});
