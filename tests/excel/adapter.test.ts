import { loadSchemes } from "../../src/cli/schemeFiles";
import { CELL_CHARS, decodeMeta, encodeMeta, LAYOUT_VERSION, LAYOUTS, layoutVersion, META_FORMAT, META_SHEET, type MetaEntry } from "../../src/sheets/meta";
import { planSheet } from "../../src/sheets/plan";
import { rolesOf } from "../../src/scheme/roles";
import type { Role } from "../../src/scheme/roles";
import type { Scheme } from "../../src/scheme/load";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { fitToWidthScale } from "../../src/excel/layout";
import { layOut, readLive, readLivePair, readWorkbookState, relayOut, selectCell, writeSpecials } from "../../src/excel/session";
import { compareCards } from "../../src/report/compare";
import type { Assessment } from "../../src/scoring/assessment";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fakeExcel, fakeRun } from "../fakes/excel";
import { generateAssessment } from "../support/generate";
import { inflatedMaturity } from "../support/inflated";
import { olderLayout, olderWrites } from "../support/olderLayout";
import { materialEntries } from "../../src/scoring/materials";
import type { Unplaced } from "../../src/sheets/fill";
import { unplacedText } from "../../src/sheets/unplacedText";

const schemes = loadSchemes();
const maturity = schemes.get("maturity-jsgf-06") as Scheme;

/** Half of the 5 MB Excel on the web takes in a request or gives in a response (the guide's margin). */
const HALF_LIMIT = 2.5 * 1024 * 1024;

describe("laying out takes at most 2 syncs, whatever the number of clauses, well inside the request limit", () => {
  it.each([1, 10])("maturity ×%i: requests and responses at most half of 5 MB, formats set per block", async (times) => {
    const scheme = times === 1 ? maturity : inflatedMaturity(times);
    const book = fakeExcel();
    const run = fakeRun(book);
    const { sheet, entry } = await layOut(run, scheme, "audit");
    expect(book.syncCount).toBe(2);
    expect(book.sheet(sheet)?.cells.size).toBeGreaterThan(scheme.items.length * 9);
    // The summary's page break rides in the same batch: one call, whatever the number of clauses.
    expect(book.sheet(sheet)?.pageStarts).toEqual(planSheet(scheme, "audit").print.pageStarts);
    await readLive(run, scheme, entry);
    expect(book.largestRequest).toBeLessThanOrEqual(HALF_LIMIT);
    expect(book.largestResponse).toBeLessThanOrEqual(HALF_LIMIT);
  });

  it("metadata longer than one cell holds (maturity ×12) goes into consecutive cells of its row, and reads back", async () => {
    const scheme = inflatedMaturity(12);
    const book = fakeExcel();
    const run = fakeRun(book);
    const { sheet } = await layOut(run, scheme, "audit");
    const meta = book.sheet(META_SHEET);
    const row = [...(meta?.cells ?? [])].filter(([a]) => /^[A-Z]+2$/.test(a)).map(([, c]) => c.value);
    expect(row.length).toBeGreaterThan(2);
    for (const v of row) expect(String(v).length).toBeLessThanOrEqual(CELL_CHARS);
    const state = await readWorkbookState(run);
    expect(state.laidOut.map((e) => [e.sheet, e.layout.items.length])).toEqual([[sheet, scheme.items.length]]);
  });
});

