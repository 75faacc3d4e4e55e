import { TEAM_COLUMNS, TEAM_ROWS, TEAM_TITLE, type TeamKey } from "../scheme/roles";
import type { Assessment, TeamMember } from "../scoring/assessment";
import { columnLetter } from "./address";
import type { CellRead, CellReader, CellWrite } from "./cells";
import { prompt } from "./forms/form";
import type { Grid } from "./grid";
import { splitColumns } from "./summary";
import type { PlannedValidation, TeamLayout } from "./types";

/**
 * 审查组成员 on the audit form: a small table under the header fields, as the report template prints it (代码, 姓名,
 * 组内身份, 注册证书号/专家工作单位, 相关专业, 联系电话), one member a row, each of its columns across as many of the
 * form's own as what it holds needs.
 */

/** What each column must hold, in characters: its head, or the longest entry it usually takes. */
const NEEDS: Record<TeamKey, number> = { code: 4, name: 8, role: 8, certificate: 24, speciality: 10, phone: 14 };

/** Lays out the members table over columns 1…`last`: its title, the heads and TEAM_ROWS entry rows. */
export function planTeam(grid: Grid, last: number, validations: PlannedValidation[]): TeamLayout {
  const spans = splitColumns(
    grid,
    1,
    last,
    TEAM_COLUMNS.map(([key]) => NEEDS[key]),
  );
  grid.text(grid.add(20), 1, last, TEAM_TITLE, "label");
  const headRow = grid.add(20);
  TEAM_COLUMNS.forEach(([, head], i) => {
    const [first, end] = spans[i] as [number, number];
    grid.text(headRow, first, end, head, "columnHead");
  });
  const firstRow = headRow + 1;
  for (let r = 0; r < TEAM_ROWS; r++) {
    const row = grid.add(20);
    for (const [first, end] of spans) {
      grid.set(row, first, { value: null, style: "headerEntry" });
      grid.merge(row, first, row, end, "headerEntry");
    }
  }
  const lastRow = firstRow + TEAM_ROWS - 1;
  const columns = Object.fromEntries(TEAM_COLUMNS.map(([key], i) => [key, columnLetter((spans[i] as [number, number])[0])])) as Record<TeamKey, string>;
  validations.push(prompt(`${columns.code}${firstRow}:${columnLetter(last)}${lastRow}`, TEAM_TITLE, "一人一行：代码（A、B…）、姓名、组内身份（组长、组员、技术专家）、注册证书号或专家工作单位、相关专业、联系电话。"));
  return { firstRow, lastRow, columns };
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
