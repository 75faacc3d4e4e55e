/**
 * A string as Excel must keep it. Excel parses text written through `Range.values` or `Range.formulas` as if
 * typed: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this
 * value as a formula" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member),
 * and "1.1", "95%" or "2025-01-02" become numbers. A leading apostrophe is how a user types text that must stay
 * text; Excel keeps the rest as the value and shows no apostrophe (`formulas` reads it back without it,
 * OfficeDev/office-js#6687). The other way, a Text number format ("@"), is a format change: a protected sheet
 * refuses it, and it would also turn what the user types later into text. So every string constant the add-in
 * writes carries the apostrophe; numbers and "" (clear) are written as they are.
 */
export function asText<T>(value: T): T | string {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}
