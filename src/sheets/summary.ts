import type { Scheme } from "../scheme/load";
import { CONCLUSION_WORDS, RESULT_WORDS } from "../scheme/words";
import { resultWords } from "../scoring/levels";
import { cellAddress, columnLetter } from "./address";
import {
  allConform,
  cappedBonus,
  countEmpty,
  countNotApplicable,
  countOf,
  deductionsBelow,
  filledRows,
  headerFilled,
  levelOf,
  passedOf,
  rescaledTotal,
  sumOf,
  total as totalOf,
  type GradingCondition,
} from "./formulas";
import type { Column } from "./forms/form";
import { heightFor, pts, type Grid } from "./grid";
import type { PlannedCell, PlannedValidation, SheetLayout, StyleName } from "./types";

/** Rows kept for special deductions: the fifth is the one that stops grading, so room for a few more. */
const DEDUCTION_ROWS = 8;

/** What the summary below the items writes into. */
export interface Summary {
  grid: Grid;
  layout: SheetLayout;
  /** The last visible column: summaries end there. */
  last: Column;
  validations: PlannedValidation[];
}

/** A checklist's counts of each conclusion and its result, one line each. */
export function planChecklistSummary({ grid, layout, last }: Summary, conclusion: Column): void {
  const range = `${conclusion.letter}${layout.firstItemRow}:${conclusion.letter}${layout.lastItemRow}`;
  const line = (label: string, formula: string, style: StyleName = "summaryPlain"): string => {
    const row = grid.add(18);
    grid.set(row, 1, { value: label, style: style === "result" ? "totalLabel" : "summaryLabel" });
    grid.merge(row, 1, row, last.index - 1, style === "result" ? "totalLabel" : "summaryLabel");
    grid.set(row, last.index, { formula, style });
    return cellAddress(last.index, row);
  };
  line(CONCLUSION_WORDS.conform.zh, countOf(range, CONCLUSION_WORDS.conform.zh));
  const nonconform = line(CONCLUSION_WORDS.nonconform.zh, countOf(range, CONCLUSION_WORDS.nonconform.zh));
  line(CONCLUSION_WORDS.na.zh, countNotApplicable(range));
  const missing = line("未填写", countEmpty(range));
  const verdict = line("结果", allConform(nonconform, missing, { yes: RESULT_WORDS.allConform.zh, no: RESULT_WORDS.notAllConform.zh }), "result");
  layout.results = { passed: verdict };
}

/** Special deductions: one row each, clause and reason typed by the auditor. Returns the first and last row. */
function deductionRows({ grid, layout, last }: Summary, rule: NonNullable<NonNullable<Scheme["special"]>["deduction"]>): [number, number] {
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
  return [first, lastRow];
}

/** The bonus: its points and the reason for it. Returns the points cell. */
function bonusRow({ grid, layout, last, validations }: Summary, rule: NonNullable<NonNullable<Scheme["special"]>["bonus"]>): string {
  const row = grid.add(20);
  grid.set(row, 1, { value: `${rule.label}（最多 ${pts(rule.max)} 分）`, style: "label" });
  grid.set(row, 2, { value: null, style: "entryScore" });
  grid.set(row, 3, { value: null, style: "entryText" });
  grid.merge(row, 3, row, last.index, "entryText");
  const cell = `B${row}`;
  layout.bonus = { points: cell, reason: `C${row}` };
  validations.push({
    range: cell,
    rule: { kind: "decimal", min: 0, max: rule.max },
    prompt: { title: rule.label, message: `0 到 ${pts(rule.max)} 分；右侧填写加分理由。` },
    error: { title: "加分无效", message: `特别加分应在 0 到 ${pts(rule.max)} 分之间。` },
  });
  return cell;
}

/**
 * Subtotals per section and subsection, then the whole: 满分 / 适用满分 / 得分 in the last three visible
 * columns. Returns the total row's raw-sum and applicable-maximum cells.
 */
function subtotals(scheme: Scheme, { grid, layout, last }: Summary, earned: Column, applicable: Column): { raw: string; applicableMax: string } {
  const [maxC, appC, sumC] = [last.index - 2, last.index - 1, last.index];
  const labelEnd = maxC - 1;
  const rangeOf = (col: Column, first: number, lastRow: number) => `${col.letter}${first}:${col.letter}${lastRow}`;
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
    grid.set(row, appC, { formula: sumOf(rangeOf(applicable, first, lastRow)), style: "summaryNumber" });
    grid.set(row, sumC, { formula: sumOf(rangeOf(earned, first, lastRow)), style: "summaryNumber" });
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
  const rawRow = subtotal("合计（原始得分）", scheme.fullMarks ?? 0, layout.firstItemRow, layout.lastItemRow, true);
  return { raw: cellAddress(sumC, rawRow), applicableMax: cellAddress(appC, rawRow) };
}

