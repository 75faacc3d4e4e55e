import type { Item, Scheme } from "../scheme/load";
import { headerFields, roleFits, RoleMismatchError, type Role } from "../scheme/roles";
import { RESULT_LABELS, resultLabels } from "../scoring/levels";
import { cellAddress, columnLetter, rangeAddress } from "./address";
import { HIGHLIGHT } from "./styles";
import { displayWidth } from "./textWidth";
import type {
  PlannedCell,
  PlannedColumn,
  PlannedConditionalFormat,
  PlannedValidation,
  SheetLayout,
  SheetPlan,
  StyleName,
} from "./types";

/** The words that mean "not applicable", as the workbook's formulas and validation accept them. */
export const NA_WORDS = ["不适用", "不涉及", "N/A", "删减"] as const;

export const AUDIT_TYPES = ["初次认证", "监督", "再认证"] as const;
export const CONCLUSIONS = ["符合", "不符合", "不适用"] as const;

/** Rows kept for special deductions: the fifth is the one that stops grading, so room for a few more. */
const DEDUCTION_ROWS = 8;

const ROLE_TITLE: Record<Role, string> = { self: "自评估表", audit: "评分表", checklist: "检查表" };

interface Column extends PlannedColumn {
  index: number;
  letter: string;
}

function columns(defs: [key: string, header: string, width: number, hidden?: boolean][]): Record<string, Column> & { list: Column[] } {
  const list = defs.map(([key, header, width, hidden], i) => ({ key, header, width, hidden: hidden === true, index: i + 1, letter: columnLetter(i + 1) }));
  const byKey = Object.fromEntries(list.map((c) => [c.key, c])) as Record<string, Column>;
  return Object.assign(byKey, { list });
}

/** Builds the sheet row by row. */
class Grid {
  readonly rows: { height?: number; cells: (PlannedCell | null)[] }[] = [];
  readonly merges: string[] = [];
  constructor(readonly width: number) {}

  /** Appends a row and returns its number (from 1). */
  add(height?: number): number {
    this.rows.push({ ...(height !== undefined ? { height } : {}), cells: new Array<PlannedCell | null>(this.width).fill(null) });
    return this.rows.length;
  }

  set(row: number, column: number, cell: PlannedCell): void {
    const r = this.rows[row - 1];
    if (r === undefined || column < 1 || column > this.width) throw new Error(`cell ${cellAddress(column, row)} is outside the plan`);
    r.cells[column - 1] = cell;
  }

  /** Fills every cell of a rectangle with a style (so borders and fills cover merged areas) and merges it. */
  merge(r1: number, c1: number, r2: number, c2: number, style: StyleName): void {
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (this.rows[r - 1]?.cells[c - 1] === null) this.set(r, c, { style });
    if (r1 !== r2 || c1 !== c2) this.merges.push(rangeAddress(c1, r1, c2, r2));
  }

  setHeight(row: number, height: number): void {
    const r = this.rows[row - 1];
    if (r !== undefined) r.height = Math.max(r.height ?? 0, height);
  }
}

