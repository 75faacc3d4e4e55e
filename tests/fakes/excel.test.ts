import { fakeExcel, formulaRefs, OfficeError, qualify, type ChangeEvent, type FakeWorksheet, type SelectionEvent } from "./excel";

describe("the in-memory Excel keeps Office.js's semantics", () => {
  it("a property is readable only after load and sync", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("表1").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([["", ""], ["", ""]]);
    });
  });

  it("writes are queued and applied at sync, which is counted", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("表1").getRange("A1:B1").values = [[1, "x"]];
      expect(book.cell("表1", "A1")).toBeUndefined();
      await context.sync();
      expect(book.cell("表1", "A1")?.value).toBe(1);
    });
    expect(book.syncCount).toBe(1);
  });

  it("a write of the wrong shape fails at sync, as Excel's InvalidArgument", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("表1").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
  });

  it("sheet names are unique case-insensitively; getItem of a missing sheet fails at sync; getItemOrNullObject does not", async () => {
    const book = fakeExcel();
    book.addSheet("Sheet1");
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.add("SHEET1");
        await context.sync();
      }),
    ).rejects.toThrow(/ItemAlreadyExists/);
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("nope").getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
    await book.run(async (context) => {
      const maybe = context.workbook.worksheets.getItemOrNullObject("nope");
      expect(() => maybe.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
    });
  });

  it("a locked cell of a protected sheet refuses writes; an unlocked one takes them", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    await book.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      (ws.getRange("B1").format as unknown as Excel.RangeFormat).protection.locked = false;
      ws.protection.protect();
      ws.getRange("B1").values = [["ok"]];
      await context.sync();
      ws.getRange("A1").values = [["no"]];
      await expect(context.sync()).rejects.toThrow(/AccessDenied/);
    });
    expect(book.cell("表1", "B1")?.value).toBe("ok");
  });

  it("a request over 5 MB fails as Excel on the web's payload limit", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    const big = Array.from({ length: 3000 }, () => Array.from({ length: 10 }, () => "汉".repeat(100)));
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("表1").getRange("A1:J3000").values = big;
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(OfficeError);
  });

  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins:
  // "a payload size limit for requests and responses of 5MB".
  it("a response over 5 MB fails too, and both sizes are measured", async () => {
    const book = fakeExcel();
    const sheet = book.addSheet("表1");
    for (let r = 1; r <= 3000; r++) for (const c of "ABCDEFGHIJ") sheet.cells.set(`${c}${r}`, { value: "汉".repeat(100), formula: null, numberFormat: "General", format: null });
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("表1").getRange("A1:J3000").load("values");
        await context.sync();
      }),
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    expect(book.largestResponse).toBeGreaterThan(5 * 1024 * 1024);
    expect(book.largestRequest).toBeLessThan(1000);
  });

  it("formats are set per range, one property at a time, and land on every cell of the range", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    await book.run(async (context) => {
      const f = context.workbook.worksheets.getItem("表1").getRange("A1:B2").format as unknown as Excel.RangeFormat;
      f.font.bold = true;
      f.fill.color = "#F2F2F2";
      f.borders.getItem("EdgeTop").style = "Continuous";
      expect(() => f.font.bold).toThrow(/PropertyNotLoaded/);
      await context.sync();
    });
    expect(book.cell("表1", "B2")?.format).toEqual({ "font.bold": true, "fill.color": "#F2F2F2", "borders.EdgeTop.style": "Continuous" });
    expect(book.cell("表1", "C1")).toBeUndefined();
  });

  it("a formula's references to its own sheet, for what a change leaves to calculate", () => {
    expect(formulaRefs('=IF(OR(TRIM(E8)="不适用",F8>=0),0,$H$8)')).toEqual([[8, 5, 8, 5], [8, 6, 8, 6], [8, 8, 8, 8]]);
    expect(formulaRefs("=SUM(J8:J27)+LOG10(A1)")).toEqual([[8, 10, 27, 10], [1, 1, 1, 1]]);
    expect(formulaRefs("=表2!A1+'My sheet'!B2:C3+\"F3\"")).toEqual([]);
  });

  it("addresses are qualified as Excel writes them", () => {
    expect(qualify("评分表", "A1:I60")).toBe("评分表!A1:I60");
    expect(qualify("My sheet", "A1")).toBe("'My sheet'!A1");
    expect(qualify("O'Neil", "A1")).toBe("'O''Neil'!A1");
    expect(qualify("A1", "B2")).toBe("'A1'!B2");
  });
});

