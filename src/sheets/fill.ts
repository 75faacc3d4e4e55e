import type { Assessment } from "../scoring/assessment";
import { currentField } from "../scheme/roles";
import { CONCLUSION_WORDS } from "../scheme/words";
import { fold, readConclusion, readNumber } from "../scoring/lenient";
import { materialEntries } from "../scoring/materials";
import { hasSampleRecord } from "../scoring/samples";
import type { Entry } from "../scoring/assessment";
import { parseCell } from "./address";
import type { CellWrite } from "./cells";
import { STYLES } from "./styles";
import { teamWrites } from "./team";
import type { SheetPlan } from "./types";


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

const given = (value: unknown): boolean => value !== undefined && value !== null && String(value).trim() !== "";

/** The header's fields by the names the form has now (审查员 of an old audit form is 报告编制人), the current name winning. */
function currentHeader(assessment: Assessment): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const [key, value] of Object.entries(assessment.header ?? {})) {
    const field = currentField(assessment.role, key);
    if (value !== null && given(value) && (key === field || !out.has(field))) out.set(field, value);
  }
  return out;
}

/** Whether the plan makes a cell an entry cell: unlocked, so the protected sheet takes a value there. */
function isEntryCell(plan: SheetPlan, address: string): boolean {
  const at = parseCell(address);
  const cell = at === null ? null : plan.rows[at.row - 1]?.cells[at.column - 1];
  return cell !== null && cell !== undefined && !STYLES[cell.style].locked;
}

/** A sample count as typed, as text; null where it is blank. */
const countText = (value: unknown): string | null => {
  const count = cellCount(value);
  return count === null ? null : String(count);
};

/** A sample record's counts as typed (null: blank). */
export interface TypedCounts {
  checked: string | null;
  nonconforming: string | null;
}

/**
 * A sample record on a row the plan has no sample cells for, its counts as typed; null where the row takes them.
 * Since layout 5 only the CCT 评分表's sampled indicators have sample cells: a qualitative one's are locked (评分要求
 * 2, sheets/forms/auditSampled.ts), so a record kept from an older sheet, or given in a file, has no cell there.
 */
function samplesWithoutCells(plan: SheetPlan, row: number, entry: Entry): TypedCounts | null {
  const column = plan.layout.entryColumns.checked;
  if (!hasSampleRecord(entry) || (column !== undefined && isEntryCell(plan, `${column}${row}`))) return null;
  return { checked: countText(entry.samples?.checked), nonconforming: countText(entry.samples?.nonconforming) };
}

/**
 * Where a row has no sample cells, its record goes into the row's remark (现场评审记录), as SS118 advises, so the
 * auditor's counts are kept and no locked cell is written: it counts for nothing there, as it did not on that row.
 */
function samplesRemark(record: TypedCounts): string {
  return `样本记录（未计分）：样本数 ${record.checked ?? "未填"}，不符合数 ${record.nonconforming ?? "未填"}`;
}

/**
 * The cells that carry an assessment's entries on a laid-out sheet: header, members table, item entries, special
 * deductions, bonus and remarks, each only into an entry cell of the plan. Used to pre-fill a new workbook and to keep
 * entries when re-laying out; what the sheet has no cell for is `unplacedEntries`.
 */
export function entryWrites(plan: SheetPlan, assessment: Assessment): CellWrite[] {
  const layout = plan.layout;
  const writes: CellWrite[] = [];
  const header = currentHeader(assessment);
  for (const [field, address] of Object.entries(layout.header)) {
    const value = header.get(field);
    if (value !== undefined) writes.push({ address, value });
  }
  if (layout.team !== null) writes.push(...teamWrites(layout.team, assessment.team).writes);
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
    const stray = samplesWithoutCells(plan, row, entry);
    const note = cellText(entry.note) ?? reason;
    if (stray === null) {
      put(cols.note, note);
      put(cols.checked, cellCount(entry.samples?.checked));
      put(cols.nonconforming, cellCount(entry.samples?.nonconforming));
    } else put(cols.note, [note, samplesRemark(stray)].filter((t) => t !== null).join("；"));
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

/** Something an assessment gives that a laid-out sheet has no cell for. */
export type Unplaced =
  | { kind: "header"; field: string }
  | { kind: "team"; count: number }
  | { kind: "entry"; clause: string }
  /** A sample record on a row without sample cells, its counts as typed: put into the row's remark (`remark`), or nowhere. */
  | ({ kind: "samples"; clause: string; remark: boolean } & TypedCounts)
  | { kind: "deductions"; count: number }
  | { kind: "bonus" }
  | { kind: "remarks" };

/** What `entryWrites` cannot place on the sheet as given: a field the form does not have, members or deductions beyond its rows, … */
export function unplacedEntries(plan: SheetPlan, assessment: Assessment): Unplaced[] {
  const layout = plan.layout;
  const out: Unplaced[] = [];
  for (const field of currentHeader(assessment).keys()) if (layout.header[field] === undefined) out.push({ kind: "header", field });
  const members = (assessment.team ?? []).filter((m) => Object.values(m).some(given)).length;
  const team = layout.team === null ? members : teamWrites(layout.team, assessment.team).unplaced;
  if (team > 0) out.push({ kind: "team", count: team });
  const rows = new Set(layout.items.map((i) => i.clause));
  for (const clause of Object.keys(assessment.entries)) if (!rows.has(clause) && !rows.has(fold(clause))) out.push({ kind: "entry", clause });
  const rowOf = new Map(layout.items.map((i) => [i.clause, i.row]));
  for (const [clause, entry] of Object.entries(assessment.entries)) {
    const row = rowOf.get(clause) ?? rowOf.get(fold(clause));
    const stray = row === undefined ? null : samplesWithoutCells(plan, row, entry);
    if (stray !== null) out.push({ kind: "samples", clause, ...stray, remark: layout.entryColumns.note !== undefined });
  }
  const deductions = assessment.deductions?.length ?? 0;
  const room = layout.deductions === null ? 0 : layout.deductions.lastRow - layout.deductions.firstRow + 1;
  if (deductions > room) out.push({ kind: "deductions", count: deductions - room });
  const bonus = assessment.bonus;
  if (layout.bonus === null && bonus !== undefined && bonus !== null && (given(bonus.points) || given(bonus.reason))) out.push({ kind: "bonus" });
  const r = assessment.remarks;
  if (layout.remarks === null && (given(r?.strengths) || given(r?.improvements))) out.push({ kind: "remarks" });
  return out;
}
