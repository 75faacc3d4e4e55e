// Builds the hostile corpus: packages made from one honest StarScore workbook by an applicant who would like a
// higher score, or by damage, each with the verdict `starscore check` must give it. Generated at test time into
// a temporary folder (tests/xlsx/hostile.test.ts); never committed.
//   npx tsx scripts/make-hostile.ts <folder>     writes the packages and prints one line per package
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { loadSchemes } from "../src/cli/schemeFiles";
import type { Scheme } from "../src/scheme/load";
import { columnLetter } from "../src/sheets/address";
import { entryWrites } from "../src/sheets/fill";
import { planSheet } from "../src/sheets/plan";
import { workbookFromPlan, xlsxBuffer } from "../src/xlsx/write";
import { generateAssessment } from "../tests/support/generate";
import { unzip, zip, type ZipPart } from "../tests/support/zip";

export type Verdict = "通过" | "需补正" | "不一致" | "无法读取";

export interface HostileCase {
  name: string;
  /** What the package tries, in a few words. */
  kind: string;
  bytes: Buffer;
  verdict: Verdict | "any";
  reason?: RegExp;
  /**
   * A cell whose value StarScore must read as given (Excel's reading), and whether LibreOffice reads it the same
   * (false where LibreOffice differs from Excel: the 1900 leap day, times, part names in another case or with %20,
   * a workbook part outside xl/, an mc:Choice for x14).
   */
  cell?: { address: string; value: string | number | boolean | null; libreOffice: boolean };
  /** A finding the check must raise, at this cell of the form's sheet when given (`评分表!G12`). */
  finding?: { code: string; cell?: string };
}

export const SHEET = "xl/worksheets/sheet1.xml";
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const STYLES = "xl/styles.xml";
const STRINGS = "xl/sharedStrings.xml";
/** Rows below the form, for cells the form does not read. */
const FREE_ROW = 900;

type Parts = Map<string, Buffer>;

const text = (parts: Parts, name: string) => (parts.get(name) as Buffer).toString("utf8");
const pack = (parts: Parts, extra: Partial<ZipPart> & { only?: string } = {}) =>
  zip([...parts].map(([name, data]) => ({ name, data, deflate: true, ...(extra.only === name ? extra : {}) })));
function edited(parts: Parts, name: string, edit: (xml: string) => string): Parts {
  const out = new Map(parts);
  out.set(name, Buffer.from(edit(text(parts, name)), "utf8"));
  return out;
}

/** The element of one cell (`<c r="G12" …>…</c>` or `<c … />`) in a worksheet's XML. */
function cellElement(xml: string, address: string): { start: number; end: number; attrs: string } {
  const start = xml.indexOf(`<c r="${address}"`);
  if (start === -1) throw new Error(`no cell ${address}`);
  const close = xml.indexOf(">", start);
  const selfClosing = xml[close - 1] === "/";
  const end = selfClosing ? close + 1 : xml.indexOf("</c>", close) + 4;
  return { start, end, attrs: xml.slice(start + 2, selfClosing ? close - 1 : close) };
}
function setCell(xml: string, address: string, element: (attrs: string) => string): string {
  const c = cellElement(xml, address);
  return xml.slice(0, c.start) + element(c.attrs) + xml.slice(c.end);
}
/** Rows added below the form (a spot no check reads). */
const addRows = (xml: string, rows: string) => xml.replace("</sheetData>", `${rows}</sheetData>`);
/** A cell style added to styles.xml showing numbers with a built-in format; its index. */
function withStyle(parts: Parts, numFmtIds: number[]): { parts: Parts; first: number } {
  let first = 0;
  const out = edited(parts, STYLES, (xml) =>
    xml.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_, count: string, body: string) => {
      first = Number(count);
      return `<cellXfs count="${first + numFmtIds.length}">${body}${numFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</cellXfs>`;
    }),
  );
  return { parts: out, first };
}

/**
 * A worksheet added to the package: its part, its relationship, its content type and its <sheet> in workbook.xml,
 * first in the tab order or last.
 */
function withSheet(parts: Parts, name: string, xml: string, state: "visible" | "hidden" | "veryHidden", first: boolean): Parts {
  const n = [...parts.keys()].filter((k) => k.startsWith("xl/worksheets/sheet")).length + 1;
  const out = new Map(parts);
  out.set(`xl/worksheets/sheet${n}.xml`, Buffer.from(xml, "utf8"));
  const rid = `rIdS${n}`;
  const sheetElement = `<sheet sheetId="${100 + n}" name="${name}" state="${state}" r:id="${rid}"/>`;
  const withRel = edited(out, WORKBOOK_RELS, (x) => x.replace("</Relationships>", `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`));
  const withType = edited(withRel, "[Content_Types].xml", (x) => x.replace("</Types>", `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`));
  // A sheet put first moves the others' positions: local names (print titles) follow their sheets.
  return edited(withType, WORKBOOK, (x) => (first ? x.replace("<sheets>", `<sheets>${sheetElement}`).replace(/localSheetId="(\d+)"/g, (_, i: string) => `localSheetId="${Number(i) + 1}"`) : x.replace("</sheets>", `${sheetElement}</sheets>`)));
}

/** A shared string added to sharedStrings.xml, and the worksheet edited with its index. */
function withString(parts: Parts, value: string, edit: (index: number) => (xml: string) => string): Parts {
  let index = 0;
  const out = edited(parts, STRINGS, (xml) => {
    index = (xml.match(/<si>/g) ?? []).length;
    return xml.replace("</sst>", `<si><t>${value}</t></si></sst>`).replace(/uniqueCount="(\d+)"/, (_, c: string) => `uniqueCount="${Number(c) + 1}"`);
  });
  return edited(out, SHEET, edit(index));
}