/** The level scale printed on the sheet; it doubles as the LOOKUP table of the level formula. */
function levelScale(scheme: Scheme, { grid, last }: Summary): { mins: string; names: string } {
  const sumC = last.index;
  grid.add(8);
  const head = grid.add(20);
  grid.set(head, 1, { value: "级别划分（达到该分数以上，含该分数）", style: "summaryHead" });
  grid.merge(head, 1, head, sumC - 1, "summaryHead");
  grid.set(head, sumC, { value: "最低分", style: "summaryHead" });
  const levels = scheme.levels ?? [];
  const first = head + 1;
  for (const level of levels) {
    const row = grid.add(18);
    grid.set(row, 1, { value: level.name, style: "summaryLabel" });
    grid.merge(row, 1, row, sumC - 1, "summaryLabel");
    grid.set(row, sumC, { value: level.min, style: "summaryPlain" });
  }
  const lastLevel = first + levels.length - 1;
  return { mins: `${columnLetter(sumC)}${first}:${columnLetter(sumC)}${lastLevel}`, names: `A${first}:A${lastLevel}` };
}

/** The auditor's 优势 and 改进方向, each a tall entry cell. */
function remarks({ grid, layout, last }: Summary): void {
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

/** The applicant's declaration, with room to sign and stamp. */
function declaration({ grid, last }: Summary, text: string): void {
  grid.add(8);
  const row = grid.add(heightFor([[text, 120]]) + 20);
  grid.set(row, 1, { value: `${text}\n\n申请组织（盖章）：                    负责人（签字）：                    日期：`, style: "note" });
  grid.merge(row, 1, row, last.index, "note");
}

/**
 * A points form's summary: special deductions and bonus, subtotals, the rescaled total, the total, the level
 * scale, level and pass — then the auditor's remarks or the applicant's declaration.
 */
export function planPointsSummary(
  scheme: Scheme,
  summary: Summary,
  columns: { earned: Column; applicable: Column },
  extras: { remarks: boolean; declaration: boolean },
): void {
  const { grid, layout, last } = summary;
  const words = resultWords(scheme);
  const fullMarks = scheme.fullMarks ?? 0;
  const rule = scheme.special?.deduction;
  const deductions = rule !== undefined ? deductionRows(summary, rule) : null;
  const bonusRule = scheme.special?.bonus;
  const bonusCell = bonusRule !== undefined ? bonusRow(summary, bonusRule) : null;
  if (rule !== undefined || bonusRule !== undefined) grid.add(8);

  const { raw, applicableMax } = subtotals(scheme, summary, columns.earned, columns.applicable);
  const sumC = last.index;
  const result = (label: string, cell: PlannedCell): string => {
    const row = grid.add(22);
    grid.set(row, 1, { value: label, style: "totalLabel" });
    grid.merge(row, 1, row, sumC - 1, "totalLabel");
    grid.set(row, sumC, cell);
    return cellAddress(sumC, row);
  };
  const rescaled = result(`折算得分（原始得分 ÷ 适用满分 × ${pts(fullMarks)}）`, { formula: rescaledTotal(raw, applicableMax, fullMarks), style: "total" });
  const conditions: GradingCondition[] = [];
  let count: string | null = null;
  let deductionPoints = "0";
  if (rule !== undefined && deductions !== null) {
    const [b, r] = deductions;
    count = result(`${rule.label}项数`, { formula: filledRows(`B${b}:B${r}`, `C${b}:C${r}`), style: "result" });
    deductionPoints = `${count}*${rule.points}`;
    conditions.push(deductionsBelow(count, rule.notGradedAt));
  }
  const bonus = bonusRule !== undefined && bonusCell !== null ? cappedBonus(bonusCell, bonusRule.max) : "0";
  const total = result("总分", { formula: totalOf(rescaled, deductionPoints, bonus, fullMarks), style: "total" });

  const scale = levelScale(scheme, summary);
  const passMark = scheme.passMarkOrLowest ?? 0;
  // Without the prerequisite's header entry (completeness: the GB/T 27922 certificate number) nothing is graded.
  const prerequisite = scheme.prerequisite !== undefined ? layout.header[scheme.prerequisite.header] : undefined;
  if (prerequisite !== undefined) conditions.push(headerFilled(prerequisite));
  grid.add(8);
  const level = result("级别", { formula: levelOf(applicableMax, total, passMark, conditions, scale, words), style: "result" });
  const passed = result("结论", { formula: passedOf(applicableMax, total, passMark, conditions, words), style: "result" });
  layout.results = { raw, applicableMax, rescaled, total, level, passed, ...(count !== null ? { deductionCount: count } : {}) };

  if (extras.remarks) remarks(summary);
  if (extras.declaration && scheme.declaration !== undefined) declaration(summary, scheme.declaration);
}
