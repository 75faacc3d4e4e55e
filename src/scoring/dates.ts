import { fold } from "./lenient";

/**
 * Calendar dates without a clock or a time zone: a certificate's date is a day, not an instant. Held as
 * "YYYY-MM-DD", which sorts and compares as text.
 *
 * Periods of months are counted as the Civil Code counts them (民法典 第二百零一条、第二百零二条): the period
 * starts the day after its first day, and ends on the corresponding day of its last month, or on that month's
 * last day when it has no such day. So 12 months from 2026-03-01 end on 2027-03-01, and 12 months from
 * 2024-02-29 end on 2025-02-28.
 */
export type CivilDate = string;

const PATTERN = /^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The day as a CivilDate: civilDate(2026, 3, 1) is "2026-03-01". */
export function civilDate(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function parts(date: CivilDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Reads 2026-03-01, 2026/3/1, 2026.3.1 or 2026年3月1日 (full-width digits too); null when it is no real day. */
export function parseDate(text: string): CivilDate | null {
  const m = PATTERN.exec(fold(text));
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return civilDate(year, month, day);
}

/** A list of dates as people type it (2026-03-01，2027/2/10、2028.1.5): the days read, and the parts that are none. */
export function parseDateList(text: string): { dates: CivilDate[]; unreadable: string[] } {
  const dates: CivilDate[] = [];
  const unreadable: string[] = [];
  for (const part of text.split(/[,，、;；\s]+/)) {
    if (part === "") continue;
    const d = parseDate(part);
    if (d === null) unreadable.push(part);
    else dates.push(d);
  }
  return { dates, unreadable };
}

/** The corresponding day `months` later (or earlier), or the month's last day when it has none. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return civilDate(year, month, Math.min(d, daysInMonth(year, month)));
}

export function yearOf(date: CivilDate): number {
  return parts(date)[0];
}

export function endOfYear(year: number): CivilDate {
  return civilDate(year, 12, 31);
}

export const earlier = (a: CivilDate, b: CivilDate): CivilDate => (a <= b ? a : b);

/**
 * A moment on the local clock of `d`, `2026-03-01 14:30`: what a reviewer reads on a report or a notice (dated by
 * their own day, not UTC's). The adapter passes the clock in; the core never reads it.
 */
export function localMinute(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${civilDate(d.getFullYear(), d.getMonth() + 1, d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