describe("a laid-out sheet", () => {
  it("holds the plan's values and formulas, locked structure, unlocked entries, protection, freeze and metadata", async () => {
    const book = fakeExcel();
    book.addSheet("评分表").cells.set("A1", { value: "用户自己的表", formula: null, numberFormat: "General", format: null });
    const { sheet, entry } = await layOut(fakeRun(book), maturity, "audit");
    expect(sheet).toBe("评分表 (2)");
    expect(book.cell("评分表", "A1")?.value).toBe("用户自己的表");
    const plan = planSheet(maturity, "audit");
    plan.rows.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        if (cell === null) return;
        const got = book.cell(sheet, `${String.fromCharCode(65 + c)}${r + 1}`);
        if (cell.formula !== undefined) expect(got?.formula).toBe(cell.formula);
        else if (cell.value !== undefined && cell.value !== null && cell.value !== "") expect(got?.value).toBe(cell.value);
      }),
    );
    const data = book.sheet(sheet);
    expect(data?.protected).toBe(true);
    expect(data?.frozenRows).toBe(plan.freezeRows);
    expect(data?.merges).toEqual(plan.merges);
    expect(data?.validations.map((v) => v.range)).toEqual(plan.validations.map((v) => v.range));
    const firstEntry = `G${entry.layout.firstItemRow}`;
    expect(book.cell(sheet, firstEntry)?.format?.["protection.locked"]).toBe(false);
    expect(book.cell(sheet, `D${entry.layout.firstItemRow}`)?.format?.["protection.locked"]).toBe(true);
    expect(book.sheet(META_SHEET)?.visibility).toBe("VeryHidden");
    const state = await readWorkbookState(fakeRun(book));
    expect(state.laidOut.map((e) => [e.sheet, e.layout.schemeId, e.layout.role])).toEqual([["评分表 (2)", "maturity-jsgf-06", "audit"]]);
    const list = book.sheet(sheet)?.validations.find((v) => v.range.startsWith("C") || v.range === entry.layout.header["审查类型"]);
    expect(JSON.stringify(list?.rule)).toContain("初次认证,监督,再认证");
    // Prints with the page and the pages in the footer; input messages on the columns that take any text, with no rule.
    expect(data?.pageLayout["defaultForAllPages.centerFooter"]).toBe("第 &P 页，共 &N 页");
    const note = data?.validations.find((v) => v.range === `H${entry.layout.firstItemRow}:H${entry.layout.lastItemRow}`);
    expect([note?.rule, (note?.prompt as { title?: string } | null)?.title]).toEqual([null, "现场评审记录"]);
  });
});

