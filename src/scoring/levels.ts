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
