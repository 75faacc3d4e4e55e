import type { Item, Scheme } from "../scheme/load";
import { headerFields, roleFits, RoleMismatchError, type Role } from "../scheme/roles";
import { AUDIT_TYPE_WORDS } from "../scheme/words";
import { cellAddress, columnLetter, rangeAddress } from "./address";
import { AUDIT_FORM } from "./forms/audit";
import { SAMPLED_AUDIT_FORM } from "./forms/auditSampled";
import { CHECKLIST_FORM } from "./forms/checklist";
import type { Column, EntryArea, FormDescriptor, ItemCells } from "./forms/form";
import { SELF_FORM } from "./forms/self";
import { Grid, heightFor, pts } from "./grid";
import { planFieldRows } from "./fieldRows";
import { planReportBlock } from "./reportBlock";
import { CHECKLIST_RESULTS_LINE, planColourKey, planInstructions, pointsResultsLine } from "./guide";
import { planChecklistSummary, planPointsSummary, planSignOff, type Summary } from "./summary";
import type { ItemLayout, PlannedConditionalFormat, PlannedValidation, SheetLayout, SheetPlan } from "./types";

/** Each role's form: its columns, item cells, entry rules and summary (src/sheets/forms). */
const FORMS: Record<Role, FormDescriptor> = { audit: AUDIT_FORM, self: SELF_FORM, checklist: CHECKLIST_FORM };

function columnsOf(form: FormDescriptor): { list: Column[]; get: (key: string) => Column } {
  const list = form.columns.map(([key, header, width, hidden], i) => ({ key, header, width, hidden: hidden === true, index: i + 1, letter: columnLetter(i + 1) }));
  const byKey = new Map(list.map((c) => [c.key, c]));
  return {
    list,
    get: (key) => {
      const col = byKey.get(key);
      if (col === undefined) throw new Error(`no column ${key} on the ${form.sheetName}`);
      return col;
    },
  };
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

/** The validation of a header entry cell, for the fields that take a choice. */
function headerValidation(scheme: Scheme, field: string, address: string): PlannedValidation | null {
  if (field === "申报级别" && scheme.levels !== undefined) {
    return {
      range: address,
      rule: { kind: "list", values: scheme.levels.map((l) => l.name) },
      prompt: { title: "申报级别", message: "从列表中选择申报的级别。" },
      error: { title: "级别无效", message: "请从列表中选择本方案的级别。" },
    };
  }
  if (field === "审查类型") {
    return {
      range: address,
      rule: { kind: "list", values: [...AUDIT_TYPE_WORDS] },
      prompt: { title: "审查类型", message: "初次认证、监督或再认证。" },
      error: { title: "审查类型无效", message: "请选择：初次认证、监督或再认证。" },
    };
  }
  return null;
}

/** Title and source, then the header fields two to a row (label, then the entry cell merged across the half). */
function planHeader(
  scheme: Scheme,
  role: Role,
  form: FormDescriptor,
  grid: Grid,
  cols: Column[],
  last: Column,
  validations: PlannedValidation[],
): Record<string, string> {
  const title = scheme.title.includes(form.sheetName) ? scheme.title : `${scheme.title} ${form.sheetName}`;
  const titleRow = grid.add(28);
  grid.set(titleRow, 1, { value: title, style: "title" });
  grid.merge(titleRow, 1, titleRow, last.index, "title");
  grid.text(grid.add(16), 1, last.index, `依据：${scheme.document}\u3000｜\u3000方案 ${scheme.id}\u3000版本 ${scheme.version}\u3000｜\u3000StarScore 星级评分`, "subtitle");

  // Two columns for a label where the first is too narrow for 评估部门/人员.
  const header = planFieldRows(grid, headerFields(scheme, role), last.index, (cols[0]?.width ?? 0) < 10 ? 2 : 1);
  for (const [field, address] of Object.entries(header)) {
    const validation = headerValidation(scheme, field, address);
    if (validation !== null) validations.push(validation);
  }
  grid.add(6);
  return header;
}

/** Group cells merged down their rows, as the forms print them: subsections, and sections where the form has a column. */
function planGroups(scheme: Scheme, form: FormDescriptor, grid: Grid, col: (key: string) => Column, rows: readonly ItemLayout[]): void {
  // The label sits at the top of its merged rows (style "group"), so its first row holds it whole.
  const group = (first: number, last: number, column: Column, value: string) => {
    grid.set(first, column.index, { value, style: "group" });
    grid.merge(first, column.index, last, column.index, "group");
    grid.setHeight(first, heightFor([[value, column.width]]));
  };
  const spans = (key: (i: Item) => string) => {
    const out: { first: number; last: number; item: Item }[] = [];
    scheme.items.forEach((item, i) => {
      const prev = out[out.length - 1];
      const first = rows[i]?.row ?? 0;
      const last = rows[i]?.lastRow ?? first;
      if (prev !== undefined && key(prev.item) === key(item)) prev.last = last;
      else out.push({ first, last, item });
    });
    return out;
  };
  for (const span of spans((i) => i.subsectionId)) {
    const label = subsectionLabel(scheme, span.item.sectionIndex, scheme.sections[span.item.sectionIndex]?.subsections.findIndex((u) => u.id === span.item.subsectionId) ?? 0);
    for (const [key, value] of form.subsectionCells(label)) group(span.first, span.last, col(key), value);
  }
  if (form.sectionColumn !== undefined) {
    const column = col(form.sectionColumn);
    for (const span of spans((i) => i.sectionId)) {
      const section = scheme.sections[span.item.sectionIndex];
      group(span.first, span.last, column, section === undefined ? "" : `${section.id} ${section.title}（${pts(section.max)}分）`);
    }
  }
}

/** Column keys to letters, keeping the descriptor's order (the layout is stored in the workbook as written). */
function lettersOf<K extends string>(keys: { [F in K]?: string }, col: (key: string) => Column): { [F in K]?: string } {
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, col(key as string).letter])) as { [F in K]?: string };
}