describe("undo and printing", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection (ExcelApi 1.9, the manifest's minimum).
  it.each(["audit", "self", "checklist"] as const)("the %s form's summary (and the audit form's 审查报告信息) starts a printed page: a manual break above, before the sheet is protected", async (role) => {
    const scheme = [...loadSchemes().values()].find((s) => rolesOf(s).includes(role)) as Scheme;
    const book = fakeExcel();
    const { sheet, entry } = await layOut(fakeRun(book), scheme, role);
    const starts = book.sheet(sheet)?.pageStarts ?? [];
    expect(starts[0]).toBe(entry.layout.lastItemRow + 2);
    expect(starts.length).toBe(role === "audit" ? 2 : 1);
    expect(starts).toEqual(planSheet(scheme, role).print.pageStarts);
    expect(book.sheet(sheet)?.protected).toBe(true);
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities: Worksheet.visibility clears
  // the undo history in Excel on Windows and on Mac.
  it("the metadata sheet is hidden once, when it is made: laying out again clears undo only by protecting the new sheet", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    await layOut(run, maturity, "audit");
    expect(book.undoCleared).toEqual(["WorksheetProtection.protect", "Worksheet.visibility"]);
    book.undoCleared.length = 0;
    await layOut(run, maturity, "self");
    expect(book.undoCleared).toEqual(["WorksheetProtection.protect"]);
    expect(book.sheet(META_SHEET)?.visibility).toBe("VeryHidden");
  });

  // OfficeDev/office-js#1860: a fit-to-pages zoom is ignored unless the Page Layout tab is open; a scale is not.
  it.each(["audit", "self"] as const)("the %s form prints its columns on the width of one landscape A4 page, by a scale", async (role) => {
    const book = fakeExcel();
    const { sheet } = await layOut(fakeRun(book), maturity, role);
    const zoom = book.sheet(sheet)?.pageLayout.zoom as { scale?: number } | undefined;
    const scale = zoom?.scale ?? 0;
    const width = planSheet(maturity, role).columns.filter((c) => !c.hidden).reduce((sum, c) => sum + c.width * 5.6, 0);
    const printable = (297 / 25.4) * 72 - 2 * 0.7 * 72;
    expect(scale).toBeGreaterThanOrEqual(10);
    expect((width * scale) / 100).toBeLessThanOrEqual(printable);
    // The largest whole percentage that fits (100 at most: never enlarged).
    if (scale < 100) expect((width * (scale + 1)) / 100).toBeGreaterThan(printable);
    expect(fitToWidthScale(planSheet(maturity, role).columns)).toBe(scale);
  });
});

describe("live totals", () => {
  it("read entries in 1 sync, write nothing, and equal the engine's", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const a = generateAssessment(maturity, 42, { lenient: true });
    const { entry } = await layOut(run, maturity, "audit", a);
    const before = JSON.stringify(book.sheets);
    const syncs = book.syncCount;
    const live = await readLive(run, maturity, entry);
    expect(book.syncCount - syncs).toBe(1);
    expect(JSON.stringify(book.sheets)).toBe(before);
    expect(live.card.total).toBe(scoreAssessment(maturity, a).total);
  });

  it("follow what the user types", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry, sheet } = await layOut(run, maturity, "audit");
    for (const { row } of entry.layout.items) await book.userTypes(sheet, `G${row}`, 0.9);
    expect((await readLive(run, maturity, entry)).card.total).toBe(135);
    await book.userTypes(sheet, `G${entry.layout.items[0]?.row}`, "不适用");
    const live = await readLive(run, maturity, entry);
    expect(live.card.applicableMax).toBe(149);
    expect(live.card.total).toBe(135);
  });

  it("special deductions and bonus written from the pane land in their rows (1 sync) and count", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry } = await layOut(run, maturity, "audit", generateAssessment(maturity, 1, { specials: false, fixedPercent: 90, naShare: 0 }));
    const syncs = book.syncCount;
    await writeSpecials(run, entry, [{ clause: "5.2.4.3", reason: "维修记录缺失" }, { reason: "投诉未闭环" }], { points: 1, reason: "行业领先" });
    expect(book.syncCount - syncs).toBe(1);
    const live = await readLive(run, maturity, entry);
    expect([live.card.deductionCount, live.card.bonus, live.card.total]).toEqual([2, 1, 134]);
  });

  it("a finding's cell is selected in 1 sync", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { sheet } = await layOut(run, maturity, "audit");
    const syncs = book.syncCount;
    await selectCell(run, sheet, "评分表!G12");
    expect(book.syncCount - syncs).toBe(1);
    expect(book.selected).toEqual({ sheet: "评分表", address: "G12" });
  });
});

describe("re-laying out over a filled sheet loses no entry", () => {
  it("200 randomised trials across schemes and roles, 2 syncs each", async () => {
    const pairs: [Scheme, Role][] = [...schemes.values()].flatMap((s) => rolesOf(s).map((role): [Scheme, Role] => [s, role]));
    for (let trial = 0; trial < 200; trial++) {
      const [scheme, role] = pairs[trial % pairs.length] as [Scheme, Role];
      const book = fakeExcel();
      const run = fakeRun(book);
      const original = generateAssessment(scheme, trial + 1, { role, lenient: trial % 2 === 0, naShare: 0.1 });
      const { entry } = await layOut(run, scheme, role, original);
      const syncs = book.syncCount;
      const { entry: again, kept } = await relayOut(run, scheme, entry);
      expect(book.syncCount - syncs).toBe(2);
      const before = await readLive(run, scheme, entry);
      const after = await readLive(run, scheme, again);
      expect(again.sheet).not.toBe(entry.sheet);
      expect(after.assessment.entries).toEqual(before.assessment.entries);
      expect(after.assessment.header).toEqual(before.assessment.header);
      expect(after.assessment.deductions).toEqual(before.assessment.deductions);
      expect(after.assessment.bonus).toEqual(before.assessment.bonus);
      expect(after.card.total).toBe(scoreAssessment(scheme, original).total);
      expect(Object.keys(kept.entries)).toHaveLength(scheme.items.length);
    }
  });
});

