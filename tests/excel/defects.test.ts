// The defects issue 12 found by reading the Office.js documentation against the adapter; each test failed on
// the stricter in-memory Excel before its fix.
import { loadSchemes } from "../../src/cli/schemeFiles";
import { addRadarChart, ProtectionRefusedError } from "../../src/excel/chart";
import { layOut, readLive, readWorkbookState, relayOut, watchWorkbook, writeSpecials, type SheetChange } from "../../src/excel/session";
import type { Scheme } from "../../src/scheme/load";
import { heldRun } from "../../src/taskpane/heldRun";
import { isDark } from "../../src/taskpane/theme";
import { fakeExcel, fakeRun } from "../fakes/excel";
import { generateAssessment } from "../support/generate";

const schemes = loadSchemes();
const maturity = schemes.get("maturity-jsgf-06") as Scheme;
const completeness = schemes.get("completeness-2025") as Scheme;
const labels = { subsection: "分项", share: "得分率", title: "各单项得分率" };
const tick = (ms = 5) => new Promise((go) => setTimeout(go, ms));

describe("1. text is written as text", () => {
  it("a reason starting with '-', a clause id like '1.1' and a kept note starting with '=' read back as typed", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const filled = generateAssessment(completeness, 3, { specials: false });
    const first = completeness.items[0]?.clause as string;
    filled.entries[first] = { ...filled.entries[first], note: "=未核实" };
    const { entry } = await layOut(run, completeness, "audit", filled);
    await writeSpecials(run, entry, [{ clause: "1.1", reason: "-未明示报修期限" }], null);
    const live = await readLive(run, completeness, entry);
    expect(live.assessment.deductions).toEqual([{ clause: "1.1", reason: "-未明示报修期限" }]);
    expect(live.assessment.entries[first]?.note).toBe("=未核实");
    // The clause column of the form itself holds the ids as text, not 1.1 the number.
    const row = entry.layout.items[0]?.row as number;
    expect(book.cell(entry.sheet, `${entry.layout.structureColumns.clause}${row}`)?.value).toBe(first);
    const again = await relayOut(run, completeness, entry);
    expect((await readLive(run, completeness, again.entry)).assessment.entries[first]?.note).toBe("=未核实");
  });
});

describe("2. the bonus is written as the number the sheet's formula reads", () => {
  it.each(["1分", "１", 1])("bonus %p lands as 1", async (points) => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry } = await layOut(run, completeness, "audit");
    await writeSpecials(run, entry, [], { points, reason: "行业领先" });
    expect(book.cell(entry.sheet, entry.layout.bonus?.points as string)?.value).toBe(1);
  });
});

describe("3. sheets are followed by id, with one workbook-level handler", () => {
  it("a renamed sheet is still read by its id; events carry the id of the sheet that changed and mark the add-in's own writes", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const a = await layOut(run, completeness, "audit");
    const b = await layOut(run, completeness, "self");
    await tick();
    const seen: SheetChange[] = [];
    const unwatch = await watchWorkbook(run, { onChange: (e) => seen.push(e) });
    await writeSpecials(run, a.entry, [{ reason: "x" }], null, a.id);
    await tick();
    await book.userTypes(b.sheet, "G8", 0.5);
    expect(seen.map((e) => [e.worksheetId, e.triggerSource])).toEqual([
      [a.id, "ThisLocalAddin"],
      [a.id, "ThisLocalAddin"],
      [a.id, "ThisLocalAddin"],
      [a.id, "ThisLocalAddin"],
      [b.id, "Unknown"],
    ]);
    book.userRenames(a.sheet, "我的评分表");
    const live = await readLive(run, completeness, a.entry, a.id);
    expect(live.sheet).toBe("我的评分表");
    expect(live.assessment.deductions).toEqual([{ reason: "x" }]);
    await unwatch();
    await book.userTypes(b.sheet, "G9", 0.5);
    expect(seen).toHaveLength(5);
    // The workbook lists its StarScore sheets with their ids, the renamed one under its id too.
    const state = await readWorkbookState(run);
    expect(state.laidOut.map((e) => e.id)).toEqual([null, b.id]);
  });

  it("a sheet deleted and laid out again under the same name gets a new id", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const first = await layOut(run, completeness, "audit");
    book.userDeletes(first.sheet);
    const second = await layOut(run, completeness, "audit");
    expect(second.sheet).toBe(first.sheet);
    expect(second.id).not.toBe(first.id);
  });
});

