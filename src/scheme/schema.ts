import { z } from "zod";

/**
 * The shape of a scheme file (`schemes/<id>.yaml`). Every scheme fact — points, levels, evidence,
 * special items — lives in those files; this module only says what a well-formed file looks like.
 * Types are inferred from these schemas, never written twice.
 */

/** A clause id as its document writes it: `5.1.1.1`; a letter marks a part (`2.1a`, `4.1.4.6b`). */
export const ClauseId = z
  .string()
  .regex(/^[0-9]+(\.[0-9]+)*[a-z]?$/, "a clause id such as 5.1.1.1 or 2.1a");

const Points = z.number().finite().nonnegative();

/** Another clause carried by the same form row (the self form's row 2 carries 5.1.1.2 and 5.1.1.3). */
export const AlsoClauseSchema = z.strictObject({
  clause: ClauseId,
  text: z.string().min(1),
  points: Points,
});

export const ItemSchema = z.strictObject({
  /** The row's clause id; entries are keyed by it. */
  clause: ClauseId,
  /** 维度 / 代码 column where the document has one (A1, B12, C3). */
  code: z
    .string()
    .regex(/^[A-Z][0-9]+$/, "a dimension code such as A1")
    .optional(),
  /** The requirement as the document words it (cut-short lines stay cut short). */
  text: z.string().min(1),
  /** The clause's points; absent in checklist schemes. */
  points: Points.optional(),
  alsoClauses: z.array(AlsoClauseSchema).optional(),
  /** The evidence the form asks for, one entry per listed material. */
  evidence: z.array(z.string().min(1)).optional(),
  /** The form asks "确认本条款是否适用？" for this row. */
  askApplicable: z.boolean().optional(),
  /** A heading between the subsection and the item (checklists nest deeper than points tables). */
  group: z.string().optional(),
  /** Why the scheme reads the document the way it does, where it had to interpret. */
  note: z.string().optional(),
  /**
   * In a scheme whose `partialCredit` needs samples: whether the indicator is of the sampled kinds (CCT 附件2
   * 评分要求 1: points deducted in proportion to the samples that do not conform) or scored qualitatively, all or
   * nothing (评分要求 2), and why the scheme judges it so.
   */
  scoring: z.strictObject({ by: z.enum(["samples", "qualitative"]), why: z.string().min(1) }).optional(),
});

export const SubsectionSchema = z.strictObject({
  id: ClauseId,
  title: z.string().min(1),
  /** The subsection's maximum as the document states it; checked against its items. */
  max: Points.optional(),
  /** The maturity report states maxima as "a+b分" (GB/T 27922 part + maturity part). */
  maxParts: z.array(Points).min(2).optional(),
  items: z.array(ItemSchema).min(1),
});

export const SectionSchema = z.strictObject({
  id: ClauseId,
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  max: Points.optional(),
  /** A section holds either subsections or, where its document has no such level, items directly. */
  subsections: z.array(SubsectionSchema).min(1).optional(),
  items: z.array(ItemSchema).min(1).optional(),
});

export const LevelSchema = z.strictObject({
  /** The level's name as its document writes it (十星级, 三星（卓越）). */
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** Inclusive lower bound: "达到 80 分以上（含 80 分）". */
  min: Points,
  stars: z.number().int().min(0).max(10),
  /** Other ways people write the level in 申报级别 (一星, 卓著). */
  aliases: z.array(z.string().min(1)).optional(),
});

export const SpecialSchema = z.strictObject({
  deduction: z
    .strictObject({
      code: z.string().min(1).optional(),
      label: z.string().min(1),
      /** Points each special deduction costs. */
      points: Points,
      /** With this many deductions or more the organisation is not graded. */
      notGradedAt: z.number().int().positive(),
      text: z.string().min(1),
    })
    .optional(),
  bonus: z
    .strictObject({
      code: z.string().min(1).optional(),
      label: z.string().min(1),
      max: Points,
      text: z.string().min(1),
    })
    .optional(),
});

