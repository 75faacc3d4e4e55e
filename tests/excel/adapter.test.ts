import { loadSchemes } from "../../src/cli/schemeFiles";
import { META_SHEET } from "../../src/sheets/meta";
import { planSheet } from "../../src/sheets/plan";
import { rolesOf } from "../../src/scheme/roles";
import type { Role } from "../../src/scheme/roles";
import { validateScheme, type Scheme } from "../../src/scheme/load";
import type { SchemeFile } from "../../src/scheme/schema";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { layOut, readLive, readLivePair, readWorkbookState, relayOut, selectCell, writeSpecials } from "../../src/excel/session";
import { compareCards } from "../../src/report/compare";
import type { Assessment } from "../../src/scoring/assessment";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fakeExcel, fakeRun } from "../fakes/excel";
import { generateAssessment } from "../support/generate";
import { schemeFile } from "../support/schemes";

const schemes = loadSchemes();
const maturity = schemes.get("maturity-jsgf-06") as Scheme;

/** The fake's Excel.run as the adapter's Run (the fake context has the subset of the API the adapter uses). */

/** The maturity scheme with every item repeated `times` times (clause ids 5.1.1.1a …), every sum scaled. */
function inflated(times: number): Scheme {
  const { items: _items, byClause: _byClause, passMarkOrLowest: _pass, ...file } = schemeFile("maturity-jsgf-06");
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const raw: SchemeFile = {
    ...(file as unknown as SchemeFile),
    fullMarks: (file.fullMarks ?? 0) * times,
    passMark: (file.passMark ?? 0) * times,
    levels: (file.levels ?? []).map((l) => ({ ...l, min: l.min * times })),
    sections: file.sections.map((s) => ({
      id: s.id,
      title: s.title,
      max: s.max * times,
      subsections: s.subsections.map((u) => ({
        id: u.id,
        title: u.title,
        max: u.max * times,
        ...(u.maxParts !== undefined ? { maxParts: u.maxParts.map((p) => p * times) } : {}),
        items: u.items.flatMap((i) =>
          Array.from({ length: times }, (_, k) => ({ clause: `${i.clause}${letters[k]}`, text: i.text, points: i.points ?? 0, ...(i.code !== undefined ? { code: `${i.code[0]}${Number(i.code.slice(1)) * times + k}` } : {}) })),
        ),
      })),
    })),
  };
  return validateScheme(raw, "inflated.yaml");
}

describe("laying out takes at most 2 syncs, whatever the number of clauses", () => {
  it.each([1, 10])("maturity ×%i", async (times) => {
    const scheme = times === 1 ? maturity : inflated(times);
    const book = fakeExcel();
    const { sheet } = await layOut(fakeRun(book), scheme, "audit");
    expect(book.syncCount).toBe(2);
    expect(book.largestPayload).toBeLessThan(5 * 1024 * 1024);
    expect(book.sheet(sheet)?.cells.size).toBeGreaterThan(scheme.items.length * 9);
  });
});

describe("a laid-out sheet", () => {
  it("holds the plan's values and formulas, locked structure, unlocked entries, protection, freeze and metadata", async () => {
    const book = fakeExcel();
    book.addSheet("评分表").cells.set("A1", { value: "用户自己的表", formula: null, numberFormat: "General", props: null });
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
    expect((book.cell(sheet, firstEntry)?.props as { format: { protection: { locked: boolean } } }).format.protection.locked).toBe(false);
    expect((book.cell(sheet, `D${entry.layout.firstItemRow}`)?.props as { format: { protection: { locked: boolean } } }).format.protection.locked).toBe(true);
    expect(book.sheet(META_SHEET)?.visibility).toBe("VeryHidden");
    const state = await readWorkbookState(fakeRun(book));
    expect(state.laidOut.map((e) => [e.sheet, e.layout.schemeId, e.layout.role])).toEqual([["评分表 (2)", "maturity-jsgf-06", "audit"]]);
    const list = book.sheet(sheet)?.validations.find((v) => v.range.startsWith("C") || v.range === entry.layout.header["审查类型"]);
    expect(JSON.stringify(list?.rule)).toContain("初次认证,监督,再认证");
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
