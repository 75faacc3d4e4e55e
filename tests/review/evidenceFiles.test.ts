import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { accountFor, contentOf, fileNamesIn, pathKey, resolveReferences, type FileReference } from "../../src/review/evidenceFiles";
import { notChecked, type FileCheck } from "../../src/review/verdict";
import type { Scheme } from "../../src/scheme/load";
import { planSheet } from "../../src/sheets/plan";
import { evidenceSubmission, LINKED_CLAUSE, MAGIC, materialCell, writeSubmission, type Submission } from "../support/evidenceSubmission";
import { zip, type ZipPart } from "../support/zip";

const scheme = loadSchemes().get("gbt27922-2011-self") as Scheme;
const plan = planSheet(scheme, "self");
const bytes = (b: Buffer) => new Uint8Array(b);

describe("names compare as Windows compares them", () => {
  it("case-insensitive, either slash, Unicode NFC, . and .. resolved", () => {
    expect(pathKey("证明材料\\客户清单.PDF")).toBe(pathKey("证明材料/客户清单.pdf"));
    expect(pathKey("./a/../证明材料//Cafe\u0301.pdf")).toBe(pathKey("证明材料/Café.pdf"));
  });
  it("nothing outside the submission: a parent above the root, a drive letter, a leading slash", () => {
    expect([pathKey("../客户清单.pdf"), pathKey("D:\\资料\\客户清单.pdf"), pathKey("/Users/a/客户清单.pdf"), pathKey("\\\\server\\share\\x.pdf")]).toEqual([null, null, null, null]);
  });
});

describe("what an evidence line names", () => {
  it("the parts that end in a file's extension; a document's name or number is not a file", () => {
    expect(fileNamesIn("证明材料/客户清单.xlsx；服务网点清单.PDF\n售后服务管理制度 QG/XX-2023")).toEqual(["证明材料/客户清单.xlsx", "服务网点清单.PDF"]);
    expect(fileNamesIn("《客户清单.pdf》")).toEqual(["客户清单.pdf"]);
    expect(fileNamesIn("https://example.com/a.pdf")).toEqual([]);
  });
  it("a file's kind from its first bytes", () => {
    expect([contentOf(bytes(MAGIC.pdf)), contentOf(bytes(MAGIC.jpg)), contentOf(bytes(MAGIC.png)), contentOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), contentOf(new Uint8Array([0x50, 0x4b, 3, 4]))]).toEqual(["pdf", "jpeg", "png", "ole2", "zip"]);
  });
});

describe("resolving a workbook's references against the files handed in", () => {
  const ref = (name: string, line = 0): FileReference => ({ clause: "5.1.1.2", line, material: "b) 服务网点清单（包括网点类型）", name, cell: "自评估表!G12" });
  const files = [
    { path: "申请/证明材料/网点.pdf", size: MAGIC.pdf.length, head: bytes(MAGIC.pdf) },
    { path: "申请/证明材料/空.pdf", size: 0, head: new Uint8Array() },
    { path: "申请/证明材料/假.pdf", size: MAGIC.png.length, head: bytes(MAGIC.png) },
    { path: "申请/证明材料/多余.docx", size: 4, head: new Uint8Array([0x50, 0x4b, 3, 4]) },
    { path: "申请/自评估表.xlsx", size: 4, head: new Uint8Array([0x50, 0x4b, 3, 4]) },
    { path: "申请/~$自评估表.xlsx", size: 4, head: new Uint8Array([1, 2, 3, 4]) },
  ];
  it("relative to the workbook's folder: found, missing, outside, empty, not what its extension says", () => {
    const r = resolveReferences("申请/自评估表.xlsx", [ref("证明材料\\网点.PDF"), ref("证明材料/缺.pdf"), ref("../外面.pdf"), ref("证明材料/空.pdf"), ref("证明材料/假.pdf")], files);
    expect(r.findings.map((f) => [f.code, f.location.clause, f.location.cell, "file" in f.params ? f.params.file : null])).toEqual([
      ["SS203", "5.1.1.2", "自评估表!G12", "证明材料/缺.pdf"],
      ["SS203", "5.1.1.2", "自评估表!G12", "../外面.pdf"],
      ["SS204", "5.1.1.2", "自评估表!G12", "证明材料/空.pdf"],
      ["SS205", "5.1.1.2", "自评估表!G12", "证明材料/假.pdf"],
    ]);
    expect([...r.named]).toEqual(["申请/证明材料/网点.pdf", "申请/证明材料/空.pdf", "申请/证明材料/假.pdf"].map(pathKey));
  });

  it("every file accounted for once: a named file under the first workbook that names it, the rest as the walk found them", () => {
    const workbook = (p: string, refs: FileReference[]): FileCheck => ({ ...notChecked(`提交/${p}`, ""), verdict: "通过", reason: null, references: refs });
    const entries = [
      { path: "申请/~$自评估表.xlsx", result: notChecked("提交/申请/~$自评估表.xlsx", "锁定文件") },
      { path: "申请/自评估表.xlsx", result: workbook("申请/自评估表.xlsx", [ref("证明材料/网点.pdf"), ref("证明材料/空.pdf"), ref("证明材料/假.pdf")]) },
      { path: "申请/证明材料/假.pdf", result: notChecked("提交/申请/证明材料/假.pdf", "PDF") },
      { path: "申请/证明材料/多余.docx", result: notChecked("提交/申请/证明材料/多余.docx", "文字文档") },
      { path: "申请/证明材料/空.pdf", result: notChecked("提交/申请/证明材料/空.pdf", "PDF") },
      { path: "申请/证明材料/网点.pdf", result: notChecked("提交/申请/证明材料/网点.pdf", "PDF") },
      { path: "申请/评分表副本.xlsx", result: workbook("申请/评分表副本.xlsx", [ref("证明材料/网点.pdf")]) },
    ].map((e) => ({ root: "提交", ...e }));
    const out = accountFor(entries, new Map([["提交", files]]), "zh");
    expect(out.map((r) => [r.file, r.verdict, r.evidenceFiles ?? null])).toEqual([
      ["提交/申请/~$自评估表.xlsx", "未检查", null],
      ["提交/申请/自评估表.xlsx", "需补正", ["提交/申请/证明材料/假.pdf", "提交/申请/证明材料/空.pdf", "提交/申请/证明材料/网点.pdf"]],
      ["提交/申请/证明材料/多余.docx", "未检查", null],
      // It names 网点.pdf too: resolved (no finding), listed under the first workbook only.
      ["提交/申请/评分表副本.xlsx", "通过", null],
    ]);
    expect(out[1]?.findings.map((f) => f.code)).toEqual(["SS204", "SS205"]);
    expect(out.length + out.reduce((n, r) => n + (r.evidenceFiles?.length ?? 0), 0)).toBe(entries.length);
  });
});

