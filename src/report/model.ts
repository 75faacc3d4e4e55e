import { describe, sortFindings, type Finding } from "../findings/finding";
import type { Lang } from "../findings/language";
import type { Scheme } from "../scheme/load";
import type { Level } from "../scheme/schema";
import { currentField, headerFields, PERIOD_FIELD, REPORT_FIELDS, reportFields, TEAM_COLUMNS, type Role, type TeamKey } from "../scheme/roles";
import type { AuditType } from "../scheme/words";
import { resultName } from "../scoring/levels";
import type { Assessment } from "../scoring/assessment";
import { cellText } from "../scoring/cellText";
import { readAuditType } from "../scoring/lenient";
import { onSiteDays, readOnSiteMoment, type OnSiteMoment } from "../scoring/onSite";
import { documentRules, type DocumentRules } from "./documentRules";
import { materialsPart, type MaterialsSource, type ReportMaterials } from "./materials";
import { RADAR_MAX_AXES, RADAR_MIN_AXES } from "./radar";
import type { ItemStatus, ScoreCard } from "../scoring/card";

/**
 * The audit report (服务认证审查报告) as data: what the maturity report template shows, filled from one
 * scheme, one assessment and its ScoreCard. Every number is the ScoreCard's (nothing is scored again here);
 * the renderer (html.ts) only lays this out.
 */

export interface ReportItem {
  clause: string;
  /** The row's text; a row carrying further clauses lists them after its own. */
  text: string;
  code: string | null;
  /** 小类分值: the row's points. */
  points: number;
  /** earned ÷ points × 100; null when not applicable or when the row has no points. */
  percent: number | null;
  /** Points earned; null when not applicable. */
  earned: number | null;
  status: ItemStatus;
}

export interface ReportGroup {
  id: string;
  title: string;
  /** The document's "(4+8分)"; null where it states none. */
  maxParts: number[] | null;
  max: number;
  applicableMax: number;
  earned: number;
  /** earned ÷ applicableMax (0 … 1); null when nothing in the group applies. */
  share: number | null;
}

export interface ReportSubsection extends ReportGroup {
  items: ReportItem[];
}

export interface ReportSection extends ReportGroup {
  titleEn: string | null;
  subsections: ReportSubsection[];
  notApplicableCount: number;
}

export interface ReportLevel {
  name: string;
  nameEn: string;
  min: number;
  stars: number;
  /** The organisation's level. */
  current: boolean;
}

/** 现场审查时间: the start and end as typed, each read as a day and half day where it is one, and the days between. */
export interface OnSite {
  from: { text: string; moment: OnSiteMoment | null };
  to: { text: string; moment: OnSiteMoment | null };
  days: number | null;
}

/** One row of 审查组成员, each cell as text ("" where blank). */
export type ReportMember = Record<TeamKey, string>;

/** An item not fully met, for 与有关认证要求符合性的陈述 (CCT 6.3.7 5)): its points, what it earned and the auditor's record. */
export interface Nonconformity {
  clause: string;
  code: string | null;
  text: string;
  points: number;
  earned: number;
  note: string | null;
}

/** Findings of one code and one message, with every clause (or cell) they are about: 93 missing entries are one line. */
export interface ReportFinding {
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
  where: string[];
}

