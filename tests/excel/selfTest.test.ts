import { loadSchemes } from "../../src/cli/schemeFiles";
import { runSelfTest, SCRATCH_SHEET, STEPS } from "../../src/excel/selfTest";
import type { Scheme } from "../../src/scheme/load";
import { fakeExcel, fakeRun, type FakeWorkbook } from "../fakes/excel";
import { calculateWithLibreOffice } from "../support/calculate";

const completeness = loadSchemes().get("completeness-2025") as Scheme;

/** A workbook with the user's own sheet, including one named like the scratch sheet. */
function usersBook(): FakeWorkbook {
  const book = fakeExcel();
  book.addSheet("我的数据").cells.set("A1", { value: "用户的数据", formula: null, numberFormat: "General", props: null });
  book.addSheet(SCRATCH_SHEET);
  return book;
}

describe("the self-test", () => {
  it("passes every step on the in-memory Excel (totals computed by LibreOffice), in 16 syncs, and leaves the workbook as it was", async () => {
    const book = usersBook();
    book.calculator = calculateWithLibreOffice;
    const before = JSON.stringify(book.sheets);
    const results = await runSelfTest(fakeRun(book), completeness);
    expect(results.map((r) => [r.step, r.status, r.detail])).toEqual(STEPS.map((s) => [s, "passed", null]));
    expect(book.syncCount).toBe(16);
    expect(JSON.stringify(book.sheets)).toBe(before);
  }, 120_000);

  it("reports a step Excel refuses with Excel's error, skips the rest, and still removes its sheet", async () => {
    const book = usersBook();
    book.failing = "addChart";
    const before = JSON.stringify(book.sheets);
    const results = await runSelfTest(fakeRun(book), completeness);
    const chart = results.find((r) => r.step === "chart");
    expect(chart?.status).toBe("failed");
    expect(chart?.detail).toMatch(/addChart failed/);
    expect(results.filter((r) => r.status === "skipped").map((r) => r.step)).toEqual(["chartRemoved", "protection", "excelTotal"]);
    expect(results.find((r) => r.step === "cleanup")?.status).toBe("passed");
    expect(JSON.stringify(book.sheets)).toBe(before);
  });
});
