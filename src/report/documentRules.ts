import { finding, type Finding } from "../findings/finding";
import type { Scheme } from "../scheme/load";
import { CYCLE_FIELDS } from "../scheme/roles";
import type { Cycle } from "../scheme/schema";
import type { Assessment } from "../scoring/assessment";
import { cellText } from "../scoring/cellText";
import { certificateCycle, readRecertificationMark, type CertificateCycle } from "../scoring/cycle";
import { parseDate, parseDateList } from "../scoring/dates";
import { leftOutOf } from "../scoring/leftOut";
import type { NotGradedBy, ScoreCard } from "../scoring/card";

/**
 * What the report shows of the documents' rules beyond points: the sample records (CCT 6.3.7 3) 抽样及样本信息),
 * the items left out with their reasons (6.3.6), why a result is not graded, and the certificate's cycle
 * (§7.1, §8.1.1, §8.2) when the header gives the certificate's date.
 */

export interface SampleRow {
  clause: string;
  code: string | null;
  points: number;
  checked: number;
  nonconforming: number;
  earned: number;
}

export interface LeftOutRow {
  clause: string;
  text: string;
  points: number;
  reason: string | null;
}

export interface DocumentRules {
  samples: SampleRow[];
  leftOut: LeftOutRow[];
  /** The points of the items left out, as leftOutOf counts them. */
  leftOutPoints: number;
  notGradedBy: NotGradedBy[];
  /** The prerequisite's header and what it asks, when that is why the result is not graded. */
  prerequisite: { header: string; zh: string; en: string } | null;
  /** `unreadable`: a finding for each part of the audit dates that is no date (not counted). */
  cycle: { cycle: CertificateCycle; rule: Cycle; unreadable: Finding[] } | null;
}

/** The header fields that give the certificate's date (CCT §7.2 5) 发证日期): the form's, and other names people use. */
export const CERTIFICATE_DATE_FIELDS = [CYCLE_FIELDS.issued, "证书日期", "认证证书日期"] as const;

/** The header field that lists the surveillance audits held. */
const AUDITS_FIELD = CYCLE_FIELDS.audits;

/** The report's date: 编制日期 (审查时间 on forms made before it had that name). */
const REPORT_DATE_FIELDS = ["编制日期", "审查时间"] as const;

/** The header field that marks the recertification audit: its date, or 无 (none held yet); blank, the window decides. */
export const RECERTIFICATION_FIELD = CYCLE_FIELDS.recertified;

/** The first day on site: the audit's own date, when it is the recertification (审查类型 再认证). */
const AUDIT_START_FIELD = "审查开始";

/**
 * The cycle for the certificate's date in the header, where the scheme has a cycle. Audits held are the
 * header's 监督审核日期 (a list); the report is as of its 编制日期, or of the certificate's date when absent.
 * The recertification is the header's 再认证审核日期 when given; else this audit (its 审查开始, else the report's
 * date) when its 审查类型 is 再认证; else an audit in the §8.2 window (scoring/cycle.ts).
 */
export function headerCycle(scheme: Scheme, header: Assessment["header"]): DocumentRules["cycle"] {
  const rule = scheme.certification?.cycle;
  if (rule === undefined) return null;
  const issuedText = CERTIFICATE_DATE_FIELDS.map((f) => cellText(header?.[f])).find((t) => t !== null);
  const issued = issuedText === undefined || issuedText === null ? null : parseDate(issuedText);
  if (issued === null) return null;
  const { dates: audits, unreadable } = parseDateList(cellText(header?.[AUDITS_FIELD]) ?? "");
  const reportDate = REPORT_DATE_FIELDS.map((f) => parseDate(cellText(header?.[f]) ?? "")).find((d) => d !== null) ?? null;
  const asOf = reportDate ?? issued;
  const unreadableFindings = unreadable.map((text) => finding("SS905", { field: AUDITS_FIELD }, { text }));
  const read = readRecertificationMark(cellText(header?.[RECERTIFICATION_FIELD]));
  if (read.mark === null) unreadableFindings.push(finding("SS905", { field: RECERTIFICATION_FIELD }, { text: read.unreadable }));
  let mark = read.mark ?? "window";
  const auditDate = parseDate(cellText(header?.[AUDIT_START_FIELD]) ?? "") ?? reportDate;
  if (mark === "window" && auditDate !== null && cellText(header?.["审查类型"]) === "再认证") mark = { date: auditDate };
  return { cycle: certificateCycle(rule, issued, audits, asOf, mark), rule, unreadable: unreadableFindings };
}

export function documentRules(scheme: Scheme, assessment: Assessment, card: ScoreCard): DocumentRules {
  const samples: SampleRow[] = [];
  const leftOut: LeftOutRow[] = [];
  for (const item of scheme.items) {
    const score = card.items[item.index];
    if (score === undefined) continue;
    if (score.samples !== null) {
      samples.push({ clause: item.clause, code: item.code ?? null, points: item.max, checked: score.samples.checked, nonconforming: score.samples.nonconforming, earned: score.earned });
    }
    if (!score.applicable) leftOut.push({ clause: item.clause, text: item.text, points: item.max, reason: score.reason });
  }
  const p = scheme.prerequisite;
  return {
    samples,
    leftOut,
    leftOutPoints: leftOutOf(card.items, card.fullMarks).points,
    notGradedBy: card.notGradedBy,
    prerequisite: p !== undefined && card.notGradedBy.includes("prerequisite") ? { header: p.header, zh: p.zh, en: p.en } : null,
    cycle: headerCycle(scheme, assessment.header),
  };
}
