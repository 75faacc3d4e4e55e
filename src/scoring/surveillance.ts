import type { Lang } from "../findings/language";
import type { Scheme } from "../scheme/load";
import type { Level } from "../scheme/schema";
import { matchLevel } from "./levels";
import type { ScoreCard } from "./card";

/**
 * What a surveillance (监督, CCT §8.1.3) or recertification (再认证, §8.2) audit means for a certificate,
 * judged from the certified level and the new ScoreCard. Pure; works for any points scheme with levels.
 *
 * - the new result has the certified level        → keep (保持 / 换发认证证书)
 * - the new result has a higher level             → upgrade to it
 * - the new result has a lower level              → downgrade to it
 * - the new result has no level (below the pass mark, or not graded) → withdraw (撤销认证证书)
 * - the audit sheet is not finished (entries still empty, 未填完)    → no decision yet (incomplete)
 *
 * §8.1.3 3) and §8.2 3) say "降为对应等级或撤销认证证书" without saying when to withdraw rather than
 * downgrade; this reads it as: downgrade while the result still has a level, withdraw when it has none.
 */

export type AuditType = "surveillance" | "recertification";
export type DecisionKind = "keep" | "upgrade" | "downgrade" | "withdraw" | "incomplete";

export interface CertificationDecision {
  audit: AuditType;
  certified: Level;
  decision: DecisionKind;
  /** The level the certificate moves to (the certified one when kept); null when withdrawn. */
  to: Level | null;
  /** The new total, as the ScoreCard has it. */
  total: number | null;
  /** False when the special deductions reached the limit. */
  graded: boolean;
  /** Items still to be scored (decision "incomplete"). */
  unfilled: number;
}

/** The certified level names no level of the scheme (or the scheme has none). */
export class UnknownLevelError extends Error {
  override name = "UnknownLevelError";
  constructor(scheme: Scheme, given: string) {
    const levels = (scheme.levels ?? []).map((l) => l.name);
    super(
      levels.length === 0
        ? `scheme ${scheme.id} has no levels, so no certified level can be given`
        : `"${given}" is not a level of scheme ${scheme.id}; levels: ${levels.join(", ")}`,
    );
  }
}

/** The scheme's level a certified-level text names (lenient, as 申报级别); throws UnknownLevelError. */
export function certifiedLevel(scheme: Scheme, certified: string): Level {
  const level = matchLevel(scheme, certified);
  if (level === null) throw new UnknownLevelError(scheme, certified);
  return level;
}

export function decideCertification(scheme: Scheme, certified: string | Level, card: ScoreCard, audit: AuditType = "surveillance"): CertificationDecision {
  const from = typeof certified === "string" ? certifiedLevel(scheme, certified) : certified;
  const now = card.level;
  const base = { audit, certified: from, total: card.total, graded: card.graded, unfilled: card.unfilled };
  if (card.unfilled > 0) return { ...base, decision: "incomplete", to: null };
  if (now === null) return { ...base, decision: "withdraw", to: null };
  if (now.min > from.min) return { ...base, decision: "upgrade", to: now };
  if (now.min < from.min) return { ...base, decision: "downgrade", to: now };
  return { ...base, decision: "keep", to: from };
}

const name = (level: Level, lang: Lang): string => (lang === "en" ? level.nameEn : level.name);

/** One line stating the decision in the wording of §8.1.3 (监督) or §8.2 (再认证). */
export function decisionMessage(d: CertificationDecision, lang: Lang = "zh"): string {
  const total = d.total === null ? "-" : d.total.toFixed(2);
  const from = name(d.certified, lang);
  const to = d.to === null ? "" : name(d.to, lang);
  const surveillance = d.audit === "surveillance";
  if (lang === "en") {
    const kind = surveillance ? "Surveillance" : "Recertification";
    switch (d.decision) {
      case "keep":
        return surveillance
          ? `${kind}: total ${total} meets the certified level ${from}: keep the certification.`
          : `${kind}: total ${total} meets the certified level ${from}: issue a new certificate.`;
      case "upgrade":
        return surveillance
          ? `${kind}: total ${total} is above the certified level ${from}: upgrade to ${to} and issue a new certificate.`
          : `${kind}: total ${total} is above the certified level ${from}: upgrade directly to ${to} and issue a new certificate.`;
      case "downgrade":
        return surveillance
          ? `${kind}: total ${total} is below the certified level ${from}: downgrade to ${to}.`
          : `${kind}: total ${total} is below the certified level ${from}: downgrade directly to ${to}.`;
      case "incomplete":
        return `${kind}: the audit sheet is incomplete (${d.unfilled} not filled): no decision until every clause is scored (certified ${from}).`;
      case "withdraw":
        return d.graded
          ? `${kind}: total ${total} reaches no level (certified ${from}): withdraw the certificate.`
          : `${kind}: not graded (too many special deductions; certified ${from}): withdraw the certificate.`;
    }
  }
  const kind = surveillance ? "监督" : "再认证";
  switch (d.decision) {
    case "keep":
      return surveillance ? `${kind}：总分 ${total} 满足获证等级“${from}”的要求，推荐保持认证。` : `${kind}：总分 ${total} 满足获证星级“${from}”的要求，换发认证证书。`;
    case "upgrade":
      return surveillance
        ? `${kind}：总分 ${total} 高于获证等级“${from}”，升为${to}并换发认证证书。`
        : `${kind}：总分 ${total} 高于获证级别“${from}”，直接升为${to}并换发认证证书。`;
    case "downgrade":
      return surveillance ? `${kind}：总分 ${total} 低于获证等级“${from}”，降为${to}。` : `${kind}：总分 ${total} 低于获证级别“${from}”，直接降为${to}。`;
    case "incomplete":
      return `${kind}：评分表未填完（${d.unfilled} 项未填），逐条评分后才能判定（获证等级“${from}”）。`;
    case "withdraw":
      return d.graded ? `${kind}：总分 ${total} 未达到任何等级（获证等级“${from}”），撤销认证证书。` : `${kind}：不予评级（特别扣分项达到上限；获证等级“${from}”），撤销认证证书。`;
  }
}

/** The decision as `starscore score --json` prints it under `surveillance`. */
export function decisionJson(d: CertificationDecision, lang: Lang = "zh") {
  return {
    audit: d.audit,
    certified: d.certified.name,
    decision: d.decision,
    to: d.to?.name ?? null,
    message: decisionMessage(d, lang),
  };
}
