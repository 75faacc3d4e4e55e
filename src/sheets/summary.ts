import type { Scheme } from "../scheme/load";
import { CLAIM_WORDS, CONCLUSION_WORDS, INCOMPLETE_WORDS, RESULT_WORDS } from "../scheme/words";
import { resultWords } from "../scoring/levels";
import { cellAddress, columnLetter } from "./address";
import {
  cappedBonus,
  checklistResult,
  claimCheck,
  countNotApplicable,
  countOf,
  deductionsBelow,
  filledRows,
  headerFilled,
  labelled,
  labelledTotal,
  levelOf,
  passedOf,
  rescaledTotal,
  sumOf,
  total as totalOf,
  type GradingCondition,
} from "./formulas";
import { prompt, type Column } from "./forms/form";
import { heightFor, pts, type Grid } from "./grid";
import { displayWidth } from "./textWidth";
import { HIGHLIGHT } from "./styles";
import type { PlannedCell, PlannedConditionalFormat, PlannedValidation, SheetLayout, StyleName } from "./types";

/** Rows kept for special deductions: the fifth is the one that stops grading, so room for a few more. */
const DEDUCTION_ROWS = 8;

/** The widest result a cell shows, 未填完（999 项未填）, in characters: result values get at least this much room. */
const RESULT_WIDTH = displayWidth(`${INCOMPLETE_WORDS.zh.before}999${INCOMPLETE_WORDS.zh.after}`) + 4;

/** What the summary below the items writes into. */
export interface Summary {
  grid: Grid;
  layout: SheetLayout;
  /** The last visible column: summaries end there. */
  last: Column;
  validations: PlannedValidation[];
  conditionalFormats: PlannedConditionalFormat[];
  /** The row under the header where the results are repeated in view (planResultsLine). */
  resultsLine: number;
}

/** The first column of a value that ends at the last visible column and is at least `width` characters wide. */
function valueStart(grid: Grid, last: Column, width: number): number {
  let start = last.index;
  while (start > 2 && grid.span(start, last.index) < width) start -= 1;
  return start;
}

/** A labelled result row: the label across the left, the value across the right wide enough for 未填完（n 项未填）. */
function resultRow({ grid, last }: Summary, label: string, cell: PlannedCell, labelStyle: StyleName = "totalLabel"): string {
  const start = valueStart(grid, last, RESULT_WIDTH);
  const row = grid.add(22);
  grid.set(row, 1, { value: label, style: labelStyle });
  grid.merge(row, 1, row, start - 1, labelStyle);
  grid.set(row, start, cell);
  grid.merge(row, start, row, last.index, cell.style);
  return cellAddress(start, row);
}

/**
 * Columns first…last split into `needs.length` runs, each as wide as it can be for what it must hold: the split
 * whose tightest run has the most room for its text. Forms have a dozen columns at most, so every split is tried.
 */
export function splitColumns(grid: Grid, first: number, last: number, needs: readonly number[]): [number, number][] {
  let best: { score: number; runs: [number, number][] } | null = null;
  const walk = (start: number, k: number, runs: [number, number][]): void => {
    if (k === needs.length - 1) {
      const all: [number, number][] = [...runs, [start, last]];
      const score = Math.min(...all.map(([a, b], i) => grid.span(a, b) / (needs[i] ?? 1)));
      if (best === null || score > best.score) best = { score, runs: all };
      return;
    }
    for (let end = start; end <= last - (needs.length - 1 - k); end++) walk(end + 1, k + 1, [...runs, [start, end]]);
  };
  walk(first, 0, []);
  return (best as { runs: [number, number][] } | null)?.runs ?? [[first, last]];
}

/**
 * The results repeated on one line under the header, where the frozen rows keep them in view: each a formula
 * showing its label and the summary's own cell, so the line holds no rule of its own.
 */