/**
 * When a partial percentage needs a sample record: CCT 附件2 评分要求 1) allows partial credit only on
 * indicators checked on several samples, in proportion to the samples that do not conform; 2) makes every
 * other indicator all or nothing. Absent: the document gives no such rule and any percentage is accepted.
 */
export const PartialCreditSchema = z.strictObject({
  needsSamples: z.boolean(),
  /** Where the document says so (附件2 评分要求 1)、2)). */
  source: z.string().min(1),
});

export const PrerequisiteSchema = z.strictObject({
  /** The header field in which the organisation shows it meets the prerequisite. */
  header: z.string().min(1),
  zh: z.string().min(1),
  en: z.string().min(1),
});

/** Man-days of one audit kind (人日): positive, in steps the document uses (0.5). */
const ManDays = z.number().finite().positive();

/** One row of the man-day table: an inclusive band of effective headcount (有效人数) and its man-days. */
export const ManDayBandSchema = z.strictObject({
  min: z.number().int().positive(),
  max: z.number().int().positive(),
  initial: ManDays,
  surveillance: ManDays,
  recertification: ManDays,
});

/** A factor that changes the audit time, with the amount per factor as the document states it. */
export const ManDayFactorSchema = z.strictObject({
  /** As the document numbers it (注3 a, 注4 e 1). */
  code: z.string().regex(/^[a-z0-9]+$/, "a factor code such as a or 5"),
  zh: z.string().min(1),
  en: z.string().min(1),
  /** Man-days per factor: "至少增加 0.5 人日", "可适当减少 0.5 人日". */
  step: ManDays,
});

export const ManDaysSchema = z.strictObject({
  /** Where the table comes from (附件1). */
  source: z.string().min(1),
  /** Ascending, contiguous bands starting at 1 (checked). */
  bands: z.array(ManDayBandSchema).min(1),
  /** The least on-site time per audit kind (注2). */
  minimums: z.strictObject({ initial: ManDays, surveillance: ManDays, recertification: ManDays }),
  increases: z.array(ManDayFactorSchema),
  reductions: z.array(ManDayFactorSchema),
  /** The total reduction may not exceed this share of the table value (§6.1.7: 30%). */
  reductionCap: z.number().min(0).max(1),
  /** On-site time must be at least this share of the total (§6.1.7 80%; 注5 off-site ≤ 20%). */
  onSiteMin: z.number().min(0).max(1),
  /** The hours of one man-day, a full normal working day that longer days may not shorten (注1: 8). */
  hoursPerDay: z.number().finite().positive().optional(),
  /** False where the document leaves travel to and between the sites out of the audit time (注5). */
  travelCounted: z.boolean().optional(),
});

/** 专业代码 and its content (611 批发业服务). */
export const DomainEntrySchema = z.strictObject({
  code: z.string().regex(/^[0-9]{2,3}(\.[0-9]{2})?$/, "a 专业代码 such as 611 or 18.01"),
  name: z.string().min(1),
});

/** A group of the service domain table (分组代码 SC-03). */
export const DomainGroupSchema = z.strictObject({
  code: z.string().regex(/^SC-[0-9]{2}$/, "a group code such as SC-03"),
  name: z.string().min(1),
  /** The group's own 专业代码 (03.00), where the table gives one. */
  number: z.string().regex(/^[0-9]{2}\.[0-9]{2}$/, "a code such as 03.00").optional(),
  entries: z.array(DomainEntrySchema).min(1),
  note: z.string().optional(),
});

export const ServiceDomainsSchema = z.strictObject({
  source: z.string().min(1),
  groups: z.array(DomainGroupSchema).min(1),
  /** The groups the rule applies to (本规则适用认证领域); each must be one of `groups` (checked). */
  appliesTo: z.array(z.string().regex(/^SC-[0-9]{2}$/, "a group code such as SC-03")).min(1),
  note: z.string().optional(),
});