/**
 * Lays out a scheme for a role: self (自评估表), audit (评分表) or checklist (检查表), each described in
 * src/sheets/forms. Pure: the same plan feeds every writer, whether it writes a file or a workbook open in Excel.
 */
export function planSheet(scheme: Scheme, role: Role): SheetPlan {
  if (!roleFits(scheme, role)) throw new RoleMismatchError(scheme, role);
  // Where partial credit needs samples (CCT 附件2 评分要求 1), the audit sheet takes the sample record too.
  const form = role === "audit" && scheme.partialCredit?.needsSamples === true ? SAMPLED_AUDIT_FORM : FORMS[role];
  const { list: cols, get: col } = columnsOf(form);
  const visible = cols.filter((c) => !c.hidden);
  const last = visible[visible.length - 1] as Column;
  const grid = new Grid(cols.map((c) => (c.hidden ? 0 : c.width)));
  const validations: PlannedValidation[] = [];
  const conditionalFormats: PlannedConditionalFormat[] = [];

  const header = planHeader(scheme, role, form, grid, cols, last, validations);
  // Under the header, kept in view by the frozen rows: the colour key, then the results (filled in by the summary).
  const keyRow = grid.add();
  const resultsLine = grid.add(24);

  const headRow = grid.add(30);
  for (const c of cols) grid.set(headRow, c.index, { value: c.header, style: "columnHead" });
  grid.setHeight(headRow, heightFor(visible.map((c) => [c.header, c.width])));

  // Item rows: clause and text, then the form's own cells; an item with further rows (material lines) spans them.
  const items: ItemLayout[] = [];
  const firstItemRow = headRow + 1;
  const wrapped = (wraps: ItemCells["wraps"]): [string, number][] => (wraps ?? []).map(([t, key]) => [t, col(key).width]);
  scheme.items.forEach((item, i) => {
    const row = grid.add();
    const text = itemText(item, form.text.withPoints);
    grid.set(row, col("clause").index, { value: item.clause, style: form.clauseStyle });
    grid.set(row, col("text").index, { value: form.text.withClause ? text : text.replace(`${item.clause} `, ""), style: "text" });
    const own = form.itemCells(item, (key, line = 0) => cellAddress(col(key).index, row + line), i + 1);
    for (const [key, cell] of own.cells) grid.set(row, col(key).index, cell);
    const below = own.below ?? [];
    if (below.length === 0) {
      grid.setHeight(row, heightFor([[text, col("text").width], ...wrapped(own.wraps)]));
      items.push({ clause: item.clause, row });
      return;
    }
    // Several rows, each as tall as its own line; the first also as tall as the clause text, which is merged down
    // them all at the top (style "text"): rows never split across pages, but a merged area does, so the text must
    // fit its first row (as group labels do).
    grid.setHeight(row, heightFor([[text, col("text").width], ...wrapped(own.wraps)]));
    for (const line of below) {
      const r = grid.add();
      for (const [key, cell] of line.cells) grid.set(r, col(key).index, cell);
      grid.setHeight(r, heightFor(wrapped(line.wraps)));
    }
    const lastRow = row + below.length;
    grid.merge(row, col("text").index, lastRow, col("text").index, "text");
    items.push({ clause: item.clause, row, lastRow });
  });
  const lastItemRow = grid.rows.length;
  planGroups(scheme, form, grid, col, items);

  // Entry validation and highlights, one rule per column over all item rows.
  const area: EntryArea = {
    range: (key) => rangeAddress(col(key).index, firstItemRow, col(key).index, lastItemRow),
    top: (key) => cellAddress(col(key).index, firstItemRow),
    fixed: (key) => `$${col(key).letter}${firstItemRow}`,
  };
  const rules = form.entryRules(area);
  validations.push(...rules.validations);
  conditionalFormats.push(...rules.conditionalFormats);

  const layout: SheetLayout = {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    role,
    header,
    team: null,
    entryColumns: lettersOf(form.entryColumns, col),
    structureColumns: lettersOf(form.structureColumns, col),
    items,
    deductions: null,
    bonus: null,
    remarks: null,
    results: {},
    firstItemRow,
    lastItemRow,
    lastColumn: last.letter,
  };

  // The summary starts a printed page (print.pageStarts): the spacer stays under the items.
  const summaryStart = grid.add(8) + 1;
  const summary: Summary = { grid, layout, last, validations, conditionalFormats, resultsLine };
  const unfilled = form.unfilled(area);
  if (form.summary.kind === "checklist") planChecklistSummary(summary, col("conclusion"), unfilled);
  else planPointsSummary(scheme, summary, { earned: col("earned"), applicable: col("applicable") }, form.summary, unfilled);
  // What only the audit report needs, and the members table, then the line to sign: a page of their own, so the block
  // is not cut between the summary's last page and the next.
  const report = planReportBlock(scheme, role, grid, visible, header, validations);
  layout.team = report?.team ?? null;
  if (form.summary.kind === "points") planSignOff(scheme, summary, form.summary);
  planColourKey(grid, keyRow, last, conditionalFormats);
  const resultsHow = form.summary.kind === "checklist" ? CHECKLIST_RESULTS_LINE : pointsResultsLine(layout.results.claim !== undefined);
  planInstructions(grid, last, [...form.instructions(scheme), resultsHow], conditionalFormats);

  return {
    sheetName: form.sheetName,
    layout,
    columns: cols.map(({ key, header: head, width, hidden }) => ({ key, header: head, width, hidden })),
    rows: grid.rows,
    merges: grid.merges,
    validations,
    conditionalFormats,
    freezeRows: headRow,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: [headRow, headRow], footer: "第 &P 页，共 &N 页", pageStarts: [summaryStart, ...(report !== null ? [report.titleRow] : [])] },
    protect: true,
  };
}
