// Which XML tokenizer reads the parts of an .xlsx: each candidate on a conformance list first (what a hostile
// package can do with comments, CDATA, entities, DOCTYPEs, malformed markup), on speed second.
// npx tsx bench/xml-compare.ts [sample.xlsx]   (without a file: an honest workbook of the largest scheme)
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { DOMParser } from "@xmldom/xmldom";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import sax from "sax";
import { SaxesParser } from "saxes";
import { readXml } from "../src/xlsx/xml";

/** What a tokenizer made of a document: its text and attribute values in order, or that it refused it. */
type Reading = string;
const REFUSED = "refused";

interface Candidate {
  name: string;
  read: (xml: string) => Reading;
}

const collect = (out: string[]) => ({ text: (t: string) => out.push(t), attr: (name: string, v: string) => out.push(`@${name}=${v}`), el: (uri: string, local: string) => out.push(`<${uri}|${local}>`) });

const candidates: Candidate[] = [
  {
    name: "saxes 5 (xmlns)",
    read(xml) {
      const out: string[] = [];
      const c = collect(out);
      const p = new SaxesParser({ xmlns: true, position: false });
      let failed = false;
      p.on("error", () => (failed = true));
      p.on("opentag", (t) => {
        c.el(t.uri, t.local);
        for (const a of Object.values(t.attributes)) if (a.prefix !== "xmlns" && a.name !== "xmlns") c.attr(a.local, a.value);
      });
      p.on("text", c.text);
      p.on("cdata", c.text);
      p.on("doctype", () => (failed = true));
      try {
        p.write(xml).close();
      } catch {
        failed = true;
      }
      return failed ? REFUSED : out.join("");
    },
  },
  {
    name: "StarScore readXml (plain path, else saxes)",
    read(xml) {
      const out: string[] = [];
      const c = collect(out);
      try {
        readXml(
          xml,
          "case",
          {
            open(el) {
              c.el(el.ns, el.name);
              for (const name of ["b", "attr"]) {
                const v = el.attr(name);
                if (v !== undefined) c.attr(name, v);
              }
            },
            text: c.text,
          },
          { has: () => true },
        );
      } catch {
        return REFUSED;
      }
      return out.join("");
    },
  },
  {
    name: "sax 1 (strict, xmlns)",
    read(xml) {
      const out: string[] = [];
      const c = collect(out);
      const p = sax.parser(true, { xmlns: true });
      let failed = false;
      p.onerror = () => {
        failed = true;
        p.resume();
      };
      p.onopentag = (t) => {
        const tag = t;
        c.el(tag.uri, tag.local);
        for (const a of Object.values(tag.attributes)) if (a.prefix !== "xmlns" && a.name !== "xmlns") c.attr(a.local, a.value);
      };
      p.ontext = c.text;
      p.oncdata = c.text;
      p.ondoctype = () => (failed = true);
      try {
        p.write(xml).close();
      } catch {
        failed = true;
      }
      return failed ? REFUSED : out.join("");
    },
  },
  {
    name: "@xmldom/xmldom 0.8 (errors fatal)",
    read(xml) {
      let failed = false;
      const fail = () => (failed = true);
      const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(xml, "text/xml");
      if (failed || doc.doctype !== null) return REFUSED;
      const out: string[] = [];
      const c = collect(out);
      const walk = (n: Node) => {
        if (n.nodeType === 1) {
          const e = n as Element;
          c.el(e.namespaceURI ?? "", e.localName);
          for (const a of Array.from(e.attributes)) if (a.prefix !== "xmlns" && a.name !== "xmlns") c.attr(a.localName, a.value);
        } else if (n.nodeType === 3 || n.nodeType === 4) c.text(n.nodeValue ?? "");
        for (const ch of Array.from(n.childNodes ?? [])) walk(ch);
      };
      if (doc.documentElement === null) return REFUSED;
      walk(doc.documentElement);
      return out.join("");
    },
  },
  {
    name: "fast-xml-parser 5 (validate + parse)",
    read(xml) {
      if (XMLValidator.validate(xml) !== true) return REFUSED;
      const out: string[] = [];
      const c = collect(out);
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true, removeNSPrefix: true, processEntities: true, htmlEntities: false, parseTagValue: false, parseAttributeValue: false, trimValues: false, cdataPropName: "#cdata" }).parse(xml) as unknown[];
      const walk = (nodes: unknown[]) => {
        for (const node of nodes) {
          for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
            if (k === ":@") continue;
            if (k === "#text") c.text(String(v));
            else if (k === "#cdata") walk(v as unknown[]);
            else if (!k.startsWith("?") && !k.startsWith("!")) {
              c.el("?", k);
              const attrs = (node as Record<string, Record<string, string>>)[":@"] ?? {};
              for (const [an, av] of Object.entries(attrs)) if (!an.startsWith("@xmlns")) c.attr(an.slice(1), av);
              walk(v as unknown[]);
            }
          }
        }
      };
      walk(parsed);
      return out.join("");
    },
  },
];

