import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadSchemes } from "../../src/cli/schemeFiles";
import type { Role } from "../../src/scheme/roles";
import { columnIndex } from "../../src/sheets/address";
import type { CellRead } from "../../src/sheets/cells";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { checkFile } from "../../src/cli/checkFile";
import { openWorkbook, WorkbookError } from "../../src/xlsx/saved";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { shareFormulas } from "../support/checkFixtures";
import { loadExcel } from "../support/excel";
import { generateAssessment } from "../support/generate";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { rezip, zip } from "../support/zip";

// The reader is checked against exceljs, a full xlsx model: both must see the same value and formula in every cell.

const iso = (d: Date) => d.toISOString().slice(0, 10);
function fromResult(result: ExcelJS.CellFormulaValue["result"]): CellRead {
  if (result === undefined || result === null) return null;
  if (result instanceof Date) return iso(result);
  if (typeof result === "object") return "error" in result ? String(result.error) : null;
  return result;
}
/** What exceljs says a cell holds as last saved (its `result` keeps a cached 0 that `value` drops). */
function exceljsRead(cell: ExcelJS.Cell): CellRead {
  if (cell.type === ExcelJS.ValueType.Formula) return fromResult(cell.result);
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return iso(v);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("hyperlink" in v) return typeof v.text === "string" ? v.text : null;
  if ("error" in v) return String(v.error);
  return null;
}

async function compareWithExceljs(bytes: Buffer): Promise<number> {
  const theirs = await loadExcel(bytes);
  const ours = openWorkbook(bytes);
  expect(ours.sheets.map((s) => s.name)).toEqual(theirs.worksheets.map((w) => w.name));
  let cells = 0;
  for (const ws of theirs.worksheets) {
    const sheet = ours.sheet(ws.name);
    const got: string[] = [];
    const want: string[] = [];
    for (let r = 1; r <= Math.max(ws.rowCount, sheet?.lastRow() ?? 0); r++) {
      for (let c = 1; c <= Math.max(ws.columnCount, 12); c++) {
        const cell = ws.getCell(r, c);
        const f = cell.formula;
        // exceljs answers a merged area's other cells with the first cell's value; Excel (and we) leave them empty.
        const covered = cell.master.address !== cell.address;
        want.push(covered ? `${cell.address} null ` : `${cell.address} ${JSON.stringify(exceljsRead(cell))} ${typeof f === "string" && f !== "" ? `=${f}` : ""}`);
        got.push(`${cell.address} ${JSON.stringify(sheet?.read(cell.address))} ${sheet?.formula(cell.address) ?? ""}`);
        cells += 1;
      }
    }
    expect(got).toEqual(want);
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => row.hidden && hiddenRows.push(n));
    expect([...(sheet?.hiddenRows() ?? [])].sort((a, b) => a - b)).toEqual(hiddenRows);
    const hiddenColumns = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1)).filter((c) => c.hidden).map((c) => c.letter);
    expect([...(sheet?.hiddenColumns() ?? [])].filter((c) => columnIndex(c) <= ws.columnCount)).toEqual(hiddenColumns);
  }
  return cells;
}

const schemes = loadSchemes();