/** Points as the forms print them: 1.5, 3 — never 3.0. */
function pts(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

/** A row tall enough for its longest wrapped text: Excel does not grow rows for text written by a program. */
function heightFor(texts: [text: string, width: number][]): number {
  let lines = 1;
  for (const [text, width] of texts) {
    const perLine = Math.max(1, width * 0.95);
    const count = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
    lines = Math.max(lines, count);
  }
  return Math.round(Math.max(1, lines) * 13.5 + 4);
}

/** `OR(TRIM(G12)="不适用",…)`: true when the cell says the clause does not apply. */
function isNotApplicable(ref: string): string {
  return `OR(${NA_WORDS.map((w) => `TRIM(${ref})="${w}"`).join(",")})`;
}

function subsectionLabel(scheme: Scheme, sectionIndex: number, subsectionIndex: number): { id: string; title: string } {
  const section = scheme.sections[sectionIndex];
  const sub = section?.subsections[subsectionIndex];
  if (section === undefined || sub === undefined) return { id: "", title: "" };
  const parts = sub.maxParts !== undefined ? sub.maxParts.map(pts).join("+") : pts(sub.max);
  return { id: sub.id, title: scheme.kind === "points" ? `${sub.title}（${parts}分）` : sub.title };
}

function itemText(item: Item, withPoints: boolean): string {
  const own = `${item.clause} ${item.text}${withPoints && item.points !== undefined ? `（${pts(item.points)}分）` : ""}`;
  const also = (item.alsoClauses ?? []).map((c) => `\n${c.clause} ${c.text}${withPoints ? `（${pts(c.points)}分）` : ""}`).join("");
  return (item.group !== undefined ? `【${item.group}】\n` : "") + own + also;
}

/**
 * Lays out a scheme for a role: self (自评估表), audit (评分表) or checklist. Pure: the same plan feeds
 * every writer, whether it writes a file or a workbook open in Excel.
 */
export function planSheet(scheme: Scheme, role: Role): SheetPlan {
  if (!roleFits(scheme, role)) throw new RoleMismatchError(scheme, role);
  const cols =
    role === "audit"
      ? columns([
          ["section", "板块", 12],
          ["subsectionId", "序号", 8],
          ["subsectionTitle", "标题", 12],
          ["text", "检查内容", 56],
          ["points", "小类分值", 7],
          ["code", "维度", 6],
          ["percent", "得分比例", 9],
          ["note", "现场评审记录", 28],
          ["earned", "具体得分", 9],
          ["applicable", "适用分值", 8, true],
          ["clause", "条款", 10, true],
        ])
      : role === "self"
        ? columns([
            ["seq", "序号", 5],
            ["subsectionTitle", "要点", 12],
            ["text", "条款", 46],
            ["required", "需提供证明材料", 36],
            ["conclusion", "自评估结论", 10],
            ["score", "分数", 8],
            ["evidence", "证明材料清单", 30],
            ["points", "分值", 6, true],
            ["applicable", "适用分值", 8, true],
            ["earned", "得分", 8, true],
            ["clause", "条款号", 10, true],
          ])
        : columns([
            ["subsectionTitle", "部分", 16],
            ["clause", "条款", 11],
            ["text", "要求", 70],
            ["conclusion", "结论", 10],
            ["note", "说明", 34],
          ]);
  const c = (key: string): Column => {
    const col = cols[key];
    if (col === undefined) throw new Error(`no column ${key} for role ${role}`);
    return col;
  };
  const visible = cols.list.filter((col) => !col.hidden);
  const lastVisible = visible[visible.length - 1] as Column;
  const grid = new Grid(cols.list.length);
  const validations: PlannedValidation[] = [];
  const conditionalFormats: PlannedConditionalFormat[] = [];
  const layoutHeader: Record<string, string> = {};

  // Title and source.
  const title = scheme.title.includes(ROLE_TITLE[role]) ? scheme.title : `${scheme.title} ${ROLE_TITLE[role]}`;
  const titleRow = grid.add(28);
  grid.set(titleRow, 1, { value: title, style: "title" });
  grid.merge(titleRow, 1, titleRow, lastVisible.index, "title");
  const subRow = grid.add(16);
  grid.set(subRow, 1, { value: `依据：${scheme.document}\u3000｜\u3000方案 ${scheme.id}\u3000版本 ${scheme.version}\u3000｜\u3000StarScore 星级评分`, style: "subtitle" });
  grid.merge(subRow, 1, subRow, lastVisible.index, "subtitle");

  // Header fields, two to a row: label, then the entry cell merged across the half.
  const fields = headerFields(scheme, role);
  const half = Math.floor(lastVisible.index / 2);
  // A label takes two columns where the first is too narrow for 评估部门/人员.
  const labelSpan = (cols.list[0]?.width ?? 0) < 10 ? 2 : 1;
  for (let f = 0; f < fields.length; f += 2) {
    const row = grid.add(20);
    for (const [k, start, end] of [
      [f, 1, half],
      [f + 1, half + 1, lastVisible.index],
    ] as const) {
      const field = fields[k];
      if (field === undefined) continue;
      grid.set(row, start, { value: field, style: "label" });
      grid.merge(row, start, row, start + labelSpan - 1, "label");
      grid.set(row, start + labelSpan, { value: null, style: "headerEntry" });
      grid.merge(row, start + labelSpan, row, end, "headerEntry");
      const address = cellAddress(start + labelSpan, row);
      layoutHeader[field] = address;
      if (field === "申报级别" && scheme.levels !== undefined) {
        validations.push({
          range: address,
          rule: { kind: "list", values: scheme.levels.map((l) => l.name) },
          prompt: { title: "申报级别", message: "从列表中选择申报的级别。" },
          error: { title: "级别无效", message: "请从列表中选择本方案的级别。" },
        });
      }
      if (field === "审查类型") {
        validations.push({
          range: address,
          rule: { kind: "list", values: [...AUDIT_TYPES] },
          prompt: { title: "审查类型", message: "初次认证、监督或再认证。" },
          error: { title: "审查类型无效", message: "请选择：初次认证、监督或再认证。" },
        });
      }
    }
  }
  grid.add(6);

  // Column heads.
  const headRow = grid.add(30);
  for (const col of cols.list) grid.set(headRow, col.index, { value: col.header, style: "columnHead" });

  // Item rows.
  const items: { clause: string; row: number }[] = [];
  const firstItemRow = headRow + 1;
  let seq = 0;
  for (const item of scheme.items) {
    const row = grid.add();
    seq += 1;
    items.push({ clause: item.clause, row });
    const text = itemText(item, role === "self");
    const heights: [string, number][] = [[text, c("text").width]];
    grid.set(row, c("clause").index, { value: item.clause, style: role === "checklist" ? "code" : "helper" });
    grid.set(row, c("text").index, { value: role === "checklist" ? text.replace(`${item.clause} `, "") : text, style: "text" });
    const ref = (key: string) => cellAddress(c(key).index, row);
    if (role === "audit") {
      grid.set(row, c("points").index, { value: item.max, style: "points" });
      grid.set(row, c("code").index, { value: item.code ?? null, style: "code" });
      grid.set(row, c("percent").index, { value: null, style: "entryPercent" });
      grid.set(row, c("note").index, { value: null, style: "entryText" });
      const g = ref("percent");
      grid.set(row, c("applicable").index, { formula: `=IF(${isNotApplicable(g)},0,${ref("points")})`, style: "helper" });
      grid.set(row, c("earned").index, {
        formula: `=IF(${ref("applicable")}=0,0,IF(ISNUMBER(${g}),IF(AND(${g}>=0,${g}<=100),${ref("points")}*IF(${g}>1,${g}/100,${g}),0),0))`,
        style: "earned",
      });
    } else if (role === "self") {
      grid.set(row, c("seq").index, { value: seq, style: "points" });
      const required = [...(item.askApplicable === true ? ["确认本条款是否适用？"] : []), ...(item.evidence ?? [])].join("\n");
      grid.set(row, c("required").index, { value: required, style: "text" });
      heights.push([required, c("required").width]);
      grid.set(row, c("conclusion").index, { value: null, style: "entryChoice" });
      grid.set(row, c("score").index, { value: null, style: "entryScore" });
      grid.set(row, c("evidence").index, { value: null, style: "entryText" });
      grid.set(row, c("points").index, { value: item.max, style: "helper" });
      const e = ref("conclusion");
      const f = ref("score");
      grid.set(row, c("applicable").index, { formula: `=IF(OR(${isNotApplicable(e)},${isNotApplicable(f)}),0,${ref("points")})`, style: "helper" });
      grid.set(row, c("earned").index, {
        formula: `=IF(${ref("applicable")}=0,0,IF(ISNUMBER(${f}),IF(AND(${f}>=0,${f}<=${ref("points")}),${f},0),0))`,
        style: "helper",
      });
    } else {
      grid.set(row, c("conclusion").index, { value: null, style: "entryChoice" });
      grid.set(row, c("note").index, { value: null, style: "entryText" });
    }
    grid.setHeight(row, heightFor(heights));
  }
  const lastItemRow = firstItemRow + scheme.items.length - 1;

  // Group cells merged down their rows, as the forms print them.
  const spans = (key: (i: Item) => string) => {
    const out: { first: number; last: number; item: Item }[] = [];
    scheme.items.forEach((item, i) => {
      const prev = out[out.length - 1];
      if (prev !== undefined && key(prev.item) === key(item)) prev.last = firstItemRow + i;
      else out.push({ first: firstItemRow + i, last: firstItemRow + i, item });
    });
    return out;
  };
  for (const span of spans((i) => i.subsectionId)) {
    const label = subsectionLabel(scheme, span.item.sectionIndex, scheme.sections[span.item.sectionIndex]?.subsections.findIndex((u) => u.id === span.item.subsectionId) ?? 0);
    if (role === "audit") {
      grid.set(span.first, c("subsectionId").index, { value: label.id, style: "group" });
      grid.merge(span.first, c("subsectionId").index, span.last, c("subsectionId").index, "group");
      grid.set(span.first, c("subsectionTitle").index, { value: label.title, style: "group" });
    } else {
      grid.set(span.first, c("subsectionTitle").index, { value: role === "self" ? `${label.id}${label.title}` : `${label.id} ${label.title}`, style: "group" });
    }
    grid.merge(span.first, c("subsectionTitle").index, span.last, c("subsectionTitle").index, "group");
  }
  if (role === "audit") {
    for (const span of spans((i) => i.sectionId)) {
      const section = scheme.sections[span.item.sectionIndex];
      grid.set(span.first, c("section").index, { value: section === undefined ? "" : `${section.id} ${section.title}（${pts(section.max)}分）`, style: "group" });
      grid.merge(span.first, c("section").index, span.last, c("section").index, "group");
    }
  }

  // Entry validation and highlights, one rule per column over all item rows.
  const entryRange = (key: string) => rangeAddress(c(key).index, firstItemRow, c(key).index, lastItemRow);
  const top = (key: string) => cellAddress(c(key).index, firstItemRow);
  const abs = (key: string) => `$${c(key).letter}${firstItemRow}`;
  if (role === "audit") {
    const g = top("percent");
    validations.push({
      range: entryRange("percent"),
      rule: { kind: "custom", formula: `OR(AND(ISNUMBER(${g}),${g}>=0,${g}<=100),${NA_WORDS.map((w) => `${g}="${w}"`).join(",")})` },
      prompt: { title: "得分比例", message: "填写 0%–100%（如 95%）。本条款不适用时填“不适用”。" },
      error: { title: "得分比例无效", message: "得分比例应在 0% 到 100% 之间，或填“不适用”。" },
    });
    conditionalFormats.push(
      { range: entryRange("percent"), formula: `AND(ISBLANK(${g}),${abs("points")}>0)`, fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: entryRange("percent"), formula: `AND(ISNUMBER(${g}),OR(${g}<0,${g}>100))`, fill: HIGHLIGHT.error, fontColor: HIGHLIGHT.errorFont, meaning: "out-of-range" },
    );
  } else if (role === "self") {
    const e = top("conclusion");
    const f = top("score");
    validations.push(
      {
        range: entryRange("conclusion"),
        rule: { kind: "list", values: [...CONCLUSIONS] },
        prompt: { title: "自评估结论", message: "选择：符合、不符合或不适用。" },
        error: { title: "结论无效", message: "请从列表中选择：符合、不符合或不适用。" },
      },
      {
        range: entryRange("score"),
        rule: { kind: "decimal", min: 0, max: abs("points") },
        prompt: { title: "分数", message: "填写 0 到本条款满分之间的分数（条款后括号内为满分）。" },
        error: { title: "分数无效", message: "分数应在 0 到本条款满分之间。" },
      },
    );
    conditionalFormats.push(
      { range: entryRange("conclusion"), formula: `ISBLANK(${e})`, fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: entryRange("score"), formula: `AND(ISBLANK(${f}),${abs("applicable")}>0)`, fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: entryRange("score"), formula: `AND(ISNUMBER(${f}),OR(${f}<0,${f}>${abs("points")}))`, fill: HIGHLIGHT.error, fontColor: HIGHLIGHT.errorFont, meaning: "out-of-range" },
      { range: entryRange("evidence"), formula: `AND(ISBLANK(${top("evidence")}),${abs("applicable")}>0,${abs("required")}<>"")`, fill: HIGHLIGHT.evidence, meaning: "missing-evidence" },
    );
  } else {
    validations.push({
      range: entryRange("conclusion"),
      rule: { kind: "list", values: [...CONCLUSIONS] },
      prompt: { title: "结论", message: "选择：符合、不符合或不适用。" },
      error: { title: "结论无效", message: "请从列表中选择：符合、不符合或不适用。" },
    });
    conditionalFormats.push({ range: entryRange("conclusion"), formula: `ISBLANK(${top("conclusion")})`, fill: HIGHLIGHT.missing, meaning: "missing-entry" });
  }

  const layout: SheetLayout = {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    role,
    header: layoutHeader,
    entryColumns:
      role === "audit"
        ? { percent: c("percent").letter, note: c("note").letter }
        : role === "self"
          ? { conclusion: c("conclusion").letter, score: c("score").letter, evidence: c("evidence").letter }
          : { conclusion: c("conclusion").letter, note: c("note").letter },
    structureColumns: {
      clause: c("clause").letter,
      text: c("text").letter,
      ...(role !== "checklist" ? { points: c("points").letter, earned: c("earned").letter, applicable: c("applicable").letter } : {}),
      ...(role === "audit" ? { code: c("code").letter } : {}),
    },
    items,
    deductions: null,
    bonus: null,
    remarks: null,
    results: {},
    firstItemRow,
    lastItemRow,
    lastColumn: lastVisible.letter,
  };

  grid.add(8);
  if (role === "checklist") planChecklistSummary(grid, layout, c("conclusion"), lastVisible);
  else planPointsSummary(scheme, grid, layout, cols.list, lastVisible, validations);

  return {
    sheetName: ROLE_TITLE[role],
    layout,
    columns: cols.list.map(({ key, header, width, hidden }) => ({ key, header, width, hidden })),
    rows: grid.rows,
    merges: grid.merges,
    validations,
    conditionalFormats,
    freezeRows: headRow,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: [headRow, headRow] },
    protect: true,
  };
}

