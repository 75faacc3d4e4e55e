import type { Item, Scheme } from "../../scheme/load";
import { CONCLUSION_CHOICES } from "../../scheme/words";
import type { PlannedCell, PlannedColumn, PlannedConditionalFormat, PlannedValidation, SheetLayout, StyleName } from "../types";

/**
 * What one role's form is: its columns, the cells of an item row, how its groups are labelled, the rules on its
 * entry cells, where its entries and structure live, and what follows the items. planSheet (plan.ts) assembles
 * any form from this; a new column is a line in the form's descriptor and, where it holds an entry, a rule.
 */

/** A column: key (what it holds), header, width in characters, hidden or not. */
export type ColumnSpec = [key: string, header: string, width: number, hidden?: boolean];

export interface Column extends PlannedColumn {
  index: number;
  letter: string;
}

/** The A1 addresses of one item's cells, by column key: on its first row, or on its `line`-th row (from 0). */
export type RowRefs = (key: string, line?: number) => string;

/** The entry area (all item rows) of a column, by key: `G8:G101`, its top cell `G8`, and `$G8` for rules. */
export interface EntryArea {
  range: (key: string) => string;
  top: (key: string) => string;
  /** The top cell with its column fixed, as a rule over the whole range refers to another column. */
  fixed: (key: string) => string;
}

/** The cells of one item row beyond its clause and text, and other texts whose wrapping sets the row's height. */
export interface ItemCells {
  cells: [key: string, cell: PlannedCell][];
  wraps?: [text: string, key: string][];
  /**
   * The item's further rows, below its first (the self form's material lines: one row per required material).
   * Where an item has them, its clause text is merged down all its rows; its entries stay on the first.
   */
  below?: { cells: [key: string, cell: PlannedCell][]; wraps?: [text: string, key: string][] }[];
}

export interface FormDescriptor {
  /** The sheet's name and the title's suffix: 自评估表, 评分表, 检查表. */
  sheetName: string;
  columns: ColumnSpec[];
  /** How the item text shows: with each clause's points (the self form), and with its clause number. */
  text: { withPoints: boolean; withClause: boolean };
  clauseStyle: StyleName;
  /** `seq`: the item's number on the form, from 1. */
  itemCells: (item: Item, at: RowRefs, seq: number) => ItemCells;
  /** The cells that label a subsection, each merged down its rows. */
  subsectionCells: (label: { id: string; title: string }) => [key: string, value: string][];
  /** The column that labels each section, merged down its rows, where the form has one. */
  sectionColumn?: string;
  entryRules: (area: EntryArea) => { validations: PlannedValidation[]; conditionalFormats: PlannedConditionalFormat[] };
  /**
   * 未填项数: the formula counting the item rows that owe an entry and have one empty — the rows its missing-entry
   * highlights mark, and the items the engine counts as unfilled.
   */
  unfilled: (area: EntryArea) => string;
  /** The form's own lines of its 填写说明: who fills it, what goes in each entry column, how 删减 works. */
  instructions: (scheme: Scheme) => string[];
  /** Entry field → column key. */
  entryColumns: { [F in keyof SheetLayout["entryColumns"]]?: string };
  /** Structure field → column key. */
  structureColumns: { [F in keyof SheetLayout["structureColumns"]]?: string };
  /**
   * What follows the items: the points summary — with the auditor's special deductions, bonus and remarks, or the
   * applicant's declaration — or the checklist's counts.
   */
  summary: { kind: "points"; remarks: boolean; declaration: boolean; specials: boolean } | { kind: "checklist" };
}

/** An input message on an entry column that takes any text: what to write there. */
export function prompt(range: string, title: string, message: string): PlannedValidation {
  return { range, rule: { kind: "any" }, prompt: { title, message }, error: { title, message } };
}

/** The list rule of a conclusion column: 符合, 不符合 or 不适用. `title` names the column in the prompt. */
export function conclusionChoice(range: string, title: string): PlannedValidation {
  return {
    range,
    rule: { kind: "list", values: [...CONCLUSION_CHOICES] },
    prompt: { title, message: "选择：符合、不符合或不适用。不适用（删减）时须写明理由。" },
    error: { title: "结论无效", message: "请从列表中选择：符合、不符合或不适用。" },
  };
}
