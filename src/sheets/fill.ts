import type { Assessment } from "../scoring/assessment";
import { CONCLUSION_WORDS } from "../scheme/words";
import { fold, readConclusion, readNumber } from "../scoring/lenient";
import { materialEntries } from "../scoring/materials";
import type { CellWrite } from "./cells";
import type { SheetLayout } from "./types";


/** A typed value as the cell should hold it: numbers as numbers, N/A as 不适用, anything unreadable kept as typed. */
export function cellNumber(value: unknown, unit: "%" | "分"): string | number | null {
  const r = readNumber(value, unit);
  if (r.kind === "empty") return null;
  if (r.kind === "na") return CONCLUSION_WORDS.na.zh;
  if (r.kind === "invalid") return r.text;
  // A percentage cell holds a fraction (95% is 0.95), as Excel stores what a user types into it.
  return unit === "%" ? r.value / 100 : r.value;
}

function cellConclusion(value: unknown): string | null {
  const r = readConclusion(value);
  if (r.kind === "empty") return null;
  if (r.kind === "invalid") return r.text;
  return CONCLUSION_WORDS[r.value].zh;
}

/** A sample count as the cell should hold it: a number where it is a whole number (１０ too), else as typed. */
function cellCount(value: unknown): string | number | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return null;
  return /^[0-9]+$/.test(fold(value)) ? Number(fold(value)) : value;
}

function cellText(value: unknown): string | null {
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string" && v.trim() !== "").join("；") || null;
  if (value === undefined || value === null) return null;
  const text = String(value);
  return text.trim() === "" ? null : text;
}

/**
 * The cells that carry an assessment's entries on a laid-out sheet: header, item entries, special
 * deductions, bonus and remarks. Used to pre-fill a new workbook and to keep entries when re-laying out.
 */
export function entryWrites(layout: SheetLayout, assessment: Assessment): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const [field, address] of Object.entries(layout.header)) {
    const value = assessment.header?.[field];
    if (value !== undefined && value !== null && String(value).trim() !== "") writes.push({ address, value });
  }
  const rowOf = new Map(layout.items.map((i) => [i.clause, i]));
  const cols = layout.entryColumns;
  for (const [clause, entry] of Object.entries(assessment.entries)) {
    const item = rowOf.get(clause) ?? rowOf.get(fold(clause));
    if (item === undefined) continue;
    const row = item.row;
    const put = (column: string | undefined, value: string | number | null) => {
      if (column !== undefined && value !== null) writes.push({ address: `${column}${row}`, value });
    };
    const na = entry.applicable === false ? CONCLUSION_WORDS.na.zh : null;
    put(cols.percent, na ?? cellNumber(entry.percent, "%"));
    put(cols.score, na ?? cellNumber(entry.score, "分"));
    put(cols.conclusion, na ?? cellConclusion(entry.conclusion));
    // A reason for 删减 goes where the form has people write it: the row's remark, or the self form's evidence cell.
    const reason = cellText(entry.reason);
    const evidence = cellText(entry.evidence) === null ? [] : materialEntries(entry.evidence, (item.lastRow ?? row) - row + 1);
    if (evidence.length > 1 && cols.evidence !== undefined) {
      // One line per material, in the scheme's order (scoring/materials.ts says how a list or one text maps to them).
      evidence.forEach((line, k) => {
        if (line !== "") writes.push({ address: `${cols.evidence as string}${row + k}`, value: line });
      });
      if (evidence[0] === "" && cols.note === undefined && reason !== null) writes.push({ address: `${cols.evidence}${row}`, value: reason });
    } else put(cols.evidence, cellText(entry.evidence) ?? (cols.note === undefined ? reason : null));
    put(cols.note, cellText(entry.note) ?? reason);
    put(cols.checked, cellCount(entry.samples?.checked));
    put(cols.nonconforming, cellCount(entry.samples?.nonconforming));
  }
  if (layout.deductions !== null) {
    const d = layout.deductions;
    (assessment.deductions ?? []).slice(0, d.lastRow - d.firstRow + 1).forEach((deduction, i) => {
      if (deduction.clause !== undefined) writes.push({ address: `${d.clauseColumn}${d.firstRow + i}`, value: deduction.clause });
      writes.push({ address: `${d.reasonColumn}${d.firstRow + i}`, value: deduction.reason.trim() === "" ? "（未填写原因）" : deduction.reason });
    });
  }
  if (layout.bonus !== null && assessment.bonus !== undefined && assessment.bonus !== null) {
    const points = cellNumber(assessment.bonus.points, "分");
    if (points !== null) writes.push({ address: layout.bonus.points, value: points });
    if (assessment.bonus.reason.trim() !== "") writes.push({ address: layout.bonus.reason, value: assessment.bonus.reason });
  }
  if (layout.remarks !== null) {
    const r = assessment.remarks;
    if (r?.strengths !== undefined) writes.push({ address: layout.remarks.strengths, value: r.strengths });
    if (r?.improvements !== undefined) writes.push({ address: layout.remarks.improvements, value: r.improvements });
  }
  return writes;
}
