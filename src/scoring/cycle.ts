import { finding, type Finding } from "../findings/finding";
import type { Lang } from "../findings/language";
import { deadlineRuleText, type DeadlineRule } from "../findings/phrases";
import type { Cycle } from "../scheme/schema";
import { addMonths, earlier, endOfYear, yearOf, type CivilDate } from "./dates";

/**
 * The certificate's cycle (CCT §7.1, §8.1.1, §8.2) from its date: the expiry, each surveillance audit's
 * deadline, the recertification application window, and how the audits held so far meet them. Pure: "today"
 * is given, never read from a clock.
 *
 * §8.1.1 read as rules on the audit dates:
 * - the first surveillance by the end of `firstSurveillanceMonths` from the certificate's date;
 * - after it, at least one in each calendar year except the recertification year, which is read as the year the
 *   certificate expires (recertification must be done before expiry): each next audit by 31 December of the year
 *   after the previous one, and
 * - never more than `maxGapMonths` after the previous one; the earlier of the two is the deadline.
 * An audit later than its deadline is late; it still counts, and the next deadline runs from it. A due audit
 * without a date whose deadline has passed by `today` is missing; the next deadline then runs from the missed
 * deadline, so the plan goes on.
 */

export type SurveillanceStatus = "on-time" | "late" | "missing" | "due";
export type { DeadlineRule };

export interface Surveillance {
  /** 1 for the first surveillance. */
  n: number;
  /** The audit (or certificate date) the deadline runs from. */
  after: CivilDate;
  deadline: CivilDate;
  rule: DeadlineRule;
  /** The audit held for it, when one was. */
  audit: CivilDate | null;
  status: SurveillanceStatus;
}

export interface CertificateCycle {
  source: string;
  issued: CivilDate;
  /** The last day of validity. */
  expires: CivilDate;
  surveillances: Surveillance[];
  /** §8.2: the window in which recertification is applied for (both days included). */
  recertification: { from: CivilDate; to: CivilDate };
  /** Audits after the certificate's date that no surveillance needed (a further audit, or the recertification). */
  extra: CivilDate[];
  today: CivilDate;
  findings: Finding[];
}

const FIELD = "audits";

export function certificateCycle(rule: Cycle, issued: CivilDate, audits: readonly CivilDate[], today: CivilDate): CertificateCycle {
  const expires = addMonths(issued, rule.validMonths);
  const recertificationYear = yearOf(expires);
  const findings: Finding[] = [];
  const held: CivilDate[] = [];
  for (const a of [...new Set(audits)].sort()) {
    if (a <= issued) findings.push(finding("SS903", { field: FIELD }, { audit: a, issued }));
    else if (a > expires) findings.push(finding("SS904", { field: FIELD }, { audit: a, expires }));
    else held.push(a);
  }

  const surveillances: Surveillance[] = [];
  let after = issued;
  let next = 0;
  for (let n = 1; ; n++) {
    let deadline: CivilDate;
    let why: DeadlineRule;
    if (n === 1) {
      deadline = addMonths(issued, rule.firstSurveillanceMonths);
      why = "first";
    } else {
      const year = yearOf(after) + 1;
      if (year >= recertificationYear) break;
      const yearEnd = endOfYear(year);
      const gap = addMonths(after, rule.maxGapMonths);
      deadline = earlier(yearEnd, gap);
      why = gap < yearEnd ? "gap" : "calendar-year";
    }
    const audit = held[next] ?? null;
    let status: SurveillanceStatus;
    if (audit !== null) {
      next += 1;
      status = audit <= deadline ? "on-time" : "late";
      if (status === "late") findings.push(finding("SS901", { field: FIELD }, { n, audit, deadline, rule: why, months: monthsOf(why, rule) }));
    } else {
      status = today > deadline ? "missing" : "due";
      if (status === "missing") findings.push(finding("SS902", { field: FIELD }, { n, deadline, rule: why, months: monthsOf(why, rule), today }));
    }
    surveillances.push({ n, after, deadline, rule: why, audit, status });
    after = audit ?? deadline;
  }
  const extra = held.slice(next);
  return {
    source: rule.source,
    issued,
    expires,
    surveillances,
    recertification: { from: addMonths(expires, -rule.recertificationWindowMonths), to: expires },
    extra,
    today,
    findings,
  };
}

/** The scheme's figure behind a deadline rule: the first surveillance's months, or the longest gap. */
function monthsOf(why: DeadlineRule, rule: Cycle): number {
  return why === "first" ? rule.firstSurveillanceMonths : rule.maxGapMonths;
}

/** The rule that set a deadline, in words, with the scheme's own figures. */
export function ruleText(why: DeadlineRule, rule: Cycle, lang: Lang): string {
  return deadlineRuleText(why, monthsOf(why, rule), lang);
}

/** How each surveillance stands, in words (CLI, report and pane). */
export const STATUS_WORDS: Record<SurveillanceStatus, { zh: string; en: string }> = {
  "on-time": { zh: "按期", en: "on time" },
  late: { zh: "逾期", en: "late" },
  missing: { zh: "缺失", en: "missing" },
  due: { zh: "待进行", en: "due" },
};
