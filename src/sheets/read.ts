import type { Finding } from "../findings/finding";
import type { Assessment, Entry } from "../scoring/assessment";
import { qualified } from "./address";
import type { CellRead, CellReader } from "./cells";
import { percentFromCell } from "./percentCell";
import { readTeam } from "./team";
import type { SheetLayout } from "./types";

/**
 * A 得分比例 cell as a percentage, by the rule in percentCell.ts. Text is kept as typed, even text that looks like a
 * number: the sheet's formulas do not count it, and the engine, reading a sheet's cells, says so (lenient.ts).
 */
function percentOf(value: CellRead): Entry["percent"] {
  if (typeof value === "number") return percentFromCell(value);
  return typed(value);
}

function typed(value: CellRead): string | number | null {
  if (value === null) return null;
  // As Excel shows a boolean.
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string" && value.trim() === "") return null;
  return value;
}

function text(value: CellRead): string | null {
  const t = typed(value);
  return t === null ? null : String(t).trim() || null;
}

/**
 * The evidence of an item: its one cell as text, or, where it has a line per material (row … lastRow), the lines in
 * order, "" where a line is empty (so each entry stays beside its material); null when nothing is filled.
 */
function evidenceOf(column: string, row: number, lastRow: number | undefined, read: CellReader): string | string[] | null {
  if (lastRow === undefined || lastRow <= row) return text(read(`${column}${row}`));
  const lines: string[] = [];
  for (let r = row; r <= lastRow; r++) lines.push(text(read(`${column}${r}`)) ?? "");
  return lines.some((l) => l !== "") ? lines : null;
}

/** Reads the entries of a laid-out sheet back into an assessment, by clause id through the layout. */
export function readAssessment(layout: SheetLayout, read: CellReader): Assessment {
  const header: Record<string, string> = {};
  for (const [field, address] of Object.entries(layout.header)) {
    const value = text(read(address));
    if (value !== null) header[field] = value;
  }
  const team = layout.team === null ? [] : readTeam(layout.team, read);
  const cols = layout.entryColumns;
  const entries: Record<string, Entry> = {};
  for (const { clause, row, lastRow } of layout.items) {
    const entry: Entry = {};
    const at = (column: string | undefined) => (column === undefined ? null : read(`${column}${row}`));
    if (cols.percent !== undefined) entry.percent = percentOf(at(cols.percent));
    if (cols.score !== undefined) entry.score = typed(at(cols.score));
    if (cols.conclusion !== undefined) entry.conclusion = text(at(cols.conclusion));
    if (cols.evidence !== undefined) entry.evidence = evidenceOf(cols.evidence, row, lastRow, read);
    if (cols.note !== undefined) entry.note = text(at(cols.note));
    for (const key of Object.keys(entry) as (keyof Entry)[]) if (entry[key] === null) delete entry[key];
    // 样本数 / 不符合数: a sample record when either is filled (the engine says what is wrong with half of one).
    const checked = cols.checked === undefined ? null : typed(at(cols.checked));
    const nonconforming = cols.nonconforming === undefined ? null : typed(at(cols.nonconforming));
    if (checked !== null || nonconforming !== null) entry.samples = { checked, nonconforming };
    entries[clause] = entry;
  }
  const deductions: NonNullable<Assessment["deductions"]> = [];
  if (layout.deductions !== null) {
    const d = layout.deductions;
    for (let row = d.firstRow; row <= d.lastRow; row++) {
      const clause = text(read(`${d.clauseColumn}${row}`));
      const reason = text(read(`${d.reasonColumn}${row}`));
      if (clause !== null || reason !== null) deductions.push({ ...(clause !== null ? { clause } : {}), reason: reason ?? "" });
    }
  }
  let bonus: Assessment["bonus"] = null;
  if (layout.bonus !== null) {
    const points = typed(read(layout.bonus.points));
    const reason = text(read(layout.bonus.reason)) ?? "";
    if (points !== null || reason !== "") bonus = { points, reason };
  }
  const remarks: NonNullable<Assessment["remarks"]> = {};
  if (layout.remarks !== null) {
    const strengths = text(read(layout.remarks.strengths));
    const improvements = text(read(layout.remarks.improvements));
    if (strengths !== null) remarks.strengths = strengths;
    if (improvements !== null) remarks.improvements = improvements;
  }
  return {
    scheme: layout.schemeId,
    schemeVersion: layout.schemeVersion,
    role: layout.role,
    header,
    ...(team.length > 0 ? { team } : {}),
    entries,
    ...(deductions.length > 0 ? { deductions } : {}),
    ...(bonus !== null ? { bonus } : {}),
    ...(Object.keys(remarks).length > 0 ? { remarks } : {}),
  };
}

/** The cell a finding is about, on the laid-out sheet, or null when it is about the whole sheet. */
export function cellOf(layout: SheetLayout, location: Finding["location"]): string | null {
  const field = location.field;
  if (location.clause !== undefined && field !== "deductions") {
    const row = layout.items.find((i) => i.clause === location.clause)?.row;
    const cols = layout.entryColumns;
    // A reason for 删减 is written in the row's remark, or on the self form in its evidence cell (leftOut.ts).
    const column = field === "reason" ? (cols.note ?? cols.evidence) : field !== undefined ? cols[field as keyof SheetLayout["entryColumns"]] : undefined;
    // An evidence finding about one material is on that material's line (the self form's rows row … lastRow).
    const line = field === "evidence" ? (location.line ?? 0) : 0;
    if (row !== undefined) return `${column ?? layout.structureColumns.clause ?? "A"}${row + line}`;
  }
  if (field === "deductions" && layout.deductions !== null) return `${layout.deductions.reasonColumn}${layout.deductions.firstRow}`;
  if (field === "bonus" && layout.bonus !== null) return layout.bonus.points;
  if (field !== undefined && layout.header[field] !== undefined) return layout.header[field] ?? null;
  return null;
}

/** Adds each finding's cell (`评分表!G12`) where the layout knows it. */
export function locateFindings(findings: readonly Finding[], layout: SheetLayout, sheet: string): Finding[] {
  return findings.map((f) => {
    if (f.location.cell !== undefined) return f;
    const cell = cellOf(layout, f.location);
    return cell === null ? f : { ...f, location: { ...f.location, cell: qualified(sheet, cell) } };
  });
}
