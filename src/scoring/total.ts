import { finding, type Finding } from "../findings/finding";
import type { Scheme } from "../scheme/load";
import type { Assessment } from "./assessment";
import type { ChecklistCounts, GroupScore, ItemScore, NotGradedBy, ScoreCard } from "./card";
import { checkClaimedLevel, checkServiceDomain } from "./headerChecks";
import { fold, readEntryNumber, type EntrySource } from "./lenient";
import { levelFor } from "./levels";
import { prerequisiteMet } from "./prerequisite";
import { excelRound } from "./round";

/** From the items to the result: section sums, special deductions and bonus, the total, grading, pass and level. */

/** Each section's and subsection's maximum, applicable maximum and points, in one pass over the items. */
export function groupScores(scheme: Scheme, items: readonly ItemScore[]): { sections: GroupScore[]; subsections: GroupScore[] } {
  // One pass over the items fills every section and subsection.
  const sections: GroupScore[] = scheme.sections.map((s) => ({ id: s.id, title: s.title, max: s.max, applicableMax: 0, earned: 0 }));
  const subsections: GroupScore[] = scheme.sections.flatMap((s) =>
    s.subsections.map((u) => ({ id: u.id, title: u.title, max: u.max, applicableMax: 0, earned: 0 })),
  );
  for (const item of scheme.items) {
    const score = items[item.index] as ItemScore;
    const section = sections[item.sectionIndex] as GroupScore;
    const subsection = subsections[item.subsectionIndex] as GroupScore;
    if (score.applicable) {
      section.applicableMax += score.max;
      subsection.applicableMax += score.max;
    }
    section.earned += score.earned;
    subsection.earned += score.earned;
  }

  return { sections, subsections };
}

/**
 * The raw points, the applicable maximum and how many items do not apply. The sums are compensated (Neumaier), as
 * LibreOffice's SUM is: a plain running sum of 50 items can drift a few units in the last place, which is enough to
 * round a raw total of exactly 89.995 down to 89.99 where the sheet's SUM, and ROUND after it, gives 90.00.
 */
export function itemSums(items: readonly ItemScore[]): { raw: number; applicableMax: number; notApplicableCount: number } {
  const raw = new CompensatedSum();
  const applicableMax = new CompensatedSum();
  let notApplicableCount = 0;
  for (const i of items) {
    raw.add(i.earned);
    if (i.applicable) applicableMax.add(i.max);
    else notApplicableCount += 1;
  }
  return { raw: raw.value(), applicableMax: applicableMax.value(), notApplicableCount };
}

/** Neumaier's compensated sum: the rounding error of each addition is kept and added back at the end. */
class CompensatedSum {
  private sum = 0;
  private error = 0;
  add(x: number): void {
    const t = this.sum + x;
    this.error += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }
  value(): number {
    return this.sum + this.error;
  }
}

/** What follows from the items: totals, special items, pass and level (or, for checklists, the counts). */
export type CardOutcome = Pick<
  ScoreCard,
  | "fullMarks"
  | "rescaled"
  | "deductionCount"
  | "deductionPoints"
  | "bonus"
  | "total"
  | "graded"
  | "unfilled"
  | "notGradedBy"
  | "passed"
  | "level"
  | "claimedLevel"
  | "checklist"
>;

/** How many items still have an owed entry empty. */
export function unfilledCount(items: readonly ItemScore[]): number {
  let n = 0;
  for (const i of items) if (i.unfilled) n += 1;
  return n;
}

export function checklistOutcome(items: readonly ItemScore[]): CardOutcome {
  const counts: ChecklistCounts = { conform: 0, nonconform: 0, notApplicable: 0, missing: 0 };
  for (const i of items) {
    if (i.conclusion === "conform") counts.conform += 1;
    else if (i.conclusion === "nonconform") counts.nonconform += 1;
    else if (i.conclusion === "na") counts.notApplicable += 1;
    else counts.missing += 1;
  }
  return {
    fullMarks: null,
    rescaled: 0,
    deductionCount: 0,
    deductionPoints: 0,
    bonus: 0,
    total: null,
    graded: true,
    unfilled: unfilledCount(items),
    notGradedBy: [],
    passed: counts.nonconform === 0 && counts.missing === 0,
    level: null,
    claimedLevel: null,
    checklist: counts,
  };
}