const M = "urn:m";
/** Each case: a document, and what reading it must give (REFUSED, or the text/attributes a conformant parser reports). */
const CASES: { name: string; xml: string; expect: (r: Reading) => boolean }[] = [
  { name: "comment hides markup", xml: `<a xmlns="${M}"><!-- <c>1</c> --><c>0</c></a>`, expect: (r) => r === `<${M}|a><${M}|c>0` },
  { name: "CDATA is text", xml: `<a xmlns="${M}"><![CDATA[<c>&amp;]]></a>`, expect: (r) => r === `<${M}|a><c>&amp;` },
  { name: "processing instruction skipped", xml: `<?xml version="1.0"?><a xmlns="${M}"><?pi <c>1</c>?>x</a>`, expect: (r) => r === `<${M}|a>x` },
  { name: "character references", xml: `<a xmlns="${M}">&#x4E2D;&#20013;</a>`, expect: (r) => r === `<${M}|a>中中` },
  { name: "predefined entities", xml: `<a xmlns="${M}">&lt;&gt;&amp;&quot;&apos;</a>`, expect: (r) => r === `<${M}|a><>&"'` },
  { name: "'>' inside an attribute", xml: `<a xmlns="${M}" b="x>y"/>`, expect: (r) => r === `<${M}|a>@b=x>y` },
  { name: "namespace prefixes resolved", xml: `<x:a xmlns:x="${M}"><x:c/><y:c xmlns:y="urn:other"/></x:a>`, expect: (r) => r === `<${M}|a><${M}|c><urn:other|c>` },
  { name: "CRLF normalised to LF", xml: `<a xmlns="${M}">x\r\ny\rz</a>`, expect: (r) => r === `<${M}|a>x\ny\nz` },
  { name: "DOCTYPE entity not expanded", xml: `<!DOCTYPE a [<!ENTITY e "boom">]><a xmlns="${M}">&e;</a>`, expect: (r) => r === REFUSED || !r.includes("boom") },
  { name: "billion laughs not expanded", xml: `<!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;"><!ENTITY l3 "&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;">]><a xmlns="${M}">&l3;</a>`, expect: (r) => r === REFUSED || !r.includes("lol") },
  { name: "external entity not fetched", xml: `<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a xmlns="${M}">&x;</a>`, expect: (r) => r === REFUSED || !r.includes("root") },
  { name: "unclosed element refused", xml: `<a xmlns="${M}"><c>1</a>`, expect: (r) => r === REFUSED },
  { name: "truncated document refused", xml: `<a xmlns="${M}"><c>1</c>`, expect: (r) => r === REFUSED },
  { name: "undefined entity refused", xml: `<a xmlns="${M}">&foo;</a>`, expect: (r) => r === REFUSED },
  { name: "bare '&' refused", xml: `<a xmlns="${M}">a & b</a>`, expect: (r) => r === REFUSED },
  { name: "'<' in an attribute refused", xml: `<a xmlns="${M}" b="<"/>`, expect: (r) => r === REFUSED },
  { name: "duplicate attribute refused", xml: `<a xmlns="${M}" b="1" b="2"/>`, expect: (r) => r === REFUSED },
  { name: "unbound prefix refused", xml: `<a xmlns="${M}"><q:c/></a>`, expect: (r) => r === REFUSED },
  { name: "two roots refused", xml: `<a xmlns="${M}"/><a xmlns="${M}"/>`, expect: (r) => r === REFUSED },
  { name: "unclosed CDATA refused", xml: `<a xmlns="${M}"><![CDATA[x</a>`, expect: (r) => r === REFUSED },
  { name: "unclosed comment refused", xml: `<a xmlns="${M}"><!-- x</a>`, expect: (r) => r === REFUSED },
  { name: "unquoted attribute refused", xml: `<a xmlns="${M}" b=1/>`, expect: (r) => r === REFUSED },
  { name: "reference to a non-character refused", xml: `<a xmlns="${M}">&#0;</a>`, expect: (r) => r === REFUSED },
];

function conformance(): Map<string, number> {
  const passed = new Map<string, number>();
  const rows: string[][] = [["case", ...candidates.map((c) => c.name)]];
  for (const k of CASES) {
    const row = [k.name];
    for (const c of candidates) {
      let r: Reading;
      try {
        r = c.read(k.xml);
      } catch {
        r = "threw";
      }
      const ok = k.expect(r);
      if (ok) passed.set(c.name, (passed.get(c.name) ?? 0) + 1);
      row.push(ok ? "ok" : `FAIL (${r.slice(0, 30).replace(/\n/g, "\\n")})`);
    }
    rows.push(row);
  }
  rows.push(["passed", ...candidates.map((c) => `${passed.get(c.name) ?? 0}/${CASES.length}`)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
  return passed;
}

async function speed(file: string | undefined): Promise<void> {
  const { unzip } = await import("../tests/support/zip");
  const { honestWorkbook } = await import("../tests/support/honest");
  const parts = unzip(file !== undefined ? readFileSync(file) : await honestWorkbook())
    .filter((p) => /sheet\d*\.xml$|sharedStrings\.xml$/i.test(p.name))
    .map((p) => p.data.toString("utf8"));
  const bytes = parts.reduce((n, p) => n + Buffer.byteLength(p), 0);
  console.log(`\nspeed: the worksheet and shared strings of one workbook (${(bytes / 1024).toFixed(0)} KB of XML), read 200 times`);
  for (const c of candidates) {
    for (const p of parts) c.read(p);
    const start = performance.now();
    for (let i = 0; i < 200; i++) for (const p of parts) c.read(p);
    const ms = (performance.now() - start) / 200;
    console.log(`  ${c.name.padEnd(38)} ${ms.toFixed(2)} ms per workbook  (${(bytes / 1048576 / (ms / 1000)).toFixed(0)} MB/s)`);
  }
}

conformance();
void speed(process.argv[2]);
