import { CELL_CHARS, META_SHEET } from "../../src/sheets/meta";
import { planSheet } from "../../src/sheets/plan";
import { laidOutSheets, metaRecord } from "../../src/xlsx/read";
import { openWorkbook } from "../../src/xlsx/saved";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { inflatedMaturity } from "../support/inflated";

// Excel keeps at most 32,767 characters in a cell: the file writer splits a long layout record across B2, C2, …
// as the add-in does, and the reader puts it together again.
describe("a layout record longer than a cell, in a file", () => {
  it("is written across consecutive cells within Excel's limit and read back whole (maturity ×12)", async () => {
    const scheme = inflatedMaturity(12);
    const plan = planSheet(scheme, "audit");
    const wb = openWorkbook(await xlsxBuffer(await workbookFromPlan(plan)));
    const meta = wb.sheet(META_SHEET);
    const cells = ["B2", "C2", "D2"].map((a) => meta?.read(a));
    expect(cells.filter((c) => typeof c === "string").length).toBeGreaterThanOrEqual(2);
    for (const c of cells) expect(String(c ?? "").length).toBeLessThanOrEqual(CELL_CHARS);
    expect(JSON.parse(metaRecord(meta as NonNullable<typeof meta>, 2)).layout.items).toHaveLength(scheme.items.length);
    const [sheet] = laidOutSheets(wb);
    expect([sheet?.name, sheet?.meta.layout.items.length]).toEqual([plan.sheetName, scheme.items.length]);
  }, 60_000);
});
