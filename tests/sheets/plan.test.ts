import { loadSchemes } from "../../src/cli/schemeFiles";
import { parseCell } from "../../src/sheets/address";
import { planSheet } from "../../src/sheets/plan";
import { REPORT_BLOCK_TITLE } from "../../src/sheets/reportBlock";
import { headerFields, reportFields, rolesOf } from "../../src/scheme/roles";
import { HIGHLIGHT, STYLES } from "../../src/sheets/styles";
import type { SheetPlan } from "../../src/sheets/types";
import type { Scheme } from "../../src/scheme/load";

const schemes = [...loadSchemes().values()];
const pairs = schemes.flatMap((s) => rolesOf(s).map((role) => [s.id, role, s, planSheet(s, role)] as const));

function cellAt(plan: SheetPlan, address: string) {
  const p = parseCell(address);
  if (p === null) throw new Error(address);
  return plan.rows[p.row - 1]?.cells[p.column - 1] ?? null;
}

/** Functions the formulas may use: ones Excel, WPS and LibreOffice all know by these English names. */
const PORTABLE = new Set(["IF", "INT", "OR", "AND", "ISNUMBER", "ISBLANK", "TRIM", "LEN", "SUM", "SUMPRODUCT", "ROUND", "MIN", "MAX", "N", "LOOKUP", "COUNTIF", "SUMIF", "FIXED"]);

