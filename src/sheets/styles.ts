import type { StyleName } from "./types";

/** How a named style looks. Colours are RGB hex without '#'; number formats avoid currency symbols. */
export interface CellStyle {
  bold: boolean;
  size: number;
  fill: string | null;
  fontColor: string | null;
  wrap: boolean;
  hAlign: "left" | "center" | "right";
  vAlign: "top" | "middle";
  numberFormat: string;
  /** Structure is locked; entry cells are not, so a protected sheet still takes entries. */
  locked: boolean;
  border: boolean;
}

const base: CellStyle = {
  bold: false,
  size: 10,
  fill: null,
  fontColor: null,
  wrap: true,
  hAlign: "left",
  vAlign: "middle",
  numberFormat: "General",
  locked: true,
  border: true,
};

const ENTRY_FILL = "FFFFFF";
const STRUCTURE_FILL = "F2F2F2";
/** Results are green: yellow means "to be filled" on these forms, and nothing to fill may look like it. */
const RESULT_FILL = "E2EFDA";

/** Conditional-format colours: missing entry, missing evidence, out of range. */
export const HIGHLIGHT = { missing: "FFEB9C", evidence: "FCE4D6", error: "FFC7CE", errorFont: "9C0006" } as const;

export const STYLES: Record<StyleName, CellStyle> = {
  title: { ...base, bold: true, size: 16, hAlign: "center", border: false, wrap: false },
  subtitle: { ...base, size: 9, fontColor: "595959", hAlign: "center", border: false },
  label: { ...base, bold: true, fill: STRUCTURE_FILL },
  // Text, so a phone number, 邮编 or 项目编号 keeps its leading zeros and a day stays as typed.
  headerEntry: { ...base, fill: ENTRY_FILL, locked: false, numberFormat: "@" },
  columnHead: { ...base, bold: true, fill: "D9E1F2", hAlign: "center" },
  /**
   * A group's label, merged down its rows: at the top, in its first row (made tall enough for it), because rows
   * never split across pages but a merged area does, and a label centred in it is cut at the page break.
   */
  group: { ...base, bold: true, fill: STRUCTURE_FILL, hAlign: "center", vAlign: "top" },
  text: { ...base, fill: STRUCTURE_FILL, vAlign: "top" },
  points: { ...base, fill: STRUCTURE_FILL, hAlign: "center" },
  code: { ...base, fill: STRUCTURE_FILL, hAlign: "center" },
  entryPercent: { ...base, fill: ENTRY_FILL, hAlign: "center", numberFormat: "0.0%", locked: false },
  entryScore: { ...base, fill: ENTRY_FILL, hAlign: "center", numberFormat: "0.0#", locked: false },
  entryChoice: { ...base, fill: ENTRY_FILL, hAlign: "center", locked: false },
  entryText: { ...base, fill: ENTRY_FILL, vAlign: "top", locked: false },
  earned: { ...base, fill: STRUCTURE_FILL, hAlign: "center", numberFormat: "0.00" },
  helper: { ...base, fill: STRUCTURE_FILL, hAlign: "center", fontColor: "808080" },
  summaryHead: { ...base, bold: true, fill: "D9E1F2", hAlign: "center" },
  summaryLabel: { ...base, fill: STRUCTURE_FILL },
  summaryNumber: { ...base, fill: STRUCTURE_FILL, hAlign: "right", numberFormat: "0.00" },
  summaryPlain: { ...base, fill: STRUCTURE_FILL, hAlign: "right" },
  totalLabel: { ...base, bold: true, size: 12, fill: RESULT_FILL },
  total: { ...base, bold: true, size: 12, fill: RESULT_FILL, hAlign: "right", numberFormat: "0.00" },
  result: { ...base, bold: true, size: 12, fill: RESULT_FILL, hAlign: "center" },
  /** The results line under the header: total, level, pass, the claim's check. */
  strip: { ...base, bold: true, size: 11, fill: RESULT_FILL, hAlign: "center" },
  /** The colour key under the header and the 填写说明 at the end. */
  guide: { ...base, size: 9, border: false, vAlign: "top" },
  guideHead: { ...base, bold: true, border: false },
  swatchMissing: { ...base, size: 9, fill: HIGHLIGHT.missing, hAlign: "center" },
  swatchEvidence: { ...base, size: 9, fill: HIGHLIGHT.evidence, hAlign: "center" },
  swatchError: { ...base, size: 9, fill: HIGHLIGHT.error, fontColor: HIGHLIGHT.errorFont, hAlign: "center" },
  swatchEntry: { ...base, size: 9, fill: ENTRY_FILL, hAlign: "center" },
  swatchFixed: { ...base, size: 9, fill: STRUCTURE_FILL, hAlign: "center" },
  /** A line to sign on: one line, never wrapped, so it cannot be cut. */
  signature: { ...base, size: 11, border: false, wrap: false, vAlign: "middle" },
  note: { ...base, border: false, vAlign: "top" },
};
