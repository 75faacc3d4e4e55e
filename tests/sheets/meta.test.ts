import { CELL_CHARS, decodeMeta, encodeMeta, metaCells, metaText } from "../../src/sheets/meta";
import { planSheet } from "../../src/sheets/plan";
import { inflatedMaturity } from "../support/inflated";

describe("the layout record across the cells of its row", () => {
  it("one cell when it fits; several, each within Excel's 32,767 characters, when it does not; read back whole", () => {
    expect(metaCells("{}")).toEqual(["{}"]);
    const plan = planSheet(inflatedMaturity(20), "audit");
    const text = encodeMeta("评分表", "标题", plan.layout);
    const cells = metaCells(text);
    expect(text.length).toBeGreaterThan(60_000);
    expect(cells.length).toBeGreaterThanOrEqual(3);
    for (const c of cells) expect(c.length).toBeLessThanOrEqual(CELL_CHARS);
    expect(metaText(cells)).toBe(text);
    const decoded = decodeMeta(metaText(["x", ...cells].slice(1)));
    expect(decoded.ok && decoded.entry.layout.items.length).toBe(plan.layout.items.length);
  });

  it("never splits a character outside the BMP (a surrogate pair) between two cells", () => {
    const text = `${"a".repeat(29_999)}𠀀${"b".repeat(40_000)}`;
    const cells = metaCells(text);
    expect(cells.map((c) => c.length)).toEqual([29_999, 30_000, 10_002]);
    expect(metaText(cells)).toBe(text);
  });

  it("reads the row's cells up to the first that holds no text", () => {
    expect(metaText(["{\"a\":", "1}", "", "ignored"])).toBe('{"a":1}');
    expect(metaText([null, "x"])).toBe("");
  });
});
