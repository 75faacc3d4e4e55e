import { CATALOGUE, messageOf, type FindingCode, type ParamsArg, type ParamsOf } from "./catalogue";
import type { FindingKind, Severity, Where } from "./entry";
import type { Lang } from "./language";

/** Where a finding points: the clause, and (once read from a workbook) the cell. Kept apart from the text. */
export interface Location {
  clause?: string;
  /** `评分表!G12` */
  cell?: string;
  /** The entry's field or header name: percent, score, conclusion, evidence, 申报级别, bonus … */
  field?: string;
  /** Which of the clause's materials (from 0, the scheme's order) an evidence finding is about: its own line on the self form. */
  line?: number;
}

/** A finding of one code: its params are the data that code's catalogue entry declares (and the location's clause). */
export interface FindingOf<C extends FindingCode> {
  code: C;
  severity: Severity;
  kind: FindingKind;
  location: Location;
  params: ParamsOf<C> & Where;
}

/** Any finding; narrow on `code` to reach its params. */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

/** Raises a finding; its params must be exactly what the catalogue declares for the code. */
export function finding<C extends FindingCode>(code: C, location: Location, ...params: ParamsArg<C>): Finding {
  const entry = CATALOGUE[code];
  const data = { ...params[0], ...(location.clause !== undefined ? { clause: location.clause } : {}) };
  // The rest parameter ties params to the code; the union cannot see that, hence the one assertion.
  return { code, severity: entry.severity, kind: entry.kind, location, params: data } as FindingOf<C> as Finding;
}

/** The finding's message, in 简体中文 unless English is asked for. */
export function describe(f: Finding, lang: Lang = "zh"): string {
  const text = messageOf(f.code, f.params, lang);
  if (f.location.cell === undefined) return text;
  return lang === "en" ? `${text} (${f.location.cell})` : `${text}（${f.location.cell}）`;
}

const ORDER: Record<FindingKind, number> = { error: 0, tamper: 0, outcome: 1, missing: 2, evidence: 3, consistency: 4 };
const SEVERITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then missing entries, then missing evidence, then warnings; stable within a group. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || ORDER[a.kind] - ORDER[b.kind],
  );
}

/** A finding as the CLI's JSON and the reports show it. */
export function toJson(f: Finding, lang: Lang = "zh"): {
  severity: Severity;
  code: FindingCode;
  name: string;
  clause: string | null;
  cell: string | null;
  field: string | null;
  message: string;
} {
  return {
    severity: f.severity,
    code: f.code,
    name: CATALOGUE[f.code].name,
    clause: f.location.clause ?? null,
    cell: f.location.cell ?? null,
    field: f.location.field ?? null,
    message: describe(f, lang),
  };
}
