import { z } from "zod";
import { TEAM_COLUMNS, type TeamKey } from "../scheme/roles";
import type { SheetLayout } from "./types";

/**
 * What a workbook records about the sheets StarScore laid out: scheme, version, role and where every item's
 * row is. It lives as JSON in a very hidden sheet, which survives a save in Excel, WPS and LibreOffice and
 * stays out of a user's way. Reviewers never trust it alone: the checks compare it with the scheme's plan.
 */
export const META_SHEET = "StarScore_meta";

/**
 * The layout version: which layout made a sheet, so a reader knows what its cells hold.
 * - 2 (issue 20, the forms): the colour key and results line under the header, 未填完 in the result cells, the
 *   申报级别 check, the 填写说明 at the end, special items on the audit sheet only.
 * - 3 (issue 22, the evidence): on the self form, one row per required material.
 * - 4 (issue 20, the report): the self form as in 3; the audit form's header has 项目编号 (its 审查员 and 审查时间
 *   are the block's 报告编制人 and 编制日期), the certificate's dates and 服务领域 where the scheme has them, and a
 *   审查报告信息 block with the members table before the line to sign.
 * - 5 (issue 20, the cycle): the audit form of a scheme with a certificate cycle has 再认证审核日期; on the CCT
 *   评分表 only the sampled indicators have sample cells (a qualitative one's are locked and blank).
 * A sheet of an older layout is still read through its record (it is the user's own), and laid out again keeps its
 * entries by clause id. The reviewers' check cannot rebuild an older layout and says so (SS805) rather than call it
 * tampered.
 */
export const LAYOUT_VERSION = 5;
export const META_FORMAT = `starscore-layout/${LAYOUT_VERSION}` as const;
/** Every format this StarScore reads, the current one last. */
const FORMATS = ["starscore-layout/1", "starscore-layout/2", "starscore-layout/3", "starscore-layout/4", META_FORMAT] as const;

/** The layout that brought each change a reader must know of. */
export const LAYOUTS = { unfilled: 2, materials: 3, report: 4, cycle: 5 } as const;

const Col = z.string().regex(/^[A-Z]{1,3}$/);
const Cell = z.string().regex(/^[A-Z]{1,3}[0-9]+$/);

export const LayoutSchema = z.object({
  schemeId: z.string().min(1),
  schemeVersion: z.string().min(1),
  role: z.enum(["self", "audit", "checklist"]),
  header: z.record(z.string(), Cell),
  // Forms laid out before the members table have none.
  team: z
    .object({ firstRow: z.number().int().positive(), lastRow: z.number().int().positive(), columns: z.object(Object.fromEntries(TEAM_COLUMNS.map(([key]) => [key, Col])) as Record<TeamKey, typeof Col>) })
    .nullable()
    .default(null),
  entryColumns: z.object({
    percent: Col.optional(),
    score: Col.optional(),
    conclusion: Col.optional(),
    evidence: Col.optional(),
    note: Col.optional(),
    checked: Col.optional(),
    nonconforming: Col.optional(),
  }),
  structureColumns: z.object({ clause: Col.optional(), text: Col.optional(), points: Col.optional(), code: Col.optional(), earned: Col.optional(), applicable: Col.optional() }),
  items: z.array(z.object({ clause: z.string().min(1), row: z.number().int().positive(), lastRow: z.number().int().positive().optional() })),
  deductions: z.object({ firstRow: z.number().int(), lastRow: z.number().int(), clauseColumn: Col, reasonColumn: Col }).nullable(),
  bonus: z.object({ points: Cell, reason: Cell }).nullable(),
  remarks: z.object({ strengths: Cell, improvements: Cell }).nullable(),
  results: z.object({
    total: Cell.optional(),
    level: Cell.optional(),
    passed: Cell.optional(),
    raw: Cell.optional(),
    applicableMax: Cell.optional(),
    rescaled: Cell.optional(),
    deductionCount: Cell.optional(),
    unfilled: Cell.optional(),
    claim: Cell.optional(),
  }),
  firstItemRow: z.number().int().positive(),
  lastItemRow: z.number().int().positive(),
  lastColumn: Col,
});

const MetaEntrySchema = z.object({ format: z.enum(FORMATS), sheet: z.string().min(1), title: z.string(), layout: LayoutSchema });
export type MetaEntry = z.infer<typeof MetaEntrySchema>;

/** The layout version a sheet's record names: 1 to LAYOUT_VERSION. */
export function layoutVersion(entry: Pick<MetaEntry, "format">): number {
  return Number(entry.format.slice(entry.format.indexOf("/") + 1));
}

export function encodeMeta(sheet: string, title: string, layout: SheetLayout): string {
  return JSON.stringify({ format: META_FORMAT, sheet, title, layout });
}

/**
 * "Total number of characters that a cell can contain: 32,767 characters" (Microsoft support, "Excel
 * specifications and limits"); Excel cuts what is longer. A large scheme's record is longer, so it goes into
 * consecutive cells of its row (B, C, …), each well under the limit.
 */
export const CELL_CHARS = 32_767;
const CHUNK_CHARS = 30_000;

/** The record split into the cells of its row, in order: one cell when it fits. Never splits a surrogate pair. */
export function metaCells(text: string): string[] {
  const cells: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + CHUNK_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    cells.push(text.slice(at, end));
    at = end;
  }
  return cells.length === 0 ? [""] : cells;
}

/** The record as one text again: the row's cells from the first, up to the first that holds no text. */
export function metaText(cells: readonly unknown[]): string {
  const parts: string[] = [];
  for (const c of cells) {
    if (typeof c !== "string" || c === "") break;
    parts.push(c);
  }
  return parts.join("");
}

/** The metadata of one laid-out sheet, or a reason it cannot be used. */
export function decodeMeta(text: unknown): { ok: true; entry: MetaEntry } | { ok: false; reason: string } {
  if (typeof text !== "string" || text.trim() === "") return { ok: false, reason: "empty" };
  // A reviewer's folder holds many files laid out alike: decode each distinct record once.
  const known = decoded.get(text);
  if (known !== undefined) return known;
  const result = decodeMetaText(text);
  if (decoded.size >= 64) decoded.clear();
  decoded.set(text, result);
  return result;
}

const decoded = new Map<string, ReturnType<typeof decodeMetaText>>();

function decodeMetaText(text: string): { ok: true; entry: MetaEntry } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const parsed = MetaEntrySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, entry: parsed.data };
}