/** Writes the submission into a new folder, checks it with `starscore check`, and gives the workbook's result and what was printed. */
async function check(edit: (s: Submission) => void = () => undefined): Promise<{ result: FileCheck; results: FileCheck[]; out: string; code: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-evidence-"));
  const s = evidenceSubmission(scheme);
  edit(s);
  await writeSubmission(scheme, s, path.join(dir, "提交"));
  const json = path.join(dir, "r.json");
  let out = "";
  const code = await main(["check", path.join(dir, "提交"), "--json", json, "--jobs", "1"], { out: (t) => (out += `${t}\n`), err: () => undefined });
  const results = JSON.parse(readFileSync(json, "utf8")) as FileCheck[];
  const [result] = results;
  if (result === undefined) throw new Error(out);
  return { result, results, out, code };
}

const evidenceFindings = (r: FileCheck) => r.findings.filter((f) => /^SS2/.test(f.code));

describe("starscore check on a submission folder: the evidence files resolved", () => {
  it("every material named and present (one by a hyperlink, some typed with \\ and upper case): no evidence finding, 通过; each named file under the workbook, the unnamed one 未检查", async () => {
    const { result, results, out } = await check();
    expect(evidenceFindings(result)).toEqual([]);
    expect(result.verdict).toBe("通过");
    expect(result.references?.find((r) => r.clause === LINKED_CLAUSE)?.name).toBe("证明材料/管理师证书.jpg");
    const s = evidenceSubmission(scheme);
    const handedIn = [...s.files.values()].filter((b) => b !== null).length + 1;
    expect(result.evidenceFiles?.map((f) => path.basename(f))).toContain("管理师证书.jpg");
    expect(results.map((r) => [path.basename(r.file), r.verdict])).toEqual([
      ["自评估表.xlsx", "通过"],
      ["说明.txt", "未检查"],
    ]);
    expect(results[1]?.reason).toMatch(/^不是表格文件，没有表格把它列为证明材料/);
    expect(1 + (result.evidenceFiles?.length ?? 0) + 1).toBe(handedIn);
    expect(out).toMatch(/证明材料 [0-9]+ 个（已核对存在、非空、内容与扩展名相符/);
    expect(out.trim().split("\n").pop()).toBe(`共 ${handedIn} 个文件：无法读取 0，不一致 0，需补正 0，通过 1，未检查 1，证明材料 ${handedIn - 2}`);
  }, 120_000);

  it("one material not named: SS202 at its own line's cell, naming the material", async () => {
    const { result } = await check((s) => {
      const e = s.assessment.entries["5.1.1.2"];
      s.assessment.entries["5.1.1.2"] = { ...e, evidence: ["证明材料/5.1.1.2-1.pdf", ""] };
    });
    expect(evidenceFindings(result).map((f) => [f.code, f.clause, f.cell])).toEqual([["SS202", "5.1.1.2", `自评估表!${materialCell(plan, "5.1.1.2", 1)}`]]);
    expect(evidenceFindings(result)[0]?.message).toContain("b) 服务网点清单（包括网点类型）");
  }, 120_000);

  it("one named file missing: an error naming the file and the clause, verdict not 通过", async () => {
    const { result, code } = await check((s) => s.files.set("证明材料/5.1.3.1-2.pdf", null));
    expect(evidenceFindings(result).map((f) => [f.code, f.severity, f.clause, f.cell])).toEqual([["SS203", "error", "5.1.3.1", `自评估表!${materialCell(plan, "5.1.3.1", 1)}`]]);
    expect(evidenceFindings(result)[0]?.message).toContain("证明材料/5.1.3.1-2.pdf");
    expect(evidenceFindings(result)[0]?.message).toContain("5.1.3.1");
    expect(result.verdict).toBe("需补正");
    expect(code).toBe(1);
  }, 120_000);

  it("an empty file, and a .pdf that is a PNG, and a hyperlink to a file not handed in: errors at their cells", async () => {
    const { result } = await check((s) => {
      s.files.set("证明材料/5.1.3.2-1.pdf", Buffer.alloc(0));
      s.files.set("证明材料/5.1.3.2-2.pdf", MAGIC.png);
      s.files.set("证明材料/管理师证书.jpg", null);
    });
    expect(evidenceFindings(result).map((f) => [f.code, f.clause, f.cell])).toEqual([
      ["SS203", LINKED_CLAUSE, `自评估表!${materialCell(plan, LINKED_CLAUSE, 0)}`],
      ["SS204", "5.1.3.2", `自评估表!${materialCell(plan, "5.1.3.2", 0)}`],
      ["SS205", "5.1.3.2", `自评估表!${materialCell(plan, "5.1.3.2", 1)}`],
    ]);
    expect(result.verdict).toBe("需补正");
  }, 120_000);
});

