import type { Level } from "../scheme/schema";
import type { Scheme } from "../scheme/load";
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

/** The words a result cell shows, shared by the engine's output and the workbook's formulas. */
export const RESULT_LABELS = {
  notGraded: "不予评级",
  noLevel: "未达级别",
  pass: "通过",
  notPass: "不通过",
  allConform: "全部符合",
  notAllConform: "未全部符合",
} as const;

export function resultLabels(scheme: Scheme): typeof RESULT_LABELS & { fail: string } {
  return { ...RESULT_LABELS, fail: scheme.failName ?? RESULT_LABELS.noLevel };
}

/** What the level cell of a laid-out sheet shows for this result. */
export function levelLabel(
  scheme: Scheme,
  card: { level: Level | null; graded: boolean; applicableMax: number; checklist: unknown; passed: boolean },
): string {
  if (card.checklist !== null) return card.passed ? RESULT_LABELS.allConform : RESULT_LABELS.notAllConform;
  if (card.level !== null) return card.level.name;
  if (!card.graded || card.applicableMax === 0) return RESULT_LABELS.notGraded;
  return resultLabels(scheme).fail;
}
