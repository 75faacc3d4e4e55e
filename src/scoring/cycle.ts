import { finding, type Finding } from "../findings/finding";
import type { Lang } from "../findings/language";
import { deadlineRuleText, type DeadlineRule } from "../findings/phrases";
import type { Cycle } from "../scheme/schema";
import { NO_RECERTIFICATION_WORDS } from "../scheme/words";
import { addMonths, earlier, endOfYear, parseDate, yearOf, type CivilDate } from "./dates";
import { fold } from "./lenient";

/**
 * The certificate's cycle (CCT §6.1.6, §7.1, §8.1.1, §8.2) from its date: the expiry, each surveillance audit's
 * deadline, the recertification, and how the audits held so far meet them. Pure: "today" is given, never read
 * from a clock.
 *
 * Which surveillances are due. §6.1.6: "审核/审查方案包括初次审核/审查、认证决定之后的第一年与第二年的监督审核/审查
 * 和第三年在认证到期前进行的再认证审核/审查". §8.1.1 read as rules on the audit dates:
 * - the first surveillance by the end of `firstSurveillanceMonths` from the certificate's date ("应在认证证书签发日起
 *   12 个月内进行");
 * - after it, at least one in each calendar year except the recertification year ("至少每个日历年（应进行再认证的
 *   年份除外）进行一次"), read as the year of the recertification audit, or of the expiry while there is none: each
 *   next audit by 31 December of the year after the previous one, and
 * - never more than `maxGapMonths` after the previous one ("两次监督审核/审查的时间间隔不得超过 15 个月"); the earlier
 *   of the two is the deadline.
 * The surveillances the plan holds at the certificate's date (each on its deadline: two, the first and second
 * year's of §6.1.6) are always listed; more are listed when the audits held need them (a first surveillance in the
 * certificate's own year leaves two calendar years before the recertification year). An audit later than its
 * deadline is late; it still counts, and the next deadline runs from it — it moves the next deadline, it never
 * removes a due surveillance. A due audit without a date whose deadline has passed by `today` is missing; the next
 * deadline then runs from the missed deadline, so the plan goes on. No surveillance of this cycle is due after its
 * end (the recertification audit, or the expiry): a deadline the rules put later is cut back to it.
 *
 * The recertification. §8.2: "在认证证书有效日期前 3 个月内，获证组织可向本机构提出再认证申请". An audit in that window
 * counts as the recertification (the last one, when several: an earlier one is a late surveillance), unless the
 * user says which audit it was (a date, which need not lie in the window) or that none was held yet. Audits after
 * the recertification belong to the next cycle, which runs from the recertification decision (§6.1.6). Once the
 * certificate's validity (§7.1: 3 年) has passed without a recertification, the certificate has expired (SS906).
 */

export type SurveillanceStatus = "on-time" | "late" | "missing" | "due";
export type { DeadlineRule };

export interface Surveillance {
  /** 1 for the first surveillance. */
  n: number;
  /** The audit (or certificate date, or missed deadline) the deadline runs from. */
  after: CivilDate;
  deadline: CivilDate;
  rule: DeadlineRule;
  /** The audit held for it, when one was. */
  audit: CivilDate | null;
  status: SurveillanceStatus;
}

/**
 * Which audit was the recertification: `"window"`, the last audit in the §8.2 window (the default); a date the
 * user marked; or `"none"`, no recertification held yet (every audit is a surveillance).
 */
export type RecertificationMark = "window" | "none" | { date: CivilDate };

/** held; not held, and today before the window (upcoming), in it (open) or past the expiry (missing). */
export type RecertificationStatus = "held" | "upcoming" | "open" | "missing";

export interface Recertification {
  /** §8.2: the window in which recertification is applied for (both days included). */
  from: CivilDate;
  to: CivilDate;
  /** The recertification audit, when one was held. */
  audit: CivilDate | null;
  /** How that audit was taken as the recertification: it lies in the window, or the user marked it. */
  by: "window" | "mark" | null;
  status: RecertificationStatus;
}

/** The certificate as of `today`: valid, renewed by a recertification, or expired without one. */
export type CertificateState = "valid" | "recertified" | "expired";

export interface CertificateCycle {
  source: string;
  issued: CivilDate;
  /** The last day of validity. */
  expires: CivilDate;
  surveillances: Surveillance[];
  recertification: Recertification;
  state: CertificateState;
  /** Audits no surveillance of this cycle needed: further audits, or those after the recertification (the next cycle). */
  extra: CivilDate[];
  today: CivilDate;
  findings: Finding[];
}

const FIELD = "audits";

/** A surveillance as planned: its deadline and the audit held for it, before today judges it. */
type Planned = Omit<Surveillance, "status">;

/**
 * The surveillances from the certificate's date to the cycle's `end`, the `audits` held taken in date order: at
 * least `planned` of them, more while §8.1.1's calendar-year rule asks for one before the recertification year.
 */
