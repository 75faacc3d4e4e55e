import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileCheck } from "../../src/review/verdict";
import { run } from "../support/cli";
import { libreOfficeResaves, type Resaves } from "../support/resaves";
import { zip } from "../support/zip";

/**
 * Every file accounted for (issue 19, finding 4): a folder as an applicant hands it in — the workbook, the same
 * workbook saved by LibreOffice as .ods and .xls (and in WPS's .et, which keeps the .xls container), a CSV, evidence
 * PDFs and pictures — is listed file by file, each spreadsheet that cannot be checked with its own reason and
 * advice, and the summary's counts add up to the files in the folder. score, export, report and compare recognise
 * a file by its content and give the same reasons (exit 2), never a JSON parse error.
 */
let dir = "";
let folder = "";
let lo: Resaves;
let check = { code: -1, out: "", err: "" };
let results: FileCheck[] = [];

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "starscore-every-file-"));
  lo = await libreOfficeResaves(path.join(dir, "lo"));
  folder = path.join(dir, "submitted");
  mkdirSync(path.join(folder, "证明材料"), { recursive: true });
  const put = (name: string, data: Buffer | string) => writeFileSync(path.join(folder, name), data);
  copyFileSync(lo.honest, path.join(folder, "评分表.xlsx"));
  copyFileSync(lo.viaOds, path.join(folder, "评分表-经ods另存.xlsx"));
  copyFileSync(lo.viaXls, path.join(folder, "评分表-经xls另存.xlsx"));
  copyFileSync(lo.ods, path.join(folder, "评分表.ods"));
  copyFileSync(lo.xls, path.join(folder, "评分表.xls"));
  copyFileSync(lo.xls, path.join(folder, "大写.XLS"));
  // WPS's own format keeps Excel 97-2003's container: the name tells them apart.
  copyFileSync(lo.xls, path.join(folder, "评分表.et"));
  put("导出.csv", "\uFEFF条款,得分比例\n5.1.1.1,95%\n");
  put("mac.numbers", zip([{ name: "Index/Document.iwa", data: Buffer.from([0, 1, 2]) }]));
  put("~$评分表.xlsx", "owner");
  put("Thumbs.db", Buffer.alloc(64, 7));
  put("证明材料/营业执照.pdf", PDF);
  put("证明材料/现场照片.png", PNG);
  put("证明材料/说明.docx", zip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]));
  const json = path.join(dir, "check.json");
  check = await run("check", folder, "--json", json, "--jobs", "2");
  results = JSON.parse(readFileSync(json, "utf8")) as FileCheck[];
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : [path.join(d, e.name)]));
const resultOf = (name: string) => results.find((r) => path.basename(r.file) === name);

describe("a folder with .xlsx, .xls, .ods, .et, .csv, a PDF and a picture", () => {
  it("lists every file once, and the summary's counts add up to the folder's files", () => {
    const inFolder = files(folder).map((f) => path.relative(folder, f)).sort();
    expect(results.map((r) => path.relative(folder, path.resolve(r.file))).sort()).toEqual(inFolder);
    const summary = check.out.trim().split("\n").pop() ?? "";
    const [total, ...counts] = [...summary.matchAll(/[0-9]+/g)].map((m) => Number(m[0]));
    expect([total, counts.reduce((a, b) => a + b, 0)]).toEqual([inFolder.length, inFolder.length]);
    expect(summary).toMatch(/^共 14 个文件：无法读取 6，不一致 0，需补正 0，通过 3，未检查 5$/);
  });

  it("gives each spreadsheet that cannot be checked its own reason and advice", () => {
    const reason = (name: string) => [resultOf(name)?.verdict, resultOf(name)?.reason];
    expect(reason("评分表.xls")).toEqual(["无法读取", expect.stringMatching(/^旧版 Excel 97-2003 工作簿（\.xls）.*另存为.*\.xlsx/)]);
    expect(reason("大写.XLS")).toEqual(reason("评分表.xls"));
    expect(reason("评分表.ods")).toEqual(["无法读取", expect.stringMatching(/^OpenDocument 表格.*另存为.*\.xlsx/)]);
    expect(reason("评分表.et")).toEqual(["无法读取", expect.stringMatching(/^WPS 表格文件.*在 WPS 中“另存为” Excel 工作簿/)]);
    expect(reason("导出.csv")).toEqual(["无法读取", expect.stringMatching(/^CSV 文本文件.*请提交原始的 \.xlsx/)]);
    expect(reason("mac.numbers")).toEqual(["无法读取", expect.stringMatching(/Numbers.*导出为 Excel/)]);
  });

  it("lists evidence, pictures, documents and lock files as not checked, saying what each is", () => {
    const listed = ["营业执照.pdf", "现场照片.png", "说明.docx", "~$评分表.xlsx", "Thumbs.db"].map((n) => [n, resultOf(n)?.verdict, resultOf(n)?.reason?.split(/[，（]/)[0]]);
    expect(listed).toEqual([
      ["营业执照.pdf", "未检查", "PDF 文件"],
      ["现场照片.png", "未检查", "图片"],
      ["说明.docx", "未检查", "文字文档"],
      ["~$评分表.xlsx", "未检查", "表格程序的锁定文件"],
      ["Thumbs.db", "未检查", "不是表格文件"],
    ]);
  });

  it("exits 0 when every workbook passes, whatever else the folder holds", async () => {
    const only = path.join(dir, "only-honest");
    mkdirSync(only);
    copyFileSync(lo.honest, path.join(only, "评分表.xlsx"));
    writeFileSync(path.join(only, "营业执照.pdf"), PDF);
    const r = await run("check", only, "--jobs", "1");
    expect([r.code, r.out.trim().split("\n").pop()]).toEqual([0, "共 2 个文件：无法读取 0，不一致 0，需补正 0，通过 1，未检查 1"]);
  }, 60_000);
});