export interface ReportModel {
  role: Role;
  scheme: {
    id: string;
    version: string;
    title: string;
    titleEn: string;
    document: string;
    certificate: string | null;
    certificateEn: string | null;
    fullMarks: number;
    passMark: number;
    failName: string | null;
    /** The standards the audit is against (依据, 审查准则 1)). */
    criteria: string;
    /** Where the document lists the report's contents, when it asks for more than every report shows. */
    contents: { source: string; nonconformities: boolean; period: boolean } | null;
  };
  organisation: string | null;
  /** Every header field by its current name (审查员 on an old form is 报告编制人), "" where blank. */
  fields: Record<string, string>;
  /**
   * 基本信息 beyond the lines the audit report gives their own place (1.1–1.11): for an audit 申报级别, the
   * certificate's dates, 服务领域, a prerequisite's field and any other field given; for a self-assessment every
   * field of its form. Blank ones too, to be filled by hand.
   */
  info: { field: string; value: string }[];
  /** 审查类型 read as a kind of audit (null when blank or no kind), for the cover's and 审查目的's boxes. */
  auditType: AuditType | null;
  onSite: OnSite | null;
  /** 审查组成员, blank rows left out. */
  team: ReportMember[];
  /** The member whose 组内身份 is 组长, if one is. */
  leader: ReportMember | null;
  /** Errors in the scoring: the report is a draft (草稿) and says how many. */
  draft: { errors: number } | null;
  /** Where the scheme's document asks for them (CCT 6.3.7 5)); null otherwise. */
  nonconformities: Nonconformity[] | null;
  sections: ReportSection[];
  total: number;
  raw: number;
  rescaled: number;
  applicableMax: number;
  notApplicableCount: number;
  /** Points of the items that do not apply. */
  notApplicablePoints: number;
  special: {
    /** Whether the scheme has special deductions / a bonus at all. */
    hasDeductions: boolean;
    hasBonus: boolean;
    deductions: { clause: string | null; reason: string }[];
    pointsEach: number;
    deductionPoints: number;
    notGradedAt: number | null;
    bonus: { points: number; reason: string } | null;
  };
  /** The radar's axes: subsections (or sections, where a scheme has too few or too many subsections); null when neither fits. */
  radar: { by: "subsection" | "section"; axes: { id: string; title: string; share: number | null }[] } | null;
  levels: ReportLevel[];
  graded: boolean;
  /** Items with an entry still empty: the result is then 未填完（n 项未填）, neither pass nor fail. */
  unfilled: number;
  passed: boolean;
  level: Level | null;
  /** What the result is called in the report's language (resultName): the level, 不予评级, the fail name or 未填完. */
  result: string;
  claimedLevel: Level | null;
  /** 申报级别 as typed (it may name no level). */
  claimedText: string | null;
  remarks: { strengths: string | null; improvements: string | null };
  /** 报告编制人 and 编制日期, from the header. */
  signedBy: string | null;
  signedOn: string | null;
  /** The scoring's findings, printed in a draft only (a report with errors is not a report to hand over). */
  findings: ReportFinding[];
  /** Sample records, 删减 with reasons, why not graded, the certificate's cycle (documentRules.ts). */
  rules: DocumentRules;
  /** The appendix 证明材料清单: each clause's required materials, the applicant's entries and files (materials.ts). */
  materials: ReportMaterials;
}

function share(earned: number, applicableMax: number): number | null {
  return applicableMax > 0 ? earned / applicableMax : null;
}

/** The audit report gives these fields a place of their own (cover, 1.1–1.11, the signatures); 基本信息 lists the rest. */
const OWN_PLACE: ReadonlySet<string> = new Set(["组织名称", "项目编号", "审查类型", ...(REPORT_FIELDS.audit ?? []), PERIOD_FIELD]);

/** The header by current field names: the form's fields first (blank ones too), then any other the assessment gives. */
function headerText(scheme: Scheme, assessment: Assessment): Record<string, string> {
  const form = [...headerFields(scheme, assessment.role), ...reportFields(scheme, assessment.role)];
  const fields: Record<string, string> = Object.fromEntries(form.map((f) => [f, ""]));
  for (const [key, value] of Object.entries(assessment.header ?? {})) {
    const field = currentField(assessment.role, key);
    const text = cellText(value);
    // A field given under both names keeps the one under its current name.
    if (text !== null && (fields[field] ?? "") === "") fields[field] = text;
    else if (fields[field] === undefined) fields[field] = "";
  }
  return fields;
}

function onSiteOf(fields: Record<string, string>): OnSite | null {
  const from = fields["审查开始"] ?? "";
  const to = fields["审查结束"] ?? "";
  if (from === "" && to === "") return null;
  const a = readOnSiteMoment(from);
  const b = readOnSiteMoment(to);
  return { from: { text: from, moment: a }, to: { text: to, moment: b }, days: a !== null && b !== null ? onSiteDays(a, b) : null };
}