describe.each(pairs)("plan %s / %s", (_id, role, scheme, plan) => {
  it("has one row per item (on the self form, one per required material), in the scheme's order, each carrying its clause id", () => {
    expect(plan.layout.items.map((i) => i.clause)).toEqual(scheme.items.map((i) => i.clause));
    const clauseColumn = plan.layout.structureColumns.clause as string;
    for (const { clause, row } of plan.layout.items) expect(cellAt(plan, `${clauseColumn}${row}`)?.value).toBe(clause);
    const rowsOf = (item: Scheme["items"][number]) => (role === "self" ? Math.max(1, item.evidence?.length ?? 0) : 1);
    expect(plan.layout.lastItemRow - plan.layout.firstItemRow + 1).toBe(scheme.items.reduce((n, item) => n + rowsOf(item), 0));
    plan.layout.items.forEach((item, i) => expect((item.lastRow ?? item.row) - item.row + 1).toBe(rowsOf(scheme.items[i] as Scheme["items"][number])));
  });

  it("keeps entry cells unlocked and everything else locked; sample cells are entry cells only on sampled rows (评分要求 1–2)", () => {
    const cols = plan.layout.entryColumns;
    const sampleColumns = [cols.checked, cols.nonconforming];
    for (const { clause, row } of plan.layout.items) {
      const qualitative = scheme.byClause.get(clause)?.scoring?.by !== "samples";
      for (const column of Object.values(cols)) {
        const locked = qualitative && sampleColumns.includes(column);
        expect([clause, column, STYLES[cellAt(plan, `${column}${row}`)?.style ?? "text"].locked]).toEqual([clause, column, locked]);
      }
      for (const column of Object.values(plan.layout.structureColumns)) expect(STYLES[cellAt(plan, `${column}${row}`)?.style ?? "entryText"].locked).toBe(true);
    }
    for (const address of Object.values(plan.layout.header)) expect(STYLES[cellAt(plan, address)?.style ?? "text"].locked).toBe(false);
  });

  it("computes with portable English function names only", () => {
    const formulas = plan.rows.flatMap((r) => r.cells.flatMap((c) => (c?.formula !== undefined ? [c.formula] : [])));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) {
      expect(f.startsWith("=")).toBe(true);
      for (const [, name] of f.matchAll(/([A-Z]+)\(/g)) expect(PORTABLE.has(name as string)).toBe(true);
    }
  });

  it("validates every entry column over all item rows, lists split on ASCII commas", () => {
    const rows = `${plan.layout.firstItemRow}:${plan.layout.lastItemRow}`;
    for (const column of [plan.layout.entryColumns.percent, plan.layout.entryColumns.score, plan.layout.entryColumns.conclusion].filter(Boolean)) {
      const v = plan.validations.find((x) => x.range === `${column}${plan.layout.firstItemRow}:${column}${plan.layout.lastItemRow}`);
      expect([column, rows, (v?.prompt.message.length ?? 0) > 0]).toEqual([column, rows, true]);
    }
    for (const v of plan.validations) {
      if (v.rule.kind === "list") expect(v.rule.values.every((x) => !x.includes(",") && !x.includes("，"))).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(v.prompt.message + v.error.message)).toBe(true);
    }
  });

  it("gives every entry column an input message over all item rows", () => {
    for (const column of Object.values(plan.layout.entryColumns)) {
      const range = `${column}${plan.layout.firstItemRow}:${column}${plan.layout.lastItemRow}`;
      expect([range, plan.validations.some((v) => v.range === range && v.prompt.message.length > 0 && v.prompt.message.length <= 255 && v.prompt.title.length <= 32)]).toEqual([range, true]);
    }
  });

  it("keeps the results in view: the frozen line under the header shows the summary's own result cells", () => {
    const line = plan.rows[plan.freezeRows - 2]?.cells.flatMap((c) => (c?.formula !== undefined ? [c.formula] : [])) ?? [];
    const shown = [plan.layout.results.total, plan.layout.results.level, plan.layout.results.passed, plan.layout.results.claim].filter((a): a is string => a !== undefined);
    expect(shown.length).toBeGreaterThan(0);
    for (const address of shown) expect([address, line.some((f) => new RegExp(`[^A-Z0-9]${address}(?![0-9])`).test(f))]).toEqual([address, true]);
  });

  it("marks a claimed level above the result red, in its check and on the line under the header", () => {
    const claim = plan.layout.results.claim;
    const marked = plan.conditionalFormats.filter((c) => c.meaning === "claim-above");
    if (claim === undefined) return expect(marked).toEqual([]);
    expect(marked.map((c) => [c.range.endsWith(String(plan.freezeRows - 1)) || c.range === claim, c.formula, c.fill])).toEqual([
      [true, `${claim.replace(/([A-Z]+)([0-9]+)/, "$$$1$$$2")}="高于评定结果"`, HIGHLIGHT.error],
      [true, `${claim.replace(/([A-Z]+)([0-9]+)/, "$$$1$$$2")}="高于评定结果"`, HIGHLIGHT.error],
    ]);
  });

  it("names the colours it shows, and only those, in the key under the header", () => {
    const key = String(plan.rows[plan.freezeRows - 3]?.cells[0]?.value ?? "");
    const fills = new Set(plan.conditionalFormats.map((c) => c.fill));
    expect(key.includes("黄色")).toBe(fills.has(HIGHLIGHT.missing));
    expect(key.includes("橙色")).toBe(fills.has(HIGHLIGHT.evidence));
    expect(key.includes("红色")).toBe(fills.has(HIGHLIGHT.error));
    expect(key).toContain("填写说明见表末");
    const texts = plan.rows.flatMap((r) => r.cells.map((c) => (typeof c?.value === "string" ? c.value : "")));
    expect(texts).toContain("填写说明");
  });

  it("holds only its role's blocks: special deductions, bonus and remarks on the audit sheet alone", () => {
    const texts = plan.rows.flatMap((r) => r.cells.map((c) => (typeof c?.value === "string" ? c.value : "")));
    const audit = role === "audit";
    expect(plan.layout.deductions !== null).toBe(audit && scheme.special?.deduction !== undefined);
    expect(plan.layout.bonus !== null).toBe(audit && scheme.special?.bonus !== undefined);
    expect(plan.layout.remarks !== null).toBe(audit);
    if (!audit) expect(texts.filter((t) => /^特别(扣|加)分项（/.test(t))).toEqual([]);
  });

  it("prints on A4 landscape, fit to width, with the column heads repeated, the summary and the 审查报告信息 each starting a page; the header is frozen", () => {
    // The summary starts a page: the row after the spacer under the items, its first row with a text (its head).
    const summaryStart = plan.layout.lastItemRow + 2;
    const reportStart = plan.rows.findIndex((r) => r.cells[0]?.value === REPORT_BLOCK_TITLE) + 1;
    expect(reportStart > 0).toBe(role === "audit");
    const pageStarts = [summaryStart, ...(reportStart > 0 ? [reportStart] : [])];
    expect(plan.print).toEqual({ orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: [plan.freezeRows, plan.freezeRows], footer: "第 &P 页，共 &N 页", pageStarts });
    expect(plan.rows[summaryStart - 2]?.cells.every((c) => c === null)).toBe(true);
    expect(typeof plan.rows[summaryStart - 1]?.cells[0]?.value).toBe("string");
    expect(cellAt(plan, `A${plan.freezeRows}`)?.style).toBe("columnHead");
    expect(plan.protect).toBe(true);
  });

  it("has the role's header fields, and an audit form the report's fields and the members table, every cell an entry", () => {
    expect(Object.keys(plan.layout.header)).toEqual([...headerFields(scheme, role), ...reportFields(scheme, role)]);
    expect(plan.layout.team !== null).toBe(role === "audit");
    const team = plan.layout.team;
    if (team !== null) {
      for (let row = team.firstRow; row <= team.lastRow; row++) {
        for (const column of Object.values(team.columns)) expect(STYLES[cellAt(plan, `${column}${row}`)?.style ?? "text"].locked).toBe(false);
      }
      expect(cellAt(plan, `${team.columns.certificate}${team.firstRow - 1}`)?.value).toBe("注册证书号/专家工作单位");
    }
  });

  it("uses number formats without currency symbols", () => {
    for (const style of Object.values(STYLES)) expect(style.numberFormat).not.toMatch(/[$¥￥€]/);
  });
});