/** Every file under `dir`, by path from it (`/` between folders). */
function filesUnder(dir: string, rel = ""): { name: string; data: Buffer }[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => {
    const p = rel === "" ? d.name : `${rel}/${d.name}`;
    return d.isDirectory() ? filesUnder(dir, p) : [{ name: p, data: readFileSync(path.join(dir, p)) }];
  });
}

/** The submission as one .zip: names in GBK without the UTF-8 flag (Windows' own zip) or in UTF-8 with it. */
async function checkZipped(edit: (s: Submission) => void, gbk: boolean, extra: ZipPart[] = []): Promise<{ results: FileCheck[]; out: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-evidence-zip-"));
  const s = evidenceSubmission(scheme);
  edit(s);
  await writeSubmission(scheme, s, path.join(dir, "提交"));
  const parts = filesUnder(path.join(dir, "提交")).map((f) => ({ name: `提交/${f.name}`, data: f.data, deflate: true, gbk }));
  const zipFile = path.join(dir, "提交材料.zip");
  writeFileSync(zipFile, zip([...parts, ...extra]));
  const json = path.join(dir, "r.json");
  let out = "";
  await main(["check", zipFile, "--json", json], { out: (t) => (out += `${t}\n`), err: () => undefined });
  return { results: JSON.parse(readFileSync(json, "utf8")) as FileCheck[], out };
}

describe("a submission handed in as a .zip is checked as the folder it holds", () => {
  const missing = (s: Submission) => {
    s.files.set("证明材料/5.1.3.1-2.pdf", null);
    const e = s.assessment.entries["5.1.1.2"];
    s.assessment.entries["5.1.1.2"] = { ...e, evidence: ["证明材料/5.1.1.2-1.pdf", ""] };
  };

  it("names in GBK (no UTF-8 flag): the same findings as the folder, at the same cells", async () => {
    const folder = await check(missing);
    const { results, out } = await checkZipped(missing, true);
    const workbook = results.find((r) => r.file.endsWith("提交/自评估表.xlsx"));
    expect(workbook?.verdict).toBe(folder.result.verdict);
    expect(evidenceFindings(workbook as FileCheck).map((f) => [f.code, f.clause, f.cell, f.message])).toEqual(evidenceFindings(folder.result).map((f) => [f.code, f.clause, f.cell, f.message]));
    expect(evidenceFindings(workbook as FileCheck).map((f) => f.code)).toEqual(["SS203", "SS202"]);
    expect(out).toMatch(/提交\/证明材料\/说明\.txt {2}未检查：不是表格文件，没有表格把它列为证明材料/);
    expect(results.map((r) => r.file.split("提交材料.zip/").pop())).toEqual(folder.results.map((r) => r.file.split("提交/").pop()).map((f) => `提交/${f}`));
  }, 120_000);

  it("names in UTF-8 (the flag set): every material present, no evidence finding; an entry outside the archive refused, the rest checked", async () => {
    const { results } = await checkZipped(() => undefined, false, [{ name: "../../etc/evil.pdf", data: MAGIC.pdf }]);
    const workbook = results.find((r) => r.file.endsWith("提交/自评估表.xlsx"));
    expect(workbook !== undefined && evidenceFindings(workbook)).toEqual([]);
    expect(workbook?.verdict).toBe("通过");
    expect(results.filter((r) => r.verdict === "无法读取").map((r) => [path.basename(r.file), r.reason?.slice(0, 9)])).toEqual([["evil.pdf", "路径指向压缩包以外"]]);
  }, 120_000);
});
