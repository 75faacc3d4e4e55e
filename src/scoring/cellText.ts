/** A header cell or a remark as text: trimmed, null when there is none (a number reads as typed: 3 → "3"). */
export function cellText(value: string | number | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = String(value).trim();
  return t === "" ? null : t;
}