describe("5. a batch held by a cell in edit mode", () => {
  it("tells the pane after a while, and clears when the edit ends", async () => {
    jest.useFakeTimers();
    try {
      const book = fakeExcel();
      const states: boolean[] = [];
      const run = heldRun(fakeRun(book), (held) => states.push(held));
      book.startEdit();
      const layout = layOut(run, completeness, "audit");
      await jest.advanceTimersByTimeAsync(2000);
      expect(states).toEqual([true]);
      book.endEdit();
      await jest.advanceTimersByTimeAsync(10);
      await layout;
      expect(states).toEqual([true, false]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("6. theme", () => {
  it("falls back to the browser's colour scheme when Office gives no theme", () => {
    expect(isDark(undefined, true)).toBe(true);
    expect(isDark(undefined, false)).toBe(false);
    expect(isDark("#1f1f1f", false)).toBe(true);
    expect(isDark("#ffffff", true)).toBe(false);
  });
});

describe("7. no method on a possibly-null metadata sheet", () => {
  it("the very first layout, on a fresh workbook, and the second, which appends its metadata row", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    await layOut(run, completeness, "audit");
    await layOut(run, completeness, "self");
    expect((await readWorkbookState(run)).laidOut.map((e) => e.sheet)).toEqual(["评分表", "自评估表"]);
  });
});

describe("8. the radar chart and the user's protection", () => {
  it("keeps the user's protection options", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry, sheet } = await layOut(run, maturity, "audit", generateAssessment(maturity, 2, { specials: false }));
    const data = book.sheet(sheet) as { protectionOptions: object };
    data.protectionOptions = { allowFormatRows: true, allowSort: true, selectionMode: "Unlocked" };
    await addRadarChart(run, maturity, entry, labels, "zh");
    expect(book.sheet(sheet)?.protected).toBe(true);
    expect(book.sheet(sheet)?.protectionOptions).toEqual({ allowFormatRows: true, allowSort: true, selectionMode: "Unlocked" });
  });

  // The error-code table: BadPassword, "The password you supplied is incorrect."; OfficeDev/office-js#6784: Excel has
  // refused to unprotect sheets without a password (AccessDenied), which is not to be blamed on one.
  it.each([
    ["the user protected the sheet with a password", "BadPassword", true],
    ["Excel refused for another reason", "AccessDenied", false],
  ] as const)("fails with a clear error, changing nothing, when %s (%s; password blamed: %s)", async (_why, code, password) => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry, sheet } = await layOut(run, maturity, "audit", generateAssessment(maturity, 2, { specials: false }));
    if (password) (book.sheet(sheet) as { password: string | null }).password = "用户的密码";
    else [book.failing, book.failWith] = ["unprotect", code];
    const before = JSON.stringify(book.sheet(sheet));
    const error = await addRadarChart(run, maturity, entry, labels, "zh").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtectionRefusedError);
    expect([(error as ProtectionRefusedError).code, (error as ProtectionRefusedError).password]).toEqual([code, password]);
    expect(JSON.stringify(book.sheet(sheet))).toBe(before);
  });

  it("a sheet that is not protected is neither unprotected nor protected: the user's undo history stays", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry, sheet } = await layOut(run, maturity, "audit", generateAssessment(maturity, 2, { specials: false }));
    (book.sheet(sheet) as { protected: boolean }).protected = false;
    book.undoCleared.length = 0;
    await addRadarChart(run, maturity, entry, labels, "zh");
    expect(book.sheet(sheet)?.charts).toHaveLength(1);
    expect(book.undoCleared).toEqual([]);
  });

  it("a step failing after the protection was lifted puts the user's protection back before the error goes on", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry, sheet } = await layOut(run, maturity, "audit", generateAssessment(maturity, 2, { specials: false }));
    (book.sheet(sheet) as { protectionOptions: object }).protectionOptions = { allowSort: true };
    book.failing = "addChart";
    const error = await addRadarChart(run, maturity, entry, labels, "zh").catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ProtectionRefusedError);
    expect(String(error)).toMatch(/addChart failed/);
    expect([book.sheet(sheet)?.protected, book.sheet(sheet)?.protectionOptions]).toEqual([true, { allowSort: true }]);
  });
});

describe("9. deduction rows and merged areas", () => {
  it("each reason goes into the top-left cell of its row's merged area, nothing into the rest", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry, sheet } = await layOut(run, completeness, "audit");
    const d = entry.layout.deductions as NonNullable<typeof entry.layout.deductions>;
    expect(book.sheet(sheet)?.merges).toContain(`C${d.firstRow}:${entry.layout.lastColumn}${d.firstRow}`);
    await writeSpecials(run, entry, [{ clause: "1.1", reason: "原因一" }, { reason: "原因二" }], null);
    expect(book.cell(sheet, `C${d.firstRow + 1}`)?.value).toBe("原因二");
    expect(book.cell(sheet, `D${d.firstRow + 1}`)?.value ?? null).toBeNull();
  });
});
