import { finding, type Finding } from "../findings/finding";
import type { Lang } from "../findings/language";
import type { Scheme } from "../scheme/load";
import { excelRound } from "../scoring/round";
import { emptySubsections, leftOutOf, type EmptySubsection, type LeftOut } from "../scoring/leftOut";
import { checkedFinding, type FileCheck } from "./verdict";

/**
 * What the reviewers' check shows of 删减 (CCT 6.3.6) per file: how many items and points were left out, a
 * subsection in which nothing applies (SS410), and, when the reviewer sets a limit, a file whose left-out share
 * of the full marks is above it (SS411). The documents set no limit, so there is no default.
 */

export type LeftOutFacts = LeftOut & { emptySubsections: EmptySubsection[] };

const points = (n: number): number => excelRound(n, 2);

export function leftOutFacts(scheme: Scheme, card: { items: readonly { applicable: boolean; max: number }[]; fullMarks: number | null }): { facts: LeftOutFacts; findings: Finding[] } {
  const lo = leftOutOf(card.items, card.fullMarks);
  const empty = lo.count === 0 ? [] : emptySubsections(scheme, card.items);
  const findings = empty.map((s) => finding("SS410", {}, { subsection: `${s.id} ${s.title}`, count: s.count, points: points(s.points) }));
  return { facts: { ...lo, points: points(lo.points), emptySubsections: empty }, findings };
}

/** Reads `--max-left-out`: `10%` or `10`, per cent as people say it; a share (0.1 for 10 %), or null past 100. */
export function parseLimit(text: string): number | null {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$/.exec(text);
  if (m === null) return null;
  const value = Number(m[1]);
  return value <= 100 ? value / 100 : null;
}

/** The file's result with SS411 added when its left-out share is above `limit` (a share, 0.1 for 10 %). */
export function withLeftOutLimit(result: FileCheck, limit: number, lang: Lang): FileCheck {
  const lo = result.leftOut;
  if (lo === null || !(lo.share > limit)) return result;
  const f = finding("SS411", {}, { count: lo.count, points: lo.points, share: lo.share, limit });
  return { ...result, findings: [...result.findings, checkedFinding(f, lang)] };
}