export function pointsOutcome(scheme: Scheme, assessment: Assessment, items: readonly ItemScore[], raw: number, applicableMax: number, findings: Finding[], source: EntrySource = "typed"): CardOutcome {
  const header = assessment.header ?? {};
  const fullMarks = scheme.fullMarks ?? 0;
  // Special deductions and the bonus arise in the evaluation (completeness 附录, CCT 附件2 D1/D2): the auditor's, never the applicant's.
  const auditor = assessment.role === "audit";
  const deductionRule = auditor ? scheme.special?.deduction : undefined;
  const deductions = assessment.deductions ?? [];
  let deductionCount = 0;
  if (deductions.length > 0 && deductionRule === undefined) {
    findings.push(
      auditor || scheme.special?.deduction === undefined
        ? finding("SS403", { field: "deductions" }, { scheme: scheme.id, special: "deduction", count: deductions.length })
        : finding("SS405", { field: "deductions" }, { special: "deduction", count: deductions.length }),
    );
  } else {
    deductionCount = deductions.length;
    for (const d of deductions) {
      if (d.clause !== undefined && d.clause.trim() !== "" && !scheme.byClause.has(fold(d.clause))) {
        findings.push(finding("SS404", { clause: d.clause, field: "deductions" }));
      }
    }
  }
  const deductionPoints = deductionCount * (deductionRule?.points ?? 0);
  const notGradedBy: NotGradedBy[] = [];
  if (deductionRule !== undefined && deductionCount >= deductionRule.notGradedAt) {
    notGradedBy.push("deductions");
    findings.push(finding("SS401", { field: "deductions" }, { count: deductionCount, limit: deductionRule.notGradedAt }));
  }
  if (!prerequisiteMet(scheme, header, findings)) notGradedBy.push("prerequisite");
  const graded = notGradedBy.length === 0;

  let bonus = 0;
  const bonusRule = auditor ? scheme.special?.bonus : undefined;
  const bonusReading = readEntryNumber(assessment.bonus?.points, "分", source);
  if (bonusReading.kind === "number" || bonusReading.kind === "invalid" || bonusReading.kind === "uncounted") {
    if (bonusRule === undefined) {
      findings.push(
        auditor || scheme.special?.bonus === undefined
          ? finding("SS403", { field: "bonus" }, { scheme: scheme.id, special: "bonus", count: 1 })
          : finding("SS405", { field: "bonus" }, { special: "bonus", count: 1 }),
      );
    } else if (bonusReading.kind === "uncounted") {
      // The sheet counts a bonus typed as text as 0 (`N(…)`), and so does the engine.
      findings.push(finding("SS108", { field: "bonus" }, { field: "bonus", text: bonusReading.text, as: bonusReading.as }));
    } else if (bonusReading.kind === "invalid") {
      findings.push(finding("SS104", { field: "bonus" }, { field: "bonus", text: bonusReading.text }));
    } else {
      bonus = Math.min(Math.max(bonusReading.value, 0), bonusRule.max);
      if (bonus !== bonusReading.value) {
        findings.push(finding("SS402", { field: "bonus" }, { value: bonusReading.value, max: bonusRule.max, counted: bonus }));
      }
    }
  }

  if (applicableMax === 0) findings.push(finding("SS302", {}));
  const rescaled = applicableMax > 0 ? (raw / applicableMax) * fullMarks : 0;
  // Capped to [0, full marks]: a bonus cannot lift a total above the scheme's full marks.
  const total = excelRound(Math.min(Math.max(rescaled - deductionPoints + bonus, 0), fullMarks), 2);
  const passMark = scheme.passMarkOrLowest ?? 0;
  // A form with entries still empty has no result yet: neither a level nor a fail (未填完).
  const unfilled = unfilledCount(items);
  const passed = unfilled === 0 && graded && applicableMax > 0 && total >= passMark;
  const level = passed ? levelFor(scheme, total) : null;

  const claimedLevel = checkClaimedLevel(scheme, header, unfilled === 0 ? { level } : null, total, findings);
  checkServiceDomain(scheme, header, findings);

  return { fullMarks, rescaled, deductionCount, deductionPoints, bonus, total, graded, unfilled, notGradedBy, passed, level, claimedLevel, checklist: null };
}
