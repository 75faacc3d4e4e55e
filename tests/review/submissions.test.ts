import { isLockFile, isSubmission, namedLikeWorkbook, walkOrder, walkStep } from "../../src/review/submissions";

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

describe("the folder walk's step for an entry, for the CLI and the page alike", () => {
  it("walks into a folder, checks a submission, passes anything else by", () => {
    expect([walkStep("华东", true), walkStep("a.xlsx", false), walkStep("~$a.xlsx", false), walkStep("notes.txt", false)]).toEqual(["walk", "check", "skip", "skip"]);
  });

  it("does not walk into a folder named like a workbook: it is a submission that cannot be opened", () => {
    expect([walkStep("submitted.xlsx", true), walkStep("~$lock.xlsx", true)]).toEqual(["check", "skip"]);
  });

  it("visits entries by UTF-16 code units, whatever the machine's locale", () => {
    expect(["b", "B", "华东", "10", "9", "a"].sort(walkOrder)).toEqual(["10", "9", "B", "a", "b", "华东"]);
  });
});
