/**
 * Rounds as Excel's and LibreOffice's ROUND do: half away from zero, on the decimal value a person sees.
 * `Math.round(1.005 * 100) / 100` gives 1 because 1.005 is stored as 1.00499999999999989…; spreadsheets
 * work on the 15 significant digits they display, so ROUND(1.005, 2) is 1.01. Taking the value to 15
 * significant digits first and shifting the decimal point in the string (not by multiplying) does the same.
 */
export function excelRound(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  if (value === 0) return 0;
  const sign = value < 0 ? -1 : 1;
  const visible = Math.abs(value).toPrecision(15);
  const shifted = Number(`${visible}e${digits}`);
  const rounded = Number(`${Math.round(shifted)}e${-digits}`);
  return rounded === 0 ? 0 : sign * rounded;
}
