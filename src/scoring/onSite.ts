import { HALF_DAY_WORDS } from "../scheme/words";
import { parseDate, type CivilDate } from "./dates";
import { fold } from "./lenient";

/**
 * 现场审查时间 as the report template states it: "2021 年 06 月 5 日上午至 2021 年 06 月 07 日下午 共 3.0 天". The
 * form has two cells, 审查开始 and 审查结束, each a day with 上午 or 下午 where it matters; the days are counted in
 * half days from the first to the last, both included.
 */

export type HalfDay = keyof typeof HALF_DAY_WORDS;

export interface OnSiteMoment {
  date: CivilDate;
  /** As typed; null when the cell gives only the day. */
  half: HalfDay | null;
}

const HALF = /\s*(上午|下午|am|pm|a\.m\.|p\.m\.|morning|afternoon)\s*/i;

/** A start or end as typed: `2021-06-05 上午`, `2021年6月5日下午`, `2021/6/5`; null when it holds no day. */
export function readOnSiteMoment(text: string): OnSiteMoment | null {
  const folded = fold(text);
  const m = HALF.exec(folded);
  const date = parseDate(m === null ? folded : folded.replace(HALF, ""));
  if (date === null) return null;
  const word = m?.[1]?.toLowerCase();
  const half: HalfDay | null = word === undefined ? null : ["上午", "am", "a.m.", "morning"].includes(word) ? "morning" : "afternoon";
  return { date, half };
}

const DAY_MS = 86_400_000;
const dayNumber = (d: CivilDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;

/**
 * Days on site from the start to the end, in half days: a start without a half day begins in the morning, an end
 * without one ends in the afternoon. 2021-06-05 上午 to 2021-06-07 下午 is 3.0; null when the end is before the start.
 */
export function onSiteDays(from: OnSiteMoment, to: OnSiteMoment): number | null {
  const start = dayNumber(from.date) * 2 + (from.half === "afternoon" ? 1 : 0);
  const end = dayNumber(to.date) * 2 + (to.half === "morning" ? 0 : 1);
  return end < start ? null : (end - start + 1) / 2;
}