/** Every scheme and role, filled with lenient entries, specials, and a user's own sheet of odd values. */
async function generated(): Promise<{ name: string; bytes: Buffer }[]> {
  const out: { name: string; bytes: Buffer }[] = [];
  let seed = 11;
  for (const scheme of schemes.values()) {
    for (const role of scheme.kind === "checklist" ? (["checklist"] as Role[]) : (["self", "audit"] as Role[])) {
      const plan = planSheet(scheme, role);
      const wb = await workbookFromPlan(plan, entryWrites(plan, generateAssessment(scheme, seed++, { role, lenient: true, naShare: 0.1, specials: role === "audit" })));
      const notes = wb.addWorksheet("我的笔记");
      notes.getCell("A1").value = new Date(Date.UTC(2026, 10, 23));
      notes.getCell("A2").value = true;
      notes.getCell("A3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      notes.getCell("A4").value = { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] };
      notes.getCell("A5").value = { text: "链接", hyperlink: "https://example.invalid/" };
      notes.getCell("A6").value = { formula: 'A2&"x"', result: "TRUEx" };
      notes.getCell("A7").value = '<tag> & "quotes" \'apostrophe\'\n第二行';
      notes.getCell("A8").value = { formula: "1-1", result: 0 };
      notes.getCell("B1").value = 45000.5;
      notes.getCell("B1").numFmt = "yyyy-mm-dd hh:mm";
      notes.getCell("B2").value = -0.000123;
      notes.getRow(3).hidden = true;
      notes.getColumn("C").hidden = true;
      out.push({ name: `${scheme.id}-${role}.xlsx`, bytes: await xlsxBuffer(wb) });
    }
  }
  return out;
}

describe("openWorkbook reads what exceljs reads, cell by cell", () => {
  let files: { name: string; bytes: Buffer }[] = [];
  beforeAll(async () => {
    files = await generated();
  }, 120_000);

  it("in workbooks written by StarScore (exceljs), every scheme and role", async () => {
    let cells = 0;
    for (const f of files) cells += await compareWithExceljs(f.bytes);
    expect(cells).toBeGreaterThan(10_000);
    // exceljs reads every workbook again: ~2 s alone, over jest's 5 s default on a busy machine.
  }, 60_000);

  it("in the same workbooks saved again by LibreOffice", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-saved-"));
    const staged = files.map((f) => {
      writeFileSync(path.join(dir, f.name), f.bytes);
      return path.join(dir, f.name);
    });
    const out = path.join(dir, "lo");
    recalculateWithLibreOffice(staged, out);
    for (const f of files) await compareWithExceljs(readFileSync(path.join(out, f.name)));
  }, 300_000);

  it("with shared formulas, translated to each cell as exceljs translates them", async () => {
    const f = files.find((x) => x.name.startsWith("maturity-jsgf-06-audit")) as { bytes: Buffer };
    let shared = 0;
    const bytes = rezip(f.bytes, (name, text) => {
      if (name !== "xl/worksheets/sheet1.xml") return text;
      const r = shareFormulas(text);
      shared = r.shared;
      return r.xml;
    });
    expect(shared).toBeGreaterThan(150);
    await compareWithExceljs(bytes);
    expect(openWorkbook(bytes).sheets[0]?.formula("I20")).toBe(openWorkbook(f.bytes).sheets[0]?.formula("I20"));
  });
});