/** The certificate's cycle (CCT §7.1 validity, §8.1.1 surveillance, §8.2 recertification), in months. */
export const CycleSchema = z.strictObject({
  source: z.string().min(1),
  /** §7.1: 有效期为 3 年. */
  validMonths: z.number().int().positive(),
  /** §8.1.1: the first surveillance 在认证证书签发日起 12 个月内. */
  firstSurveillanceMonths: z.number().int().positive(),
  /** §8.1.1: 两次监督审核/审查的时间间隔不得超过 15 个月. */
  maxGapMonths: z.number().int().positive(),
  /** §8.2: 在认证证书有效日期前 3 个月内 提出再认证申请. */
  recertificationWindowMonths: z.number().int().positive(),
});

/** What a certification rule says beyond the scoring sheet: audit time, the domains it covers, the certificate's cycle. */
export const CertificationSchema = z.strictObject({
  cycle: CycleSchema.optional(),
  mandays: ManDaysSchema.optional(),
  serviceDomains: ServiceDomainsSchema.optional(),
});

/**
 * What the document says its audit report contains beyond what every report shows (the maturity report template's
 * parts), where it says so: CCT 6.3.7 服务认证审查报告.
 */
export const ReportContentsSchema = z.strictObject({
  source: z.string().min(1),
  /** The standards the audit is against, as the report names them (its cover's 依据 and 1.8 审查准则 1)); default: `document`. */
  criteria: z.string().min(1).optional(),
  /** 与有关认证要求符合性的陈述（包括任何不符合）: the items not fully met, each with the auditor's record. */
  nonconformities: z.boolean().optional(),
  /** 报告覆盖的时间段: the audit form gets a header field for it, and the report states it. */
  period: z.boolean().optional(),
});

export const SchemeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a lower-case id such as maturity-jsgf-06"),
  version: z.string().min(1),
  /** points: scored tables; checklist: conform / not conform, no points. */
  kind: z.enum(["points", "checklist"]),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  /** The document the scheme follows, as it names itself. */
  document: z.string().min(1),
  /** What a passing organisation is registered for, as the audit report's conclusion names it
   * ("推荐注册 十星级 售后服务成熟度认证证书"); points schemes. */
  certificate: z.string().min(1).optional(),
  certificateEn: z.string().min(1).optional(),
  fullMarks: Points.optional(),
  /** Below this total the organisation fails; defaults to the lowest level. */
  passMark: Points.optional(),
  /** What the document calls a result below the pass mark (不合格). */
  failName: z.string().min(1).optional(),
  levels: z.array(LevelSchema).optional(),
  special: SpecialSchema.optional(),
  prerequisite: PrerequisiteSchema.optional(),
  partialCredit: PartialCreditSchema.optional(),
  /** Text printed under the form (the self form's declaration). */
  declaration: z.string().min(1).optional(),
  /** The certification rule's audit time (附件1) and service domains (附件3), where the document has them. */
  certification: CertificationSchema.optional(),
  report: ReportContentsSchema.optional(),
  sections: z.array(SectionSchema).min(1),
});

export type SchemeFile = z.infer<typeof SchemeSchema>;
export type SectionFile = z.infer<typeof SectionSchema>;
export type SubsectionFile = z.infer<typeof SubsectionSchema>;
export type ItemFile = z.infer<typeof ItemSchema>;
export type Level = z.infer<typeof LevelSchema>;
export type ManDays = z.infer<typeof ManDaysSchema>;
export type Cycle = z.infer<typeof CycleSchema>;
export type ManDayBand = z.infer<typeof ManDayBandSchema>;
export type ManDayFactor = z.infer<typeof ManDayFactorSchema>;
export type ServiceDomains = z.infer<typeof ServiceDomainsSchema>;
export type DomainGroup = z.infer<typeof DomainGroupSchema>;
