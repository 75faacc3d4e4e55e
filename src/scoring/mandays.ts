import type { ManDayBand, ManDayFactor, ManDays } from "../scheme/schema";
import { excelRound } from "./round";

/**
 * Audit man-days (审核/审查人日) from a scheme's `certification.mandays` table (CCT/GZ-SC03-12 附件1, §6.1.7).
 * Pure: the table, the factors, the cap and the minimums all come from the scheme file.
 *
 * How the rules combine, in this order:
 * 1. table value: the band holding the effective headcount (a fractional headcount falls in the band whose
 *    max it does not exceed, so 65.5 is in 66–175);
 * 2. + increases: each factor's step (注3 says "至少": the result is the least the document allows);
 * 3. − reductions: each factor's step, the sum capped at `reductionCap` × the table value (§6.1.7: the
 *    reduction is measured against the 附件1 value, not against the value after increases);
 * 4. the minimum wins: the total is never below the audit kind's minimum on-site time (注2), because
 *    on-site time is part of the total; a reduction that would go below it is cut back (and reported);
 * 5. on-site ≥ max(onSiteMin × total, minimum); off-site ≤ total − that (注5, §6.1.7).
 * Figures are rounded to 2 decimals as Excel's ROUND does; the document does not round to half days.
 * With every result, what a man-day is and counts (`basis`): its hours (注1: 8 hours of a full normal working day,
 * which longer days may not shorten, so the total in hours is what the plan must hold on that many days) and that
 * travel is not part of it (注5), where the scheme states them (`hoursPerDay`, `travelCounted`).
 */

export type AuditKind = "initial" | "surveillance" | "recertification";
export const AUDIT_KINDS: readonly AuditKind[] = ["initial", "surveillance", "recertification"];

export interface ManDayInput {
  /** 拟获证组织有效人数: the effective headcount, > 0. */
  staff: number;
  audit: AuditKind;
  /** Codes of the increase factors that apply (注3 a–e). */
  increases?: readonly string[];
  /** Codes of the reduction factors that apply (注4 e 1–13), or how many apply. */
  reductions?: readonly string[] | number;
}

export type ManDayNoteCode = "at-least" | "reduction-capped" | "minimum-applied" | "on-site-minimum" | "outside-table" | "day-hours" | "travel-not-counted";

export interface ManDayNote {
  code: ManDayNoteCode;
  zh: string;
  en: string;
}

export interface ManDayResult {
  audit: AuditKind;
  staff: number;
  /** The band the headcount falls in; null above the table. */
  band: { min: number; max: number } | null;
  /** The 附件1 value; null above the table (the body decides). */
  tableValue: number | null;
  /** The increase factors applied, with their labels. */
  increaseFactors: ManDayFactor[];
  /** The reduction factors applied (empty when only a count was given). */
  reductionFactors: ManDayFactor[];
  /** Sum of the increase steps (a least amount). */
  increase: number;
  /** Sum of the reduction steps as asked for, before the cap and the minimum. */
  reductionAsked: number;
  /** The reduction allowed: after the 30% cap and the minimum. */
  reduction: number;
  /** reductionCap × tableValue. */
  reductionLimit: number | null;
  /** The audit kind's minimum on-site man-days (注2). */
  minimum: number;
  total: number | null;
  onSiteMin: number | null;
  offSiteMax: number | null;
  /** The total and the least on-site time in hours (注1), where the scheme gives a man-day's hours. */
  hours: number | null;
  onSiteHours: number | null;
  notes: ManDayNote[];
  /** What a man-day is and counts, said with every result (注1, 注5). */
  basis: ManDayNote[];
}

/** Input the calculator cannot use: a headcount ≤ 0, an unknown or repeated factor code. */
export class ManDayInputError extends Error {
  override name = "ManDayInputError";
}

const r2 = (n: number): number => excelRound(n, 2);

function factors(list: readonly ManDayFactor[], codes: readonly string[], what: string): ManDayFactor[] {
  const seen = new Set<string>();
  return codes.map((raw) => {
    const code = raw.trim().toLowerCase();
    if (seen.has(code)) throw new ManDayInputError(`${what} factor "${code}" is given twice`);
    seen.add(code);
    const f = list.find((x) => x.code === code);
    if (f === undefined) throw new ManDayInputError(`unknown ${what} factor "${raw}"; known: ${list.map((x) => x.code).join(", ")}`);
    return f;
  });
}

/** The band of the table holding the headcount, or null above it. */
export function bandFor(table: ManDays, staff: number): ManDayBand | null {
  return table.bands.find((b) => staff <= b.max) ?? null;
}

