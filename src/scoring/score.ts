import { finding, type Finding } from "../findings/finding";
import type { Item, Scheme } from "../scheme/load";
import type { Level } from "../scheme/schema";
import { roleFits, RoleMismatchError, type Role } from "../scheme/roles";
import type { Assessment, Entry } from "./assessment";
import { fold, hasEvidence, readConclusion, readNumber, type Conclusion } from "./lenient";
import { domainsNamed } from "./domains";
import { levelFor, matchLevel } from "./levels";
import { excelRound } from "./round";
import { checkAgainstTyped, checkPartialCredit, hasSampleRecord, readSamples, typedText, type SampleRecord } from "./samples";
import { checkReason, reasonOf } from "./leftOut";
import { itemByCode, partEntry, partsOf } from "./clauseParts";
import { prerequisiteMet } from "./prerequisite";

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
  /** What stops grading, in the order the report states it; empty when graded. */
  notGradedBy: NotGradedBy[];
  passed: boolean;
  level: Level | null;
  /** The level 申报级别 names, where it names one. */
  claimedLevel: Level | null;
  checklist: ChecklistCounts | null;
  findings: Finding[];
}

/** How one item's entry reads. */
interface ItemOutcome {
  earned: number;
  status: ItemStatus;
  conclusion: Conclusion | null;
  samples?: SampleRecord;
}

function blank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

function isBlank(entry: Entry | undefined): boolean {
  if (entry === undefined) return true;
  return entry.applicable === undefined && blank(entry.percent) && blank(entry.score) && blank(entry.conclusion) && !hasSampleRecord(entry);
}

/** Reads a points value (a percentage of the item, or a score) and checks its range. */
function readPoints(item: Item, entry: Entry, field: "percent" | "score", out: Finding[]): ItemOutcome {
  const reading = field === "percent" ? readNumber(entry.percent, "%") : readNumber(entry.score, "分");
  if (reading.kind === "number" && reading.value >= 0 && reading.value <= (field === "percent" ? 100 : item.max)) {
    // The common case, kept free of allocations: a number in range.
    return { earned: field === "percent" ? item.max * (reading.value / 100) : reading.value, status: "scored", conclusion: null };
  }
  const location = { clause: item.clause, field };
  switch (reading.kind) {
    case "na":
      return { earned: 0, status: "na", conclusion: null };
    case "empty":
      out.push(finding("SS101", location, { field }));
      return { earned: 0, status: "missing", conclusion: null };
    case "invalid":
      out.push(finding("SS104", location, { field, text: reading.text }));
      return { earned: 0, status: "invalid", conclusion: null };
    case "number": {
      const v = reading.value;
      if (field === "percent") {
        if (v < 0 || v > 100) {
          out.push(finding("SS103", location, { value: v }));
          return { earned: 0, status: "invalid", conclusion: null };
        }
        // points × (p ÷ 100): the workbook holds 95% as 0.95 and multiplies, so the engine does too.
        return { earned: item.max * (v / 100), status: "scored", conclusion: null };
      }
      if (v < 0 || v > item.max) {
        out.push(finding("SS102", location, { value: v, max: item.max }));
        return { earned: 0, status: "invalid", conclusion: null };
      }
      return { earned: v, status: "scored", conclusion: null };
    }
  }
}

/**
 * The typed figure's points, unless the entry has a usable sample record: then the record's (samples.ts).
 * The common case, no sample record, takes the typed figure without a detour.
 */
function pointsOrSamples(scheme: Scheme, role: Role, item: Item, entry: Entry, field: "percent" | "score", out: Finding[]): ItemOutcome {
  // 评分要求 1)–2) are the auditors' rules for 附件2; a self-assessment's partial score is the organisation's own claim.
  const rule = role === "audit" ? scheme.partialCredit : undefined;
  if (!hasSampleRecord(entry)) {
    const typed = readPoints(item, entry, field, out);
    if (typed.status === "scored") checkPartialCredit(rule, item, field, typed.earned, out);
    return typed;
  }
  const record = readSamples(item.clause, entry, out);
  const scratch: Finding[] = [];
  const typed = readPoints(item, entry, field, scratch);
  if (record === null || typed.status === "na") {
    out.push(...scratch);
    if (typed.status === "scored") checkPartialCredit(rule, item, field, typed.earned, out);
    return typed;
  }
  // A figure that cannot be read is still an error; a blank one is owed nothing, the record suffices.
  if (typed.status === "invalid") out.push(...scratch);
  const earned = checkAgainstTyped(item, field, typedText(entry, field), typed.status === "scored" ? typed.earned : null, record, out);
  return { earned, status: "scored", conclusion: null, samples: record };
}

function scoreAudit(scheme: Scheme, item: Item, entry: Entry, out: Finding[]): ItemOutcome {
  const usesScore = (entry.percent === undefined || entry.percent === null) && entry.score !== undefined && entry.score !== null;
  return pointsOrSamples(scheme, "audit", item, entry, usesScore ? "score" : "percent", out);
}

