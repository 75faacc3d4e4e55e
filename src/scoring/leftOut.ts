import { finding, type Finding } from "../findings/finding";
import type { Item, Scheme } from "../scheme/load";
import type { Entry } from "./assessment";
import { fold } from "./lenient";

/**
 * 删减 (CCT 6.3.6): a requirement may be left out only when it does not fit the organisation and its goods,
 * so every left-out item carries its reason. The reason is the entry's `reason`; where a form has no cell of
 * its own for it, the row's remark (现场评审记录 / 说明) or, on the self form, its evidence cell is where people
 * write why a row does not apply, and counts as the reason.
 */

function filled(value: unknown): string | null {
  if (typeof value === "string") return fold(value) === "" ? null : value.trim();
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string => typeof v === "string" && fold(v) !== "");
    return parts.length === 0 ? null : parts.join("；");
  }
  return null;
}

/** Why a left-out item does not apply, as the entry gives it; null when it gives none. */
export function reasonOf(entry: Entry | undefined): string | null {
  if (entry === undefined) return null;
  return filled(entry.reason) ?? filled(entry.note) ?? filled(entry.evidence);
}

/** A left-out item without a reason is a warning located to its reason cell. */
export function checkReason(item: Item, reason: string | null, out: Finding[]): void {
  if (reason === null && item.max > 0) out.push(finding("SS115", { clause: item.clause, field: "reason" }));
}

/** What was left out of one assessment: the share of the full marks is what the reviewers' limit is set on. */
export interface LeftOut {
  count: number;
  points: number;
  /** points ÷ the scheme's full marks (0 in checklists, which have no points). */
  share: number;
}

export function leftOutOf(items: readonly { applicable: boolean; max: number }[], fullMarks: number | null): LeftOut {
  let count = 0;
  let points = 0;
  for (const i of items) {
    if (i.applicable) continue;
    count += 1;
    points += i.max;
  }
  return { count, points, share: fullMarks !== null && fullMarks > 0 ? points / fullMarks : 0 };
}

/** A subsection whose every item is left out: 6.3.6 leaves out requirements, rarely a whole subsection. */
export interface EmptySubsection {
  id: string;
  title: string;
  count: number;
  points: number;
}

/** The subsections in which nothing applies, for the reviewers' check. */
export function emptySubsections(scheme: Scheme, items: readonly { applicable: boolean }[]): EmptySubsection[] {
  const out: EmptySubsection[] = [];
  for (const section of scheme.sections) {
    for (const sub of section.subsections) {
      const own = scheme.items.filter((i: Item) => i.sectionId === section.id && i.subsectionId === sub.id);
      if (own.length === 0 || own.some((i) => items[i.index]?.applicable !== false)) continue;
      out.push({ id: sub.id, title: sub.title, count: own.length, points: sub.max });
    }
  }
  return out;
}
