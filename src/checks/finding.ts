import { CATALOGUE, type FindingCode, type FindingKind, type Params, type Severity } from "./catalogue";

/** Where a finding points: the clause, and (once read from a workbook) the cell. Kept apart from the text. */
export interface Location {
  clause?: string;
  /** `评分表!G12` */
  cell?: string;
  /** The entry's field or header name: percent, score, conclusion, evidence, 申报级别, bonus … */
  field?: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  kind: FindingKind;
  location: Location;
  params: Params;
}

export type Lang = "zh" | "en";

export function finding(code: FindingCode, location: Location, params: Params = {}): Finding {
  const entry = CATALOGUE[code];
  return { code, severity: entry.severity, kind: entry.kind, location, params: { ...params, ...(location.clause !== undefined ? { clause: location.clause } : {}) } };
}

/** The finding's message, in 简体中文 unless English is asked for. */
export function describe(f: Finding, lang: Lang = "zh"): string {
  const entry = CATALOGUE[f.code];
  const text = lang === "en" ? entry.en(f.params) : entry.zh(f.params);
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