function schedule(rule: Cycle, issued: CivilDate, end: CivilDate, endRule: DeadlineRule, audits: readonly CivilDate[], planned: number): Planned[] {
  const recertificationYear = yearOf(end);
  const out: Planned[] = [];
  let after = issued;
  for (let n = 1; ; n++) {
    let deadline: CivilDate;
    let why: DeadlineRule;
    if (n === 1) {
      deadline = addMonths(issued, rule.firstSurveillanceMonths);
      why = "first";
    } else {
      const year = yearOf(after) + 1;
      // Past the planned ones, a deadline in this branch lies before the end's year, so the loop ends.
      if (n > planned && year >= recertificationYear) break;
      const yearEnd = endOfYear(year);
      const gap = addMonths(after, rule.maxGapMonths);
      deadline = earlier(yearEnd, gap);
      why = gap < yearEnd ? "gap" : "calendar-year";
    }
    if (deadline > end) {
      deadline = end;
      why = endRule;
    }
    const audit = audits[n - 1] ?? null;
    out.push({ n, after, deadline, rule: why, audit });
    after = audit ?? deadline;
  }
  return out;
}

export function certificateCycle(rule: Cycle, issued: CivilDate, audits: readonly CivilDate[], today: CivilDate, mark: RecertificationMark = "window"): CertificateCycle {
  const expires = addMonths(issued, rule.validMonths);
  const window = { from: addMonths(expires, -rule.recertificationWindowMonths), to: expires };
  const marked = typeof mark === "object" ? mark.date : null;
  const findings: Finding[] = [];
  const inCycle: CivilDate[] = [];
  const afterExpiry: CivilDate[] = [];
  for (const a of [...new Set(marked === null ? audits : [...audits, marked])].sort()) {
    if (a <= issued) findings.push(finding("SS903", { field: FIELD }, { audit: a, issued }));
    else if (a > expires) afterExpiry.push(a);
    else inCycle.push(a);
  }

  let recertified: CivilDate | null = null;
  if (marked !== null) recertified = inCycle.includes(marked) ? marked : null;
  else if (mark === "window") recertified = inCycle.filter((a) => a >= window.from).pop() ?? null;
  // After a recertification, later audits are the next cycle's; without one, an audit after expiry is out of place.
  const extra = recertified === null ? [] : [...inCycle.filter((a) => a > recertified), ...afterExpiry];
  if (recertified === null) for (const a of afterExpiry) findings.push(finding("SS904", { field: FIELD }, { audit: a, expires }));
  const surveillanceAudits = recertified === null ? inCycle : inCycle.filter((a) => a < recertified);

  const planned = schedule(rule, issued, expires, "expiry", [], 0).length;
  const end = recertified ?? expires;
  const surveillances: Surveillance[] = schedule(rule, issued, end, recertified === null ? "expiry" : "recertification", surveillanceAudits, planned).map((s) => {
    const months = monthsOf(s.rule, rule);
    if (s.audit !== null) {
      if (s.audit <= s.deadline) return { ...s, status: "on-time" };
      findings.push(finding("SS901", { field: FIELD }, { n: s.n, audit: s.audit, deadline: s.deadline, rule: s.rule, months }));
      return { ...s, status: "late" };
    }
    if (today <= s.deadline) return { ...s, status: "due" };
    findings.push(finding("SS902", { field: FIELD }, { n: s.n, deadline: s.deadline, rule: s.rule, months, today }));
    return { ...s, status: "missing" };
  });
  extra.unshift(...surveillanceAudits.slice(surveillances.length));

  let status: RecertificationStatus;
  if (recertified !== null) status = "held";
  else if (today < window.from) status = "upcoming";
  else if (today <= window.to) status = "open";
  else status = "missing";
  if (status === "missing") findings.push(finding("SS906", { field: FIELD }, { expires, today, months: rule.validMonths }));
  return {
    source: rule.source,
    issued,
    expires,
    surveillances,
    recertification: { ...window, audit: recertified, by: recertified === null ? null : marked !== null ? "mark" : "window", status },
    state: status === "held" ? "recertified" : status === "missing" ? "expired" : "valid",
    extra,
    today,
    findings,
  };
}

/**
 * The recertification mark as people type it (CLI `--recertified`, the pane, the report's header 再认证审核日期):
 * blank is "window"; a word of NO_RECERTIFICATION_WORDS is "none"; a date marks that audit; anything else is unreadable.
 */
export function readRecertificationMark(text: string | null | undefined): { mark: RecertificationMark; unreadable: null } | { mark: null; unreadable: string } {
  const t = fold(text ?? "");
  if (t === "") return { mark: "window", unreadable: null };
  if (NO_RECERTIFICATION_WORDS.some((w) => w.toLowerCase() === t.toLowerCase())) return { mark: "none", unreadable: null };
  const date = parseDate(t);
  return date === null ? { mark: null, unreadable: t } : { mark: { date }, unreadable: null };
}

/** The scheme's figure behind a deadline rule: the first surveillance's months, the longest gap, or the validity. */
function monthsOf(why: DeadlineRule, rule: Cycle): number {
  return why === "first" ? rule.firstSurveillanceMonths : why === "expiry" || why === "recertification" ? rule.validMonths : rule.maxGapMonths;
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

/** How the recertification stands, in words. */
export const RECERTIFICATION_WORDS: Record<RecertificationStatus, { zh: string; en: string }> = {
  held: { zh: "已进行", en: "held" },
  upcoming: { zh: "未到申请期", en: "not yet open" },
  open: { zh: "申请期内", en: "window open" },
  missing: { zh: "未进行", en: "not held" },
};
