// The 样本/删减 tab follows the item row selected in Excel: one workbook-level selection handler
// (WorksheetCollection.onSelectionChanged, ExcelApi 1.9), registered with the change handler in the same sync and
// routed by worksheet id; the row's clause comes from the sheet's layout, with no read of the sheet.
// Event arguments: https://learn.microsoft.com/javascript/api/excel/excel.worksheetselectionchangedeventargs
import { loadSchemes } from "../../src/cli/schemeFiles";
import { headerLeaving, selectedClause, type Followed } from "../../src/excel/follow";
import { layOut, selectCell, watchWorkbook, type SheetSelection } from "../../src/excel/session";
import type { Scheme } from "../../src/scheme/load";
import { clauseAt, headerFieldAt } from "../../src/sheets/clauseAt";
import { planSheet } from "../../src/sheets/plan";
import { fakeExcel, fakeRun } from "../fakes/excel";

const cct = loadSchemes().get("cct-sc03-12") as Scheme;
const tick = (ms = 5) => new Promise((go) => setTimeout(go, ms));

async function setUp() {
  const book = fakeExcel();
  const run = fakeRun(book);
  const audit = await layOut(run, cct, "audit");
  const other = await layOut(run, cct, "audit");
  await tick();
  const followed: Followed = { entry: audit.entry, id: audit.id };
  const clauses: (string | null)[] = [];
  const before = book.syncCount;
  const unwatch = await watchWorkbook(run, { onChange: () => undefined, onSelect: (e: SheetSelection) => clauses.push(selectedClause(followed, e)) });
  const registration = book.syncCount - before;
  const row = (clause: string) => audit.entry.layout.items.find((i) => i.clause === clause)?.row as number;
  return { book, run, audit, other, clauses, unwatch, registration, row };
}

describe("the sampling helper follows the selected row", () => {
  it("a cell on an item row of the followed sheet gives that row's clause, with no sync of its own", async () => {
    const { book, audit, clauses, registration, row } = await setUp();
    // Change and selection handlers together: 1 sync, once per pane.
    expect(registration).toBe(1);
    const before = book.syncCount;
    await book.userSelects(audit.sheet, `G${row("5.1.2.2")}`);
    await book.userSelects(audit.sheet, `B${row("5.2.1.5")}:H${row("5.2.1.5")}`);
    expect(clauses).toEqual(["5.1.2.2", "5.2.1.5"]);
    expect(book.syncCount).toBe(before);
  });

  it("outside the item rows, across rows, or a whole column: nothing", async () => {
    const { book, audit, clauses, row } = await setUp();
    const { firstItemRow, lastItemRow } = audit.entry.layout;
    await book.userSelects(audit.sheet, "A1");
    await book.userSelects(audit.sheet, `G${firstItemRow - 1}`);
    await book.userSelects(audit.sheet, `G${lastItemRow + 1}`);
    await book.userSelects(audit.sheet, `G${row("5.1.2.2")}:G${row("5.1.2.2") + 1}`);
    await book.userSelects(audit.sheet, "G:G");
    expect(clauses).toEqual([null, null, null, null, null]);
  });

  it("the same row on another sheet (even another StarScore sheet): nothing; the followed sheet renamed: still followed", async () => {
    const { book, audit, other, clauses, row } = await setUp();
    await book.userSelects(other.sheet, `G${row("5.1.2.2")}`);
    expect(clauses).toEqual([null]);
    book.userRenames(audit.sheet, "我的评分表");
    await book.userSelects("我的评分表", `G${row("5.1.2.2")}`);
    expect(clauses).toEqual([null, "5.1.2.2"]);
  });

  it("the pane's own select() (a finding's cell) moves the helper too; once removed, nothing arrives", async () => {
    const { book, run, audit, clauses, unwatch, row } = await setUp();
    await selectCell(run, audit.sheet, `G${row("5.1.1.1")}`);
    await tick();
    expect(clauses).toEqual(["5.1.1.1"]);
    const before = book.syncCount;
    await unwatch();
    expect(book.syncCount - before).toBe(1);
    await book.userSelects(audit.sheet, `G${row("5.1.2.2")}`);
    expect(clauses).toEqual(["5.1.1.1"]);
  });

  it("clauseAt maps every item row of the layout to its clause (a sheet-qualified address too)", () => {
    const { layout } = planSheet(cct, "audit");
    for (const { clause, row } of layout.items) expect(clauseAt(layout, `C${row}`)).toBe(clause);
    const first = layout.items[0] as { clause: string; row: number };
    expect(clauseAt(layout, `'评分 表'!$G$${first.row}`)).toBe(first.clause);
    expect(clauseAt(layout, `${first.row}:${first.row}`)).toBeNull();
  });
});

// OfficeDev/office-js#4066: on the web a value picked from a dropdown raises no change event, and no formula reads
// the header's dropdowns (申报级别, 审查类型), so no calculation event either: the selection moving on is the cue.
describe("a pick in a header dropdown is read when the selection moves on", () => {
  it("headerFieldAt names the header field whose cell a selection starts at", () => {
    const { layout } = planSheet(cct, "audit");
    const claimed = layout.header["申报级别"] as string;
    expect(headerFieldAt(layout, claimed)).toBe("申报级别");
    expect(headerFieldAt(layout, `'评分表'!${claimed}:H3`)).toBe("申报级别");
    expect(headerFieldAt(layout, "A1")).toBeNull();
    expect(headerFieldAt(layout, `G${layout.firstItemRow}`)).toBeNull();
  });

  it("leaving a header cell of the followed sheet (to a cell or another sheet) asks for a read; nothing else does", async () => {
    const { book, audit, other, row } = await setUp();
    const followed: Followed = { entry: audit.entry, id: audit.id };
    const claimed = audit.entry.layout.header["申报级别"] as string;
    const kind = audit.entry.layout.header["审查类型"] as string;
    const leaving = headerLeaving();
    const reads: boolean[] = [];
    const before = book.syncCount;
    const unwatch = await watchWorkbook(fakeRun(book), { onSelect: (e) => reads.push(leaving(followed, e)) });
    await book.userSelects(audit.sheet, `G${row("5.1.2.2")}`);
    await book.userSelects(audit.sheet, claimed);
    await book.userSelects(audit.sheet, kind);
    await book.userSelects(audit.sheet, `G${row("5.1.2.2")}`);
    await book.userSelects(audit.sheet, claimed);
    await book.userSelects(other.sheet, "A1");
    await book.userSelects(other.sheet, claimed);
    await book.userSelects(other.sheet, "A1");
    expect(reads).toEqual([false, false, true, true, false, true, false, false]);
    // Registering the handler is the only sync.
    expect(book.syncCount - before).toBe(1);
    await unwatch();
  });
});
