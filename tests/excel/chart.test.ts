import { loadSchemes } from "../../src/cli/schemeFiles";
import { addRadarChart, RADAR_CHART_NAME } from "../../src/excel/chart";
import { layOut } from "../../src/excel/session";
import { buildReport } from "../../src/report/model";
import type { Scheme } from "../../src/scheme/load";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { fakeExcel, fakeRun, OfficeError } from "../fakes/excel";
import { generateAssessment } from "../support/generate";

const schemes = loadSchemes();
const maturity = schemes.get("maturity-jsgf-06") as Scheme;
const labels = { subsection: "分项", share: "得分率", title: "各单项得分率" };

describe("the native radar chart", () => {
  it("is added beside the sheet in 2 syncs, over a table of each subsection's earned ÷ applicable maximum", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const a = generateAssessment(maturity, 5, { naShare: 0.1, specials: false });
    const { entry, sheet } = await layOut(run, maturity, "audit", a);
    const form = JSON.stringify([...(book.sheet(sheet)?.cells ?? [])]);
    const syncs = book.syncCount;
    const result = await addRadarChart(run, maturity, entry, labels, "zh");
    expect(book.syncCount - syncs).toBe(2);
    const want = buildReport(maturity, a, scoreAssessment(maturity, a), "zh").radar;
    expect(want?.by).toBe("subsection");
    expect(result?.rows).toEqual(want?.axes.map((x) => ({ label: `${x.id} ${x.title}`, share: x.share })));

    const data = book.sheet(sheet);
    expect(data?.charts).toHaveLength(1);
    const chart = data?.charts[0];
    expect([chart?.type, chart?.source, chart?.seriesBy, chart?.name, chart?.title]).toEqual(["Radar", result?.table, "Auto", RADAR_CHART_NAME, "各单项得分率"]);
    // The table starts two columns right of the sheet's area, header first, shares as numbers formatted 0%.
    const [, col, n] = /^([A-Z]+)1:[A-Z]+([0-9]+)$/.exec(result?.table ?? "") ?? [];
    expect(Number(n)).toBe((want?.axes.length ?? 0) + 1);
    expect(book.cell(sheet, `${col}1`)?.value).toBe("分项");
    const shareCol = String.fromCharCode((col ?? "A").charCodeAt(0) + 1);
    want?.axes.forEach((x, i) => {
      const cell = book.cell(sheet, `${shareCol}${i + 2}`);
      expect(cell?.value).toBe(x.share);
      expect(cell?.numberFormat).toBe("0%");
    });
    expect(want?.axes.some((x) => x.share !== null && x.share > 0 && x.share < 1)).toBe(true);
    // Nothing of the form is overwritten, and the sheet is protected again.
    expect(data?.protected).toBe(true);
    const after = new Map(data?.cells);
    for (const [address, cell] of JSON.parse(form) as [string, unknown][]) expect(after.get(address)).toEqual(cell);
  });

  it("adding it again replaces the first (still 2 syncs); an unprotected sheet stays unprotected", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry, sheet } = await layOut(run, maturity, "audit", generateAssessment(maturity, 9, { fixedPercent: 90, naShare: 0 }));
    await addRadarChart(run, maturity, entry, labels, "zh");
    (book.sheet(sheet) as { protected: boolean }).protected = false;
    const syncs = book.syncCount;
    const again = await addRadarChart(run, maturity, entry, labels, "en");
    expect(book.syncCount - syncs).toBe(2);
    expect(book.sheet(sheet)?.charts).toHaveLength(1);
    expect(book.sheet(sheet)?.protected).toBe(false);
    expect(again?.rows.every((r) => r.share !== null && Math.abs(r.share - 0.9) < 1e-9)).toBe(true);
  });

  it("is not offered for a checklist: nothing is written", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const checklist = schemes.get("service-characteristics") as Scheme;
    const { entry } = await layOut(run, checklist, "checklist");
    const syncs = book.syncCount;
    expect(await addRadarChart(run, checklist, entry, labels, "zh")).toBeNull();
    expect(book.syncCount).toBe(syncs);
  });
});

describe("the fake's charts are strict", () => {
  it("an unknown type, a one-column source or a source on another sheet fail at sync", async () => {
    for (const [type, address, other] of [
      ["Radr", "A1:B3", false],
      ["Radar", "A1:A3", false],
      ["Radar", "A1:B3", true],
    ] as const) {
      const book = fakeExcel();
      book.addSheet("表1");
      book.addSheet("表2");
      await expect(
        book.run(async (context) => {
          const source = context.workbook.worksheets.getItem(other ? "表2" : "表1").getRange(address);
          context.workbook.worksheets.getItem("表1").charts.add(type, source, "Auto");
          await context.sync();
        }),
      ).rejects.toThrow(OfficeError);
      expect(book.sheet("表1")?.charts).toEqual([]);
    }
  });
});
