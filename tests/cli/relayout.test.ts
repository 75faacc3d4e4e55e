import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { loadSchemes } from "../../src/cli/schemeFiles";
import type { FileCheck } from "../../src/review/verdict";
import type { Scheme } from "../../src/scheme/load";
import type { Assessment } from "../../src/scoring/assessment";
import { LAYOUTS, META_FORMAT, META_SHEET } from "../../src/sheets/meta";
import { planSheet } from "../../src/sheets/plan";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { run } from "../support/cli";
import { loadExcel } from "../support/excel";
import { generateAssessment } from "../support/generate";
import { olderLayout, olderWrites } from "../support/olderLayout";

/**
 * The CLI's way to lay an older workbook out again, as SS805 tells it: `starscore export old.xlsx -o a.json`, then
 * `starscore new --from a.json`. A layout-4 CCT 评分表 had sample cells on every row; layout 5 has them only on the
 * sampled indicators, a qualitative one's locked.
 */
const cct = loadSchemes().get("cct-sc03-12") as Scheme;
const plan = planSheet(cct, "audit");
const rowOf = (clause: string) => plan.layout.items.find((i) => i.clause === clause)?.row as number;
const { checked, nonconforming, note } = plan.layout.entryColumns as Record<string, string>;

/** A layout-4 评分表 as that StarScore wrote it: its record names layout 4 and its header as it was then. */
async function layout4(a: Assessment): Promise<Buffer> {
  const wb = await loadExcel(await xlsxBuffer(await workbookFromPlan({ ...plan, layout: olderLayout(plan.layout, LAYOUTS.report) }, olderWrites(plan, LAYOUTS.report, a))));
  const meta = (wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet).getCell("B2");
  meta.value = String(meta.value).replace(`"format":"${META_FORMAT}"`, `"format":"starscore-layout/${LAYOUTS.report}"`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("export, then new --from: a layout-4 CCT 评分表 with sample counts on a row that is now qualitative", () => {
  it("keeps the counts in the row's remark, leaves the locked sample cells blank, names them on stderr, exit 0", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-relayout-"));
    const a = generateAssessment(cct, 5, { role: "audit" });
    a.entries["5.1.1.2"] = { percent: 100, samples: { checked: 10, nonconforming: 2 } };
    a.entries["5.1.2.1"] = { percent: null, samples: { checked: 10, nonconforming: 1 } };
    const old = path.join(dir, "旧评分表.xlsx");
    writeFileSync(old, await layout4(a));
    const json = path.join(dir, "a.json");
    expect((await run("export", old, "-o", json)).code).toBe(0);
    expect((JSON.parse(readFileSync(json, "utf8")) as Assessment).entries["5.1.1.2"]?.samples).toEqual({ checked: 10, nonconforming: 2 });

    const again = path.join(dir, "new.xlsx");
    const made = await run("new", "--from", json, "-o", again);
    expect(made.err).toBe(
      `starscore: ${json}: 条款 5.1.1.2：评分表此行没有样本数、不符合数单元格，样本记录（样本数 10，不符合数 2）已写入现场评审记录，不计分 / ` +
        "clause 5.1.1.2: the form has no sample cells on this row; the sample record (checked 10, nonconforming 2) was written into its remark and does not count\n",
    );
    expect(made.code).toBe(0);

    const sheet = (await loadExcel(readFileSync(again))).getWorksheet(plan.sheetName) as ExcelJS.Worksheet;
    const row = rowOf("5.1.1.2");
    for (const column of [checked, nonconforming]) {
      expect(sheet.getCell(`${column}${row}`).value).toBeNull();
      expect(sheet.getCell(`${column}${row}`).protection?.locked).not.toBe(false);
    }
    expect(sheet.getCell(`${note}${row}`).value).toBe("样本记录（未计分）：样本数 10，不符合数 2");
    expect([sheet.getCell(`${checked}${rowOf("5.1.2.1")}`).value, sheet.getCell(`${nonconforming}${rowOf("5.1.2.1")}`).value]).toEqual([10, 1]);

    // The reviewer's check of the new workbook: nothing about samples on a qualitative row (SS118), nothing altered.
    const report = path.join(dir, "check.json");
    await run("check", again, "--json", report, "--jobs", "1");
    const [result] = JSON.parse(readFileSync(report, "utf8")) as FileCheck[];
    const codes = result?.findings.map((f) => f.code);
    expect(codes).not.toContain("SS118");
    expect(codes?.filter((c) => c.startsWith("SS8"))).toEqual([]);
  });
});