describe("a sheet of an older layout (2, 3, 4) is laid out again as the current one, keeping its entries", () => {
  /** The older sheet as a workbook holds it: its cells, and its record naming the older layout. */
  const olderSheet = (book: ReturnType<typeof fakeExcel>, scheme: Scheme, role: Role, version: number, a: Assessment): MetaEntry => {
    const plan = planSheet(scheme, role);
    const layout = olderLayout(plan.layout, version);
    const sheet = book.addSheet(`旧表${version}`);
    for (const w of olderWrites(plan, version, a)) sheet.cells.set(w.address, { value: w.value, formula: null, numberFormat: "General", format: null });
    const text = encodeMeta(sheet.name, "旧表", layout).replace(META_FORMAT, `starscore-layout/${version}`);
    const decoded = decodeMeta(text);
    if (!decoded.ok) throw new Error(decoded.reason);
    return decoded.entry;
  };

  it.each([
    ["gbt27922-2011-self", "self", LAYOUTS.unfilled],
    ["gbt27922-2011-self", "self", LAYOUTS.materials],
    ["cct-sc03-12", "audit", LAYOUTS.unfilled],
    ["maturity-jsgf-06", "audit", LAYOUTS.materials],
    ["cct-sc03-12", "audit", LAYOUTS.report],
  ] as const)("%s %s, layout %i → current: 2 syncs, every entry kept", async (id, role, version) => {
    const scheme = schemes.get(id) as Scheme;
    const book = fakeExcel();
    const run = fakeRun(book);
    const original = generateAssessment(scheme, 11, { role, naShare: 0.1 });
    // An audit form before layout 4 named 报告编制人 and 编制日期 审查员 and 审查时间.
    if (role === "audit") original.header = { ...original.header, ...(version < LAYOUTS.report ? { 审查员: "张三", 审查时间: "2025-05-01" } : { 报告编制人: "张三", 编制日期: "2025-05-01" }) };
    const old = olderSheet(book, scheme, role, version, original);
    const before = await readLive(run, scheme, old);
    const syncs = book.syncCount;
    const { entry: again } = await relayOut(run, scheme, old);
    expect(book.syncCount - syncs).toBe(2);
    expect(layoutVersion(again)).toBe(LAYOUT_VERSION);
    const after = await readLive(run, scheme, again);
    expect(after.card.total).toBe(before.card.total);
    expect(after.card.findings.filter((f) => f.code !== "SS705").map((f) => [f.code, f.location.clause])).toEqual(
      before.card.findings.filter((f) => f.code !== "SS705").map((f) => [f.code, f.location.clause]),
    );
    for (const item of scheme.items) {
      const n = Math.max(1, item.evidence?.length ?? 0);
      const [b, a] = [before.assessment.entries[item.clause], after.assessment.entries[item.clause]];
      expect({ ...a, evidence: materialEntries(a?.evidence ?? null, n) }).toEqual({ ...b, evidence: materialEntries(b?.evidence ?? null, n) });
    }
    if (role === "audit") {
      if (version < LAYOUTS.report) expect(before.card.findings.map((f) => f.code)).toContain("SS705");
      expect(after.assessment.header).toMatchObject({ 报告编制人: "张三", 编制日期: "2025-05-01" });
    }
  });
});

