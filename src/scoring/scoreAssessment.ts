import type { Finding } from "../findings/finding";
import type { Scheme } from "../scheme/load";
import { roleFits, RoleMismatchError } from "../scheme/roles";
import type { Assessment } from "./assessment";
import type { ScoreCard } from "./card";
import type { EntrySource } from "./lenient";
import { scoreItems } from "./items";
import { checklistOutcome, groupScores, itemSums, pointsOutcome } from "./total";

/**
 * Scores an assessment against its scheme: entries typed in JSON, or read from a sheet's cells (`source`, see
 * lenient.ts: then a cell counts as the sheet's own formulas count it). Pure: no I/O, no clock, no randomness. Throws only when the
 * role does not fit the scheme (nothing can be scored then); every problem in the entries is a finding.
 * The items (items.ts), then the total (total.ts), which also checks the header (headerChecks.ts).
 */
export function scoreAssessment(scheme: Scheme, assessment: Assessment, source: EntrySource = "typed"): ScoreCard {
  if (!roleFits(scheme, assessment.role)) throw new RoleMismatchError(scheme, assessment.role);
  const findings: Finding[] = [];
  const items = scoreItems(scheme, assessment, findings, source);
  const { sections, subsections } = groupScores(scheme, items);
  const { raw, applicableMax, notApplicableCount } = itemSums(items);
  const result =
    scheme.kind === "checklist" ? checklistOutcome(items) : pointsOutcome(scheme, assessment, items, raw, applicableMax, findings, source);
  // Written out rather than spread: a spread builds a slow object in this hot path.
  return {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    role: assessment.role,
    items,
    subsections,
    sections,
    fullMarks: result.fullMarks,
    applicableMax,
    notApplicableCount,
    raw,
    rescaled: result.rescaled,
    deductionCount: result.deductionCount,
    deductionPoints: result.deductionPoints,
    bonus: result.bonus,
    total: result.total,
    graded: result.graded,
    unfilled: result.unfilled,
    notGradedBy: result.notGradedBy,
    passed: result.passed,
    level: result.level,
    claimedLevel: result.claimedLevel,
    checklist: result.checklist,
    findings,
  };
}