function scoreSelf(scheme: Scheme, item: Item, entry: Entry, out: Finding[]): ItemOutcome {
  const c = readConclusion(entry.conclusion);
  const location = { clause: item.clause, field: "conclusion" };
  if (c.kind === "invalid") out.push(finding("SS105", location, { text: c.text }));
  const conclusion = c.kind === "conclusion" ? c.value : null;
  const score = readNumber(entry.score, "分");
  if (conclusion === "na" || score.kind === "na") {
    if (conclusion === "na" && score.kind === "number" && score.value > 0) {
      out.push(finding("SS301", location, { conclusion: "na", value: score.value, max: item.max }));
    }
    return { earned: 0, status: "na", conclusion: "na" };
  }
  if (c.kind === "empty") out.push(finding("SS101", location, { field: "conclusion" }));
  const points = pointsOrSamples(scheme, "self", item, entry, "score", out);
  if (points.status === "scored" && conclusion !== null && item.max > 0) {
    const v = points.earned;
    if ((conclusion === "nonconform" && v === item.max) || (conclusion === "conform" && v === 0)) {
      out.push(finding("SS301", location, { conclusion, value: v, max: item.max }));
    }
  }
  if (points.status === "scored" && (item.evidence?.length ?? 0) > 0 && !hasEvidence(entry.evidence)) {
    out.push(finding("SS201", { clause: item.clause, field: "evidence" }, { required: item.evidence ?? [] }));
  }
  return { ...points, status: c.kind === "invalid" && points.status === "scored" ? "invalid" : points.status, conclusion };
}

function scoreChecklist(item: Item, entry: Entry, out: Finding[]): ItemOutcome {
  const c = readConclusion(entry.conclusion);
  const location = { clause: item.clause, field: "conclusion" };
  if (c.kind === "empty") {
    out.push(finding("SS101", location, { field: "conclusion" }));
    return { earned: 0, status: "missing", conclusion: null };
  }
  if (c.kind === "invalid") {
    out.push(finding("SS105", location, { text: c.text }));
    return { earned: 0, status: "invalid", conclusion: null };
  }
  if (c.value === "nonconform") out.push(finding("SS303", location));
  return { earned: 0, status: c.value === "na" ? "na" : "scored", conclusion: c.value };
}

/**
 * Finds each item's entry by its clause id (or a clause the row also carries), reporting strays and
 * repeats. Looks up the scheme's ids in the entries rather than the other way round: that is the hot
 * path, and strays (rare) are only searched for when the counts say there are some.
 */
function entriesByItem(scheme: Scheme, assessment: Assessment, out: Finding[]): (Entry | undefined)[] {
  const given = assessment.entries;
  const found: (Entry | undefined)[] = [];
  let matched = 0;
  for (const item of scheme.items) {
    let entry = given[item.clause];
    if (entry !== undefined) matched += 1;
    for (const also of item.alsoClauses ?? []) {
      const other = given[also.clause];
      if (other === undefined) continue;
      matched += 1;
      if (entry === undefined || isBlank(entry)) entry = other;
      else if (!isBlank(other)) out.push(finding("SS107", { clause: also.clause }, { row: item.clause }));
    }
    found.push(entry);
  }
  let count = 0;
  for (const _ in given) count += 1;
  if (count > matched) {
    for (const clause of Object.keys(given)) {
      if (scheme.byClause.has(clause)) continue;
      const key = fold(clause);
      const item = scheme.byClause.get(key) ?? itemByCode(scheme, key);
      if (item === undefined) {
        const parts = partsOf(scheme, key);
        if (parts.length === 0) out.push(finding("SS106", { clause }, { scheme: scheme.id }));
        const whole = given[clause] as Entry;
        for (const part of parts) {
          if (found[part.index] === undefined || isBlank(found[part.index])) found[part.index] = partEntry(whole, part, parts);
          else if (!isBlank(whole)) out.push(finding("SS116", { clause: part.clause }, { whole: clause, part: part.clause }));
        }
      } else if (found[item.index] === undefined || isBlank(found[item.index])) found[item.index] = given[clause];
      else out.push(finding("SS107", { clause }, { row: item.clause }));
    }
  }
  return found;
}

function text(value: string | number | null | undefined): string {
  return value === undefined || value === null ? "" : String(value).trim();
}

/** 服务领域 in the header: each code it names must be in the scheme's table and among the groups the rule covers. */
function checkServiceDomain(scheme: Scheme, value: string, out: Finding[]): void {
  const domains = scheme.certification?.serviceDomains;
  if (domains === undefined || value === "") return;
  for (const named of domainsNamed(domains, value)) {
    const m = named.match;
    if (m === null) out.push(finding("SS602", { field: "服务领域" }, { domain: named.text, source: domains.source }));
    else if (!m.applies) out.push(finding("SS603", { field: "服务领域" }, { code: m.code, name: m.name, group: `${m.group.code} ${m.group.name}`, applies: domains.appliesTo }));
  }
}

/**
 * Scores an assessment against its scheme. Pure: no I/O, no clock, no randomness. Throws only when the
 * role does not fit the scheme (nothing can be scored then); every problem in the entries is a finding.
 */
