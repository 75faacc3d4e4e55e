import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import type { FindingCode } from "../../src/findings/catalogue";
import type { Scheme } from "../../src/scheme/load";
import type { Role } from "../../src/scheme/roles";
import { entryWrites } from "../../src/sheets/fill";
import { LAYOUTS, META_FORMAT, META_SHEET } from "../../src/sheets/meta";
import { planSheet } from "../../src/sheets/plan";
import type { SheetPlan } from "../../src/sheets/types";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { loadExcel } from "./excel";
import { generateAssessment } from "./generate";
import { rezip, zip } from "./zip";
import { shiftFormula } from "../../src/sheets/shiftFormula";
import { recalculateWithLibreOffice } from "./libreoffice";

/** What the check must say of a fixture: a verdict, and the finding code or unreadable reason that proves it. */
export interface Expectation {
  file: string;
  verdict: "通过" | "需补正" | "不一致" | "无法读取" | "未检查";
  code?: FindingCode;
  reason?: RegExp;
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The metadata's record of its layout version changed, as an older StarScore wrote it (the cells stay today's). */
function recordVersion(wb: ExcelJS.Workbook, version: number): void {
  const meta = (wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet).getCell("B2");
  meta.value = String(meta.value).replace(`"format":"${META_FORMAT}"`, `"format":"starscore-layout/${version}"`);
}

/** An honest workbook, laid out and filled, loaded for a tamperer to edit. */
async function honest(scheme: Scheme, role: Role, seed: number): Promise<{ wb: ExcelJS.Workbook; sheet: ExcelJS.Worksheet; plan: SheetPlan }> {
  const plan = planSheet(scheme, role);
  const a = generateAssessment(scheme, seed, { role, naShare: 0.05, specials: false });
  if (a.header !== undefined) delete a.header["申报级别"];
  const wb = await loadExcel(await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, a))));
  return { wb, sheet: wb.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, plan };
}

/**
 * An honest submission's bytes as StarScore writes them, for edits made in the XML. (A load and save through
 * exceljs, as `honest` does, re-anchors a validation range's formula wrongly, which SS822 would rightly report.)
 */
async function written(scheme: Scheme, role: Role, seed: number): Promise<{ plan: SheetPlan; bytes: Buffer }> {
  const plan = planSheet(scheme, role);
  const a = generateAssessment(scheme, seed, { role, naShare: 0.05, specials: role === "audit" });
  if (a.header !== undefined) delete a.header["申报级别"];
  return { plan, bytes: await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, a))) };
}

type Tamper = { name: string; code: FindingCode; verdict?: Expectation["verdict"]; edit: (t: { wb: ExcelJS.Workbook; sheet: ExcelJS.Worksheet; plan: SheetPlan }) => void };

const col = (plan: SheetPlan, key: "clause" | "text" | "points" | "earned") => plan.layout.structureColumns[key] as string;
const itemRow = (plan: SheetPlan, i: number) => plan.layout.items[i]?.row ?? 0;
const entryCol = (plan: SheetPlan) => plan.layout.entryColumns.percent ?? plan.layout.entryColumns.score ?? plan.layout.entryColumns.conclusion ?? "A";