/** A cell style added to styles.xml with its own number format and, when given, its own font colour; its index. */
function withLook(parts: Parts, look: { format?: string; ink?: string }): { parts: Parts; index: number } {
  let index = 0;
  const out = edited(parts, STYLES, (xml) => {
    let x = xml;
    let numFmtId = 0;
    if (look.format !== undefined) {
      numFmtId = 200;
      x = x.replace(/<numFmts count="(\d+)">/, (_, c: string) => `<numFmts count="${Number(c) + 1}"><numFmt numFmtId="${numFmtId}" formatCode="${look.format}"/>`);
    }
    let fontId = 0;
    if (look.ink !== undefined) {
      x = x.replace(/<fonts count="(\d+)"([^>]*)>([\s\S]*?)<\/fonts>/, (_, c: string, attrs: string, body: string) => {
        fontId = Number(c);
        return `<fonts count="${fontId + 1}"${attrs}>${body}<font><color rgb="FF${look.ink}"/><sz val="10"/><name val="等线"/></font></fonts>`;
      });
    }
    return x.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_, c: string, body: string) => {
      index = Number(c);
      return `<cellXfs count="${index + 1}">${body}<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>`;
    });
  });
  return { parts: out, index };
}

/** An external link to another workbook (`[1]` in formulas), as Excel saves one: its part, its relationships, its reference in workbook.xml. */
function withExternalLink(parts: Parts, file: string): Parts {
  const out = new Map(parts);
  out.set("xl/externalLinks/externalLink1.xml", Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>1</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>', "utf8"));
  out.set("xl/externalLinks/_rels/externalLink1.xml.rels", Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="${file}" TargetMode="External"/></Relationships>`, "utf8"));
  const rels = edited(out, WORKBOOK_RELS, (x) => x.replace("</Relationships>", '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'));
  const types = edited(rels, "[Content_Types].xml", (x) => x.replace("</Types>", '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'));
  return edited(types, WORKBOOK, (x) => x.replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rIdX1"/></externalReferences>'));
}

async function honestParts(scheme: Scheme): Promise<{ parts: Parts; scoreCell: string; value: number; sheetName: string; plainCell: string }> {
  const plan = planSheet(scheme, "audit");
  const a = generateAssessment(scheme, 7, { role: "audit", naShare: 0, specials: false });
  if (a.header !== undefined) delete a.header["申报级别"];
  const bytes = await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, a)));
  const parts: Parts = new Map(unzip(bytes).filter((p) => !p.name.endsWith("/")).map((p) => [p.name, p.data]));
  // An item worth points with a sample record (CCT 附件2 评分要求 1): a forged percentage then also contradicts the
  // record (SS114), so the forged files are 需补正 besides whatever else they are.
  const item = plan.layout.items.find((i) => (scheme.items.find((x) => x.clause === i.clause)?.points ?? 0) >= 3 && a.entries[i.clause]?.samples !== undefined);
  const column = plan.layout.entryColumns.percent as string;
  const scoreCell = `${column}${item?.row ?? 0}`;
  const m = new RegExp(`<c r="${scoreCell}"[^>]*><v>([^<]*)</v>`).exec(text(parts, SHEET));
  // An item worth points whose percentage counts (no sample record beside it), for entries that must move the total.
  const checked = plan.layout.entryColumns.checked as string;
  const plain = plan.layout.items.find((i) => (scheme.items.find((x) => x.clause === i.clause)?.points ?? 0) >= 3 && new RegExp(`<c r="${checked}${i.row}"[^>]*/>`).test(text(parts, SHEET)));
  if (plain === undefined) throw new Error("no item worth 3 points without a sample record");
  return { parts, scoreCell, value: Number(m?.[1]), sheetName: plan.sheetName, plainCell: `${column}${plain?.row ?? 0}` };
}

const BIG = (n: number, s: string) => s.repeat(n);

/** The corpus, and the name of the form's sheet in it. */
export async function hostileCorpus(): Promise<{ sheetName: string; cases: HostileCase[] }> {
  const scheme = loadSchemes().get("cct-sc03-12") as Scheme;
  const { parts, scoreCell, value, sheetName, plainCell } = await honestParts(scheme);
  const cases: HostileCase[] = [];
  const add = (c: Omit<HostileCase, "bytes"> & { bytes: Buffer | Parts }) => cases.push({ ...c, bytes: Buffer.isBuffer(c.bytes) ? c.bytes : pack(c.bytes) });
  const sheet = (edit: (xml: string) => string) => edited(parts, SHEET, edit);
  const zeroWith = (after: string) => sheet((xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs}><v>0</v></c>${after}`));
  const R = FREE_ROW;

  // The honest workbook itself, and honest variants a spreadsheet program may write.
  add({ name: "honest", kind: "the workbook as StarScore wrote it", bytes: parts, verdict: "通过", cell: { address: scoreCell, value, libreOffice: true } });
  add({ name: "stored-not-deflated", kind: "parts stored without compression", bytes: zip([...parts].map(([name, data]) => ({ name, data }))), verdict: "通过" });

  // 1. XML that hides or forges a cell: what StarScore reads must be what Excel shows.
  add({ name: "comment-forged-cell", kind: "a cell inside an XML comment after the real one (issue finding 1)", bytes: zeroWith(`<!-- <c r="${scoreCell}"><v>1</v></c> -->`), verdict: "any", cell: { address: scoreCell, value: 0, libreOffice: true } });
  add({ name: "comment-forged-value", kind: "a <v> inside a comment inside the cell", bytes: sheet((xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs}><v>0</v><!-- <v>1</v> --></c>`)), verdict: "any", cell: { address: scoreCell, value: 0, libreOffice: true } });
  add({ name: "pi-forged-cell", kind: "a cell inside a processing instruction", bytes: zeroWith(`<?x <c r="${scoreCell}"><v>1</v></c>?>`), verdict: "any", cell: { address: scoreCell, value: 0, libreOffice: true } });
  add({ name: "cdata-markup-as-text", kind: "markup inside CDATA is text", bytes: sheet((xml) => addRows(xml, `<row r="${R}"><c r="A${R}" t="inlineStr"><is><t><![CDATA[<v>1</v>]]></t></is></c></row>`)), verdict: "通过", cell: { address: `A${R}`, value: "<v>1</v>", libreOffice: true } });
  add({ name: "entity-encoded-value", kind: "a number written with character references", bytes: sheet((xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs}><v>&#x30;&#46;5</v></c>`)), verdict: "any", cell: { address: scoreCell, value: 0.5, libreOffice: true } });
  add({ name: "foreign-namespace-cell", kind: "a cell in another namespace after the real one", bytes: zeroWith(`<o:c xmlns:o="urn:other" r="${scoreCell}"><o:v>1</o:v></o:c>`), verdict: "any", cell: { address: scoreCell, value: 0, libreOffice: true } });
  add({ name: "nested-default-namespace", kind: "a default namespace redefined on a wrapper", bytes: sheet((xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs}><v>0</v></c>`).replace("</sheetData>", `<w xmlns="urn:other"><row r="${R}"><c r="A${R}"><v>1</v></c></row></w></sheetData>`)), verdict: "any", cell: { address: `A${R}`, value: null, libreOffice: true } });
  add({ name: "prefixed-parts", kind: "every part written with an x: prefix", bytes: sheet((xml) => xml.replace(/<(\/?)(?=[a-zA-Z])(?![a-zA-Z0-9]+:)/g, "<$1x:").replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')), verdict: "通过", cell: { address: scoreCell, value, libreOffice: true } });
  const mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  add({ name: "alternate-content-unknown", kind: "mc:AlternateContent whose Choice requires an unknown namespace: the Fallback counts", bytes: sheet((xml) => addRows(xml, `<mc:AlternateContent ${mc} xmlns:zz="urn:unknown"><mc:Choice Requires="zz"><row r="${R}"><c r="A${R}"><v>1</v></c></row></mc:Choice><mc:Fallback><row r="${R}"><c r="A${R}"><v>0</v></c></row></mc:Fallback></mc:AlternateContent>`)), verdict: "通过", cell: { address: `A${R}`, value: 0, libreOffice: true } });
  add({ name: "alternate-content-x14", kind: "mc:AlternateContent whose Choice requires x14, which Excel understands: the Choice counts", bytes: sheet((xml) => addRows(xml, `<mc:AlternateContent ${mc} xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><mc:Choice Requires="x14"><row r="${R}"><c r="A${R}"><v>1</v></c></row></mc:Choice><mc:Fallback><row r="${R}"><c r="A${R}"><v>0</v></c></row></mc:Fallback></mc:AlternateContent>`)), verdict: "通过", cell: { address: `A${R}`, value: 1, libreOffice: false } });
  add({ name: "commented-sheet-first", kind: "a commented-out <sheet> first in workbook.xml naming another part (issue finding 1)", bytes: edited(parts, WORKBOOK, (xml) => xml.replace("<sheets>", '<sheets><!-- <sheet name="评分表" sheetId="9" r:id="rId5"/> -->')), verdict: "通过", cell: { address: scoreCell, value, libreOffice: true } });
  add({ name: "sheet-outside-sheets", kind: "a <sheet> outside <sheets> (in extLst) naming the metadata part", bytes: edited(parts, WORKBOOK, (xml) => xml.replace("</workbook>", '<extLst><ext uri="{x}"><sheet name="评分表" sheetId="9" r:id="rId5"/></ext></extLst></workbook>')), verdict: "通过", cell: { address: scoreCell, value, libreOffice: true } });
  add({ name: "duplicate-cell", kind: "the same cell twice in a row", bytes: zeroWith(`<c r="${scoreCell}"><v>1</v></c>`), verdict: "无法读取", reason: /两次|twice|out of place/ });
  add({ name: "cell-outside-row", kind: "a cell whose address names another row", bytes: sheet((xml) => addRows(xml, `<row r="${R}"><c r="A${R + 1}"><v>1</v></c></row>`)), verdict: "无法读取", reason: /out of place/ });
  add({ name: "rows-out-of-order", kind: "a row numbered before the one above it", bytes: sheet((xml) => addRows(xml, `<row r="${R}"><c r="A${R}"><v>1</v></c></row><row r="3"><c r="Z3"><v>1</v></c></row>`)), verdict: "无法读取", reason: /out of order/ });
  add({ name: "row-off-sheet", kind: "a row number past 1,048,576", bytes: sheet((xml) => addRows(xml, `<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>`)), verdict: "无法读取", reason: /out of order|off the sheet/ });

  // Well-formedness: refused, never guessed at.
  const malformed = (name: string, kind: string, edit: (xml: string) => string, part = SHEET) => add({ name, kind, bytes: edited(parts, part, edit), verdict: "无法读取", reason: /XML|DOCTYPE|嵌套过深/ });
  malformed("unclosed-cell", "a <c> never closed", (xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs}><v>1</v>`));
  malformed("mismatched-tags", "</row> closing a <c>", (xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs}><v>1</v></row>`));
  malformed("bare-ampersand", "a bare & in text", (xml) => addRows(xml, `<row r="${R}"><c r="A${R}" t="inlineStr"><is><t>a & b</t></is></c></row>`));
  malformed("undefined-entity", "an entity no DTD defines", (xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs}><v>&one;</v></c>`));
  malformed("duplicate-attribute", "an attribute given twice", (xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs} r="A1"><v>1</v></c>`));
  malformed("unbound-prefix", "a prefix bound to no namespace", (xml) => setCell(xml, scoreCell, (attrs) => `<c${attrs}><q:v>1</q:v></c>`));
  malformed("billion-laughs", "entities that expand a billion times", (xml) => xml.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'));
  malformed("external-entity", "an entity naming a file on the reviewer's disk", (xml) => xml.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
  malformed("doctype-in-workbook", "a DOCTYPE in workbook.xml", (xml) => xml.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0"?><!DOCTYPE workbook>'), WORKBOOK);
  malformed("two-roots", "a second root element after the worksheet", (xml) => `${xml}<worksheet/>`);
  malformed("control-character", "a control character XML forbids", (xml) => addRows(xml, `<row r="${R}"><c r="A${R}" t="inlineStr"><is><t>a&#1;b</t></is></c></row>`));
  malformed("truncated-part", "a worksheet cut in the middle", (xml) => xml.slice(0, Math.floor(xml.length / 2)));
  malformed("broken-rels", "workbook relationships not well-formed", (xml) => xml.replace("</Relationships>", ""), WORKBOOK_RELS);
  malformed("broken-shared-strings", "shared strings not well-formed", (xml) => xml.replace("</sst>", "<si>"), STRINGS);
  malformed("broken-styles", "styles not well-formed", (xml) => xml.replace("</cellXfs>", "</cellXfs></numFmts>"), STYLES);

  // 4. Small files that used to cost minutes or gigabytes: refused or read in linear time.
  malformed("unclosed-si", "300,000 unclosed <si>", (xml) => xml.replace("</sst>", `${BIG(300_000, "<si><t>x</t>")}</sst>`), STRINGS);
  malformed("unclosed-cells", "200,000 <c> without </c>", (xml) => addRows(xml, `<row r="${R}">${BIG(200_000, `<c><v>1</v>`)}</row>`));
  malformed("ampersands", "two million & before one ;", (xml) => addRows(xml, `<row r="${R}"><c r="A${R}" t="str"><v>${BIG(2_000_000, "&")};</v></c></row>`));
  malformed("unclosed-cdata", "a CDATA section never closed", (xml) => addRows(xml, `<row r="${R}"><c r="A${R}" t="inlineStr"><is><t><![CDATA[${BIG(100_000, "x")}`));
  add({ name: "column-range-endless", kind: '<col min="-1e15"> (an endless loop before)', bytes: sheet((xml) => xml.replace("<cols>", '<cols><col min="-1e15" max="1" hidden="1"/>')), verdict: "无法读取", reason: /列范围|column range/ });
  add({ name: "columns-many-wide", kind: "100,000 hidden column ranges each the whole sheet wide", bytes: sheet((xml) => xml.replace("</cols>", `${BIG(100_000, '<col min="20" max="16384" hidden="1"/>')}</cols>`)), verdict: "通过" });
  const longFormula = `SUM(${BIG(1_995, "A1+")}A1)`;
  const dependents = Array.from({ length: 60 }, (_, r) => `<row r="${R + 1 + r}">${Array.from({ length: 2_500 }, (_, c) => `<c r="${columnLetter(c + 1)}${R + 1 + r}"><f t="shared" si="77"/><v>0</v></c>`).join("")}</row>`).join("");
  add({ name: "shared-formula-many", kind: "a shared formula of 8,000 characters with 150,000 dependents", bytes: sheet((xml) => addRows(xml, `<row r="${R}"><c r="A${R}"><f t="shared" ref="A${R}:CRD${R + 60}" si="77">${longFormula}</f><v>0</v></c></row>${dependents}`)), verdict: "any" });
  add({ name: "formula-too-long", kind: "a formula longer than Excel's 8,192 characters", bytes: sheet((xml) => addRows(xml, `<row r="${R}"><c r="Z${R}"><f>${BIG(9_000, "1+")}1</f><v>0</v></c></row>`)), verdict: "无法读取", reason: /公式|formula/ });
  add({ name: "sheets-naming-one-part", kind: "60,000 <sheet> elements naming one part", bytes: edited(parts, WORKBOOK, (xml) => xml.replace("</sheets>", `${Array.from({ length: 60_000 }, (_, i) => `<sheet name="s${i}" sheetId="${i + 10}" r:id="rId4"/>`).join("")}</sheets>`)), verdict: "无法读取", reason: /工作表过多|sheets/ });
  add({ name: "sheets-few-naming-one-part", kind: "500 sheets naming the form's part (each read once; each a visible copy of the form, SS824)", bytes: edited(parts, WORKBOOK, (xml) => xml.replace("</sheets>", `${Array.from({ length: 500 }, (_, i) => `<sheet name="s${i}" sheetId="${i + 10}" r:id="rId4"/>`).join("")}</sheets>`)), verdict: "不一致" });
  add({ name: "deep-nesting", kind: "200,000 nested elements (quadratic in a namespace-aware parser)", bytes: sheet((xml) => xml.replace("</sheetData>", `</sheetData><extLst>${BIG(200_000, "<ext>")}${BIG(200_000, "</ext>")}</extLst>`)), verdict: "无法读取", reason: /嵌套过深/ });
  add({ name: "long-attribute", kind: "an attribute of two million characters", bytes: sheet((xml) => addRows(xml, `<row r="${R}" spans="${BIG(2_000_000, "1")}"/>`)), verdict: "any" });

  // 5. Values as Excel shows them.
  const styled = withStyle(parts, [14, 20, 46]);
  const valueRows = (cells: string) => edited(styled.parts, SHEET, (xml) => addRows(xml, `<row r="${R}">${cells}</row>`));
  const [date, time, duration] = [styled.first, styled.first + 1, styled.first + 2];
  add({ name: "phone-in-date-cell", kind: "13800138000 in a date-formatted cell (issue finding 3)", bytes: valueRows(`<c r="A${R}" s="${date}"><v>13800138000</v></c>`), verdict: "通过", cell: { address: `A${R}`, value: 13800138000, libreOffice: true } });
  add({ name: "negative-in-date-cell", kind: "a negative number in a date cell", bytes: valueRows(`<c r="A${R}" s="${date}"><v>-5</v></c>`), verdict: "通过", cell: { address: `A${R}`, value: -5, libreOffice: true } });
  add({ name: "date-before-march-1900", kind: "serial 59 (Excel: 1900-02-28)", bytes: valueRows(`<c r="A${R}" s="${date}"><v>59</v></c>`), verdict: "通过", cell: { address: `A${R}`, value: "1900-02-28", libreOffice: false } });
  add({ name: "date-lotus-leap-day", kind: "serial 60 (Excel: 1900-02-29, a day that never was)", bytes: valueRows(`<c r="A${R}" s="${date}"><v>60</v></c>`), verdict: "通过", cell: { address: `A${R}`, value: "1900-02-29", libreOffice: false } });
  add({ name: "date-first-day", kind: "serial 1 (Excel: 1900-01-01)", bytes: valueRows(`<c r="A${R}" s="${date}"><v>1</v></c>`), verdict: "通过", cell: { address: `A${R}`, value: "1900-01-01", libreOffice: false } });
  add({ name: "date-after-march-1900", kind: "serial 61 (1900-03-01 in every program)", bytes: valueRows(`<c r="A${R}" s="${date}"><v>61</v></c>`), verdict: "通过", cell: { address: `A${R}`, value: "1900-03-01", libreOffice: false } });
  add({ name: "time-only", kind: "0.5 shown as h:mm", bytes: valueRows(`<c r="A${R}" s="${time}"><v>0.5</v></c>`), verdict: "通过", cell: { address: `A${R}`, value: "12:00", libreOffice: false } });
  add({ name: "duration", kind: "1.5 shown as [h]:mm:ss", bytes: valueRows(`<c r="A${R}" s="${duration}"><v>1.5</v></c>`), verdict: "通过", cell: { address: `A${R}`, value: "36:00:00", libreOffice: false } });
  add({ name: "crlf-in-string", kind: "a literal CRLF in a string (XML reads LF)", bytes: valueRows(`<c r="A${R}" t="inlineStr"><is><t>a\r\nb</t></is></c>`), verdict: "通过", cell: { address: `A${R}`, value: "a\nb", libreOffice: true } });
  add({ name: "escaped-cr-then-crlf", kind: "_x000D_ followed by CRLF", bytes: valueRows(`<c r="A${R}" t="inlineStr"><is><t>a_x000D_\r\nb</t></is></c>`), verdict: "通过", cell: { address: `A${R}`, value: "a\r\nb", libreOffice: false } });
  add({ name: "escape-decoded-once", kind: "_x005F_x0031_ is the text _x0031_", bytes: valueRows(`<c r="A${R}" t="inlineStr"><is><t>_x005F_x0031_</t></is></c>`), verdict: "通过", cell: { address: `A${R}`, value: "_x0031_", libreOffice: false } });
  add({ name: "phonetic-guide", kind: "a phonetic guide (<rPh>) beside the text is not shown", bytes: valueRows(`<c r="A${R}" t="inlineStr"><is><r><t>服务</t></r><rPh sb="0" eb="2"><t>fuwu</t></rPh></is></c>`), verdict: "通过", cell: { address: `A${R}`, value: "服务", libreOffice: false } });

  // 6. Package names as Excel accepts them.
  const renamed = (from: string, to: string, relTarget: string) => {
    const out: Parts = new Map([...parts].map(([n, d]) => [n === from ? to : n, d]));
    return edited(out, WORKBOOK_RELS, (xml) => xml.replace('Target="worksheets/sheet1.xml"', `Target="${relTarget}"`));
  };
  add({ name: "part-name-space", kind: "a part named with a space, its target %20-escaped", bytes: renamed(SHEET, "xl/worksheets/sheet 1.xml", "worksheets/sheet%201.xml"), verdict: "通过", cell: { address: scoreCell, value, libreOffice: false } });
  add({ name: "part-name-absolute", kind: "an absolute target /xl/worksheets/…", bytes: renamed(SHEET, SHEET, "/xl/worksheets/sheet1.xml"), verdict: "通过", cell: { address: scoreCell, value, libreOffice: true } });
  add({ name: "part-name-case", kind: "part names in another case than their targets", bytes: renamed(SHEET, "XL/Worksheets/Sheet1.XML", "worksheets/sheet1.xml"), verdict: "通过", cell: { address: scoreCell, value, libreOffice: false } });
  add({
    name: "workbook-elsewhere",
    kind: "the workbook part at wtf/workbook.xml, found through _rels/.rels",
    bytes: edited(
      edited(new Map([...parts].map(([n, d]) => [n === WORKBOOK ? "wtf/workbook.xml" : n === WORKBOOK_RELS ? "wtf/_rels/workbook.xml.rels" : n, d])), "_rels/.rels", (xml) => xml.replace('Target="xl/workbook.xml"', 'Target="wtf/workbook.xml"')),
      "wtf/_rels/workbook.xml.rels",
      (xml) => xml.replace(/Target="(?!\/)/g, 'Target="/xl/'),
    ),
    verdict: "通过",
    cell: { address: scoreCell, value, libreOffice: false },
  });
  // Strict OOXML (ISO/IEC 29500 Strict): the same parts under other namespace URIs, which Excel opens.
  const strict = new Map(
    [...parts].map(([n, d]) => [
      n,
      /\.(xml|rels)$/.test(n)
        ? Buffer.from(
            d
              .toString("utf8")
              .replaceAll("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
              .replaceAll("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
            "utf8",
          )
        : d,
    ]),
  );
  add({ name: "strict-ooxml", kind: "Strict OOXML namespaces throughout", bytes: strict, verdict: "通过", cell: { address: scoreCell, value, libreOffice: true } });
  const without = (name: string) => new Map([...parts].filter(([n]) => n !== name));
  add({ name: "no-package-rels", kind: "no _rels/.rels", bytes: without("_rels/.rels"), verdict: "无法读取", reason: /不是 Excel 工作簿/ });
  add({ name: "missing-worksheet", kind: "the form's worksheet part missing (was scored 0 with 100 findings)", bytes: without(SHEET), verdict: "无法读取", reason: /缺少工作表部件/ });
  add({ name: "missing-workbook", kind: "the workbook part _rels/.rels names is missing", bytes: without(WORKBOOK), verdict: "无法读取", reason: /缺少工作簿部件/ });
  add({ name: "duplicate-part-case", kind: "two parts whose names differ only in case", bytes: new Map([...parts, ["XL/WORKSHEETS/SHEET1.XML", parts.get(SHEET) as Buffer]]), verdict: "无法读取", reason: /重名/ });
  add({ name: "xlsb-inside", kind: "the start part is a binary workbook", bytes: edited(parts, "_rels/.rels", (xml) => xml.replace('Target="xl/workbook.xml"', 'Target="xl/workbook.bin"')), verdict: "无法读取", reason: /xlsb/ });

  // 6. Zip damage: refused with a reason, never read as an empty form.
  const sheetBytes = parts.get(SHEET) as Buffer;
  add({ name: "crc-wrong", kind: "a CRC-32 that does not match", bytes: pack(parts, { only: SHEET, crc: 12345 }), verdict: "无法读取", reason: /CRC/ });
  add({ name: "stored-claimed", kind: "the directory says stored for deflated data", bytes: pack(parts, { only: SHEET, directoryMethod: 0 }), verdict: "无法读取", reason: /损坏|damaged/ });
  const names = [...parts.keys()];
  add({ name: "offset-other-entry", kind: "a directory offset pointing at another entry", bytes: pack(parts, { only: SHEET, offsetOf: names.indexOf(STYLES) }), verdict: "无法读取", reason: /names another part|损坏/ });
  add({ name: "local-name-differs", kind: "local header naming another part than the directory", bytes: pack(parts, { only: SHEET, localName: "xl/worksheets/sheetX.xml" }), verdict: "无法读取", reason: /names another part/ });
  add({ name: "declared-smaller", kind: "a declared size smaller than the real one", bytes: pack(parts, { only: SHEET, declaredSize: 1000 }), verdict: "无法读取", reason: /more than declared|损坏/ });
  add({ name: "declared-larger", kind: "a declared size larger than the real one", bytes: pack(parts, { only: SHEET, declaredSize: sheetBytes.length + 10 }), verdict: "无法读取", reason: /size differs|损坏/ });
  const bomb = deflateRawSync(Buffer.alloc(19 * 1024 * 1024, 32));
  add({ name: "bomb-lying-unread", kind: "150 parts no one reads, declared 1 KB, inflating to 19 MB each (left packed)", bytes: zip([...[...parts].map(([name, data]) => ({ name, data, deflate: true })), ...Array.from({ length: 150 }, (_, i) => ({ name: `xl/media/bomb${i}.bin`, data: Buffer.alloc(1024), body: bomb }))]), verdict: "通过" });
  add({ name: "bomb-sheet", kind: "the form's sheet declared 1 KB, inflating to 19 MB", bytes: pack(new Map([...parts, [SHEET, Buffer.concat([sheetBytes, Buffer.alloc(19 * 1024 * 1024, 32)])]]), { only: SHEET, declaredSize: 1024 }), verdict: "无法读取", reason: /more than declared|损坏/ });
  add({ name: "part-too-large", kind: "a worksheet of 20 MB (honestly declared)", bytes: new Map([...parts, [SHEET, Buffer.concat([sheetBytes, Buffer.alloc(20 * 1024 * 1024, 32)])]]), verdict: "无法读取", reason: /过大|too large/ });
  add({ name: "many-entries", kind: "6,000 zip entries", bytes: new Map([...parts, ...Array.from({ length: 6_000 }, (_, i) => [`xl/media/x${i}.bin`, Buffer.from([i & 255])] as [string, Buffer])]), verdict: "无法读取", reason: /条目过多/ });
  const honestZip = pack(parts);
  add({ name: "truncated", kind: "the file cut in half", bytes: honestZip.subarray(0, honestZip.length >> 1), verdict: "无法读取", reason: /截断|损坏/ });
  add({ name: "directory-cut", kind: "the end record pointing past the directory", bytes: Buffer.concat([honestZip.subarray(0, honestZip.length - 22), (() => { const e = Buffer.from(honestZip.subarray(honestZip.length - 22)); e.writeUInt32LE(honestZip.length, 16); return e; })()]), verdict: "无法读取", reason: /截断|损坏/ });
  const zip64 = Buffer.from(honestZip);
  zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10);
  add({ name: "zip64", kind: "a zip64 end record", bytes: zip64, verdict: "无法读取", reason: /ZIP64/ });
  const encrypted = Buffer.from(honestZip);
  for (let i = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i !== -1; i = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) encrypted.writeUInt16LE(encrypted.readUInt16LE(i + 8) | 1, i + 8);
  add({ name: "zip-encrypted", kind: "entries flagged as encrypted (zip password)", bytes: encrypted, verdict: "无法读取", reason: /加密|encrypted/ });
  const bzip = Buffer.from(honestZip);
  for (let i = bzip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i !== -1; i = bzip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) bzip.writeUInt16LE(12, i + 10);
  add({ name: "method-bzip2", kind: "a compression method other than deflate", bytes: bzip, verdict: "无法读取", reason: /压缩方式|compression/ });

  // 7. Other files under a workbook's name: recognised by their content, each with its reason and advice.
  const kind = (name: string, what: string, bytes: Buffer, reason: RegExp) => add({ name, kind: what, bytes, verdict: "无法读取", reason });
  kind("ods-named-xlsx", "an OpenDocument spreadsheet named .xlsx", zip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") }, { name: "content.xml", data: Buffer.from("<office:document-content/>"), deflate: true }]), /OpenDocument 表格.*另存为/);
  kind("numbers-named-xlsx", "an Apple Numbers document named .xlsx", zip([{ name: "Index/Document.iwa", data: Buffer.alloc(16) }]), /Numbers/);
  kind("html-named-xlsx", "a web page saved as an \"Excel\" export", Buffer.from('<html><body><table><tr><td>5.1.1.1</td><td>95%</td></tr></table></body></html>'), /网页（HTML）/);
  kind("spreadsheetml-2003", "an Excel 2003 XML spreadsheet", Buffer.from('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), /Excel 2003 XML/);
  kind("pdf-named-xlsx", "a PDF named .xlsx", Buffer.from("%PDF-1.4\n%%EOF\n"), /PDF 文件/);
  kind("json-named-xlsx", "assessment JSON named .xlsx", Buffer.from('{"scheme":"cct-sc03-12","role":"audit","entries":{}}'), /JSON/);
  kind("docx-named-xlsx", "a Word document named .xlsx", zip([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }, { name: "word/document.xml", data: Buffer.from("<w/>") }]), /文字文档，不是 Excel 工作簿/);

  // 8. What the reviewer sees (issue 19): the sheet Excel shows is the one that counts; a cell counts as the sheet's
  // formulas count it and as it shows; damage is damage; parts decoded as XML says.
  const at = (address: string) => `${sheetName}!${address}`;
  const copyName = `${sheetName} (2)`;
  const hide = (state: "hidden" | "veryHidden") => (xml: string) => xml.replace(/(<sheet sheetId="1" name="[^"]*" state=)"visible"/, `$1"${state}"`);
  // The honest entries give the item no marks; the other sheet gives it full marks.
  const lowered = (xml: string) => setCell(xml, plainCell, (attrs) => `<c${attrs.replace(/ t="[^"]*"/, "")}><v>0</v></c>`);
  const raised = (xml: string) => setCell(xml, plainCell, (attrs) => `<c${attrs.replace(/ t="[^"]*"/, "")}><v>1</v></c>`);
  add({ name: "form-very-hidden-copy-shown", kind: "the form very hidden with raised entries, a visible copy with the honest ones first (issue case 1)", bytes: withSheet(edited(sheet(raised), WORKBOOK, hide("veryHidden")), copyName, lowered(text(parts, SHEET)), "visible", true), verdict: "不一致", finding: { code: "SS823" } });
  add({ name: "form-hidden", kind: "the form hidden, no other copy", bytes: edited(parts, WORKBOOK, hide("hidden")), verdict: "不一致", finding: { code: "SS823" } });
  add({ name: "second-form-visible", kind: "a second visible copy of the form with raised entries after it", bytes: withSheet(sheet(lowered), copyName, raised(text(parts, SHEET)), "visible", false), verdict: "不一致", finding: { code: "SS824" } });
  add({ name: "second-form-hidden", kind: "a hidden copy of the form with raised entries", bytes: withSheet(sheet(lowered), copyName, raised(text(parts, SHEET)), "hidden", false), verdict: "不一致", finding: { code: "SS824" } });
  const entry = (element: (attrs: string) => string) => sheet((xml) => setCell(xml, plainCell, element));
  const plainAttrs = (attrs: string) => attrs.replace(/ t="[^"]*"/, "");
  add({ name: "percent-as-inline-text", kind: "\"90%\" stored as an inline string (issue case 2)", bytes: entry((a) => `<c${plainAttrs(a)} t="inlineStr"><is><t>90%</t></is></c>`), verdict: "需补正", finding: { code: "SS108", cell: at(plainCell) } });
  add({ name: "percent-as-shared-text", kind: "\"90\" stored as a shared string, as LibreOffice's setString and openpyxl write it", bytes: withString(parts, "90", (index) => (xml) => setCell(xml, plainCell, (a) => `<c${plainAttrs(a)} t="s"><v>${index}</v></c>`)), verdict: "需补正", finding: { code: "SS108", cell: at(plainCell) } });
  add({ name: "na-ideographic-space", kind: "不适用 after a full-width space, which the sheet's TRIM does not remove", bytes: entry((a) => `<c${plainAttrs(a)} t="inlineStr"><is><t>\u3000不适用</t></is></c>`), verdict: "需补正", finding: { code: "SS108", cell: at(plainCell) } });
  add({ name: "percent-error-value", kind: "an error value (#N/A) in an entry cell", bytes: entry((a) => `<c${plainAttrs(a)} t="e"><v>#N/A</v></c>`), verdict: "需补正", finding: { code: "SS108", cell: at(plainCell) } });
  add({ name: "percent-shown-150", kind: "1.5 in a percent cell shows 150%, counts 1.5% (issue case 3)", bytes: entry((a) => `<c${plainAttrs(a)}><v>1.5</v></c>`), verdict: "需补正", finding: { code: "SS109", cell: at(plainCell) } });
  const general = withStyle(parts, [0]);
  add({ name: "percent-bare-fraction", kind: "0.95 in a cell formatted General shows 0.95, counts 95%", bytes: edited(general.parts, SHEET, (xml) => setCell(xml, plainCell, (a) => `<c${plainAttrs(a).replace(/ s="\d+"/, "")} s="${general.first}"><v>0.95</v></c>`)), verdict: "通过", finding: { code: "SS117", cell: at(plainCell) } });
  add({ name: "shared-string-out-of-range", kind: "t=\"s\" naming a shared string that does not exist (issue case 5)", bytes: entry((a) => `<c${plainAttrs(a)} t="s"><v>99999</v></c>`), verdict: "无法读取", reason: /共享字符串/ });
  add({ name: "shared-string-not-integer", kind: "t=\"s\" with the index 1.5", bytes: entry((a) => `<c${plainAttrs(a)} t="s"><v>1.5</v></c>`), verdict: "无法读取", reason: /共享字符串/ });
  add({ name: "number-not-a-number", kind: "a number cell holding \"abc\"", bytes: entry((a) => `<c${plainAttrs(a)}><v>abc</v></c>`), verdict: "无法读取", reason: /数值.*无效/ });
  add({ name: "boolean-not-a-boolean", kind: "t=\"b\" holding 2", bytes: entry((a) => `<c${plainAttrs(a)} t="b"><v>2</v></c>`), verdict: "无法读取", reason: /逻辑值.*无效/ });
  add({ name: "unknown-cell-type", kind: "t=\"x\"", bytes: entry((a) => `<c${plainAttrs(a)} t="x"><v>1</v></c>`), verdict: "无法读取", reason: /类型.*无效/ });
  add({ name: "sheet-names-case", kind: "a second metadata sheet named alike but for case (issue case 6)", bytes: withSheet(parts, "STARSCORE_META", text(parts, "xl/worksheets/sheet2.xml"), "veryHidden", false), verdict: "无法读取", reason: /同名（不区分大小写）/ });
  const utf16 = (xml: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);
  add({ name: "worksheet-utf16-bom", kind: "the worksheet in UTF-16 with a byte-order mark (valid XML 1.0; issue case 7)", bytes: new Map([...parts, [SHEET, utf16(text(parts, SHEET))]]), verdict: "通过", cell: { address: scoreCell, value, libreOffice: false } });
  add({ name: "shared-strings-utf16-bom", kind: "the shared strings in UTF-16 with a byte-order mark", bytes: new Map([...parts, [STRINGS, utf16(text(parts, STRINGS))]]), verdict: "通过" });
  add({ name: "declared-utf16-bytes-utf8", kind: "a worksheet declaring UTF-16 whose bytes are UTF-8", bytes: sheet((xml) => xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')), verdict: "无法读取", reason: /声明的编码/ });
  add({ name: "worksheet-not-utf8", kind: "a worksheet with bytes that are not UTF-8 (GBK text)", bytes: new Map([...parts, [SHEET, Buffer.concat([parts.get(SHEET) as Buffer].map((b) => { const out = Buffer.from(b); const i = out.indexOf("</sheetData>"); return Buffer.concat([out.subarray(0, i), Buffer.from(`<row r="${R}"><c r="A${R}" t="inlineStr"><is><t>`), Buffer.from([0xb7, 0xfe, 0xce, 0xf1]), Buffer.from("</t></is></c></row>"), out.subarray(i)]); }))]]), verdict: "无法读取", reason: /UTF-8/ });
  // Entries must be typed and seen (issue case 8): a formula in an entry cell, a value its format or colour hides.
  const formulaIn = (base: Parts, formula: string) => edited(base, SHEET, (xml) => setCell(xml, plainCell, (a) => `<c${plainAttrs(a)}><f>${formula}</f><v>1</v></c>`));
  add({ name: "entry-external-link", kind: "an entry whose value comes from another workbook ([1]Sheet1!$A$1)", bytes: formulaIn(withExternalLink(parts, "file:///C:/评审/别的表.xlsx"), "[1]Sheet1!$A$1"), verdict: "通过", finding: { code: "SS825", cell: at(plainCell) } });
  add({ name: "entry-defined-name", kind: "an entry whose value comes from a defined name", bytes: formulaIn(edited(parts, WORKBOOK, (x) => x.replace("<definedNames>", `<definedNames><definedName name="满分">'${sheetName}'!$Z$${R}</definedName>`)), "满分"), verdict: "通过", finding: { code: "SS825", cell: at(plainCell) } });
  add({ name: "entry-cell-reference", kind: "an entry that refers to a cell below the form", bytes: formulaIn(parts, `Z${R}`), verdict: "通过", finding: { code: "SS825", cell: at(plainCell) } });
  const hidden = withLook(parts, { format: ";;;" });
  add({ name: "entry-format-hides", kind: "an entry whose number format ;;; shows nothing", bytes: edited(hidden.parts, SHEET, (xml) => setCell(xml, plainCell, (a) => `<c${plainAttrs(a).replace(/ s="\d+"/, "")} s="${hidden.index}"><v>1</v></c>`)), verdict: "通过", finding: { code: "SS826", cell: at(plainCell) } });
  const white = withLook(parts, { format: "0%", ink: "FFFFFF" });
  add({ name: "entry-white-on-white", kind: "an entry written in white on the sheet's white", bytes: edited(white.parts, SHEET, (xml) => setCell(xml, plainCell, (a) => `<c${plainAttrs(a).replace(/ s="\d+"/, "")} s="${white.index}"><v>1</v></c>`)), verdict: "通过", finding: { code: "SS826", cell: at(plainCell) } });
  return { sheetName, cases };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error("usage: npx tsx scripts/make-hostile.ts <folder>");
  mkdirSync(dir, { recursive: true });
  for (const c of (await hostileCorpus()).cases) {
    writeFileSync(path.join(dir, `${c.name}.xlsx`), c.bytes);
    console.log(`${c.name.padEnd(28)} ${c.verdict.padEnd(5)} ${c.kind}`);
  }
}

if (require.main === module) void main();