describe("an honest workbook saved again by LibreOffice", () => {
  it("via .ods and via .xls reads the same entries and total, and nothing is flagged", async () => {
    const honest = resultOf("评分表.xlsx") as FileCheck;
    const resaved = ["评分表-经ods另存.xlsx", "评分表-经xls另存.xlsx"].map((n) => resultOf(n) as FileCheck);
    expect(resaved.map((r) => [r.verdict, r.total, r.level, r.findings.map((f) => f.code)])).toEqual(resaved.map(() => ["通过", honest.total, honest.level, honest.findings.map((f) => f.code)]));
    const entries = async (file: string) => JSON.parse((await run("export", file)).out).entries as unknown;
    const original = await entries(lo.honest);
    expect([await entries(lo.viaOds), await entries(lo.viaXls)]).toEqual([original, original]);
  }, 60_000);
});

describe("an entry typed as text in LibreOffice", () => {
  it("is counted as the sheet's formulas count it, and the check says which cell Excel does not count — never 'damaged'", async () => {
    const r = await run("check", lo.textEntry, "--json", path.join(dir, "text-entry.json"), "--jobs", "1");
    const [checked] = JSON.parse(readFileSync(path.join(dir, "text-entry.json"), "utf8")) as FileCheck[];
    const text = checked?.findings.find((f) => f.code === "SS108");
    // LibreOffice computed the sheet's total without the text entry; the engine counts it the same way.
    expect([r.code, checked?.verdict, text?.cell, checked?.findings.some((f) => f.code === "SS701"), checked?.total]).toEqual([1, "需补正", expect.stringMatching(/^评分表!G[0-9]+$/), false, checked?.sheetTotal]);
    expect(text?.message).toMatch(/“90%”是文本，不是数字.*请删除后重新输入数字/);
  }, 60_000);
});

describe("score, export, report and compare recognise a file by its content", () => {
  const refused = async (args: string[]) => {
    const r = await run(...args);
    return [r.code, r.err.replace(/^starscore: .*?: 无法读取：/, "").split(/[（，：]/)[0]];
  };

  it("give the check's reason for .ods, .xls, .et, .csv and a PDF, exit 2, never a JSON error", async () => {
    const named = { ods: lo.ods, xls: lo.xls, et: path.join(folder, "评分表.et"), csv: path.join(folder, "导出.csv"), pdf: path.join(folder, "证明材料", "营业执照.pdf") };
    for (const command of ["score", "export", "report"]) {
      const got = await Promise.all(Object.values(named).map((f) => refused(command === "report" ? [command, f, "-o", path.join(dir, "r.html")] : [command, f])));
      expect([command, got]).toEqual([command, [[2, "OpenDocument 表格"], [2, "旧版 Excel 97-2003 工作簿"], [2, "WPS 表格文件"], [2, "CSV 文本文件"], [2, "PDF 文件"]]]);
    }
    expect(await refused(["compare", lo.ods, lo.honest])).toEqual([2, "OpenDocument 表格"]);
  }, 120_000);

  it("reads a workbook whatever its name, and assessment JSON whatever its name", async () => {
    const renamed = path.join(dir, "评分表.json");
    copyFileSync(lo.honest, renamed);
    const json = path.join(dir, "entries.xlsx");
    writeFileSync(json, (await run("export", lo.honest)).out);
    const [a, b] = [await run("score", renamed, "--json"), await run("score", json, "--json")];
    expect([a.code, b.code, JSON.parse(a.out).total]).toEqual([0, 0, JSON.parse(b.out).total]);
  }, 60_000);
});