const TAMPERS: Tamper[] = [
  { name: "points-changed", code: "SS815", edit: ({ sheet, plan }) => (sheet.getCell(`${col(plan, "points")}${itemRow(plan, 3)}`).value = 9) },
  { name: "row-deleted", code: "SS811", edit: ({ sheet, plan }) => sheet.spliceRows(itemRow(plan, 4), 1) },
  {
    name: "row-inserted",
    code: "SS812",
    // exceljs's insertRow leaves overlapping merges it cannot read back; shifting the clause-id column down one
    // row from the third item is what an inserted row does to it.
    edit: ({ sheet, plan }) => {
      const c = col(plan, "clause");
      const from = itemRow(plan, 2);
      for (let r = plan.layout.lastItemRow + 1; r > from; r--) sheet.getCell(`${c}${r}`).value = sheet.getCell(`${c}${r - 1}`).value;
      sheet.getCell(`${c}${from}`).value = "5.9.9";
    },
  },
  { name: "row-duplicated", code: "SS813", edit: ({ sheet, plan }) => (sheet.getCell(`${col(plan, "clause")}${itemRow(plan, 6)}`).value = plan.layout.items[5]?.clause ?? "") },
  {
    name: "rows-reordered",
    code: "SS814",
    edit: ({ sheet, plan }) => {
      const [a, b] = [`${col(plan, "clause")}${itemRow(plan, 7)}`, `${col(plan, "clause")}${itemRow(plan, 8)}`];
      const va = sheet.getCell(a).value;
      sheet.getCell(a).value = sheet.getCell(b).value;
      sheet.getCell(b).value = va;
    },
  },
  { name: "text-altered", code: "SS816", edit: ({ sheet, plan }) => (sheet.getCell(`${col(plan, "text")}${itemRow(plan, 1)}`).value = "已修改的条款内容") },
  { name: "formula-overwritten", code: "SS817", edit: ({ sheet, plan }) => (sheet.getCell(`${col(plan, "earned")}${itemRow(plan, 0)}`).value = 1) },
  {
    name: "formula-altered",
    code: "SS818",
    edit: ({ sheet, plan }) => {
      const cell = sheet.getCell(plan.layout.results.total as string);
      cell.value = { formula: `${String(cell.formula)}+5` } as ExcelJS.CellFormulaValue;
    },
  },
  { name: "saved-total-differs", code: "SS701", edit: ({ sheet, plan }) => (sheet.getCell(plan.layout.results.total as string).value = { formula: String(sheet.getCell(plan.layout.results.total as string).formula), result: 12.34 } as ExcelJS.CellFormulaValue) },
  { name: "saved-level-differs", code: "SS702", edit: ({ sheet, plan }) => (sheet.getCell(plan.layout.results.level as string).value = { formula: String(sheet.getCell(plan.layout.results.level as string).formula), result: "不存在的级别" } as ExcelJS.CellFormulaValue) },
  { name: "metadata-missing", code: "SS801", edit: ({ wb }) => wb.removeWorksheet((wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet).id) },
  { name: "metadata-malformed", code: "SS802", edit: ({ wb }) => ((wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet).getCell("B2").value = "{not json") },
  { name: "metadata-unknown-scheme", code: "SS803", edit: ({ wb }) => { const c = (wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet).getCell("B2"); c.value = String(c.value).replace(/"schemeId":"[^"]+"/, '"schemeId":"no-such-scheme"'); } },
  { name: "metadata-unknown-version", code: "SS703", edit: ({ wb }) => { const c = (wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet).getCell("B2"); c.value = String(c.value).replace(/"schemeVersion":"[^"]+"/, '"schemeVersion":"0.0-forged"'); } },
  { name: "row-hidden", code: "SS819", edit: ({ sheet, plan }) => (sheet.getRow(itemRow(plan, 2)).hidden = true) },
  { name: "column-hidden", code: "SS820", edit: ({ sheet, plan }) => (sheet.getColumn(entryCol(plan)).hidden = true) },
  { name: "level-table-altered", code: "SS821", edit: ({ sheet, plan }) => { const level = sheet.getCell(plan.layout.results.level as string); const m = /LOOKUP\([A-Z]+[0-9]+,([A-Z]+)([0-9]+):/.exec(String(level.formula)); if (m !== null) sheet.getCell(`${m[1]}${m[2]}`).value = 1; } },
];

/** Tampered submissions of one scheme and role: every kind of edit, each with the finding that proves it. */
export async function tamperedWorkbooks(scheme: Scheme, role: Role): Promise<{ name: string; bytes: Buffer; verdict: Expectation["verdict"]; code: FindingCode }[]> {
  const out = [];
  for (const t of TAMPERS) {
    const h = await honest(scheme, role, 101);
    t.edit(h);
    out.push({ name: `tampered-${t.name}-${scheme.id}-${role}.xlsx`, bytes: await xlsxBuffer(h.wb), verdict: t.verdict ?? ("不一致" as const), code: t.code });
  }
  return out;
}

/** Entry values a validation would refuse (found by the engine's own checks). */
const BAD_ENTRIES: { name: string; role: Role; code: FindingCode; value: string | number }[] = [
  { name: "percent-above-100", role: "audit", code: "SS103", value: 150 },
  { name: "percent-not-a-number", role: "audit", code: "SS104", value: "很好" },
  { name: "score-above-max", role: "self", code: "SS102", value: 99 },
];

/** The text of a formula as the fixture's XML holds it (StarScore writes only these entities). */
const decodeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * A worksheet's XML as Excel saves a filled-down column: runs of formulas that are copies of the one above them
 * become shared formulas (the first cell keeps the text and the range, the others only name it by `si`).
 */
export function shareFormulas(xml: string): { xml: string; shared: number } {
  const cells = [...xml.matchAll(/<c r="([A-Z]+)([0-9]+)"([^>]*)><f>([^<]*)<\/f>/g)].map((m) => ({ col: m[1] as string, row: Number(m[2]), formula: m[4] as string, at: m.index }));
  const role = new Map<number, string>();
  let si = 0;
  let shared = 0;
  for (const col of new Set(cells.map((c) => c.col))) {
    const run = cells.filter((c) => c.col === col).sort((a, b) => a.row - b.row);
    for (let i = 0; i < run.length; ) {
      const master = run[i] as (typeof run)[number];
      let j = i + 1;
      while (j < run.length && (run[j]?.row ?? 0) === master.row + (j - i) && decodeXml(run[j]?.formula ?? "") === shiftFormula(decodeXml(master.formula), j - i, 0)) j++;
      if (j - i >= 2) {
        role.set(master.at, `<f t="shared" ref="${col}${master.row}:${col}${master.row + j - i - 1}" si="${si}">${master.formula}</f>`);
        for (let k = i + 1; k < j; k++) role.set((run[k] as (typeof run)[number]).at, `<f t="shared" si="${si}"/>`);
        shared += j - i - 1;
        si++;
      }
      i = j;
    }
  }
  const out = xml.replace(/<c r="([A-Z]+)([0-9]+)"([^>]*)><f>([^<]*)<\/f>/g, (whole, c: string, r: string, attrs: string, _f: string, at: number) => {
    const f = role.get(at);
    return f === undefined ? whole : `<c r="${c}${r}"${attrs}>${f}`;
  });
  return { xml: out, shared };
}

/** The first worksheet's part in an exceljs-written package (the laid-out sheet comes first). */
const FIRST_SHEET = "xl/worksheets/sheet1.xml";

/**
 * Builds the reviewers' fixtures into `dir`: honest submissions over every scheme and role (half of them saved
 * again by LibreOffice), tampered copies of each kind over two schemes, and the hostile files.
 */
export async function buildCheckFixtures(dir: string, schemes: ReadonlyMap<string, Scheme>): Promise<Expectation[]> {
  mkdirSync(dir, { recursive: true });
  const expect: Expectation[] = [];
  const put = (name: string, data: Buffer | string, e: Omit<Expectation, "file">) => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    expect.push({ file, ...e });
  };

  // Honest: every scheme and role, several seeds; half saved through LibreOffice (cached totals then present).
  const viaLibreOffice: string[] = [];
  const staging = mkdtempSync(path.join(tmpdir(), "starscore-staging-"));
  let seed = 1;
  for (const scheme of schemes.values()) {
    for (const role of scheme.kind === "checklist" ? (["checklist"] as Role[]) : (["self", "audit"] as Role[])) {
      for (let i = 0; i < 3; i++, seed++) {
        const plan = planSheet(scheme, role);
        const a = generateAssessment(scheme, seed * 7, { role, naShare: 0.05, specials: role === "audit", lenient: i === 1 });
        // An honest applicant claims what they reached: drop the random claim.
        if (a.header !== undefined) delete a.header["申报级别"];
        const bytes = await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, a)));
        const name = `honest-${scheme.id}-${role}-${i}.xlsx`;
        if (i === 0) {
          writeFileSync(path.join(staging, name), bytes);
          viaLibreOffice.push(path.join(staging, name));
        } else {
          put(name, bytes, { verdict: "通过" });
        }
      }
    }
  }
  recalculateWithLibreOffice(viaLibreOffice, dir);
  for (const f of viaLibreOffice) expect.push({ file: path.join(dir, path.basename(f)), verdict: "通过" });

  // Honest, as Excel saves a filled-down column: shared formulas, which the check must translate to each cell.
  {
    let shared = 0;
    const bytes = rezip((await written(schemes.get("maturity-jsgf-06") as Scheme, "audit", 5)).bytes, (name, text) => {
      if (name !== FIRST_SHEET) return text;
      const r = shareFormulas(text);
      shared = r.shared;
      return r.xml;
    });
    if (shared < 150) throw new Error(`expected the maturity audit sheet to share most formulas, shared ${shared}`);
    put("honest-shared-formulas-maturity-jsgf-06-audit.xlsx", bytes, { verdict: "通过" });
  }

  // Honest: the unused columns right of the form hidden for tidiness (Excel writes one <col> up to XFD).
  {
    const { plan, bytes: laid } = await written(schemes.get("cct-sc03-12") as Scheme, "audit", 15);
    const next = plan.columns.length + 1;
    const bytes = rezip(laid, (part, text) => (part === FIRST_SHEET ? text.replace("</cols>", `<col min="${next}" max="16384" width="9" hidden="1"/></cols>`) : text));
    put("honest-unused-columns-hidden-cct-sc03-12-audit.xlsx", bytes, { verdict: "通过" });
  }

  // Tampered: every kind on an audit sheet and on a self form.
  const targets: [string, Role][] = [
    ["maturity-jsgf-06", "audit"],
    ["gbt27922-2011-self", "self"],
  ];
  for (const [id, role] of targets) {
    for (const t of await tamperedWorkbooks(schemes.get(id) as Scheme, role)) put(t.name, t.bytes, { verdict: t.verdict, code: t.code });
  }
  // A form an older StarScore laid out (layout 1), honest or altered alike: the check cannot rebuild that layout,
  // so it says so and asks for the form laid out again — neither 通过 nor called tampered.
  for (const [id, role] of targets) {
    for (const altered of [false, true]) {
      const h = await honest(schemes.get(id) as Scheme, role, 103);
      recordVersion(h.wb, 1);
      if (altered) h.sheet.getCell(`${col(h.plan, "points")}${itemRow(h.plan, 3)}`).value = 9;
      put(`older-layout${altered ? "-altered" : ""}-${id}-${role}.xlsx`, await xlsxBuffer(h.wb), { verdict: "需补正", code: "SS805" });
    }
  }
  // Forms of layout 2 (before the material lines and the audit form's 审查报告信息 block) and 3 (before the block):
  // older too, so SS805 alike.
  for (const [version, id, role] of [
    [LAYOUTS.unfilled, "cct-sc03-12", "audit"],
    [LAYOUTS.materials, "gbt27922-2011-self", "self"],
  ] as const) {
    const h = await honest(schemes.get(id) as Scheme, role, 104);
    recordVersion(h.wb, version);
    put(`layout-${version}-${id}-${role}.xlsx`, await xlsxBuffer(h.wb), { verdict: "需补正", code: "SS805" });
  }
  for (const b of BAD_ENTRIES) {
    const scheme = schemes.get(b.role === "self" ? "gbt27922-2011-self" : "cct-sc03-12") as Scheme;
    const h = await honest(scheme, b.role, 7);
    h.sheet.getCell(`${entryCol(h.plan)}${itemRow(h.plan, 4)}`).value = b.value;
    put(`bad-entry-${b.name}.xlsx`, await xlsxBuffer(h.wb), { verdict: "需补正", code: b.code });
  }

  // Validation removed (as pasting from another workbook does) or replaced by one over whole columns: read quickly,
  // reported as a warning, every value still checked.
  for (const [name, edit] of [
    ["validation-removed", (xml: string) => xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, "")],
    ["validation-whole-columns", (xml: string) => xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A:XFD"><formula1>"a,b"</formula1></dataValidation></dataValidations>')],
  ] as const) {
    const h = await honest(schemes.get("cct-sc03-12") as Scheme, "audit", 9);
    put(`${name}-cct-sc03-12-audit.xlsx`, rezip(await xlsxBuffer(h.wb), (part, text) => (part === FIRST_SHEET ? edit(text) : text)), { verdict: "通过", code: "SS822" });
  }

  // A clause row hidden by giving it height 0 rather than the hidden flag (exceljs cannot write a 0 height).
  {
    const h = await honest(schemes.get("gbt27922-2011-self") as Scheme, "self", 13);
    const row = itemRow(h.plan, 5);
    const bytes = rezip(await xlsxBuffer(h.wb), (part, text) =>
      part === FIRST_SHEET ? text.replace(new RegExp(`<row r="${row}"([^>]*)>`), (_, attrs: string) => `<row r="${row}"${attrs.replace(/\s(ht|customHeight)="[^"]*"/g, "")} ht="0" customHeight="1">`) : text,
    );
    put("tampered-row-height-zero-gbt27922-2011-self-self.xlsx", bytes, { verdict: "不一致", code: "SS819" });
  }

  // Hostile and foreign files.
  const content = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
  const real = await xlsxBuffer((await honest(schemes.get("cct-sc03-12") as Scheme, "audit", 3)).wb);
  put("not-a-zip.xlsx", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)), { verdict: "无法读取", reason: /不是 Excel 工作簿/ });
  put("truncated.xlsx", real.subarray(0, Math.floor(real.length / 2)), { verdict: "无法读取", reason: /截断/ });
  put("old-format.xlsx", Buffer.concat([OLE2, Buffer.alloc(4096)]), { verdict: "无法读取", reason: /旧版 Excel 97-2003.*另存为/ });
  put("old-format.xls.xlsx", Buffer.concat([OLE2, Buffer.alloc(512, 1)]), { verdict: "无法读取", reason: /旧版 Excel 97-2003.*另存为/ });
  put("encrypted.xlsx", Buffer.concat([OLE2, Buffer.alloc(512), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(512)]), { verdict: "无法读取", reason: /已加密/ });
  put("zip-bomb.xlsx", zip([{ name: "xl/workbook.xml", data: Buffer.from(content) }, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(120 * 1024 * 1024), deflate: true }]), { verdict: "无法读取", reason: /过大|不是 Excel 工作簿/ });
  put("zip-bomb-lying.xlsx", zip([{ name: "xl/workbook.xml", data: Buffer.from(content) }, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(2 * 1024 * 1024), deflate: true, declaredSize: 1000 }]), { verdict: "无法读取", reason: /损坏|不是 Excel 工作簿/ });
  put("many-entries.xlsx", zip([{ name: "xl/workbook.xml", data: Buffer.from(content) }, ...Array.from({ length: 6000 }, (_, i) => ({ name: `xl/media/x${i}.bin`, data: Buffer.from([i & 255]) }))]), { verdict: "无法读取", reason: /条目过多/ });
  // A StarScore sheet with 130,000 more rows below it (the limit is 100,000 rows a sheet).
  const filler = Array.from({ length: 130_000 }, (_, i) => `<row r="${i + 1000}"><c r="A${i + 1000}"><v>1</v></c></row>`).join("");
  put("million-rows.xlsx", rezip(real, (part, text) => (part === FIRST_SHEET ? text.replace("</sheetData>", `${filler}</sheetData>`) : text)), { verdict: "无法读取", reason: /行数过多|过大/ });
  const startPart = (target: string) => ({
    name: "_rels/.rels",
    data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`),
  });
  put("binary.xlsb.xlsx", zip([startPart("xl/workbook.bin"), { name: "xl/workbook.bin", data: Buffer.alloc(64) }]), { verdict: "无法读取", reason: /xlsb/ });
  put("not-excel-zip.xlsx", zip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]), { verdict: "无法读取", reason: /不是 Excel 工作簿/ });
  put("csv-named.xlsx", "组织名称,分数\n华东示例,95\n", { verdict: "无法读取", reason: /CSV/ });
  put("empty.xlsx", Buffer.alloc(0), { verdict: "无法读取", reason: /空文件/ });
  const ExcelJSModule = (await import("exceljs")).default;
  const foreign = new ExcelJSModule.Workbook();
  foreign.addWorksheet("Sheet1").getCell("A1").value = "别人的表格";
  put("foreign-workbook.xlsx", Buffer.from(await foreign.xlsx.writeBuffer()), { verdict: "无法读取", reason: /不是 StarScore/ });
  // Excel's owner file beside an open workbook: not a submission, listed as not checked.
  put("~$honest-open-in-excel.xlsx", Buffer.from("owner file", "utf8"), { verdict: "未检查", reason: /锁定文件/ });
  const broken = path.join(dir, "unreadable.xlsx");
  symlinkSync(path.join(dir, "no-such-target"), broken);
  expect.push({ file: broken, verdict: "无法读取", reason: /无法打开/ });
  return expect;
}