function planResultsLine({ grid, resultsLine, last }: Summary, parts: { formula: string; width: number }[]): string[] {
  const runs = splitColumns(
    grid,
    1,
    last.index,
    parts.map((p) => p.width),
  );
  return runs.map(([a, b], i) => {
    grid.set(resultsLine, a, { formula: parts[i]?.formula ?? "", style: "strip" });
    grid.merge(resultsLine, a, resultsLine, b, "strip");
    return cellAddress(a, resultsLine);
  });
}

/** A checklist's counts of each conclusion and its result, one line each, and the same on the line under the header. */
export function planChecklistSummary(summary: Summary, conclusion: Column, unfilledFormula: string): void {
  const { grid, layout, last } = summary;
  const range = `${conclusion.letter}${layout.firstItemRow}:${conclusion.letter}${layout.lastItemRow}`;
  const line = (label: string, formula: string, style: StyleName = "summaryPlain"): string => {
    const row = grid.add(18);
    grid.set(row, 1, { value: label, style: style === "result" ? "totalLabel" : "summaryLabel" });
    grid.merge(row, 1, row, last.index - 1, style === "result" ? "totalLabel" : "summaryLabel");
    grid.set(row, last.index, { formula, style });
    return cellAddress(last.index, row);
  };
  const conform = line(CONCLUSION_WORDS.conform.zh, countOf(range, CONCLUSION_WORDS.conform.zh));
  const nonconform = line(CONCLUSION_WORDS.nonconform.zh, countOf(range, CONCLUSION_WORDS.nonconform.zh));
  const notApplicable = line(CONCLUSION_WORDS.na.zh, countNotApplicable(range));
  const unfilled = line("未填写", unfilledFormula);
  const words = { yes: RESULT_WORDS.allConform.zh, no: RESULT_WORDS.notAllConform.zh };
  const verdict = resultRow(summary, "结果", { formula: checklistResult(unfilled, conform, notApplicable, layout.items.length, words), style: "result" });
  layout.results = { passed: verdict, unfilled };
  const counts = `="${CONCLUSION_WORDS.conform.zh} "&${conform}&" · ${CONCLUSION_WORDS.nonconform.zh} "&${nonconform}&" · ${CONCLUSION_WORDS.na.zh} "&${notApplicable}&" · 未填 "&${unfilled}`;
  planResultsLine(summary, [
    { formula: counts, width: 40 },
    { formula: labelled("结果：", verdict), width: RESULT_WIDTH + 6 },
  ]);
  signature(summary, "审查员（签字）：", "日期：");
}

/** Special deductions: one row each, clause and reason typed by the auditor. Returns the first and last row. */
function deductionRows({ grid, layout, last, validations }: Summary, rule: NonNullable<NonNullable<Scheme["special"]>["deduction"]>): [number, number] {
  grid.text(grid.add(20), 1, last.index, `${rule.label}（每项扣 ${pts(rule.points)} 分；达到 ${rule.notGradedAt} 项不予评级）`, "summaryHead");
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
  validations.push(
    prompt(`B${first}:B${lastRow}`, "条款", "扣分涉及的条款号，如 5.2.1.1；不涉及具体条款时可不填。"),
    prompt(`C${first}:C${lastRow}`, "扣分原因", `写明事实和依据：${rule.text}`.slice(0, 250)),
  );
  return [first, lastRow];
}

