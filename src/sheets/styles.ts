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

export const STYLES: Record<StyleName, CellStyle> = {
  title: { ...base, bold: true, size: 16, hAlign: "center", border: false, wrap: false },
  subtitle: { ...base, size: 9, fontColor: "595959", hAlign: "center", border: false },
  label: { ...base, bold: true, fill: STRUCTURE_FILL },
  // Text, so a phone number, 邮编 or 项目编号 keeps its leading zeros and a day stays as typed.
  headerEntry: { ...base, fill: ENTRY_FILL, locked: false, numberFormat: "@" },
  columnHead: { ...base, bold: true, fill: "D9E1F2", hAlign: "center" },
  group: { ...base, bold: true, fill: STRUCTURE_FILL, hAlign: "center" },
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
  totalLabel: { ...base, bold: true, size: 12, fill: "FFF2CC" },
  total: { ...base, bold: true, size: 12, fill: "FFF2CC", hAlign: "right", numberFormat: "0.00" },
  result: { ...base, bold: true, size: 12, fill: "FFF2CC", hAlign: "center" },
  note: { ...base, border: false, vAlign: "top" },
};

/** Conditional-format colours: missing entry, missing evidence, out of range. */
export const HIGHLIGHT = { missing: "FFEB9C", evidence: "FCE4D6", error: "FFC7CE", errorFont: "9C0006" } as const;
