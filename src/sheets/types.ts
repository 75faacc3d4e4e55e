import type { Role, TeamKey } from "../scheme/roles";

/**
 * A SheetPlan says what goes in every cell of a laid-out sheet: values, formulas, styles, merges,
 * validation, conditional formats, protection, print setup and where each entry lives. It is pure data:
 * the file writer and the live-workbook writer (the adapters outside the core) both turn the same plan
 * into cells, so the layout lives in one place.
 */

export type CellValue = string | number | boolean | null;

/** Named styles; `STYLES` in styles.ts says what each looks like. */
export type StyleName =
  | "title"
  | "subtitle"
  | "label"
  | "headerEntry"
  | "columnHead"
  | "group"
  | "text"
  | "points"
  | "code"
  | "entryPercent"
  | "entryScore"
  | "entryChoice"
  | "entryText"
  | "earned"
  | "helper"
  | "summaryHead"
  | "summaryLabel"
  | "summaryNumber"
  | "summaryPlain"
  | "totalLabel"
  | "total"
  | "result"
  | "strip"
  | "guide"
  | "guideHead"
  | "swatchMissing"
  | "swatchEvidence"
  | "swatchError"
  | "swatchEntry"
  | "swatchFixed"
  | "signature"
  | "note";

export interface PlannedCell {
  /** A constant; absent for formula cells and empty cells. */
  value?: CellValue;
  /** An Excel formula with English function names and A1 references, starting with "=". */
  formula?: string;
  style: StyleName;
}

export interface PlannedColumn {
  /** What the column holds, for adapters and tests (`percent`, `earned`, …). */
  key: string;
  header: string;
  /** Width in characters, as Excel measures column widths. */
  width: number;
  hidden: boolean;
}

export type ValidationRule =
  /** No rule: the cell takes any value, and the validation carries only its input message. */
  | { kind: "any" }
  | { kind: "list"; values: string[] }
  /** `max` is a number or a reference relative to the range's top-left cell (`$H12`). */
  | { kind: "decimal"; min: number; max: number | string }
  /** A custom rule; `formula` is written for the range's top-left cell and is relative. */
  | { kind: "custom"; formula: string };

export interface PlannedValidation {
  /** A1 range on the sheet, e.g. `G8:G101`. */
  range: string;
  rule: ValidationRule;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export interface PlannedConditionalFormat {
  range: string;
  /** Formula for the range's top-left cell, relative like Excel's own rules. */
  formula: string;
  fill: string;
  fontColor?: string;
  /** What the highlight means, for the pane and tests. */
  meaning: "missing-entry" | "missing-evidence" | "out-of-range" | "claim-above";
}

/** Where each entry of one item lives: column letters of the entry cells, and the item's row. */
export interface ItemLayout {
  clause: string;
  row: number;
  /**
   * The item's last row, where it has more than one: on the self form a clause that requires several materials has
   * one row per material (row … lastRow), its entries (结论, 分数) on the first.
   */
  lastRow?: number;
}

/** 审查组成员: its entry rows, and the column letter each member field starts in (TEAM_COLUMNS). */
export interface TeamLayout {
  firstRow: number;
  lastRow: number;
  columns: Record<TeamKey, string>;
}

/** The layout facts an adapter needs to read entries back and locate findings. Stored in the workbook's metadata. */
export interface SheetLayout {
  schemeId: string;
  schemeVersion: string;
  role: Role;
  /** Header field name → cell address (`B3`). */
  header: Record<string, string>;
  /** The members table (audit forms); null where the form has none. */
  team: TeamLayout | null;
  /** Entry field → column letter: percent, score, conclusion, evidence, note. */
  entryColumns: Partial<Record<"percent" | "score" | "conclusion" | "evidence" | "note" | "checked" | "nonconforming", string>>;
  /** Column letters of the structure a reviewer checks: clause id, points, earned … */
  structureColumns: Partial<Record<"clause" | "text" | "points" | "code" | "earned" | "applicable", string>>;
  items: ItemLayout[];
  /** The special deductions block: rows and the columns of its clause and reason cells. */
  deductions: { firstRow: number; lastRow: number; clauseColumn: string; reasonColumn: string } | null;
  bonus: { points: string; reason: string } | null;
  /** The auditor's 优势 / 改进方向 cells. */
  remarks: { strengths: string; improvements: string } | null;
  /**
   * Result cells: total, level, pass/fail, raw, applicable maximum; how many rows are unfilled (未填项数) and what
   * the claimed level is against the result (申报级别核对).
   */
  results: Partial<Record<"total" | "level" | "passed" | "raw" | "applicableMax" | "rescaled" | "deductionCount" | "unfilled" | "claim", string>>;
  /** The range of the item rows, first to last. */
  firstItemRow: number;
  lastItemRow: number;
  /** Last column with content (letter). */
  lastColumn: string;
}

export interface SheetPlan {
  /** The name the sheet would like; an adapter picks a free variant when it is taken. */
  sheetName: string;
  layout: SheetLayout;
  columns: PlannedColumn[];
  /** Dense rows from row 1; each row has `columns.length` cells (null = empty). */
  rows: { height?: number; cells: (PlannedCell | null)[] }[];
  merges: string[];
  validations: PlannedValidation[];
  conditionalFormats: PlannedConditionalFormat[];
  /** Rows frozen at the top (the header and the column heads). */
  freezeRows: number;
  /**
   * Printing: A4 landscape, fit to the page's width, the column heads repeated on every page, the footer in Excel's
   * header/footer codes (`&P` the page, `&N` the pages), and the rows that start a printed page (a manual page break
   * above each): the summary below the items starts a page of its own, so its head is never stranded at the foot of
   * the items' last page and its figures never print straight under the item columns' heads.
   */
  print: { orientation: "landscape"; paper: "A4"; fitToWidth: true; titleRows: [number, number]; footer: string; pageStarts: number[] };
  /** Protected without a password: structure locked, entry cells unlocked. */
  protect: true;
}