function teamOf(assessment: Assessment): ReportMember[] {
  return (assessment.team ?? [])
    .map((m) => Object.fromEntries(TEAM_COLUMNS.map(([key]) => [key, cellText(m[key]) ?? ""])) as ReportMember)
    .filter((m) => TEAM_COLUMNS.some(([key]) => m[key] !== ""));
}

/** Findings grouped by code and message (said without its clause), in the catalogue's order. */
export function groupFindings(findings: readonly Finding[], lang: Lang): ReportFinding[] {
  const groups = new Map<string, ReportFinding>();
  for (const f of sortFindings(findings)) {
    const { clause: _clause, cell: _cell, ...location } = f.location;
    const { clause: _c, ...params } = f.params as Record<string, unknown>;
    const message = describe({ ...f, location, params } as Finding, lang);
    const key = `${f.code}\u0000${message}`;
    const where = f.location.clause ?? f.location.cell;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { severity: f.severity, code: f.code, message, where: where === undefined ? [] : [where] });
    else if (where !== undefined) group.where.push(where);
  }
  return [...groups.values()];
}

/** The items that earned less than their points (删减 ones are not: they are not assessed), with the auditor's record. */
function nonconformitiesOf(scheme: Scheme, assessment: Assessment, card: ScoreCard): Nonconformity[] {
  return scheme.items.flatMap((item) => {
    const score = card.items[item.index];
    if (score === undefined || !score.applicable || score.status !== "scored" || score.earned >= item.max) return [];
    const note = cellText(assessment.entries[item.clause]?.note);
    return [{ clause: item.clause, code: item.code ?? null, text: item.text, points: item.max, earned: score.earned, note }];
  });
}

/**
 * Builds the report for a points scheme. Throws a RangeError for a checklist (it has no scores to report).
 * `materials`: the self-assessment whose 证明材料清单 the report lists — by default a self-assessment's own (its files
 * not checked), and for an audit none (the part then says the self-assessment was not supplied).
 */