/** A one-sheet package with the given worksheet XML and shared strings. */
function pkg(sheet: string, options: { strings?: string; styles?: string; workbookPr?: string; prefix?: string } = {}): Buffer {
  const p = options.prefix ?? "";
  const ns = p === "" ? "xmlns" : `xmlns:${p.slice(0, -1)}`;
  const parts = [
    { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "_rels/.rels", data: Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(`<${p}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.workbookPr ?? ""}<${p}sheets><${p}sheet name="表&amp;1" sheetId="1" rel:id="rId1"/></${p}sheets></${p}workbook>`),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/s.xml", data: Buffer.from(`<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheet}</${p}worksheet>`) },
    { name: "xl/strings.xml", data: Buffer.from(`<${p}sst ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.strings ?? ""}</${p}sst>`) },
    { name: "xl/styles.xml", data: Buffer.from(`<${p}styleSheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.styles ?? ""}</${p}styleSheet>`) },
  ];
  return zip(parts.map((x) => ({ ...x, deflate: true })));
}

describe("openWorkbook reads the forms other programs write", () => {
  it("shared strings with rich runs and phonetic guides, escapes, entities and CDATA", () => {
    const strings = [
      "<si><t>评分表</t></si>",
      '<si><r><rPr><b/></rPr><t xml:space="preserve">符合 </t></r><r><t>要求</t></r><rPh sb="0" eb="2"><t>フゴウ</t></rPh><phoneticPr fontId="1"/></si>',
      "<si><t>第一行_x000D_\n第二行 &#x4E2D;&#20013; &lt;&amp;&gt;</t></si>",
      "<si><t><![CDATA[a<b & c]]></t></si>",
      "<si><t/></si>",
    ].join("");
    const sheet = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t=\'s\'><v>3</v></c><c r="E1" t="s"><v>4</v></c></row></sheetData>';
    const ws = openWorkbook(pkg(sheet, { strings })).sheets[0];
    expect(ws?.name).toBe("表&1");
    expect(["A1", "B1", "C1", "D1", "E1"].map((a) => ws?.read(a))).toEqual(["评分表", "符合 要求", "第一行\r\n第二行 中中 <&>", "a<b & c", ""]);
  });

  it("cells without addresses, inline strings, booleans, errors, ISO dates, hidden rows and columns (flag, or a size too small to show)", () => {
    const sheet =
      '<cols><col min="2" max="3" width="9" hidden="1"/><col min="5" max="5" width="0" customWidth="1"/><col min="6" max="6" width="0.3" customWidth="1"/><col min="7" max="7" width="2" customWidth="1"/></cols><sheetData>' +
      '<row r="2" hidden="1"><c><v>1</v></c><c t="inlineStr"><is><t>行内</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>' +
      '<row ht="0" customHeight="1"><c r="A3" t="d"><v>2026-11-23T00:00:00</v></c><c t="str"><f>"a"&amp;"b"</f><v>a&amp;lt;b</v></c><c t="n"><f>1/0</f></c></row></sheetData>';
    const ws = openWorkbook(pkg(sheet)).sheets[0];
    expect(["A2", "B2", "C2", "D2", "A3", "B3", "C3"].map((a) => ws?.read(a))).toEqual([1, "行内", true, "#DIV/0!", "2026-11-23", "a&lt;b", null]);
    expect(["B3", "C3", "A2"].map((a) => ws?.formula(a))).toEqual(['="a"&"b"', "=1/0", null]);
    // Height or width (near) 0 hides a row or column as the hidden flag does; a narrow column of 2 characters shows.
    expect([...(ws?.hiddenRows() ?? [])]).toEqual([2, 3]);
    expect([...(ws?.hiddenColumns() ?? [])]).toEqual(["B", "C", "E", "F"]);
    expect(ws?.lastRow()).toBe(3);
  });

  it("dates by number format, in the 1900 and 1904 date systems", () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="171" formatCode="0.0&quot;分&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="171"/></cellXfs>';
    const sheet = '<sheetData><row r="1"><c r="A1" s="1"><v>46349</v></c><c r="B1" s="2"><v>46349.75</v></c><c r="C1" s="3"><v>95</v></c><c r="D1" s="0"><v>95</v></c></row></sheetData>';
    expect(["A1", "B1", "C1", "D1"].map((a) => openWorkbook(pkg(sheet, { styles })).sheets[0]?.read(a))).toEqual(["2026-11-23", "2026-11-23", 95, 95]);
    expect(openWorkbook(pkg(sheet, { styles, workbookPr: '<workbookPr date1904="1"/>' })).sheets[0]?.read("A1")).toBe("2030-11-24");
  });

  it("parts written with a namespace prefix (x:worksheet), as some generators do", () => {
    const sheet = '<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>A1&amp;""</x:f><x:v>7</x:v></x:c></x:row></x:sheetData>';
    const ws = openWorkbook(pkg(sheet, { strings: "<x:si><x:t>前缀</x:t></x:si>", prefix: "x:" })).sheets[0];
    expect([ws?.read("A1"), ws?.read("B1"), ws?.formula("B1")]).toEqual(["前缀", 7, '=A1&""']);
  });

  it("refuses a sheet with more rows than the limit, when the sheet is read", () => {
    const rows = Array.from({ length: 120 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join("");
    const wb = openWorkbook(pkg(`<sheetData>${rows}</sheetData>`), { maxTotalBytes: 1e8, maxEntries: 100, maxPartBytes: 1e7, maxRows: 100 });
    expect(() => wb.sheets[0]?.read("A1")).toThrow(WorkbookError);
    expect(() => wb.sheets[0]?.read("A1")).toThrow(/行数过多/);
  });
});

describe("damaged parts never crash a check", () => {
  it("300 workbooks with a part cut short, cut into, or spliced with stray markup each get a verdict", async () => {
    const scheme = schemes.get("cct-sc03-12");
    if (scheme === undefined) throw new Error("cct-sc03-12");
    const plan = planSheet(scheme, "audit");
    const base = await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, generateAssessment(scheme, 3, { role: "audit" }))));
    const parts = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
    const stray = ["<", ">", "&", '"', "</c>", '<c r="ZZZZ9999999">', '<f t="shared" si="9"/>', "&#xFFFFFFF;", "<v>", "]]>"];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const file = path.join(mkdtempSync(path.join(tmpdir(), "starscore-damaged-")), "damaged.xlsx");
    const verdicts = new Set<string>();
    for (let i = 0; i < 300; i++) {
      writeFileSync(
        file,
        rezip(base, (name, text) => {
          if (name !== parts[i % parts.length]) return text;
          const at = Math.floor(random() * text.length);
          switch (i % 3) {
            case 0:
              return text.slice(0, at);
            case 1:
              return text.slice(0, at) + text.slice(at + Math.floor(random() * 200));
            default:
              return text.slice(0, at) + (stray[Math.floor(random() * stray.length)] as string) + text.slice(at);
          }
        }),
      );
      verdicts.add(checkFile(file, schemes).verdict);
    }
    expect(verdicts.has("无法读取") || verdicts.has("不一致")).toBe(true);
  }, 60_000);
});
