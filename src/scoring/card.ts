import type { Finding } from "../findings/finding";
import type { Role } from "../scheme/roles";
import type { Level } from "../scheme/schema";
import type { Conclusion } from "../scheme/words";
import type { SampleRecord } from "./samples";

/** The ScoreCard: everything the engine works out for one assessment, item by item up to the level. */

/** How one item came out. */
export type ItemStatus = "scored" | "na" | "missing" | "invalid";

export interface ItemScore {
  clause: string;
  code: string | undefined;
  sectionId: string;
  subsectionId: string;
  max: number;
  /** Points earned, unrounded; 0 when not applicable, missing or invalid (each of those has a finding). */
  earned: number;
  applicable: boolean;
  status: ItemStatus;
  conclusion: Conclusion | null;
  /** The sample record the points were worked out from (CCT 附件2 评分要求 1); null when none was used. */
  samples: SampleRecord | null;
  /** Why a left-out item does not apply (6.3.6); null for applicable items and left-out items without one. */
  reason: string | null;
  /** An entry the item owes is empty (SS101): a 0-point row owes nothing, a left-out one nothing more. */
  unfilled: boolean;
}

/** Why a points result gets no level although it may pass the mark. */
export type NotGradedBy = "deductions" | "prerequisite";

export interface GroupScore {
  id: string;
  title: string;
  max: number;
  /** The maximum of the group's applicable items. */
  applicableMax: number;
  /** Unrounded, not rescaled. */
  earned: number;
}

export interface ChecklistCounts {
  conform: number;
  nonconform: number;
  notApplicable: number;
  missing: number;
}

/** Everything the engine works out for one assessment. */
export interface ScoreCard {
  schemeId: string;
  schemeVersion: string;
  role: Role;
  items: ItemScore[];
  subsections: GroupScore[];
  sections: GroupScore[];
  /** null in checklists. */
  fullMarks: number | null;
  applicableMax: number;
  notApplicableCount: number;
  /** Sum of earned points before rescaling. */
  raw: number;
  /** raw ÷ applicableMax × fullMarks, unrounded. */
  rescaled: number;
  deductionCount: number;
  deductionPoints: number;
  bonus: number;
  /** The total to 2 decimals, rounded as Excel's ROUND; null in checklists. */
  total: number | null;
  /** False when the special deductions reach the scheme's limit or the prerequisite is not met. */
  graded: boolean;
  /**
   * How many items still have an owed entry empty. While any do, the form is not finished: no level, not passed,
   * and its result is called 未填完（n 项未填） (resultName), as the sheet's result cells say.
   */
  unfilled: number;
  /** What stops grading, in the order the report states it; empty when graded. */
  notGradedBy: NotGradedBy[];
  passed: boolean;
  level: Level | null;
  /** The level 申报级别 names, where it names one. */
  claimedLevel: Level | null;
  checklist: ChecklistCounts | null;
  findings: Finding[];
}