/** The bonus: its label across the first columns wide enough for it, its points, and the reason. Returns the points cell. */
function bonusRow({ grid, layout, last, validations }: Summary, rule: NonNullable<NonNullable<Scheme["special"]>["bonus"]>): string {
  const label = `${rule.label}（最多 ${pts(rule.max)} 分）`;
  let labelEnd = 1;
  while (labelEnd < last.index - 2 && grid.span(1, labelEnd) < Math.min(displayWidth(label), 20)) labelEnd += 1;
  const row = grid.add(20);
  grid.text(row, 1, labelEnd, label, "label");
  grid.set(row, labelEnd + 1, { value: null, style: "entryScore" });
  grid.set(row, labelEnd + 2, { value: null, style: "entryText" });
  grid.merge(row, labelEnd + 2, row, last.index, "entryText");
  const cell = cellAddress(labelEnd + 1, row);
  const reason = cellAddress(labelEnd + 2, row);
  layout.bonus = { points: cell, reason };
  validations.push(
    {
      range: cell,
      rule: { kind: "decimal", min: 0, max: rule.max },
      prompt: { title: rule.label, message: `0 到 ${pts(rule.max)} 分；右侧填写加分理由。` },
      error: { title: "加分无效", message: `特别加分应在 0 到 ${pts(rule.max)} 分之间。` },
    },
    prompt(reason, "加分理由", `写明特别优势的事实：${rule.text}`.slice(0, 250)),
  );
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
  grid.setHeight(head, heightFor([[ "适用满分", grid.span(appC, appC)], ["满分", grid.span(maxC, maxC)]]));
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
function remarks({ grid, layout, last, validations }: Summary): void {
  grid.add(8);
  const remark = (label: string, hint: string): string => {
    const row = grid.add(60);
    grid.set(row, 1, { value: label, style: "label" });
    grid.set(row, 2, { value: null, style: "entryText" });
    grid.merge(row, 2, row, last.index, "entryText");
    validations.push(prompt(`B${row}`, label, hint));
    return `B${row}`;
  };
  layout.remarks = {
    strengths: remark("服务系统的优势", "写明受审查组织售后服务的突出做法和优势，供审查报告引用。"),
    improvements: remark("服务系统改进方向", "写明需要改进之处和建议，供审查报告引用。"),
  };
}

/**
 * A line to sign on, in a row of its own that never wraps, so no page break or short row can cut it: the parts
 * spread over the width, each with room to sign after it.
 */
function signature({ grid, last }: Summary, ...parts: string[]): void {
  grid.add(10);
  const row = grid.add(30);
  const runs = splitColumns(
    grid,
    1,
    last.index,
    parts.map((p) => displayWidth(p) + 16),
  );
  runs.forEach(([a, b], i) => {
    grid.set(row, a, { value: parts[i] ?? "", style: "signature" });
    grid.merge(row, a, row, b, "signature");
  });
}

/** Where the applicant signs and stamps the self-assessment. */
const APPLICANT_SIGNS = ["申请组织（盖章）：", "负责人（签字）：", "日期："];

/** The applicant's declaration, in the words of the scheme's form, then the line to sign and stamp. */
function declaration(summary: Summary, text: string): void {
  const { grid, last } = summary;
  grid.add(8);
  grid.text(grid.add(), 1, last.index, text, "note");
  signature(summary, ...APPLICANT_SIGNS);
}

/**
 * A points form's summary: the auditor's special deductions and bonus (on the audit sheet only), subtotals, the
 * rescaled total, the total, the level scale, how many rows are unfilled, level, pass and the claimed level's
 * check — then the auditor's remarks. The results are repeated on the line under the header. The line to sign (and
 * the applicant's declaration) follows in planSignOff, after whatever the form puts between.
 */
export function planPointsSummary(
  scheme: Scheme,
  summary: Summary,
  columns: { earned: Column; applicable: Column },
  extras: { remarks: boolean; declaration: boolean; specials: boolean },
  unfilledFormula: string,
): void {
  const { grid, layout } = summary;
  const words = resultWords(scheme);
  const fullMarks = scheme.fullMarks ?? 0;
  const rule = extras.specials ? scheme.special?.deduction : undefined;
  const deductions = rule !== undefined ? deductionRows(summary, rule) : null;
  const bonusRule = extras.specials ? scheme.special?.bonus : undefined;
  const bonusCell = bonusRule !== undefined ? bonusRow(summary, bonusRule) : null;
  if (rule !== undefined || bonusRule !== undefined) grid.add(8);

  const { raw, applicableMax } = subtotals(scheme, summary, columns.earned, columns.applicable);
  const rescaled = resultRow(summary, `折算得分（原始得分 ÷ 适用满分 × ${pts(fullMarks)}）`, { formula: rescaledTotal(raw, applicableMax, fullMarks), style: "total" });
  const conditions: GradingCondition[] = [];
  let count: string | null = null;
  let deductionPoints = "0";
  if (rule !== undefined && deductions !== null) {
    const [b, r] = deductions;
    count = resultRow(summary, `${rule.label}项数`, { formula: filledRows(`B${b}:B${r}`, `C${b}:C${r}`), style: "result" });
    deductionPoints = `${count}*${rule.points}`;
    conditions.push(deductionsBelow(count, rule.notGradedAt));
  }
  const bonus = bonusRule !== undefined && bonusCell !== null ? cappedBonus(bonusCell, bonusRule.max) : "0";
  const total = resultRow(summary, "总分", { formula: totalOf(rescaled, deductionPoints, bonus, fullMarks), style: "total" });

  const scale = levelScale(scheme, summary);
  const passMark = scheme.passMarkOrLowest ?? 0;
  // Without the prerequisite's header entry (completeness: the GB/T 27922 certificate number) nothing is graded.
  const prerequisite = scheme.prerequisite !== undefined ? layout.header[scheme.prerequisite.header] : undefined;
  if (prerequisite !== undefined) conditions.push(headerFilled(prerequisite));
  grid.add(8);
  const unfilled = resultRow(summary, "未填写的条款数（填完为 0）", { formula: unfilledFormula, style: "result" });
  const level = resultRow(summary, "级别", { formula: levelOf(applicableMax, total, passMark, conditions, scale, words, unfilled), style: "result" });
  const passed = resultRow(summary, "结论", { formula: passedOf(applicableMax, total, passMark, conditions, words, unfilled), style: "result" });
  // The claimed level against the result, as SS501 weighs it, where the form has a 申报级别 and the scheme levels.
  const claimed = layout.header["申报级别"];
  const claim =
    claimed !== undefined && (scheme.levels ?? []).length > 0 ? resultRow(summary, "申报级别核对（申报级别不得高于评定结果）", { formula: claimCheck(claimed, unfilled, level, scale), style: "result" }) : null;
  layout.results = { raw, applicableMax, rescaled, total, level, passed, unfilled, ...(claim !== null ? { claim } : {}), ...(count !== null ? { deductionCount: count } : {}) };
  const shown = planResultsLine(summary, [
    { formula: labelledTotal("总分 ", total, fullMarks), width: 22 },
    { formula: labelled("级别：", level), width: RESULT_WIDTH + 6 },
    { formula: labelled("结论：", passed), width: RESULT_WIDTH + 6 },
    ...(claim !== null ? [{ formula: labelled("申报级别：", claim), width: 30 }] : []),
  ]);
  // A claim above the result in red, where it is worked out and on the line under the header.
  if (claim !== null) {
    const fixed = claim.replace(/^([A-Z]+)([0-9]+)$/, "$$$1$$$2");
    for (const at of [claim, shown[3] ?? claim]) {
      summary.conditionalFormats.push({ range: at, formula: `${fixed}="${CLAIM_WORDS.above}"`, fill: HIGHLIGHT.error, fontColor: HIGHLIGHT.errorFont, meaning: "claim-above" });
    }
  }

  if (extras.remarks) remarks(summary);
}

/** The end of a points form: the auditor's line to sign, or the applicant's declaration and theirs. */
export function planSignOff(scheme: Scheme, summary: Summary, extras: { declaration: boolean }): void {
  if (!extras.declaration) signature(summary, "审查员（签字）：", "日期：");
  else if (scheme.declaration !== undefined) declaration(summary, scheme.declaration);
  else signature(summary, ...APPLICANT_SIGNS);
}