describe("points plans", () => {
  it("print the level scale that the level formula looks up", () => {
    const scheme = loadSchemes().get("maturity-jsgf-06");
    if (scheme === undefined) throw new Error("no scheme");
    const plan = planSheet(scheme, "audit");
    const level = cellAt(plan, plan.layout.results.level as string)?.formula ?? "";
    const [, mins, names] = /LOOKUP\([A-Z]+[0-9]+,([A-Z]+[0-9]+:[A-Z]+[0-9]+),([A-Z]+[0-9]+:[A-Z]+[0-9]+)\)/.exec(level) ?? [];
    const [minFrom] = (mins ?? "").split(":");
    const [nameFrom] = (names ?? "").split(":");
    const first = parseCell(minFrom ?? "")?.row ?? 0;
    const table = (scheme.levels ?? []).map((_, i) => [cellAt(plan, `A${(parseCell(nameFrom ?? "")?.row ?? 0) + i}`)?.value, cellAt(plan, `${minFrom?.replace(/[0-9]+$/, "")}${first + i}`)?.value]);
    expect(table).toEqual((scheme.levels ?? []).map((l) => [l.name, l.min]));
  });

  it("the self form shows each clause with its points, as the form prints them", () => {
    const scheme = loadSchemes().get("gbt27922-2011-self");
    if (scheme === undefined) throw new Error("no scheme");
    const plan = planSheet(scheme, "self");
    const row2 = plan.layout.items[1]?.row ?? 0;
    expect(cellAt(plan, `C${row2}`)?.value).toBe("5.1.1.2 根据需要，服务网点覆盖商品销售区域，能够对服务网点进行有效管理。（3分）\n5.1.1.3 可通过自建或委托设立服务网点。（0分）");
    // One line per material: the material as the scheme words it, its entry cell beside it, the clause text merged
    // down both (at the top, its first row tall enough for it); 结论 and 分数 once, on the first line.
    expect([cellAt(plan, `D${row2}`)?.value, cellAt(plan, `D${row2 + 1}`)?.value]).toEqual(["a) 客户清单（包括客户名称和地址）", "b) 服务网点清单（包括网点类型）"]);
    expect(plan.layout.items[1]?.lastRow).toBe(row2 + 1);
    expect([cellAt(plan, `E${row2}`)?.style, cellAt(plan, `F${row2}`)?.style, cellAt(plan, `G${row2}`)?.style, cellAt(plan, `G${row2 + 1}`)?.style]).toEqual(["entryChoice", "entryScore", "entryText", "entryText"]);
    expect([cellAt(plan, `E${row2 + 1}`)?.style, cellAt(plan, `F${row2 + 1}`)?.style]).toEqual(["points", "points"]);
    expect(plan.merges).toContain(`C${row2}:C${row2 + 1}`);
    expect(plan.merges.filter((m) => m === `E${row2}:E${row2 + 1}` || m === `F${row2}:F${row2 + 1}`)).toEqual([]);
    expect(plan.layout.items[2]?.row).toBe(row2 + 2);
  });
});
