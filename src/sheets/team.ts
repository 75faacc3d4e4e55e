import { TEAM_COLUMNS, TEAM_ROWS, TEAM_TITLE, type TeamKey } from "../scheme/roles";
import type { Assessment, TeamMember } from "../scoring/assessment";
import { columnLetter } from "./address";
import type { CellRead, CellReader, CellWrite } from "./cells";
import type { Column } from "./forms/form";
import type { Grid } from "./grid";
import type { TeamLayout } from "./types";

/**
 * 审查组成员 on the audit form: a small table under the header fields, as the report template prints it (代码, 姓名,
 * 组内身份, 注册证书号/专家工作单位, 相关专业, 联系电话), one member a row. Each of its columns spans one or more of the
 * form's own columns: the long 注册证书号/专家工作单位 takes the form's widest, the fields before it share the
 * columns to its left, those after it the columns to its right.
 */

/** The form's visible columns grouped under the members table's six, as [first, last] column indexes. */
export function teamSpans(visible: readonly Column[]): [number, number][] {
  const widest = visible.reduce((w, c, i) => (c.width > (visible[w]?.width ?? 0) ? i : w), 0);
  const at = TEAM_COLUMNS.findIndex(([key]) => key === "certificate");
  const before = split(visible.slice(0, widest), at);
  const after = split(visible.slice(widest + 1), TEAM_COLUMNS.length - at - 1);
  const own = visible[widest] as Column;
  return [...before, [own.index, own.index], ...after];
}

/** Splits contiguous columns into `parts` groups of widths as even as can be, each at least one column. */
function split(columns: readonly Column[], parts: number): [number, number][] {
  if (columns.length < parts) throw new Error(`the form has ${columns.length} columns where the members table needs ${parts}`);
  const total = columns.reduce((n, c) => n + c.width, 0);
  const out: [number, number][] = [];
  let start = 0;
  let sum = 0;
  for (let p = 1; p < parts; p++) {
    // Close this group where the running width comes nearest its share, leaving a column for each group after it.
    const target = (total * p) / parts;
    let end = start;
    sum += columns[end]?.width ?? 0;
    while (end + 1 < columns.length - (parts - p) && Math.abs(sum + (columns[end + 1]?.width ?? 0) - target) < Math.abs(sum - target)) {
      end += 1;
      sum += columns[end]?.width ?? 0;
    }
    out.push([(columns[start] as Column).index, (columns[end] as Column).index]);
    start = end + 1;
  }
  out.push([(columns[start] as Column).index, (columns[columns.length - 1] as Column).index]);
  return out;
}

/** Lays out the members table: its title, the heads and TEAM_ROWS entry rows. */
export function planTeam(grid: Grid, visible: readonly Column[]): TeamLayout {
  const spans = teamSpans(visible);
  const last = visible[visible.length - 1] as Column;
  const titleRow = grid.add(20);
  grid.set(titleRow, 1, { value: TEAM_TITLE, style: "label" });
  grid.merge(titleRow, 1, titleRow, last.index, "label");
  const headRow = grid.add(20);
  TEAM_COLUMNS.forEach(([, head], i) => {
    const [first, end] = spans[i] as [number, number];
    grid.set(headRow, first, { value: head, style: "columnHead" });
    grid.merge(headRow, first, headRow, end, "columnHead");
  });
  const firstRow = headRow + 1;
  for (let r = 0; r < TEAM_ROWS; r++) {
    const row = grid.add(20);
    for (const [first, end] of spans) {
      grid.set(row, first, { value: null, style: "headerEntry" });
      grid.merge(row, first, row, end, "headerEntry");
    }
  }
  const columns = Object.fromEntries(TEAM_COLUMNS.map(([key], i) => [key, columnLetter((spans[i] as [number, number])[0])])) as Record<TeamKey, string>;
  return { firstRow, lastRow: firstRow + TEAM_ROWS - 1, columns };
}

function text(value: CellRead): string | number | null {
  if (value === null) return null;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  return value;
}

/** The members the table's rows hold, top to bottom; an empty row is no member. */
export function readTeam(team: TeamLayout, read: CellReader): TeamMember[] {
  const members: TeamMember[] = [];
  for (let row = team.firstRow; row <= team.lastRow; row++) {
    const member: TeamMember = {};
    for (const [key] of TEAM_COLUMNS) {
      const value = text(read(`${team.columns[key]}${row}`));
      if (value !== null) member[key] = value;
    }
    if (Object.keys(member).length > 0) members.push(member);
  }
  return members;
}

/** The cells that carry the members, one a row in order, and those the table has no row for. */
export function teamWrites(team: TeamLayout, members: Assessment["team"]): { writes: CellWrite[]; unplaced: number } {
  const writes: CellWrite[] = [];
  const given = (members ?? []).filter((m) => TEAM_COLUMNS.some(([key]) => String(m[key] ?? "").trim() !== ""));
  given.slice(0, team.lastRow - team.firstRow + 1).forEach((m, i) => {
    for (const [key] of TEAM_COLUMNS) {
      const value = m[key];
      if (value !== undefined && value !== null && String(value).trim() !== "") writes.push({ address: `${team.columns[key]}${team.firstRow + i}`, value });
    }
  });
  return { writes, unplaced: Math.max(0, given.length - (team.lastRow - team.firstRow + 1)) };
}
