import { fakeExcel, OfficeError, qualify } from "./excel";

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
      ws.getRange("A1:B1").setCellProperties([[{ format: { protection: { locked: true } } }, { format: { protection: { locked: false } } }]]);
      ws.protection.protect();
      ws.getRange("B1").values = [["ok"]];
      await context.sync();
      ws.getRange("A1").values = [["no"]];
      await expect(context.sync()).rejects.toThrow(/AccessDenied/);
    });
    expect(book.cell("表1", "B1")?.value).toBe("ok");
  });

  it("a batch over 5 MB fails as Excel on the web's payload limit", async () => {
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

  it("addresses are qualified as Excel writes them", () => {
    expect(qualify("评分表", "A1:I60")).toBe("评分表!A1:I60");
    expect(qualify("My sheet", "A1")).toBe("'My sheet'!A1");
    expect(qualify("O'Neil", "A1")).toBe("'O''Neil'!A1");
    expect(qualify("A1", "B2")).toBe("'A1'!B2");
  });
});