describe("a layout-4 CCT 评分表 with sample counts on a row that is now qualitative, laid out again (the pane)", () => {
  const cct = schemes.get("cct-sc03-12") as Scheme;
  const plan = planSheet(cct, "audit");
  const rowOf = (clause: string) => plan.layout.items.find((i) => i.clause === clause)?.row as number;
  const { checked, nonconforming, note } = plan.layout.entryColumns as Record<string, string>;

  it("keeps the counts in the row's remark, writes no locked cell, says so, and raises no SS118", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const original = generateAssessment(cct, 3, { role: "audit" });
    // 5.1.1.2 is qualitative since layout 5; in layout 4 its row took a record. 5.1.2.1 is sampled: its record stays.
    original.entries["5.1.1.2"] = { percent: 100, note: "抽查网点", samples: { checked: 10, nonconforming: 2 } };
    original.entries["5.1.2.1"] = { percent: null, samples: { checked: 10, nonconforming: 1 } };
    const sheet = book.addSheet("旧表4");
    for (const w of olderWrites(plan, LAYOUTS.report, original)) sheet.cells.set(w.address, { value: w.value, formula: null, numberFormat: "General", format: null });
    const decoded = decodeMeta(encodeMeta(sheet.name, "旧表", olderLayout(plan.layout, LAYOUTS.report)).replace(META_FORMAT, `starscore-layout/${LAYOUTS.report}`));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(sheet.cells.get(`${checked}${rowOf("5.1.1.2")}`)?.value).toBe(10);
    expect((await readLive(run, cct, decoded.entry)).card.findings.filter((f) => f.code === "SS118").map((f) => f.location.clause)).toEqual(["5.1.1.2"]);

    const { sheet: name, entry: again, unplaced } = await relayOut(run, cct, decoded.entry);
    const cell = (address: string) => book.sheet(name)?.cells.get(address);
    const row = rowOf("5.1.1.2");
    for (const column of [checked, nonconforming]) {
      expect(cell(`${column}${row}`)?.value ?? null).toBeNull();
      expect(cell(`${column}${row}`)?.format?.["protection.locked"]).toBe(true);
    }
    expect(cell(`${note}${row}`)?.value).toBe("抽查网点；样本记录（未计分）：样本数 10，不符合数 2");
    expect([cell(`${checked}${rowOf("5.1.2.1")}`)?.value, cell(`${nonconforming}${rowOf("5.1.2.1")}`)?.value]).toEqual([10, 1]);
    expect(unplaced).toEqual([{ kind: "samples", clause: "5.1.1.2", checked: "10", nonconforming: "2", remark: true }]);
    expect(unplacedText(unplaced[0] as Unplaced, name, "zh")).toBe(`条款 5.1.1.2：${name}此行没有样本数、不符合数单元格，样本记录（样本数 10，不符合数 2）已写入现场评审记录，不计分`);
    const after = await readLive(run, cct, again);
    expect(after.card.findings.map((f) => f.code)).not.toContain("SS118");
    expect(after.card.items.find((i) => i.clause === "5.1.2.1")?.earned).toBeCloseTo(2 * 0.9, 9);
  });
});

describe("the self-vs-audit comparison reads both sheets", () => {
  const example = (file: string) => JSON.parse(readFileSync(path.join(__dirname, "..", "..", "examples", file), "utf8")) as Assessment;
  const selfScheme = schemes.get("gbt27922-2011-self") as Scheme;
  const cct = schemes.get("cct-sc03-12") as Scheme;

  it("in 1 sync, writing nothing, and compares as the engine does", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const selfA = example("self-assessment.json");
    const auditA = example("cct-audit-east.json");
    const { entry: self } = await layOut(run, selfScheme, "self", selfA);
    const { entry: audit } = await layOut(run, cct, "audit", auditA);
    const before = JSON.stringify(book.sheets);
    const syncs = book.syncCount;
    const [a, b] = await readLivePair(run, [selfScheme, self], [cct, audit]);
    expect(book.syncCount - syncs).toBe(1);
    expect(JSON.stringify(book.sheets)).toBe(before);
    const got = compareCards(selfScheme, a.card, cct, b.card);
    const want = compareCards(selfScheme, scoreAssessment(selfScheme, selfA), cct, scoreAssessment(cct, auditA));
    expect(got.rows).toEqual(want.rows);
    expect([got.self.total, got.audit.total]).toEqual([89.29, 80.05]);
    const top = got.rows[0];
    expect([top?.clauses, top?.self.earned, top?.audit.earned, top?.gap]).toEqual([["5.1.5.2"], 5, 0, 5]);
  });

  it("fails at its one sync when a sheet is gone", async () => {
    const book = fakeExcel();
    const run = fakeRun(book);
    const { entry: self } = await layOut(run, selfScheme, "self");
    const { entry: audit } = await layOut(run, cct, "audit");
    await expect(readLivePair(run, [selfScheme, self], [cct, { ...audit, sheet: "没有这张表" }])).rejects.toThrow("ItemNotFound");
  });
});
