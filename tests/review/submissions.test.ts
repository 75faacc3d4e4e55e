import { isLockFile, isSubmission, namedLikeWorkbook } from "../../src/review/submissions";

describe("which entries of a folder handed in are submissions", () => {
  it("takes the workbooks Excel saves, in any case", () => {
    expect(["华东示例.xlsx", "audit.XLSX", "macros.xlsm", "a.b.Xlsm"].map(isSubmission)).toEqual([true, true, true, true]);
  });

  it("skips Excel's lock file beside an open workbook", () => {
    expect([isLockFile("~$华东示例.xlsx"), isSubmission("~$华东示例.xlsx"), namedLikeWorkbook("~$华东示例.xlsx")]).toEqual([true, false, true]);
  });

  it("does not take other files, nor a name that only contains .xlsx", () => {
    expect(["notes.txt", "old.xls", "book.xlsx.pdf", "book.xlsb", "xlsx", "book.xlsx "].map(isSubmission)).toEqual([false, false, false, false, false, false]);
  });
});
