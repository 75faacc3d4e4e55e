/**
 * Reading what people type into a score, a percentage or a conclusion: full-width digits (９５),
 * `95%`, `95 %`, `3分`, `1.5 分`, and the ways of saying "not applicable". Anything else is reported,
 * never read as zero.
 */

import { AUDIT_TYPE_NAMES, AUDIT_TYPES, CONCLUSION_WORDS, NOT_APPLICABLE_WORDS, type AuditType, type Conclusion } from "../scheme/words";

/**
 * What a typed value turned out to be. `uncounted`: a sheet's cell that the person meant as a number or as
 * 不适用, but that Excel and the sheet's own formulas do not count so (readCellNumber).
 */
export type Reading = TypedReading | Uncounted;
export type TypedReading = { kind: "empty" } | { kind: "na" } | { kind: "number"; value: number } | { kind: "invalid"; text: string };

export type Uncounted = { kind: "uncounted"; text: string; as: "number" | "na" | "error" };

/**
 * Where entries come from: typed in assessment JSON, read leniently (`95%`, `３分` are numbers), or a sheet's cells,
 * read as Excel and the sheet's own formulas count them, so that the engine and the workbook never differ.
 */
export type EntrySource = "typed" | "cells";

/** The unit a field allows after the number: a score may end in 分, a percentage in %. */
export type Unit = "分" | "%";

const EMPTY: TypedReading = { kind: "empty" };
const NA: TypedReading = { kind: "na" };

/** 不适用 / 不涉及 / N/A / 删减 all mean the clause leaves both the earned points and the maximum; compared case-blind. */
const NOT_APPLICABLE = new Set(NOT_APPLICABLE_WORDS.map((w) => w.toLowerCase()));

const NUMBER = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*(分|%)?$/;
/** The same, tried first on the text as typed: most entries need no NFKC folding at all. */
const PLAIN = /^\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*(分|%)?\s*$/;

const NON_ASCII = /[^\t\n\r\u0020-\u007e]/;

/** NFKC folds full-width digits, ％, ．, ／ and ideographic spaces into their ASCII forms. */
export function fold(text: string): string {
  // Most entries are plain ASCII, which NFKC leaves as it is: skip the costly normalisation for them.
  return (NON_ASCII.test(text) ? text.normalize("NFKC") : text).trim();
}

export function isNotApplicableWord(text: string): boolean {
  return NOT_APPLICABLE.has(fold(text).toLowerCase());
}

/** Reads a score or percentage typed as a number or as text, allowing only `unit` after the number. */
export function readNumber(value: unknown, unit: Unit): TypedReading {
  if (value === undefined || value === null) return EMPTY;
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid", text: String(value) };
  if (typeof value !== "string") return { kind: "invalid", text: JSON.stringify(value) ?? String(value) };
  const plain = PLAIN.exec(value);
  if (plain !== null && (plain[2] === undefined || plain[2] === unit)) return { kind: "number", value: Number(plain[1]) };
  const text = fold(value);
  if (text === "") return EMPTY;
  if (NOT_APPLICABLE.has(text.toLowerCase())) return NA;
  const match = NUMBER.exec(text);
  if (match === null || (match[2] !== undefined && match[2] !== unit)) return { kind: "invalid", text: value };
  return { kind: "number", value: Number(match[1]) };
}

/** Excel's TRIM: spaces (U+0020 only) off both ends, and each run of them inside made one. */
export function excelTrim(text: string): string {
  return text.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/**
 * Whether the sheet's formulas take a cell's text as not applicable: `TRIM(cell)="不适用"` and the other words
 * (sheets/formulas.ts, saysNotApplicable), compared as Excel compares text, without regard to case.
 */
export function notApplicableInExcel(text: string): boolean {
  return NOT_APPLICABLE.has(excelTrim(text).toLowerCase());
}

/** The error values Excel shows in a cell. */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/**
 * A number field's cell as the sheet's own formulas count it: a number counts (`ISNUMBER`), text never does, and a
 * text is 不适用 only as `TRIM(…)="不适用"` matches it. Text that the lenient reader would take as a number or as
 * 不适用 (`90%` stored as text, `３分`, `不适用` after an ideographic space) and an error value are `uncounted`:
 * counted as the sheet counts them, and reported, so that engine and workbook agree and the person knows which
 * cell Excel does not count.
 */
export function readCellNumber(value: unknown, unit: Unit): Reading {
  if (typeof value !== "string") return readNumber(value, unit);
  if (notApplicableInExcel(value)) return NA;
  if (EXCEL_ERRORS.has(value.trim())) return { kind: "uncounted", text: value.trim(), as: "error" };
  const typed = readNumber(value, unit);
  if (typed.kind === "number") return { kind: "uncounted", text: value, as: "number" };
  if (typed.kind === "na") return { kind: "uncounted", text: value, as: "na" };
  return typed;
}

/** A number field read as its source is read: typed leniently, or a sheet's cell as Excel counts it. */
export function readEntryNumber(value: unknown, unit: Unit, source: EntrySource): Reading {
  return source === "cells" ? readCellNumber(value, unit) : readNumber(value, unit);
}

export type ConclusionReading = { kind: "empty" } | { kind: "conclusion"; value: Conclusion } | { kind: "invalid"; text: string };

/** 符合 / 不符合 / 不适用 (and the other not-applicable words). */
export function readConclusion(value: unknown): ConclusionReading {
  if (value === undefined || value === null) return { kind: "empty" };
  if (typeof value !== "string") return { kind: "invalid", text: String(value) };
  const text = fold(value);
  if (text === "") return { kind: "empty" };
  if (text === CONCLUSION_WORDS.conform.zh) return { kind: "conclusion", value: "conform" };
  if (text === CONCLUSION_WORDS.nonconform.zh) return { kind: "conclusion", value: "nonconform" };
  if (NOT_APPLICABLE.has(text.toLowerCase())) return { kind: "conclusion", value: "na" };
  return { kind: "invalid", text: value };
}

/**
 * A conclusion read as its source is read. From a sheet's cell, a not-applicable word counts only as the sheet's
 * formulas match it (they take the item out of the maximum); one they do not match is `uncounted`.
 */
export function readEntryConclusion(value: unknown, source: EntrySource): ConclusionReading | Uncounted {
  const typed = readConclusion(value);
  if (source === "cells" && typed.kind === "conclusion" && typed.value === "na" && !notApplicableInExcel(value as string)) return { kind: "uncounted", text: value as string, as: "na" };
  return typed;
}

/** The words besides the form's own (AUDIT_TYPE_NAMES) that name each kind of audit. */
const AUDIT_TYPE_ALSO: Record<AuditType, string[]> = {
  initial: ["初次", "初审", "初次审核", "初次审查"],
  surveillance: ["保持", "监督审核", "监督审查"],
  recertification: ["再认证审核", "再认证审查", "复评", "复审"],
};

/** 审查类型 as typed: the form's words (初次认证 / 监督 / 再认证), the report's (保持认证 …) and English; null for anything else. */
export function readAuditType(value: unknown): AuditType | null {
  if (typeof value !== "string") return null;
  const text = fold(value).toLowerCase();
  return (
    AUDIT_TYPES.find((t) => {
      const n = AUDIT_TYPE_NAMES[t];
      return [n.form, n.cover, n.purpose, n.en, t, ...AUDIT_TYPE_ALSO[t]].some((w) => w.toLowerCase() === text);
    }) ?? null
  );
}
