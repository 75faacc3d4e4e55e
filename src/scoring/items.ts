import { finding, type Finding } from "../findings/finding";
import type { Item, Scheme } from "../scheme/load";
import type { Role } from "../scheme/roles";
import type { Assessment, Entry } from "./assessment";
import type { ItemScore, ItemStatus } from "./card";
import { itemByCode, partEntry, partsOf } from "./clauseParts";
import { checkReason, reasonOf } from "./leftOut";
import { fold, readEntryConclusion, readEntryNumber, type EntrySource } from "./lenient";
import { checkMaterials } from "./materials";
import type { Conclusion } from "../scheme/words";
import { checkAgainstTyped, checkPartialCredit, hasSampleRecord, qualitative, readSamples, typedText, type SampleRecord } from "./samples";

/** Reading each item's entry: points from a percentage, a score or a sample record, or a conclusion; every problem a finding. */

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
function readPoints(item: Item, entry: Entry, field: "percent" | "score", out: Finding[], source: EntrySource): ItemOutcome {
  const reading = field === "percent" ? readEntryNumber(entry.percent, "%", source) : readEntryNumber(entry.score, "分", source);
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
    case "uncounted":
      // What the sheet's formulas count: nothing, as for any text; the finding says which cell and why.
      out.push(finding("SS108", location, { field, text: reading.text, as: reading.as }));
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
function pointsOrSamples(scheme: Scheme, role: Role, item: Item, entry: Entry, field: "percent" | "score", out: Finding[], source: EntrySource): ItemOutcome {
  // 评分要求 1)–2) are the auditors' rules for 附件2; a self-assessment's partial score is the organisation's own claim.
  const rule = role === "audit" ? scheme.partialCredit : undefined;
  // A qualitative indicator is all or nothing (评分要求 2): a record on it is not used, as its row has no sample cells.
  const q = rule === undefined || !hasSampleRecord(entry) ? null : qualitative(rule, item);
  if (q !== null) out.push(finding("SS118", { clause: item.clause, field: "checked" }, q));
  if (q !== null || !hasSampleRecord(entry)) {
    const typed = readPoints(item, entry, field, out, source);
    if (typed.status === "scored") checkPartialCredit(rule, item, field, typed.earned, out);
    return typed;
  }
  const record = readSamples(item.clause, entry, out, source);
  const scratch: Finding[] = [];
  const typed = readPoints(item, entry, field, scratch, source);
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

function scoreAudit(scheme: Scheme, item: Item, entry: Entry, out: Finding[], source: EntrySource): ItemOutcome {
  const usesScore = (entry.percent === undefined || entry.percent === null) && entry.score !== undefined && entry.score !== null;
  return pointsOrSamples(scheme, "audit", item, entry, usesScore ? "score" : "percent", out, source);
}

function scoreSelf(scheme: Scheme, item: Item, entry: Entry, out: Finding[], source: EntrySource): ItemOutcome {
  const c = readEntryConclusion(entry.conclusion, source);
  const location = { clause: item.clause, field: "conclusion" };
  if (c.kind === "invalid") out.push(finding("SS105", location, { text: c.text }));
  if (c.kind === "uncounted") out.push(finding("SS108", location, { field: "conclusion", text: c.text, as: c.as }));
  const conclusion = c.kind === "conclusion" ? c.value : null;
  const score = readEntryNumber(entry.score, "分", source);
  if (conclusion === "na" || score.kind === "na") {
    if (conclusion === "na" && score.kind === "number" && score.value > 0) {
      out.push(finding("SS301", location, { conclusion: "na", value: score.value, max: item.max }));
    }
    return { earned: 0, status: "na", conclusion: "na" };
  }
  if (c.kind === "empty") out.push(finding("SS101", location, { field: "conclusion" }));
  const points = pointsOrSamples(scheme, "self", item, entry, "score", out, source);
  if (points.status === "scored" && conclusion !== null && item.max > 0) {
    const v = points.earned;
    if ((conclusion === "nonconform" && v === item.max) || (conclusion === "conform" && v === 0)) {
      out.push(finding("SS301", location, { conclusion, value: v, max: item.max }));
    }
  }
  if (points.status === "scored") checkMaterials(item, entry.evidence, out);
  return { ...points, status: (c.kind === "invalid" || c.kind === "uncounted") && points.status === "scored" ? "invalid" : points.status, conclusion };
}

function scoreChecklist(item: Item, entry: Entry, out: Finding[], source: EntrySource): ItemOutcome {
  const c = readEntryConclusion(entry.conclusion, source);
  const location = { clause: item.clause, field: "conclusion" };
  if (c.kind === "uncounted") {
    out.push(finding("SS108", location, { field: "conclusion", text: c.text, as: c.as }));
    return { earned: 0, status: "invalid", conclusion: null };
  }
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

/**
 * Reads every item's entry: its points (or conclusion), whether it applies and why not, each problem a finding.
 * Entries are found by clause id first (entriesByItem), so strays and repeats are reported once.
 */
export function scoreItems(scheme: Scheme, assessment: Assessment, findings: Finding[], source: EntrySource = "typed"): ItemScore[] {
  const entries = entriesByItem(scheme, assessment, findings);
  const role = assessment.role;
  return scheme.items.map((item) => {
    const entry = entries[item.index];
    const before = findings.length;
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
        role === "audit" ? scoreAudit(scheme, item, e, findings, source) : role === "self" ? scoreSelf(scheme, item, e, findings, source) : scoreChecklist(item, e, findings, source);
    }
    // An empty entry is SS101. A 0-point row changes nothing whether filled or not, so it owes no entry at all.
    let unfilled = false;
    for (let k = before; k < findings.length; k++) if (findings[k]?.code === "SS101") unfilled = true;
    if (unfilled && item.max === 0 && role !== "checklist") {
      findings.splice(before, findings.length - before, ...findings.slice(before).filter((f) => f.code !== "SS101"));
      unfilled = false;
      if (outcome.status === "missing") outcome = { ...outcome, status: "scored" };
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
      unfilled,
    };
  });

}
