import { finding, type Finding } from "../findings/finding";
import type { Item, Scheme } from "../scheme/load";
import type { Entry } from "./assessment";
import { fold, readCellNumber, type EntrySource } from "./lenient";

/**
 * Sample records (CCT 附件2 评分要求 1): an indicator checked on several samples loses points in proportion
 * to the samples that do not conform, so its share is (checked − nonconforming) ÷ checked. A usable record
 * decides the item's points, whatever percentage was typed beside it (a typed figure that disagrees is an
 * error, not a second opinion); an unusable one is an error and the typed figure counts, as the sheet's
 * formula does.
 */

export interface SampleRecord {
  checked: number;
  nonconforming: number;
}

const WHOLE = /^[0-9]+$/;

function blank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && fold(v) === "");
}

/** True when the entry carries any part of a sample record. */
export function hasSampleRecord(entry: Entry): boolean {
  const s = entry.samples;
  return s !== undefined && s !== null && (!blank(s.checked) || !blank(s.nonconforming));
}

/**
 * A whole number ≥ 0 typed as a number or text (１０ and "10" alike); null otherwise. From a sheet's cell, only a
 * number counts, as the sheet's formula (`ISNUMBER`) counts it.
 */
function count(value: unknown, source: EntrySource): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : null;
  if (typeof value !== "string" || source === "cells") return null;
  const text = fold(value);
  return WHOLE.test(text) ? Number(text) : null;
}

/** The entry's sample record when it is usable; each reason it is not is an error finding. */
export function readSamples(clause: string, entry: Entry, out: Finding[], source: EntrySource = "typed"): SampleRecord | null {
  if (!hasSampleRecord(entry)) return null;
  const s = entry.samples ?? {};
  const counts = { checked: count(s.checked, source), nonconforming: count(s.nonconforming, source) };
  let usable = true;
  for (const field of ["checked", "nonconforming"] as const) {
    if (counts[field] !== null) continue;
    const raw = s[field];
    // A count typed as text in a sheet: the sheet's formula does not count it either; say which cell and why.
    const cell = source === "cells" ? readCellNumber(raw, "分") : null;
    if (cell?.kind === "uncounted") out.push(finding("SS108", { clause, field }, { field, text: cell.text, as: cell.as }));
    else out.push(finding("SS111", { clause, field }, { field, text: blank(raw) ? "" : String(raw) }));
    usable = false;
  }
  const { checked, nonconforming } = counts;
  if (!usable || checked === null || nonconforming === null) return null;
  if (checked === 0) {
    out.push(finding("SS112", { clause, field: "checked" }));
    return null;
  }
  if (nonconforming > checked) {
    out.push(finding("SS113", { clause, field: "nonconforming" }, { checked, nonconforming }));
    return null;
  }
  return { checked, nonconforming };
}

/**
 * The points a sample record earns: max × ((checked − nonconforming) ÷ checked) — the share first, as a typed
 * percentage is a share times the points, so 14 of 20 on 7 points earns exactly what 70 % does.
 */
export function sampledPoints(max: number, r: SampleRecord): number {
  return max * sampleShare(r);
}

/** The share of the item's points a usable record gives: (checked − nonconforming) ÷ checked. */
export function sampleShare(r: SampleRecord): number {
  return (r.checked - r.nonconforming) / r.checked;
}

/** Figures closer than half a cent agree: both sides round to 2 decimals. */
const TOLERANCE = 0.005;

/**
 * Checks the typed percentage or score against a usable record; the record's points count either way.
 * `typedPoints` is what the typed figure would have earned, or null when nothing (or nothing usable) was typed.
 */
export function checkAgainstTyped(item: Item, field: "percent" | "score", typedText: string, typedPoints: number | null, r: SampleRecord, out: Finding[]): number {
  const points = sampledPoints(item.max, r);
  if (typedPoints !== null && Math.abs(typedPoints - points) >= TOLERANCE) {
    out.push(
      finding("SS114", { clause: item.clause, field }, {
        field,
        typed: typedText,
        checked: r.checked,
        nonconforming: r.nonconforming,
        // In the field's unit: a percentage of the item's points, or the points.
        expected: field === "percent" ? sampleShare(r) * 100 : points,
      }),
    );
  }
  return points;
}

/**
 * Where the scheme's document allows partial credit only on samples (`partialCredit.needsSamples`), an indicator
 * scored qualitatively (the item's `scoring`; 评分要求 2): its reason, else null. Not sampled unless the scheme says so.
 */
export function qualitative(rule: Scheme["partialCredit"], item: Item): { why: string; source: string } | null {
  if (rule === undefined || !rule.needsSamples || item.scoring?.by === "samples") return null;
  return { why: item.scoring?.why ?? "", source: rule.source };
}

/**
 * In a scheme whose document allows partial credit only on samples, a partial figure is a warning: without a record
 * on a sampled indicator (SS110), or at all on a qualitative one (SS119).
 */
export function checkPartialCredit(rule: Scheme["partialCredit"], item: Item, field: "percent" | "score", earned: number, out: Finding[]): void {
  if (rule === undefined || !rule.needsSamples || item.max === 0) return;
  if (earned <= 0 || earned >= item.max) return;
  const q = qualitative(rule, item);
  if (q !== null) out.push(finding("SS119", { clause: item.clause, field }, { share: earned / item.max, ...q }));
  else out.push(finding("SS110", { clause: item.clause, field }, { share: earned / item.max, source: rule.source }));
}

/** The typed figure as text, for messages. */
export function typedText(entry: Entry, field: "percent" | "score"): string {
  const v = entry[field];
  return v === undefined || v === null ? "" : typeof v === "number" && field === "percent" ? `${v}%` : String(v);
}
