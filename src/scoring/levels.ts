import type { Level } from "../scheme/schema";
import type { Scheme } from "../scheme/load";
import type { Lang } from "../findings/language";
import { incompleteName, RESULT_WORDS } from "../scheme/words";
import { fold } from "./lenient";

/** The highest level whose inclusive lower bound the total reaches, or null below the lowest. */
export function levelFor(scheme: Scheme, total: number): Level | null {
  let found: Level | null = null;
  for (const level of scheme.levels ?? []) if (total >= level.min) found = level;
  return found;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** How people vary a level's name: 4星级, 四星, 四 星 级, 一星(卓著). */
function canonical(text: string): string {
  return fold(text)
    .replace(/\s+/g, "")
    .replace(/10|[0-9]/g, (d) => DIGITS[Number(d)] ?? d)
    .replace(/级$/, "")
    .replace(/售后服务$/, "");
}

/** The scheme's level that a 申报级别 text names, or null when it names none. */
export function matchLevel(scheme: Scheme, claimed: string): Level | null {
  const wanted = canonical(claimed);
  if (wanted === "") return null;
  for (const level of scheme.levels ?? []) {
    const names = [level.name, ...(level.aliases ?? [])].map(canonical);
    if (names.includes(wanted)) return level;
  }
  return null;
}

/** What a points result below every level is called: the scheme's own fail name (不合格), or 未达级别. */
export function failName(scheme: { failName?: string | null | undefined }, lang: Lang): string {
  return scheme.failName ?? RESULT_WORDS.noLevel[lang];
}

/** The words of a points sheet's result cells (级别 and 结论), as its formulas write them. */
export function resultWords(scheme: Scheme): { notGraded: string; fail: string; pass: string; notPass: string } {
  return { notGraded: RESULT_WORDS.notGraded.zh, fail: failName(scheme, "zh"), pass: RESULT_WORDS.pass.zh, notPass: RESULT_WORDS.notPass.zh };
}

/** What resultName and verdictName need of a ScoreCard. */
export interface ResultFacts {
  level: Level | null;
  graded: boolean;
  applicableMax: number;
  checklist: unknown;
  passed: boolean;
  /** Items with an entry still empty: while there are any, the result is 未填完（n 项未填）. */
  unfilled: number;
}

/**
 * What a result is called, everywhere: 未填完（n 项未填） while entries are missing; the level's name; 不予评级
 * when grading stopped or nothing applies; the scheme's fail name below every level; for a checklist, 全部符合 or
 * 未全部符合. In 简体中文 it is exactly what the laid-out sheet's level (or result) cell shows.
 */
export function resultName(card: ResultFacts, scheme: Scheme, lang: Lang): string {
  if (card.unfilled > 0) return incompleteName(card.unfilled, lang);
  if (card.checklist !== null) return (card.passed ? RESULT_WORDS.allConform : RESULT_WORDS.notAllConform)[lang];
  if (card.level !== null) return lang === "en" ? card.level.nameEn : card.level.name;
  if (!card.graded || card.applicableMax === 0) return RESULT_WORDS.notGraded[lang];
  return failName(scheme, lang);
}

/**
 * The pass/fail word of a points result, as the sheet's 结论 cell shows it: 通过, 不通过, or 未填完（n 项未填）
 * while entries are missing (a form not yet filled has not failed). A checklist's is its resultName.
 */
export function verdictName(card: ResultFacts, scheme: Scheme, lang: Lang): string {
  if (card.unfilled > 0 || card.checklist !== null) return resultName(card, scheme, lang);
  return (card.passed ? RESULT_WORDS.pass : RESULT_WORDS.notPass)[lang];
}
