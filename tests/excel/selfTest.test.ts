import { loadSchemes } from "../../src/cli/schemeFiles";
import { runSelfTest, SCRATCH_SHEET, STEPS, type StepId, type StepResult } from "../../src/excel/selfTest";
import type { Scheme } from "../../src/scheme/load";
import { fakeExcel, fakeRun, type FakeWorkbook, type SilentFaults } from "../fakes/excel";
import { calculateWithLibreOffice } from "../support/calculate";

const schemes = loadSchemes();
const completeness = schemes.get("completeness-2025") as Scheme;

/** A workbook with the user's own sheets, one named like the scratch sheet, the second one shown. */
function usersBook(): FakeWorkbook {
  const book = fakeExcel();
  book.addSheet("我的数据").cells.set("A1", { value: "用户的数据", formula: null, numberFormat: "General", format: null });
  book.addSheet(SCRATCH_SHEET);
  book.active = SCRATCH_SHEET;
  return book;
}

/**
 * Excel's own computation, by LibreOffice, from the step before the one that compares Excel's total with the
 * engine's (a few seconds a call; the steps before read no computed value). Pass as runSelfTest's onStep.
 */
const calculateFromProtection = (book: FakeWorkbook) => (results: StepResult[]) => {
  if (results.at(-1)?.step === "protection") book.calculator = calculateWithLibreOffice;
};

/** A dialog that opens, shows and closes, as the pane's probe does where Office has the dialog API. */
const dialogShown = async () => undefined;

const statuses = (results: readonly StepResult[]) => results.map((r) => [r.step, r.status]);

describe("the self-test", () => {
  it("passes every step on the in-memory Excel (totals computed by LibreOffice), and leaves the workbook as it was, the user's sheet shown", async () => {
    const book = usersBook();
    const before = JSON.stringify(book.sheets);
    const results = await runSelfTest(fakeRun(book), completeness, calculateFromProtection(book), dialogShown);
    expect(results.map((r) => [r.step, r.status, r.detail])).toEqual(STEPS.map((s) => [s, "passed", null]));
    expect(JSON.stringify(book.sheets)).toBe(before);
    expect(book.active).toBe(SCRATCH_SHEET);
  }, 120_000);

  it("takes as many syncs for the largest scheme as for the smallest", async () => {
    const counts: number[] = [];
    for (const scheme of [completeness, schemes.get("maturity-jsgf-06") as Scheme]) {
      const book = usersBook();
      await runSelfTest(fakeRun(book), scheme, undefined, dialogShown);
      counts.push(book.syncCount);
    }
    expect(counts[0]).toBe(counts[1]);
  }, 60_000);

  it("on Excel on the web too: the dropdown step is caught by the calculation event", async () => {
    const book = usersBook();
    book.platform = "web";
    const results = await runSelfTest(fakeRun(book), completeness, undefined, dialogShown);
    // Without a calculator Excel's own total cannot be computed here: only that step fails.
    expect(results.filter((r) => r.status !== "passed").map((r) => r.step)).toEqual(["excelTotal", "dialog"]);
    expect(results.find((r) => r.step === "dropdown")?.status).toBe("passed");
  }, 60_000);

  it("without the dialog API the dialog step is skipped, saying why", async () => {
    const book = usersBook();
    const results = await runSelfTest(fakeRun(book), completeness, calculateFromProtection(book));
    expect(results.find((r) => r.step === "dialog")).toEqual({ step: "dialog", status: "skipped", detail: "DialogApi 1.2" });
    expect(results.find((r) => r.step === "cleanup")?.status).toBe("passed");
  }, 120_000);

  it("reports a step Excel refuses with Excel's error, skips the rest, and still removes its sheets", async () => {
    const book = usersBook();
    book.failing = "addChart";
    const before = JSON.stringify(book.sheets);
    const results = await runSelfTest(fakeRun(book), completeness, undefined, dialogShown);
    const chart = results.find((r) => r.step === "chart");
    expect(chart?.status).toBe("failed");
    expect(chart?.detail).toMatch(/addChart failed/);
    expect(results.filter((r) => r.status === "skipped").map((r) => r.step)).toEqual(["chartRemoved", "protection", "excelTotal", "dialog"]);
    expect(results.find((r) => r.step === "cleanup")?.status).toBe("passed");
    expect(JSON.stringify(book.sheets)).toBe(before);
  });

  // Excel accepting a call and not doing it: each step reads its outcome back, so each fault fails its own step.
  it.each<[keyof SilentFaults, StepId, RegExp]>([
    ["protect", "layout", /the sheet is not protected/],
    ["apostrophe", "entries", /read back as "'/],
    ["addChart", "chart", /no chart named StarScore_radar/],
    ["deleteSheet", "cleanup", /left: StarScore_自检 \(2\), StarScore_自检 \(3\), StarScore_自检 \(4\)/],
  ])("a silent fault (%s does nothing) fails the %s step", async (fault, step, detail) => {
    const book = usersBook();
    book.silent = { [fault]: true };
    const results = await runSelfTest(fakeRun(book), completeness, calculateFromProtection(book), dialogShown);
    const failed = results.filter((r) => r.status === "failed");
    expect(failed.map((r) => r.step)).toEqual([step]);
    expect(failed[0]?.detail).toMatch(detail);
    const at = STEPS.indexOf(step);
    expect(statuses(results)).toEqual(STEPS.map((s, i) => [s, i < at ? "passed" : i === at ? "failed" : s === "cleanup" ? "passed" : "skipped"]));
    if (step === "cleanup") expect(results.at(-1)?.left).toEqual(["StarScore_自检 (2)", "StarScore_自检 (3)", "StarScore_自检 (4)"]);
  }, 120_000);
});
