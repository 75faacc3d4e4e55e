import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkFile } from "../../src/cli/checkFile";
import { submittedFiles } from "../../src/cli/submitted";
import { chosenFiles, chosenFolder, submissions, type Handed } from "../../src/workbench/walk";

/**
 * The page's folder walk lists what the CLI's lists, in the same order and with the same refusals, whichever way
 * the browser hands the folder over (a drop or showDirectoryPicker: a tree of entries; <input webkitdirectory>:
 * files with their paths). The tree here is read from disk, as the browser reads it.
 */
let dir = "";
let root = "";

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "starscore-page-walk-"));
  root = path.join(dir, "交来的");
  const files = [
    "b.xlsx",
    "A.XLSX",
    "a.xlsm",
    "~$b.xlsx",
    "notes.txt",
    "report.pdf",
    "old.xls",
    "zz/1.xlsx",
    "zz/deeper/2.xlsx",
    "zz/deeper/~$2.xlsx",
    "Z-upper/3.xlsx",
    "华东/4.xlsx",
    "folder-named.xlsx/inside.xlsx",
    "10.xlsx",
    "9.xlsx",
  ];
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), f);
  }
  mkdirSync(path.join(root, "empty"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder as a drop hands it over: entries listed on demand. */
function entry(p: string): Handed {
  const name = path.basename(p);
  return statSync(p).isDirectory()
    ? { name, kind: "folder", list: () => Promise.resolve(readdirSync(p).map((n) => entry(path.join(p, n)))) }
    : { name, kind: "file", open: () => Promise.resolve(new File([readFileSync(p)], name)) };
}

/** Every file below a folder as <input webkitdirectory> hands them over: a flat list with paths from the folder's name. */
function webkitFiles(p: string, rel = path.basename(p)): File[] {
  return readdirSync(p).flatMap((n) => {
    const at = path.join(p, n);
    if (statSync(at).isDirectory()) return webkitFiles(at, `${rel}/${n}`);
    const f = new File([readFileSync(at)], n);
    Object.defineProperty(f, "webkitRelativePath", { value: `${rel}/${n}` });
    return [f];
  });
}

/**
 * The CLI's walk of the same folder, named from the folder's parent as the page names it; an entry that is a
 * folder is refused when the CLI reads it (checkFile), the page refuses it as it walks: the same line either way.
 */
const cli = () =>
  submittedFiles([root]).map((s) => ({ name: path.relative(dir, s.file), refused: s.refused ?? (statSync(s.file).isDirectory() ? (checkFile(s.file, new Map()).reason ?? "") : undefined), notChecked: s.notChecked }));
const page = async (handed: Handed[]) => (await submissions(handed)).map((s) => ({ name: s.name, refused: s.refused, notChecked: s.notChecked }));

describe("the page's folder walk", () => {
  it("lists what `starscore check` lists, in its order, from a drop or a chosen folder", async () => {
    const expected = cli();
    expect(expected.map((s) => s.name)).toEqual([
      "交来的/10.xlsx",
      "交来的/9.xlsx",
      "交来的/A.XLSX",
      "交来的/Z-upper/3.xlsx",
      "交来的/a.xlsm",
      "交来的/b.xlsx",
      "交来的/folder-named.xlsx",
      "交来的/notes.txt",
      "交来的/old.xls",
      "交来的/report.pdf",
      "交来的/zz/1.xlsx",
      "交来的/zz/deeper/2.xlsx",
      "交来的/zz/deeper/~$2.xlsx",
      "交来的/~$b.xlsx",
      "交来的/华东/4.xlsx",
    ]);
    expect(expected.find((s) => s.name.endsWith("folder-named.xlsx"))?.refused).toBe("是文件夹 / a folder");
    expect(await page([entry(root)])).toEqual(expected);
    expect(await page(chosenFolder(webkitFiles(root)))).toEqual(expected);
  });

  it("checks files chosen by name whatever they are called, as the CLI checks files named on its command line", async () => {
    const named = ["notes.txt", "~$b.xlsx", "b.xlsx"].map((n) => new File(["x"], n));
    expect((await page(chosenFiles(named))).map((s) => s.name)).toEqual(["b.xlsx", "notes.txt", "~$b.xlsx"]);
  });

  it("reports a folder it cannot list, and goes on", async () => {
    const locked: Handed = { name: "locked", kind: "folder", list: () => Promise.reject(new DOMException("gone", "NotFoundError")) };
    expect(await page([locked, { name: "z.xlsx", kind: "file", open: () => Promise.resolve(new File([], "z.xlsx")) }])).toEqual([
      { name: "locked", refused: "无法读取文件夹：NotFoundError", notChecked: undefined },
      { name: "z.xlsx", refused: undefined, notChecked: undefined },
    ]);
  });
});
