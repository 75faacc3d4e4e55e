import { folderEntry, isLockFile, isSubmission, namedLikeWorkbook, walkOrder } from "../../src/review/submissions";

describe("which entries of a folder handed in are submissions", () => {
  it("reads the workbooks Excel saves, in any case", () => {
    expect(["华东示例.xlsx", "audit.XLSX", "macros.xlsm", "a.b.Xlsm"].map(isSubmission)).toEqual([true, true, true, true]);
  });

  it("reads the other formats a spreadsheet is saved in, so that each gets its own reason and advice", () => {
    const names = ["old.xls", "OLD.XLS", "binary.xlsb", "wps.et", "wps.ett", "libre.ods", "flat.fods", "mac.numbers", "table.csv", "template.xltx"];
    expect(names.map(isSubmission)).toEqual(names.map(() => true));
  });

  it("skips the lock files of Excel, WPS and LibreOffice beside an open workbook", () => {
    expect([isLockFile("~$华东示例.xlsx"), isSubmission("~$华东示例.xlsx"), namedLikeWorkbook("~$华东示例.xlsx")]).toEqual([true, false, true]);
    expect([isLockFile(".~lock.华东示例.xlsx#"), isSubmission(".~lock.华东示例.xlsx#")]).toEqual([true, false]);
  });

  it("does not read other files, nor a name that only contains .xlsx", () => {
    expect(["notes.txt", "book.xlsx.pdf", "xlsx", "book.xlsx ", "photo.jpg"].map(isSubmission)).toEqual([false, false, false, false, false]);
  });
});

describe("every entry of a folder has a rule", () => {
  it("lists what is not read, saying what it is", () => {
    const listed = (name: string) => {
      const e = folderEntry(name);
      return e.action === "list" ? e.reason : e.action;
    };
    expect(listed("营业执照.pdf")).toMatch(/^PDF 文件.*未检查/);
    expect(listed("现场照片.JPG")).toMatch(/^图片.*未检查/);
    expect(listed("说明.docx")).toMatch(/^文字文档/);
    expect(listed("材料.zip")).toMatch(/^压缩包.*请解压/);
    expect(listed("~$评分表.xlsx")).toMatch(/锁定文件/);
    expect(listed("Thumbs.db")).toMatch(/^不是表格文件/);
    expect(listed("评分表.xlsx")).toBe("read");
  });

  it("walks into folders, but takes a folder named like a spreadsheet as the entry it claims to be", () => {
    expect([folderEntry("2026 年", true), folderEntry("x.xlsx", true)]).toEqual([{ action: "walk" }, { action: "read" }]);
    expect(folderEntry("表格.numbers", true)).toEqual({ action: "refuse", reason: expect.stringMatching(/Numbers.*导出为 Excel/) });
  });
});

describe("the folder walk's order, for the CLI and the page alike", () => {
  it("visits entries by UTF-16 code units, whatever the machine's locale", () => {
    expect(["b", "B", "华东", "10", "9", "a"].sort(walkOrder)).toEqual(["10", "9", "B", "a", "b", "华东"]);
  });
});
