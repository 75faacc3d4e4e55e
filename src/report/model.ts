import { sortFindings, toJson } from "../findings/finding";
import type { Lang } from "../findings/language";
import type { Scheme } from "../scheme/load";
import type { Level } from "../scheme/schema";
import { headerFields, type Role } from "../scheme/roles";
import { resultName } from "../scoring/levels";
import type { Assessment } from "../scoring/assessment";
import { cellText } from "../scoring/cellText";
import { documentRules, type DocumentRules } from "./documentRules";
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
  };
  organisation: string | null;
  /** 基本信息: the form's header fields for the role (blank ones too, to be filled by hand), then any others given. */
  info: { field: string; value: string }[];
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
  findings: { severity: "error" | "warning" | "info"; code: string; message: string }[];
  /** Sample records, 删减 with reasons, why not graded, the certificate's cycle (documentRules.ts). */
  rules: DocumentRules;
}

function share(earned: number, applicableMax: number): number | null {
  return applicableMax > 0 ? earned / applicableMax : null;
}

/** Builds the report for a points scheme. Throws a RangeError for a checklist (it has no scores to report). */
export function buildReport(scheme: Scheme, assessment: Assessment, card: ScoreCard, lang: Lang = "zh"): ReportModel {
  if (scheme.kind !== "points" || card.total === null) throw new RangeError(`scheme ${scheme.id} is a checklist: an audit report needs a points scheme`);
  const header = assessment.header ?? {};

  const fields = headerFields(scheme, assessment.role);
  for (const key of Object.keys(header)) if (!fields.includes(key)) fields.push(key);
  const info = fields.map((field) => ({ field, value: cellText(header[field]) ?? "" }));

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
    },
    organisation: cellText(header["组织名称"]),
    info,
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
    claimedText: cellText(header["申报级别"]),
    remarks: { strengths: cellText(remarks.strengths), improvements: cellText(remarks.improvements) },
    signedBy: cellText(header["审查员"]) ?? cellText(header["评估部门/人员"]),
    signedOn: cellText(header["审查时间"]) ?? cellText(header["评估时间"]),
    findings: sortFindings(card.findings).map((f) => {
      const j = toJson(f, lang);
      return { severity: j.severity, code: j.code, message: j.message };
    }),
    rules: documentRules(scheme, assessment, card),
  };
}