export function scoreAssessment(scheme: Scheme, assessment: Assessment): ScoreCard {
  if (!roleFits(scheme, assessment.role)) throw new RoleMismatchError(scheme, assessment.role);
  const findings: Finding[] = [];
  const entries = entriesByItem(scheme, assessment, findings);
  const role = assessment.role;

  const items: ItemScore[] = scheme.items.map((item) => {
    const entry = entries[item.index];
    let outcome: ItemOutcome;
    if (entry?.applicable === false) {
      // An audit row has no conclusion; self and checklist rows read as 不适用.
      outcome = { earned: 0, status: "na", conclusion: role === "audit" ? null : "na" };
    } else if (item.max === 0 && role !== "checklist" && isBlank(entry)) {
      // A 0-point row (5.1.1.3) changes nothing whether filled or not: no entry is owed.
      outcome = { earned: 0, status: "scored", conclusion: null };
    } else {
      const e = entry ?? {};
      outcome =
        role === "audit" ? scoreAudit(scheme, item, e, findings) : role === "self" ? scoreSelf(scheme, item, e, findings) : scoreChecklist(item, e, findings);
    }
    let reason: string | null = null;
    if (outcome.status === "na") {
      reason = reasonOf(entry);
      checkReason(item, reason, findings);
    }
    return {
      clause: item.clause,
      code: item.code,
      sectionId: item.sectionId,
      subsectionId: item.subsectionId,
      max: item.max,
      earned: outcome.earned,
      applicable: outcome.status !== "na",
      status: outcome.status,
      conclusion: outcome.conclusion,
      samples: outcome.samples ?? null,
      reason,
    };
  });

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

  let raw = 0;
  let applicableMax = 0;
  let notApplicableCount = 0;
  for (const i of items) {
    raw += i.earned;
    if (i.applicable) applicableMax += i.max;
    else notApplicableCount += 1;
  }


  const result =
    scheme.kind === "checklist" ? checklistOutcome(items) : pointsOutcome(scheme, assessment, raw, applicableMax, findings);
  // Written out rather than spread: a spread builds a slow object in this hot path.
  return {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    role,
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
    notGradedBy: result.notGradedBy,
    passed: result.passed,
    level: result.level,
    claimedLevel: result.claimedLevel,
    checklist: result.checklist,
    findings,
  };
}


/** What follows from the items: totals, special items, pass and level (or, for checklists, the counts). */
type CardOutcome = Pick<
  ScoreCard,
  | "fullMarks"
  | "rescaled"
  | "deductionCount"
  | "deductionPoints"
  | "bonus"
  | "total"
  | "graded"
  | "notGradedBy"
  | "passed"
  | "level"
  | "claimedLevel"
  | "checklist"
>;

function checklistOutcome(items: readonly ItemScore[]): CardOutcome {
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
    notGradedBy: [],
    passed: counts.nonconform === 0 && counts.missing === 0,
    level: null,
    claimedLevel: null,
    checklist: counts,
  };
}

function pointsOutcome(scheme: Scheme, assessment: Assessment, raw: number, applicableMax: number, findings: Finding[]): CardOutcome {
  const header = assessment.header ?? {};
  const fullMarks = scheme.fullMarks ?? 0;
  const deductionRule = scheme.special?.deduction;
  const deductions = assessment.deductions ?? [];
  let deductionCount = 0;
  if (deductions.length > 0 && deductionRule === undefined) {
    findings.push(finding("SS403", { field: "deductions" }, { scheme: scheme.id, special: "deduction", count: deductions.length }));
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
  const bonusRule = scheme.special?.bonus;
  const bonusReading = readNumber(assessment.bonus?.points, "分");
  if (bonusReading.kind === "number" || bonusReading.kind === "invalid") {
    if (bonusRule === undefined) {
      findings.push(finding("SS403", { field: "bonus" }, { scheme: scheme.id, special: "bonus", count: 1 }));
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
  const passed = graded && applicableMax > 0 && total >= passMark;
  const level = passed ? levelFor(scheme, total) : null;

  const claimedText = text(header["申报级别"]);
  let claimedLevel: Level | null = null;
  if (claimedText !== "") {
    claimedLevel = matchLevel(scheme, claimedText);
    if (claimedLevel === null) {
      findings.push(finding("SS502", { field: "申报级别" }, { claimed: claimedText, levels: (scheme.levels ?? []).map((l) => l.name) }));
    } else if (level === null || claimedLevel.min > level.min) {
      findings.push(
        finding("SS501", { field: "申报级别" }, {
          claimed: claimedLevel.name,
          computed: level?.name ?? scheme.failName ?? "未评级",
          total,
          needs: claimedLevel.min,
        }),
      );
    }
  }
  checkServiceDomain(scheme, text(header["服务领域"]), findings);

  return { fullMarks, rescaled, deductionCount, deductionPoints, bonus, total, graded, notGradedBy, passed, level, claimedLevel, checklist: null };
}