export function calculateManDays(table: ManDays, input: ManDayInput): ManDayResult {
  const { staff, audit } = input;
  if (!Number.isFinite(staff) || staff <= 0) throw new ManDayInputError(`the effective headcount must be a number above 0, not ${String(staff)}`);
  const increaseFactors = factors(table.increases, input.increases ?? [], "increase");
  const reductionsIn = input.reductions ?? [];
  let reductionFactors: ManDayFactor[] = [];
  let reductionAsked: number;
  if (typeof reductionsIn === "number") {
    if (!Number.isInteger(reductionsIn) || reductionsIn < 0) throw new ManDayInputError(`the number of reduction factors must be a whole number ≥ 0, not ${reductionsIn}`);
    // Counted factors each take the step of the listed ones; with no list there is nothing to count by.
    const step = table.reductions[0]?.step;
    if (step === undefined && reductionsIn > 0) throw new ManDayInputError("the scheme lists no reduction factors");
    reductionAsked = r2(reductionsIn * (step ?? 0));
  } else {
    reductionFactors = factors(table.reductions, reductionsIn, "reduction");
    reductionAsked = r2(reductionFactors.reduce((a, f) => a + f.step, 0));
  }
  const increase = r2(increaseFactors.reduce((a, f) => a + f.step, 0));
  const minimum = table.minimums[audit];
  const notes: ManDayNote[] = [];
  if (increase > 0) {
    notes.push({ code: "at-least", zh: `增加因素每项“至少增加”${increaseFactors[0]?.step ?? 0.5} 人日：合计为最少人日，机构可再增加。`, en: `Each increase factor adds "at least" ${increaseFactors[0]?.step ?? 0.5} man-days: the total is a least figure; the body may add more.` });
  }
  const band = bandFor(table, staff);
  if (band === null) {
    const top = table.bands[table.bands.length - 1]?.max ?? 0;
    notes.push({
      code: "outside-table",
      zh: `有效人数 ${staff} 超出附件1的范围（最多 ${top} 人），文件未规定此时的人日：由认证机构确定。`,
      en: `An effective headcount of ${staff} is beyond the table (at most ${top}); the document gives no rule: the certification body decides.`,
    });
    return {
      audit,
      staff,
      band: null,
      tableValue: null,
      increaseFactors,
      reductionFactors,
      increase,
      reductionAsked,
      reduction: 0,
      reductionLimit: null,
      minimum,
      total: null,
      onSiteMin: null,
      offSiteMax: null,
      hours: null,
      onSiteHours: null,
      notes,
      basis: basisOf(table, null, null),
    };
  }
  const tableValue = band[audit];
  const reductionLimit = r2(table.reductionCap * tableValue);
  let reduction = Math.min(reductionAsked, reductionLimit);
  if (reduction < reductionAsked) {
    notes.push({
      code: "reduction-capped",
      zh: `减少 ${reductionAsked} 人日超过附件1人日 ${tableValue} 的 ${table.reductionCap * 100}%（${reductionLimit} 人日），按 ${reductionLimit} 人日计。`,
      en: `A reduction of ${reductionAsked} exceeds ${table.reductionCap * 100}% of the table value ${tableValue} (${reductionLimit}); ${reductionLimit} is applied.`,
    });
  }
  let total = r2(tableValue + increase - reduction);
  if (total < minimum) {
    notes.push({
      code: "minimum-applied",
      zh: `调整后为 ${total} 人日，低于现场最少 ${minimum} 人日（附件1 注2），按 ${minimum} 人日计。`,
      en: `After the adjustments ${total} man-days would be below the on-site minimum of ${minimum} (annex 1 note 2); ${minimum} is applied.`,
    });
    total = minimum;
    reduction = r2(tableValue + increase - total);
  }
  const share = r2(table.onSiteMin * total);
  const onSiteMin = Math.max(share, minimum);
  if (onSiteMin > share) {
    notes.push({
      code: "on-site-minimum",
      zh: `现场不少于 ${minimum} 人日（附件1 注2），高于总人日的 ${table.onSiteMin * 100}%（${share}）。`,
      en: `On-site at least ${minimum} man-days (annex 1 note 2), more than ${table.onSiteMin * 100}% of the total (${share}).`,
    });
  }
  return {
    audit,
    staff,
    band: { min: band.min, max: band.max },
    tableValue,
    increaseFactors,
    reductionFactors,
    increase,
    reductionAsked,
    reduction: r2(reduction),
    reductionLimit,
    minimum,
    total,
    onSiteMin,
    offSiteMax: r2(total - onSiteMin),
    hours: table.hoursPerDay === undefined ? null : r2(total * table.hoursPerDay),
    onSiteHours: table.hoursPerDay === undefined ? null : r2(onSiteMin * table.hoursPerDay),
    notes,
    basis: basisOf(table, total, onSiteMin),
  };
}

/** 注1 and 注5 as the result says them: a man-day's hours (with the figures in hours, when there are figures), travel. */
function basisOf(table: ManDays, total: number | null, onSite: number | null): ManDayNote[] {
  const out: ManDayNote[] = [];
  const h = table.hoursPerDay;
  if (h !== undefined) {
    const figures = total === null || onSite === null ? null : { total: r2(total * h), onSite: r2(onSite * h) };
    out.push({
      code: "day-hours",
      zh: `每个人日为 ${h} 小时完整的正常工作日${figures === null ? "" : `：合计 ${figures.total} 小时，现场不少于 ${figures.onSite} 小时`}；不能通过增加每天的工作时间来减少审核天数（附件1 注1）。`,
      en: `A man-day is a full normal working day of ${h} hours${figures === null ? "" : `: ${figures.total} hours in all, at least ${figures.onSite} on site`}; longer days may not reduce the number of audit days (annex 1 note 1).`,
    });
  }
  if (table.travelCounted === false) {
    out.push({
      code: "travel-not-counted",
      zh: "往返于审核场所之间的时间不计入审核人日（附件1 注5）。",
      en: "Time spent travelling to and between the audit sites is not part of these man-days (annex 1 note 5).",
    });
  }
  return out;
}
