import type ExcelJS from "exceljs";
import { loadSchemes } from "../../src/cli/schemeFiles";
import type { Assessment } from "../../src/scoring/assessment";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import type { Role } from "../../src/scheme/roles";
import { openWorkbook } from "../../src/xlsx/saved";
import { scoreWorkbook } from "../../src/xlsx/scoreWorkbook";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { loadExcel } from "../support/excel";

const schemes = loadSchemes();

/** A workbook laid out and filled, saved and loaded again, for a test to alter as a spreadsheet program would. */
async function workbook(schemeId: string, role: Role, assessment: Partial<Assessment> = {}) {
  const scheme = schemes.get(schemeId);
  if (scheme === undefined) throw new Error(schemeId);
  const plan = planSheet(scheme, role);
  const a: Assessment = { scheme: schemeId, role, entries: {}, ...assessment };
  const wb = await loadExcel(await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, a))));
  const sheet = wb.getWorksheet(plan.sheetName) as ExcelJS.Worksheet;
  const rowOf = (clause: string) => plan.layout.items.find((i) => i.clause === clause)?.row ?? 0;
  return { wb, sheet, plan, rowOf };
}

const reload = async (wb: ExcelJS.Workbook) => openWorkbook(await xlsxBuffer(wb));

describe("the reader forgives what spreadsheets do to cells", () => {
  it("得分比例 as 0.95 (percent cell), 95 typed, a formula's cached value count; '95', '９５％', '0.95' and rich text stored as text count as the sheet's formulas count them (0), each SS108 at its cell", async () => {
    const { wb, sheet, rowOf } = await workbook("cct-sc03-12", "audit");
    sheet.getCell(`G${rowOf("5.1.1.1")}`).value = 0.95;
    sheet.getCell(`G${rowOf("5.1.1.2")}`).value = 95;
    sheet.getCell(`G${rowOf("5.1.2.1")}`).value = "95";
    sheet.getCell(`G${rowOf("5.1.2.2")}`).value = "９５％ ";
    sheet.getCell(`G${rowOf("5.1.3.1")}`).value = { formula: "0.5+0.45", result: 0.95 };
    sheet.getCell(`G${rowOf("5.1.3.2")}`).value = { richText: [{ text: "9" }, { text: "5%" }] };
    sheet.getCell(`G${rowOf("5.1.3.3")}`).value = "0.95";
    const { card } = scoreWorkbook(await reload(wb), schemes);
    const earned = (clause: string) => card.items.find((i) => i.clause === clause);
    for (const clause of ["5.1.1.1", "5.1.1.2", "5.1.3.1"]) {
      const item = earned(clause);
      expect([clause, item?.status, item?.earned]).toEqual([clause, "scored", expect.closeTo((item?.max ?? 0) * 0.95, 9)]);
    }
    // Text is never a number to Excel (ISNUMBER): the sheet's total leaves these out, and so does the engine.
    const text = ["5.1.2.1", "5.1.2.2", "5.1.3.2", "5.1.3.3"];
    expect(text.map((c) => [c, earned(c)?.status, earned(c)?.earned])).toEqual(text.map((c) => [c, "invalid", 0]));
    const ss108 = card.findings.filter((f) => f.code === "SS108");
    expect(ss108.map((f) => [f.location.clause, f.location.cell])).toEqual(text.map((c) => [c, `评分表!G${rowOf(c)}`]));
  });

  it("trailing spaces and rich text in the self form; a score typed as text (３分) is SS108 at its cell, counted as the sheet counts it", async () => {
    const { wb, sheet, rowOf } = await workbook("gbt27922-2011-self", "self");
    const r = rowOf("5.1.1.2");
    sheet.getCell(`E${r}`).value = "符合 ";
    sheet.getCell(`F${r}`).value = { richText: [{ text: "３" }, { text: "分" }] };
    // Each material on its own line (issue 22): a) 客户清单, b) 服务网点清单.
    sheet.getCell(`G${r}`).value = "客户清单 ";
    sheet.getCell(`G${r + 1}`).value = { richText: [{ text: "服务网点" }, { text: "清单" }] };
    const { card, assessment } = scoreWorkbook(await reload(wb), schemes);
    expect(card.items[1]).toMatchObject({ clause: "5.1.1.2", status: "invalid", earned: 0, conclusion: "conform" });
    expect(assessment.entries["5.1.1.2"]?.evidence).toEqual(["客户清单", "服务网点清单"]);
    expect(card.findings.filter((f) => f.location.clause === "5.1.1.2").map((f) => [f.code, f.location.cell, f.params])).toEqual([["SS108", `自评估表!F${r}`, { clause: "5.1.1.2", field: "score", text: "３分", as: "number" }]]);
  });

  it("survives merged cells, changed row heights and column widths, extra sheets, and a renamed sheet", async () => {
    const { wb, sheet, rowOf } = await workbook("maturity-jsgf-06", "audit");
    const r = rowOf("5.1.1.1");
    sheet.getCell(`G${r}`).value = 0.8;
    sheet.getCell(`H${r}`).value = "抽查 5 份记录";
    sheet.unMergeCells(`H${r}`);
    sheet.mergeCells(`H${r}:H${r + 1}`);
    sheet.getRow(r).height = 80;
    sheet.getColumn(4).width = 90;
    sheet.name = "评分表（修改）";
    wb.addWorksheet("我的笔记").getCell("A1").value = "草稿";
    const again = await reload(wb);
    const { card, sheet: laid, assessment } = scoreWorkbook(again, schemes);
    expect(laid.name).toBe("评分表（修改）");
    expect(card.items[0]).toMatchObject({ clause: "5.1.1.1", earned: 0.8 });
    expect(assessment.entries["5.1.1.1"]?.note).toBe("抽查 5 份记录");
  });

  it("locates each finding to its cell", async () => {
    const { wb, sheet, rowOf } = await workbook("cct-sc03-12", "audit");
    sheet.getCell(`G${rowOf("5.2.4.3")}`).value = "很好";
    const { card } = scoreWorkbook(await reload(wb), schemes);
    const f = card.findings.find((x) => x.code === "SS104");
    expect(f?.location).toEqual({ clause: "5.2.4.3", field: "percent", cell: `评分表!G${rowOf("5.2.4.3")}` });
    const missing = card.findings.filter((x) => x.code === "SS101");
    expect(missing.length).toBe(49); // 51 rows, one typed as text, one (5.1.1.3) worth 0 points
    expect(missing[0]?.location.cell).toBe(`评分表!G${rowOf("5.1.1.1")}`);
  });

  it("reports a saved total that disagrees with the entries (SS701) and never-computed totals as null", async () => {
    const { wb, sheet, plan } = await workbook("cct-sc03-12", "audit");
    expect(scoreWorkbook(await reload(wb), schemes).sheetTotal).toBeNull();
    const total = plan.layout.results.total as string;
    sheet.getCell(total).value = { formula: (sheet.getCell(total).formula as string), result: 99.5 };
    const { card, sheetTotal } = scoreWorkbook(await reload(wb), schemes);
    expect(sheetTotal).toBe(99.5);
    expect(card.findings.find((f) => f.code === "SS701")?.location.cell).toBe(`评分表!${total}`);
  });
});