function planChecklistSummary(grid: Grid, layout: SheetLayout, conclusion: Column, last: Column): void {
  const range = `${conclusion.letter}${layout.firstItemRow}:${conclusion.letter}${layout.lastItemRow}`;
  const line = (label: string, formula: string, style: StyleName = "summaryPlain"): string => {
    const row = grid.add(18);
    grid.set(row, 1, { value: label, style: style === "result" ? "totalLabel" : "summaryLabel" });
    grid.merge(row, 1, row, last.index - 1, style === "result" ? "totalLabel" : "summaryLabel");
    grid.set(row, last.index, { formula, style });
    return cellAddress(last.index, row);
  };
  const conform = line("符合", `=COUNTIF(${range},"符合")`);
  const nonconform = line("不符合", `=COUNTIF(${range},"不符合")`);
  line("不适用", `=${NA_WORDS.map((w) => `COUNTIF(${range},"${w}")`).join("+")}`);
  const missing = line("未填写", `=COUNTBLANK(${range})`);
  const verdict = line("结果", `=IF(AND(${nonconform}=0,${missing}=0),"${RESULT_LABELS.allConform}","${RESULT_LABELS.notAllConform}")`, "result");
  layout.results = { passed: verdict };
  void conform;
}

function planPointsSummary(
  scheme: Scheme,
  grid: Grid,
  layout: SheetLayout,
  cols: Column[],
  last: Column,
  validations: PlannedValidation[],
): void {
  const byKey = (key: string) => cols.find((col) => col.key === key) as Column;
  const earnedCol = byKey("earned");
  const appCol = byKey("applicable");
  const labels = resultLabels(scheme);
  // Summary columns: a wide label, then 满分 / 适用满分 / 得分 in the last three visible columns.
  const [maxC, appC, sumC] = [last.index - 2, last.index - 1, last.index];
  const labelEnd = maxC - 1;
  const items = (col: Column, first: number, lastRow: number) => `${col.letter}${first}:${col.letter}${lastRow}`;

  // Special deductions: one row each, clause and reason typed by the auditor.
  const rule = scheme.special?.deduction;
  let deductionRows: [number, number] | null = null;
  if (rule !== undefined) {
    const head = grid.add(20);
    grid.set(head, 1, { value: `${rule.label}（每项扣 ${pts(rule.points)} 分；达到 ${rule.notGradedAt} 项不予评级）`, style: "summaryHead" });
    grid.merge(head, 1, head, last.index, "summaryHead");
    const sub = grid.add(18);
    grid.set(sub, 1, { value: "序号", style: "columnHead" });
    grid.set(sub, 2, { value: "条款", style: "columnHead" });
    grid.set(sub, 3, { value: "扣分原因", style: "columnHead" });
    grid.merge(sub, 3, sub, last.index, "columnHead");
    const first = sub + 1;
    for (let i = 0; i < DEDUCTION_ROWS; i++) {
      const row = grid.add(20);
      grid.set(row, 1, { value: `${rule.code ?? "扣"}-${i + 1}`, style: "points" });
      grid.set(row, 2, { value: null, style: "entryChoice" });
      grid.set(row, 3, { value: null, style: "entryText" });
      grid.merge(row, 3, row, last.index, "entryText");
    }
    const lastRow = first + DEDUCTION_ROWS - 1;
    layout.deductions = { firstRow: first, lastRow, clauseColumn: "B", reasonColumn: "C" };
    deductionRows = [first, lastRow];
  }
  const bonusRule = scheme.special?.bonus;
  let bonusCell: string | null = null;
  if (bonusRule !== undefined) {
    const row = grid.add(20);
    grid.set(row, 1, { value: `${bonusRule.label}（最多 ${pts(bonusRule.max)} 分）`, style: "label" });
    grid.set(row, 2, { value: null, style: "entryScore" });
    grid.set(row, 3, { value: null, style: "entryText" });
    grid.merge(row, 3, row, last.index, "entryText");
    bonusCell = `B${row}`;
    layout.bonus = { points: bonusCell, reason: `C${row}` };
    validations.push({
      range: bonusCell,
      rule: { kind: "decimal", min: 0, max: bonusRule.max },
      prompt: { title: bonusRule.label, message: `0 到 ${pts(bonusRule.max)} 分；右侧填写加分理由。` },
      error: { title: "加分无效", message: `特别加分应在 0 到 ${pts(bonusRule.max)} 分之间。` },
    });
  }
  if (rule !== undefined || bonusRule !== undefined) grid.add(8);

  // Subtotals per section and subsection.
  const head = grid.add(20);
  for (const [col, text] of [
    [1, "部分"],
    [maxC, "满分"],
    [appC, "适用满分"],
    [sumC, "得分"],
  ] as const) grid.set(head, col, { value: text, style: "summaryHead" });
  grid.merge(head, 1, head, labelEnd, "summaryHead");
  const rowsOf = (pred: (i: number) => boolean): [number, number] => {
    const rows = layout.items.map((it, i) => (pred(i) ? it.row : -1)).filter((r) => r > 0);
    return [Math.min(...rows), Math.max(...rows)];
  };
  const subtotal = (label: string, max: number, first: number, lastRow: number, bold: boolean) => {
    const row = grid.add(18);
    grid.set(row, 1, { value: label, style: bold ? "label" : "summaryLabel" });
    grid.merge(row, 1, row, labelEnd, bold ? "label" : "summaryLabel");
    grid.set(row, maxC, { value: max, style: "summaryPlain" });
    grid.set(row, appC, { formula: `=SUM(${items(appCol, first, lastRow)})`, style: "summaryNumber" });
    grid.set(row, sumC, { formula: `=SUM(${items(earnedCol, first, lastRow)})`, style: "summaryNumber" });
    return row;
  };
  scheme.sections.forEach((section, s) => {
    const [f, l] = rowsOf((i) => scheme.items[i]?.sectionIndex === s);
    subtotal(`${section.id} ${section.title}`, section.max, f, l, true);
    if (section.subsections.length > 1 || section.subsections[0]?.id !== section.id) {
      for (const sub of section.subsections) {
        const [sf, sl] = rowsOf((i) => scheme.items[i]?.subsectionId === sub.id);
        subtotal(`\u3000\u3000${sub.id} ${sub.title}`, sub.max, sf, sl, false);
      }
    }
  });
  const fullMarks = scheme.fullMarks ?? 0;
  const rawRow = subtotal("合计（原始得分）", fullMarks, layout.firstItemRow, layout.lastItemRow, true);
  const raw = cellAddress(sumC, rawRow);
  const app = cellAddress(appC, rawRow);

  const result = (label: string, cell: PlannedCell): string => {
    const row = grid.add(22);
    grid.set(row, 1, { value: label, style: "totalLabel" });
    grid.merge(row, 1, row, sumC - 1, "totalLabel");
    grid.set(row, sumC, cell);
    return cellAddress(sumC, row);
  };
  const rescaled = result(`折算得分（原始得分 ÷ 适用满分 × ${pts(fullMarks)}）`, { formula: `=IF(${app}=0,0,${raw}/${app}*${fullMarks})`, style: "total" });
  let count = "0";
  let deductionPoints = "0";
  if (rule !== undefined && deductionRows !== null) {
    // A row counts when its clause or its reason is filled, as the reader counts it.
    const [b, r] = deductionRows;
    count = result(`${rule.label}项数`, { formula: `=SUMPRODUCT(--(((B${b}:B${r}<>"")+(C${b}:C${r}<>""))>0))`, style: "result" });
    deductionPoints = `${count}*${rule.points}`;
  }
  const bonus = bonusRule !== undefined && bonusCell !== null ? `MIN(${bonusRule.max},MAX(0,N(${bonusCell})))` : "0";
  const total = result("总分", {
    formula: `=ROUND(MIN(${fullMarks},MAX(0,${rescaled}-${deductionPoints}+${bonus})),2)`,
    style: "total",
  });

  // The level scale printed on the sheet doubles as the LOOKUP table of the level formula.
  grid.add(8);
  const scaleHead = grid.add(20);
  grid.set(scaleHead, 1, { value: "级别划分（达到该分数以上，含该分数）", style: "summaryHead" });
  grid.merge(scaleHead, 1, scaleHead, sumC - 1, "summaryHead");
  grid.set(scaleHead, sumC, { value: "最低分", style: "summaryHead" });
  const levels = scheme.levels ?? [];
  const firstLevel = scaleHead + 1;
  for (const level of levels) {
    const row = grid.add(18);
    grid.set(row, 1, { value: level.name, style: "summaryLabel" });
    grid.merge(row, 1, row, sumC - 1, "summaryLabel");
    grid.set(row, sumC, { value: level.min, style: "summaryPlain" });
  }
  const lastLevel = firstLevel + levels.length - 1;
  const passMark = scheme.passMarkOrLowest ?? 0;
  // Without the prerequisite's header entry (completeness: the GB/T 27922 certificate number) nothing is graded.
  const prerequisite = scheme.prerequisite !== undefined ? layout.header[scheme.prerequisite.header] : undefined;
  const notGraded = (rule !== undefined ? `,${count}>=${rule.notGradedAt}` : "") + (prerequisite !== undefined ? `,LEN(TRIM(${prerequisite}))=0` : "");
  const graded = (rule !== undefined ? `,${count}<${rule.notGradedAt}` : "") + (prerequisite !== undefined ? `,LEN(TRIM(${prerequisite}))>0` : "");
  grid.add(8);
  const level = result("级别", {
    formula: `=IF(OR(${app}=0${notGraded}),"${labels.notGraded}",IF(${total}<${passMark},"${labels.fail}",LOOKUP(${total},${columnLetter(sumC)}${firstLevel}:${columnLetter(sumC)}${lastLevel},A${firstLevel}:A${lastLevel})))`,
    style: "result",
  });
  const passed = result("结论", { formula: `=IF(AND(${app}>0${graded},${total}>=${passMark}),"${labels.pass}","${labels.notPass}")`, style: "result" });
  layout.results = { raw, applicableMax: app, rescaled, total, level, passed, ...(count !== "0" ? { deductionCount: count } : {}) };

  if (layout.role === "audit") {
    grid.add(8);
    const remark = (label: string): string => {
      const row = grid.add(60);
      grid.set(row, 1, { value: label, style: "label" });
      grid.set(row, 2, { value: null, style: "entryText" });
      grid.merge(row, 2, row, last.index, "entryText");
      return `B${row}`;
    };
    layout.remarks = { strengths: remark("服务系统的优势"), improvements: remark("服务系统改进方向") };
  }
  if (scheme.declaration !== undefined && layout.role === "self") {
    grid.add(8);
    const row = grid.add(heightFor([[scheme.declaration, 120]]) + 20);
    grid.set(row, 1, { value: `${scheme.declaration}\n\n申请组织（盖章）：                    负责人（签字）：                    日期：`, style: "note" });
    grid.merge(row, 1, row, last.index, "note");
  }
}
