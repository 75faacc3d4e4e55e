/**
 * The words of the domain, as the forms print them and people type them, with what each means in English.
 * One place for them: the lenient reader, the sheet plan, the fill, the findings' messages, the CLI, the
 * report and the pane all take their words from here.
 */

/** A self-assessment or checklist conclusion, as data. */
export const CONCLUSIONS = ["conform", "nonconform", "na"] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

/** How a conclusion is written on the forms (简体中文) and glossed in English. */
export const CONCLUSION_WORDS: Record<Conclusion, { zh: string; en: string }> = {
  conform: { zh: "符合", en: "conforms" },
  nonconform: { zh: "不符合", en: "does not conform" },
  na: { zh: "不适用", en: "N/A" },
};

/** The entry fields a person types into, as data. */
export const ENTRY_FIELDS = ["percent", "score", "conclusion", "bonus"] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** What each entry field is called on the forms and in English. */
export const ENTRY_FIELD_WORDS: Record<EntryField, { zh: string; en: string }> = {
  percent: { zh: "得分比例", en: "percentage" },
  score: { zh: "分数", en: "score" },
  conclusion: { zh: "结论", en: "conclusion" },
  bonus: { zh: "特别加分", en: "bonus" },
};

/** The words that mean "not applicable" (删减): the lenient reader, the workbook's formulas and its validation accept each. */
export const NOT_APPLICABLE_WORDS = ["不适用", "不涉及", "N/A", "删减"] as const;

/** The conclusions as the forms' lists offer them: 符合, 不符合, 不适用. */
export const CONCLUSION_CHOICES = CONCLUSIONS.map((c) => CONCLUSION_WORDS[c].zh);

/** 审查类型 as data: an initial audit, a surveillance or a recertification. */
export const AUDIT_TYPES = ["initial", "surveillance", "recertification"] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

/**
 * How each kind of audit is written: on the form's list (the CCT rules' 监督), on the report's cover (the maturity
 * report template's 初次认证 / 保持认证 / 再认证), in its 审查目的 (…注册), and in English.
 */
export const AUDIT_TYPE_NAMES: Record<AuditType, { form: string; cover: string; purpose: string; en: string; purposeEn: string }> = {
  initial: { form: "初次认证", cover: "初次认证", purpose: "初次认证注册", en: "initial certification", purposeEn: "initial registration" },
  surveillance: { form: "监督", cover: "保持认证", purpose: "保持认证注册", en: "surveillance", purposeEn: "maintained registration" },
  recertification: { form: "再认证", cover: "再认证", purpose: "再认证注册", en: "recertification", purposeEn: "renewed registration" },
};

/** 审查类型: the kinds of audit a form's header offers. */
export const AUDIT_TYPE_WORDS = AUDIT_TYPES.map((t) => AUDIT_TYPE_NAMES[t].form);

/** 上午 / 下午: the half days the report template counts the time on site in. */
export const HALF_DAY_WORDS = { morning: { zh: "上午", en: "morning" }, afternoon: { zh: "下午", en: "afternoon" } } as const;

/** The words that say no recertification audit has been held yet (`cycle --recertified`, the pane, the report's 再认证审核日期). */
export const NO_RECERTIFICATION_WORDS = ["无", "未进行", "none", "no"] as const;

/** What a result is called when it has no level of the scheme, and a checklist's result; a sheet's result cells show the 简体中文. */
export const RESULT_WORDS = {
  notGraded: { zh: "不予评级", en: "not graded" },
  noLevel: { zh: "未达级别", en: "no level" },
  pass: { zh: "通过", en: "pass" },
  notPass: { zh: "不通过", en: "fail" },
  allConform: { zh: "全部符合", en: "all conform" },
  notAllConform: { zh: "未全部符合", en: "not all conform" },
} as const;

/**
 * What a result is called while entries are missing: 未填完（3 项未填）. The parts around the count, so the sheet's
 * formulas (`"未填完（"&n&" 项未填）"`) and the engine write the same text.
 */
export const INCOMPLETE_WORDS = {
  zh: { before: "未填完（", after: " 项未填）" },
  en: { before: "incomplete (", after: " not filled)" },
} as const;

/** 未填完（n 项未填）: the result of a form with `n` entries still empty. */
export function incompleteName(n: number, lang: "zh" | "en"): string {
  return `${INCOMPLETE_WORDS[lang].before}${n}${INCOMPLETE_WORDS[lang].after}`;
}

/** 申报级别核对: what the sheet says of the claimed level against the result (SS501 is `above`). */
export const CLAIM_WORDS = {
  none: "未填",
  unknown: "非本方案级别",
  pending: "待填完后核对",
  above: "高于评定结果",
  fine: "未高于评定结果",
} as const;

/** What each form is called, by its role: as the forms' titles print it and in English. */
export const FORM_WORDS = {
  self: { zh: "自评估表", en: "self-assessment" },
  audit: { zh: "评分表", en: "audit scoring sheet" },
  checklist: { zh: "检查表", en: "checklist" },
} as const;
