import type { Role } from "../scheme/roles";
import { ENTRY_FIELD_WORDS, ENTRY_FIELDS, FORM_WORDS } from "../scheme/words";
import type { Lang } from "./language";

/** Phrases the catalogue's messages share, each in 简体中文 and English. */

/** How a number may be typed in a field, as SS104 suggests it. */
export const NUMBER_EXAMPLE: Record<(typeof ENTRY_FIELDS)[number], { zh: string; en: string }> = {
  percent: { zh: "95 或 95%", en: "95 or 95%" },
  score: { zh: "3 或 3分", en: "3 or 3分" },
  conclusion: { zh: "符合", en: "符合" },
  bonus: { zh: "3 或 3分", en: "3 or 3分" },
};

/** The special items a scheme may lack (SS403). */
export const SPECIAL = { deduction: { zh: "特别扣分项", en: "special deductions" }, bonus: { zh: "特别加分项", en: "bonus" } } as const;

/** How a saved data validation differs from the planned one (SS822). */
export const VALIDATION_CHANGE = {
  removed: { zh: "已删除", en: "removed" },
  changed: { zh: "规则被修改", en: "rule changed" },
  mixed: { zh: "部分删除、部分修改", en: "partly removed, partly changed" },
} as const;

/** A value as typed, or a word for "nothing" when the cell was cleared. */
export const empty = (text: string, lang: Lang): string => (text !== "" ? text : lang === "zh" ? "（空）" : "(empty)");

/** The counts of a sample record (SS111). */
export const SAMPLE_FIELD = {
  checked: { zh: "样本数", en: "samples checked" },
  nonconforming: { zh: "不符合数", en: "nonconforming samples" },
} as const;

/**
 * Items of a list as one run of text: the scheme keeps each as the document prints it (`a) 工具和车辆产生的费用；`),
 * so the items' own closing punctuation goes before they are joined — never "；；" or "；。".
 */
export const listOf = (items: readonly string[]): string => items.map((item) => item.trim().replace(/[；;。.，,、\s]+$/u, "")).join("；");

/** A fraction as a percentage, to 2 decimals at most: 0.705 → 70.5%. */
export const percent = (share: number): string => `${Number((share * 100).toFixed(2))}%`;

/** A figure in its field's unit: a percentage (70 → 70%) or points, to 2 decimals at most. */
export const inUnit = (field: "percent" | "score", value: number): string => `${Number(value.toFixed(2))}${field === "percent" ? "%" : ""}`;

/**
 * Which rule set a surveillance deadline: CCT §8.1.1's first surveillance's months, the calendar year or the gap; or
 * the cycle's end, which no surveillance of the cycle may pass: the certificate's expiry (§7.1), or the
 * recertification audit when it came first.
 */
export const DEADLINE_RULES = ["first", "calendar-year", "gap", "expiry", "recertification"] as const;
export type DeadlineRule = (typeof DEADLINE_RULES)[number];

/** The rule that set a deadline, in words, with the scheme's own figure (`months`: first surveillance or gap). */
export function deadlineRuleText(why: DeadlineRule, months: number, lang: Lang): string {
  if (lang === "en") {
    switch (why) {
      case "first":
        return `within ${months} months of the certificate's date`;
      case "gap":
        return `no more than ${months} months after the previous audit`;
      case "calendar-year":
        return "at least once each calendar year";
      case "expiry":
        return "before the certificate expires";
      case "recertification":
        return "before the recertification audit";
    }
  }
  switch (why) {
    case "first":
      return `证书签发日起 ${months} 个月内`;
    case "gap":
      return `两次监督间隔不超过 ${months} 个月`;
    case "calendar-year":
      return "每个日历年至少一次";
    case "expiry":
      return "证书到期前";
    case "recertification":
      return "再认证审核前";
  }
}

/** A form named by its scheme id and, when known, its role: 方案 cct-sc03-12 的评分表, the audit scoring sheet of scheme cct-sc03-12. */
export function form(scheme: string, role: Role | undefined, lang: Lang): string {
  if (lang === "en") return `${role !== undefined ? `the ${FORM_WORDS[role].en}` : "a form"} of scheme ${scheme}`;
  return `方案 ${scheme} 的${role !== undefined ? FORM_WORDS[role].zh : "表格"}`;
}

/** What a cell a person fills is called: an entry field, a sample count, or a header field by its name on the form. */
export function cellWord(field: string): { zh: string; en: string } {
  const words: Record<string, { zh: string; en: string }> = {
    ...ENTRY_FIELD_WORDS,
    ...SAMPLE_FIELD,
    evidence: { zh: "证明材料", en: "evidence" },
    note: { zh: "记录", en: "note" },
    deductions: SPECIAL.deduction,
    remarks: { zh: "评语", en: "remarks" },
  };
  return words[field] ?? { zh: field, en: field };
}

/** How a sheet is hidden (SS823, SS824). */
export const HIDDEN = {
  hidden: { zh: "隐藏", en: "hidden" },
  veryHidden: { zh: "设为深度隐藏（Excel 的“取消隐藏”中不列出）", en: "very hidden (Excel's Unhide does not list it)" },
} as const;

/** What an entry's formula refers to (SS825), with the target it names. */
export const REFERS = {
  external: { zh: (t: string) => `（引用另一个工作簿 ${t}）`, en: (t: string) => ` (referring to another workbook, ${t})` },
  name: { zh: (t: string) => `（引用名称 ${t}）`, en: (t: string) => ` (referring to the name ${t})` },
  cell: { zh: (t: string) => `（引用 ${t}）`, en: (t: string) => ` (referring to ${t})` },
  constant: { zh: () => "", en: () => "" },
} as const;