export function buildReport(scheme: Scheme, assessment: Assessment, card: ScoreCard, lang: Lang = "zh", materials?: MaterialsSource | null): ReportModel {
  if (scheme.kind !== "points" || card.total === null) throw new RangeError(`scheme ${scheme.id} is a checklist: an audit report needs a points scheme`);
  const fields = headerText(scheme, assessment);
  const audit = assessment.role !== "self";
  const info = Object.entries(fields)
    .filter(([field]) => !audit || !OWN_PLACE.has(field))
    .map(([field, value]) => ({ field, value }));
  const value = (field: string): string | null => (fields[field] ?? "") || null;
  const team = teamOf(assessment);
  const errors = card.findings.filter((f) => f.severity === "error").length;

  const subsectionScores = new Map(card.subsections.map((g) => [g.id, g]));
  const sectionScores = new Map(card.sections.map((g) => [g.id, g]));
  const sections: ReportSection[] = scheme.sections.map((section) => {
    const g = sectionScores.get(section.id);
    const subsections: ReportSubsection[] = section.subsections.map((sub) => {
      const u = subsectionScores.get(sub.id);
      const items: ReportItem[] = scheme.items
        .filter((item) => item.subsectionId === sub.id && item.sectionId === section.id)
        .map((item) => {
          const score = card.items[item.index];
          const applicable = score?.applicable ?? true;
          const earned = score?.earned ?? 0;
          const also = (item.alsoClauses ?? []).map((a) => `${a.clause} ${a.text}`);
          return {
            clause: item.clause,
            text: [item.text, ...also].join("\n"),
            code: item.code ?? null,
            points: item.max,
            percent: applicable && item.max > 0 ? (earned / item.max) * 100 : null,
            earned: applicable ? earned : null,
            status: score?.status ?? "missing",
          };
        });
      const earned = u?.earned ?? 0;
      const applicableMax = u?.applicableMax ?? 0;
      return { id: sub.id, title: sub.title, maxParts: sub.maxParts ?? null, max: sub.max, applicableMax, earned, share: share(earned, applicableMax), items };
    });
    const earned = g?.earned ?? 0;
    const applicableMax = g?.applicableMax ?? 0;
    return {
      id: section.id,
      title: section.title,
      titleEn: section.titleEn ?? null,
      maxParts: null,
      max: section.max,
      applicableMax,
      earned,
      share: share(earned, applicableMax),
      subsections,
      notApplicableCount: subsections.reduce((n, u) => n + u.items.filter((i) => i.status === "na").length, 0),
    };
  });

  const subsectionCount = sections.reduce((n, s) => n + s.subsections.length, 0);
  const fits = (n: number) => n >= RADAR_MIN_AXES && n <= RADAR_MAX_AXES;
  const radar = fits(subsectionCount)
    ? { by: "subsection" as const, axes: sections.flatMap((s) => s.subsections.map((u) => ({ id: u.id, title: u.title, share: u.share }))) }
    : fits(sections.length)
      ? { by: "section" as const, axes: sections.map((s) => ({ id: s.id, title: lang === "en" ? (s.titleEn ?? s.title) : s.title, share: s.share })) }
      : null;

  const deductionRule = scheme.special?.deduction;
  const bonusRule = scheme.special?.bonus;
  const remarks = assessment.remarks ?? {};
  return {
    role: assessment.role,
    scheme: {
      id: scheme.id,
      version: scheme.version,
      title: scheme.title,
      titleEn: scheme.titleEn,
      document: scheme.document,
      certificate: scheme.certificate ?? null,
      certificateEn: scheme.certificateEn ?? null,
      fullMarks: card.fullMarks ?? 0,
      passMark: scheme.passMarkOrLowest ?? 0,
      failName: scheme.failName ?? null,
      criteria: scheme.report?.criteria ?? scheme.document,
      contents:
        scheme.report !== undefined && (scheme.report.nonconformities === true || scheme.report.period === true)
          ? { source: scheme.report.source, nonconformities: scheme.report.nonconformities === true, period: scheme.report.period === true }
          : null,
    },
    organisation: value("组织名称"),
    fields,
    info,
    auditType: readAuditType(value("审查类型")),
    onSite: onSiteOf(fields),
    team,
    leader: team.find((m) => m.role.includes("组长")) ?? null,
    draft: errors > 0 ? { errors } : null,
    nonconformities: scheme.report?.nonconformities === true ? nonconformitiesOf(scheme, assessment, card) : null,
    sections,
    total: card.total,
    raw: card.raw,
    rescaled: card.rescaled,
    applicableMax: card.applicableMax,
    notApplicableCount: card.notApplicableCount,
    notApplicablePoints: card.items.reduce((sum, i) => sum + (i.applicable ? 0 : i.max), 0),
    special: {
      hasDeductions: deductionRule !== undefined,
      hasBonus: bonusRule !== undefined,
      // Only what the engine counted: deductions a scheme has no rule for are findings, not deductions.
      deductions: card.deductionCount > 0 ? (assessment.deductions ?? []).map((d) => ({ clause: cellText(d.clause), reason: d.reason.trim() })) : [],
      pointsEach: deductionRule?.points ?? 0,
      deductionPoints: card.deductionPoints,
      notGradedAt: deductionRule?.notGradedAt ?? null,
      bonus: card.bonus > 0 ? { points: card.bonus, reason: (assessment.bonus?.reason ?? "").trim() } : null,
    },
    radar,
    levels: (scheme.levels ?? []).map((l) => ({ name: l.name, nameEn: l.nameEn, min: l.min, stars: l.stars, current: card.level?.name === l.name })),
    graded: card.graded,
    unfilled: card.unfilled,
    passed: card.passed,
    level: card.level,
    result: resultName(card, scheme, lang),
    claimedLevel: card.claimedLevel,
    claimedText: value("申报级别"),
    remarks: { strengths: cellText(remarks.strengths), improvements: cellText(remarks.improvements) },
    signedBy: value("报告编制人") ?? value("评估部门/人员"),
    signedOn: value("编制日期") ?? value("评估时间"),
    findings: groupFindings(card.findings, lang),
    rules: documentRules(scheme, assessment, card),
    materials: materialsPart(
      materials !== undefined ? materials : assessment.role === "self" ? { scheme, assessment, card, source: null, references: null, submission: null } : null,
      value("组织名称"),
    ),
  };
}
