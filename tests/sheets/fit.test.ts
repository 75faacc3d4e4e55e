import { loadSchemes } from "../../src/cli/schemeFiles";
import { rolesOf } from "../../src/scheme/roles";
import { parseRange } from "../../src/sheets/address";
import { heightFor } from "../../src/sheets/grid";
import { planSheet } from "../../src/sheets/plan";
import { STYLES } from "../../src/sheets/styles";
import { displayWidth } from "../../src/sheets/textWidth";
import type { SheetPlan } from "../../src/sheets/types";

/**
 * Nothing a form prints is clipped, by the measure the plan sizes rows with: every text fits the area it is
 * merged into — wrapped texts in its height, one-line texts (title, the line to sign on) in its width. The PDF
 * tests (tests/xlsx/print.test.ts) then check the printed pages themselves.
 */

/** Excel's default row height, for rows the plan leaves to the spreadsheet. */
const DEFAULT_ROW = 15;

interface Area {
  width: number;
  height: number;
}

function areaOf(plan: SheetPlan, row: number, column: number): Area {
  const merged = plan.merges.map(parseRange).find((r) => r !== null && r.r1 === row && r.c1 === column);
  const [r1, r2, c1, c2] = merged ? [merged.r1, merged.r2, merged.c1, merged.c2] : [row, row, column, column];
  let width = 0;
  for (let c = c1; c <= c2; c++) width += plan.columns[c - 1]?.hidden === true ? 0 : (plan.columns[c - 1]?.width ?? 0);
  let height = 0;
  for (let r = r1; r <= r2; r++) height += plan.rows[r - 1]?.height ?? DEFAULT_ROW;
  return { width, height };
}

const plans = [...loadSchemes().values()].flatMap((s) => rolesOf(s).map((role) => [`${s.id} / ${role}`, planSheet(s, role)] as const));

describe.each(plans)("%s: every text fits its cell", (_name, plan) => {
  const texts = plan.rows.flatMap((row, r) =>
    row.cells.flatMap((cell, c) => (cell !== null && typeof cell.value === "string" && cell.value !== "" && plan.columns[c]?.hidden !== true ? [{ row: r + 1, column: c + 1, text: cell.value, style: STYLES[cell.style] }] : [])),
  );

  it("wrapped texts: the row (or the rows merged) is as tall as the text's lines", () => {
    const short = texts
      .filter((t) => t.style.wrap)
      .map((t) => ({ ...t, area: areaOf(plan, t.row, t.column) }))
      .filter((t) => t.area.height < heightFor([[t.text, t.area.width]], t.style.size))
      .map((t) => `${t.text.slice(0, 20)}… at row ${t.row}: ${t.area.height} < ${heightFor([[t.text, t.area.width]], t.style.size)}`);
    expect(short).toEqual([]);
  });

  it("group labels merged down their rows: the first row holds the label, so no page break cuts it", () => {
    const short = texts
      .filter((t) => t.style === STYLES.group)
      .filter((t) => (plan.rows[t.row - 1]?.height ?? DEFAULT_ROW) < heightFor([[t.text, areaOf(plan, t.row, t.column).width]], t.style.size))
      .map((t) => `${t.text} at row ${t.row}`);
    expect(short).toEqual([]);
  });

  it("one-line texts: as wide as the text", () => {
    const narrow = texts
      .filter((t) => !t.style.wrap)
      .map((t) => ({ ...t, area: areaOf(plan, t.row, t.column) }))
      .filter((t) => (displayWidth(t.text) * t.style.size) / 10 > t.area.width * 0.95)
      .map((t) => `${t.text} at row ${t.row}`);
    expect(narrow).toEqual([]);
  });
});