/** Stricter rules, each as its source documents it (the comment in excel.ts quotes the page). */
describe("the in-memory Excel is as strict as the documented Excel", () => {
  const write = async (text: string, via: "values" | "formulas") => {
    const book = fakeExcel();
    book.addSheet("表1");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("表1").getRange("A1")[via] = [[text]];
      await context.sync();
    });
    return book.cell("表1", "A1");
  };

  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member: "If the returned
  // value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula."
  it.each(["values", "formulas"] as const)("text written through %s is parsed as if typed; a leading apostrophe keeps it text", async (via) => {
    expect(await write("-未明示报修期限", via)).toMatchObject({ formula: "=-未明示报修期限", value: null });
    expect(await write("=1+1", via)).toMatchObject({ formula: "=1+1" });
    expect(await write("1.1", via)).toMatchObject({ value: 1.1, formula: null });
    expect(await write("95%", via)).toMatchObject({ value: 0.95 });
    expect(await write("2025-01-02", via)).toMatchObject({ value: 45659 });
    expect(await write("'1.1", via)).toMatchObject({ value: "1.1", formula: null });
    expect(await write("'-未明示报修期限", via)).toMatchObject({ value: "-未明示报修期限", formula: null });
    expect(await write("维修记录缺失", via)).toMatchObject({ value: "维修记录缺失", formula: null });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection: protect() "Fails if the worksheet
  // has already been protected."; OfficeDev/office-js#6784: with AccessDenied, and unprotect() of an unprotected sheet
  // too; the error-code table: BadPassword, "The password you supplied is incorrect."
  it("protect() on a protected sheet and unprotect() on an unprotected one fail with AccessDenied; a wrong password with BadPassword", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    await book.run(async (context) => {
      const p = context.workbook.worksheets.getItem("表1").protection;
      p.unprotect();
      await expect(context.sync()).rejects.toThrow(/^AccessDenied: the worksheet is not protected/);
      p.protect({ allowFormatRows: true }, "secret");
      await context.sync();
      p.protect();
      await expect(context.sync()).rejects.toThrow(/^AccessDenied: the worksheet is already protected/);
      p.unprotect();
      await expect(context.sync()).rejects.toThrow(/^BadPassword/);
      p.unprotect("wrong");
      await expect(context.sync()).rejects.toThrow(/^BadPassword/);
      p.load("protected,options");
      await context.sync();
      expect([p.protected, p.options]).toEqual([true, { allowFormatRows: true }]);
      p.unprotect("secret");
      await context.sync();
    });
    expect(book.sheet("表1")?.protected).toBe(false);
  });

  // Excel's "Protect a worksheet": formatting cells, columns, rows and editing objects are locked unless allowed.
  it("format and structure changes on a protected sheet fail unless its options allow them", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    const attempt = (change: (ws: Excel.Worksheet) => void) =>
      book.run(async (context) => {
        change(context.workbook.worksheets.getItem("表1") as unknown as Excel.Worksheet);
        await context.sync();
      });
    await attempt((ws) => ws.protection.protect({ allowFormatColumns: true }));
    await expect(attempt((ws) => (ws.getRange("A1").numberFormat = [["0%"]]))).rejects.toThrow(/AccessDenied/);
    await expect(attempt((ws) => ws.getRange("A1:B1").merge(false))).rejects.toThrow(/AccessDenied/);
    await expect(attempt((ws) => ws.charts.add("Radar", ws.getRange("A1:B3"), "Auto"))).rejects.toThrow(/AccessDenied/);
    await expect(attempt((ws) => ws.getRange("A1:B1").setRowProperties([{ format: { rowHeight: 20 } }]))).rejects.toThrow(/AccessDenied/);
    await attempt((ws) => ws.getRange("A1:B1").setColumnProperties([{ format: { columnWidth: 20 } }, {}]));
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities, "Unsupported APIs".
  it("records what clears the undo history: protect, unprotect, delete; visibility on desktop only", async () => {
    for (const platform of ["desktop", "web"] as const) {
      const book = fakeExcel();
      book.platform = platform;
      book.addSheet("表1");
      book.addSheet("表2");
      await book.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("表1");
        ws.getRange("A1").values = [["可撤销"]];
        ws.protection.protect();
        ws.protection.unprotect();
        ws.visibility = "Hidden";
        context.workbook.worksheets.getItem("表2").delete();
        await context.sync();
      });
      const visibility = platform === "desktop" ? ["Worksheet.visibility"] : [];
      expect(book.undoCleared).toEqual(["WorksheetProtection.protect", "WorksheetProtection.unprotect", ...visibility, "Worksheet.delete"]);
    }
  });

  it("a text longer than a cell holds (32,767 characters) is refused", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("表1").getRange("A1:B1").values = [["x".repeat(32_767), "y".repeat(32_768)]];
        await context.sync();
      }),
    ).rejects.toThrow(/at most 32767 characters/);
  });

  // OfficeDev/office-js#1860: "horizontalFitToPages does not set if Page Layout tab is not selected"; a scale does.
  it("a fit-to-pages print zoom is not applied; a scale is", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    const zoom = (value: object) =>
      book.run(async (context) => {
        (context.workbook.worksheets.getItem("表1").pageLayout as unknown as { zoom: object }).zoom = value;
        await context.sync();
      });
    await zoom({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(book.sheet("表1")?.pageLayout.zoom).toBeUndefined();
    await zoom({ scale: 71 });
    expect(book.sheet("表1")?.pageLayout.zoom).toEqual({ scale: 71 });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection (ExcelApi 1.9): add(pageBreakRange)
  // "Adds a page break before the top-left cell of the range specified", a Range or an address. The rest is the fake's
  // choice: no break above row 1, none twice above one row, none from another sheet's range, none on a protected sheet.
  it("a horizontal page break goes before the range's top-left cell; the fake refuses what the page leaves open", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    book.addSheet("表2");
    const add = (range: (s: FakeWorksheet, other: FakeWorksheet) => Parameters<FakeWorksheet["horizontalPageBreaks"]["add"]>[0]) =>
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("表1");
        sheet.horizontalPageBreaks.add(range(sheet, context.workbook.worksheets.getItem("表2")));
        await context.sync();
      });
    await add(() => "A40");
    await add((s) => s.getRange("C60:F70"));
    expect(book.sheet("表1")?.pageStarts).toEqual([40, 60]);
    await expect(add(() => "A1")).rejects.toThrow(/InvalidArgument: no page break above row 1/);
    await expect(add(() => "B40")).rejects.toThrow(/InvalidArgument: a page break above row 40 exists/);
    await expect(add(() => "表1!A50")).rejects.toThrow(/InvalidArgument: bad address/);
    await expect(add((_s, other) => other.getRange("A50"))).rejects.toThrow(/InvalidArgument: the page break's range is on another sheet/);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("表1").protection.protect();
      await context.sync();
    });
    await expect(add(() => "A50")).rejects.toThrow(/AccessDenied: adding a page break on a protected sheet/);
    expect(book.sheet("表1")?.pageStarts).toEqual([40, 60]);
  });

  // OfficeDev/office-js#4066 and #3888: on the web a dropdown pick raises no onChanged; ExcelApi 1.8 onCalculated
  // ("Occurs when any worksheet in the workbook is calculated") follows the recalculation on every platform.
  it("a dropdown pick raises onChanged on desktop only; onCalculated on both where a formula reads the cell, on neither where none does", async () => {
    for (const platform of ["desktop", "web"] as const) {
      const book = fakeExcel();
      book.platform = platform;
      const sheet = book.addSheet("表1");
      sheet.validations.push({ range: "A1:A9", rule: { list: { inCellDropDown: true, source: "符合,不符合,不适用" } }, prompt: null, errorAlert: null });
      // A header dropdown no formula reads (the text "D1" inside the formula's string is no reference).
      sheet.validations.push({ range: "D1", rule: { list: { inCellDropDown: true, source: "一星,二星" } }, prompt: null, errorAlert: null });
      sheet.cells.set("B1", { value: null, formula: '=COUNTIF(A1:A9,"符合")&"D1"', numberFormat: "General", format: null });
      const seen: string[] = [];
      await book.run(async (context) => {
        context.workbook.worksheets.onChanged.add((e) => seen.push(`changed ${e.address}`));
        context.workbook.worksheets.onCalculated.add((e) => seen.push(`calculated ${e.worksheetId === sheet.id}`));
        await context.sync();
      });
      await book.userPicks("表1", "A2", "符合");
      expect(book.cell("表1", "A2")?.value).toBe("符合");
      expect(seen).toEqual(platform === "desktop" ? ["changed A2", "calculated true"] : ["calculated true"]);
      seen.length = 0;
      await book.userPicks("表1", "D1", "二星");
      expect(seen).toEqual(platform === "desktop" ? ["changed D1"] : []);
      await expect(book.userPicks("表1", "A3", "也许")).rejects.toThrow(/not in the dropdown/);
      await expect(book.userPicks("表1", "C3", "符合")).rejects.toThrow(/no in-cell dropdown/);
    }
  });

  it("onCalculated follows the add-in's own writes too, once per sheet where a formula reads what changed, after onChanged", async () => {
    const book = fakeExcel();
    const withFormulas = book.addSheet("表1");
    withFormulas.cells.set("B1", { value: null, formula: "=A1*2", numberFormat: "General", format: null });
    book.addSheet("表2");
    const seen: string[] = [];
    await book.run(async (context) => {
      context.workbook.worksheets.onChanged.add((e) => seen.push(`changed ${e.address}`));
      context.workbook.worksheets.onCalculated.add((e) => seen.push(`calculated ${e.worksheetId}`));
      await context.sync();
      context.workbook.worksheets.getItem("表1").getRange("A1").values = [[1]];
      context.workbook.worksheets.getItem("表1").getRange("A2").values = [[2]];
      context.workbook.worksheets.getItem("表2").getRange("A1").values = [[3]];
      await context.sync();
      // Only cells no formula reads: nothing to calculate.
      context.workbook.worksheets.getItem("表1").getRange("A2:C2").values = [[4, 5, 6]];
      await context.sync();
      // A formula written: it is calculated.
      context.workbook.worksheets.getItem("表2").getRange("B1").formulas = [["=A1+1"]];
      await context.sync();
    });
    await new Promise((go) => setTimeout(go, 5));
    expect(seen).toEqual(["changed A1", "changed A2", "changed A1", `calculated ${withFormulas.id}`, "changed A2:C2", "changed B1", `calculated ${book.sheet("表2")?.id}`]);
  });

  // OfficeDev/office-js#4691: on the web, select() of the cell already selected raises no onSelectionChanged.
  it("select() of the cell already selected raises onSelectionChanged on desktop, not on the web", async () => {
    for (const platform of ["desktop", "web"] as const) {
      const book = fakeExcel();
      book.platform = platform;
      book.addSheet("表1");
      const seen: string[] = [];
      await book.run(async (context) => {
        context.workbook.worksheets.onSelectionChanged.add((e) => seen.push(e.address));
        await context.sync();
      });
      await book.userSelects("表1", "C5");
      for (const address of ["C5", "D6"]) {
        await book.run(async (context) => {
          context.workbook.worksheets.getItem("表1").getRange(address).select();
          await context.sync();
        });
        await new Promise((go) => setTimeout(go, 5));
      }
      expect(seen).toEqual(platform === "desktop" ? ["C5", "C5", "D6"] : ["C5", "D6"]);
    }
  });

  it("silent faults report success and do nothing: protect, delete, adding a chart; an apostrophe kept in a value", async () => {
    const book = fakeExcel();
    book.silent = { protect: true, deleteSheet: true, addChart: true, apostrophe: true };
    book.addSheet("表1");
    await book.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      ws.getRange("A1:B3").values = [["'=备注", 1], ["a", 2], ["b", 3]];
      ws.getRange("C1").formulas = [["'=公式"]];
      ws.charts.add("Radar", ws.getRange("A1:B3"), "Auto");
      ws.protection.protect();
      ws.delete();
      await context.sync();
    });
    const sheet = book.sheet("表1");
    expect([sheet?.protected, sheet?.charts.length, book.cell("表1", "A1")?.value, book.cell("表1", "C1")?.value]).toEqual([false, 0, "'=备注", "=公式"]);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs: worksheetId; triggerSource
  // "identifies whether this local add-in triggers the event" — so the add-in's own writes raise onChanged too.
  it("onChanged fires for the add-in's own writes (ThisLocalAddin) and the user's (Unknown), by worksheet id; remove() stops it", async () => {
    const book = fakeExcel();
    const sheet = book.addSheet("表1");
    const seen: ChangeEvent[] = [];
    const registration = await book.run(async (context) => {
      const r = context.workbook.worksheets.onChanged.add((e) => seen.push(e));
      context.workbook.worksheets.getItem("表1").getRange("A1").values = [["x"]];
      await context.sync();
      return r;
    });
    await new Promise((go) => setTimeout(go, 5));
    await book.userTypes("表1", "B2", 1);
    expect(seen.map((e) => [e.worksheetId, e.address, e.triggerSource])).toEqual([
      [sheet.id, "A1", "ThisLocalAddin"],
      [sheet.id, "B2", "Unknown"],
    ]);
    registration.remove();
    await registration.context.sync();
    await book.userTypes("表1", "B3", 1);
    expect(seen).toHaveLength(2);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetselectionchangedeventargs: address (without the
  // sheet's name), worksheetId, type; https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events:
  // onSelectionChanged "when the active cell or selected range is changed", by the user or by add-in code.
  it("onSelectionChanged fires, sheet-level and workbook-level, for the user's selection and the add-in's select() after its sync; remove() stops it", async () => {
    const book = fakeExcel();
    const one = book.addSheet("表1");
    const two = book.addSheet("表2");
    const seen: [string, SelectionEvent][] = [];
    const registrations = await book.run(async (context) => {
      const r = [
        context.workbook.worksheets.onSelectionChanged.add((e) => seen.push(["book", e])),
        context.workbook.worksheets.getItem("表1").onSelectionChanged.add((e) => seen.push(["表1", e])),
      ];
      expect(seen).toEqual([]);
      await context.sync();
      return r;
    });
    await book.userSelects("表1", "C5");
    await book.userSelects("表2", "B2:D3");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("表1").getRange("E7").select();
      await context.sync();
      // Raised after the batch, not inside it.
      expect(seen).toHaveLength(3);
    });
    await new Promise((go) => setTimeout(go, 5));
    expect(seen).toEqual([
      ["表1", { address: "C5", worksheetId: one.id, type: "WorksheetSelectionChanged" }],
      ["book", { address: "C5", worksheetId: one.id, type: "WorksheetSelectionChanged" }],
      ["book", { address: "B2:D3", worksheetId: two.id, type: "WorksheetSelectionChanged" }],
      ["表1", { address: "E7", worksheetId: one.id, type: "WorksheetSelectionChanged" }],
      ["book", { address: "E7", worksheetId: one.id, type: "WorksheetSelectionChanged" }],
    ]);
    for (const r of registrations) r.remove();
    expect(seen).toHaveLength(5);
    await registrations[0]?.context.sync();
    await book.userSelects("表1", "A1");
    expect(seen).toHaveLength(5);
  });

  it("a sheet renamed under the pane keeps its id (getItem takes a name or an id); a deleted one is gone", async () => {
    const book = fakeExcel();
    const { id } = book.addSheet("评分表");
    book.userRenames("评分表", "我的表");
    const name = await book.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(id).load("name");
      await context.sync();
      return ws.name;
    });
    expect(name).toBe("我的表");
    book.userDeletes("我的表");
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem(id).getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
  });

  // Undocumented: https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
  // says only to test isNullObject after a sync; the fake refuses a method called on a null object.
  it("a method on a null object fails at sync", async () => {
    const book = fakeExcel();
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject("没有").getUsedRangeOrNullObject(true).load("values");
        await context.sync();
      }),
    ).rejects.toThrow(/null object/);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.runoptions (delayForCellEdit); office-js#806: clicking the
  // pane does not end the edit.
  it("a cell in edit mode holds a batch run with delayForCellEdit until the edit ends, and fails one without", async () => {
    const book = fakeExcel();
    book.addSheet("表1");
    book.startEdit();
    const batch = (context: { sync: () => Promise<void>; workbook: { worksheets: { getItem: (n: string) => { getRange: (a: string) => { values: unknown } } } } }) => {
      context.workbook.worksheets.getItem("表1").getRange("A1").values = [[1]];
      return context.sync();
    };
    await expect(book.run(batch)).rejects.toThrow(/InvalidOperationInCellEditMode/);
    let done = false;
    const held = book.run({ delayForCellEdit: true }, batch).then(() => (done = true));
    await new Promise((go) => setTimeout(go, 20));
    expect(done).toBe(false);
    book.endEdit();
    await held;
    expect(book.cell("表1", "A1")?.value).toBe(1);
  });

  // Excel support, "Merge and unmerge cells": only the upper-left cell's contents are kept.
  it("a value written into a merged area anywhere but its top-left cell fails", async () => {
    const book = fakeExcel();
    book.addSheet("表1").merges.push("C5:F5");
    const put = (address: string, values: unknown[][]) =>
      book.run(async (context) => {
        context.workbook.worksheets.getItem("表1").getRange(address).values = values;
        await context.sync();
      });
    await put("C5", [["原因"]]);
    await expect(put("D5", [["x"]])).rejects.toThrow(/merged area/);
  });
});
