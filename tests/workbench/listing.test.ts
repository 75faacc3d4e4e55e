import type { FileCheck } from "../../src/review/verdict";
import { notChecked } from "../../src/review/verdict";
import { accountForFolders, listFolders } from "../../src/workbench/listing";
import type { Handed } from "../../src/workbench/walk";

/** A file as the browser hands it over. */
const file = (name: string, bytes: Uint8Array<ArrayBuffer>): Handed => ({ name, kind: "file", open: () => Promise.resolve(new File([bytes], name)) });
const folder = (name: string, entries: Handed[]): Handed => ({ name, kind: "folder", list: () => Promise.resolve(entries) });
const pdf = new TextEncoder().encode("%PDF-1.7\n" + "x".repeat(3000));

describe("the files of a dropped folder, for the evidence check", () => {
  it("every file below each folder: its path from the folder, its size and its first 1 KB only; a file handed by name is in no folder", async () => {
    const listed = await listFolders([folder("提交", [file("自评估表.xlsx", new Uint8Array([0x50, 0x4b, 3, 4])), folder("证明材料", [file("客户清单.pdf", pdf), file("空.pdf", new Uint8Array())])]), file("另交.xlsx", new Uint8Array([1]))]);
    expect(listed.map((f) => ({ folder: f.folder, files: f.files.map((x) => [x.path, x.size, x.head.length]) }))).toEqual([
      { folder: "提交", files: [["自评估表.xlsx", 4, 4], ["证明材料/客户清单.pdf", pdf.length, 1024], ["证明材料/空.pdf", 0, 0]] },
    ]);
  });

  it("accounts for a folder's files against its own listing; a workbook handed by name stays as it was", async () => {
    const refs = [
      { clause: "5.1.1.2", line: 0, material: "a) 客户清单", name: "证明材料/客户清单.pdf", cell: "自评估表!G12" },
      { clause: "5.1.1.2", line: 1, material: "b) 服务网点清单", name: "证明材料/缺.pdf", cell: "自评估表!G13" },
    ];
    const result = (name: string): FileCheck => ({ file: name, verdict: "通过", reason: null, scheme: "gbt27922-2011-self", role: "self", organisation: null, claimedLevel: null, level: null, total: null, sheetTotal: null, passed: null, counts: { missing: 0, evidence: 0, errors: 0, tamper: 0 }, leftOut: null, findings: [], references: refs });
    const listed = await listFolders([folder("提交", [file("自评估表.xlsx", new Uint8Array([0x50, 0x4b, 3, 4])), file("说明.txt", new TextEncoder().encode("说明")), folder("证明材料", [file("客户清单.pdf", pdf)])])]);
    const loose = result("另交.xlsx");
    const results = accountForFolders([loose, result("提交/自评估表.xlsx"), notChecked("提交/说明.txt", "文本"), notChecked("提交/证明材料/客户清单.pdf", "PDF")], listed, "zh");
    expect(results.map((r) => [r.file, r.verdict, r.findings.map((f) => f.code), r.evidenceFiles])).toEqual([
      ["另交.xlsx", "通过", [], undefined],
      ["提交/自评估表.xlsx", "需补正", ["SS203"], ["提交/证明材料/客户清单.pdf"]],
      ["提交/说明.txt", "未检查", [], undefined],
    ]);
    // Nothing the page can see to resolve it against: handed back as it came, its references kept.
    expect(results[0]).toBe(loose);
  });
});
