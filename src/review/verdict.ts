import { CATALOGUE, type FindingCode } from "../findings/catalogue";
import type { Severity } from "../findings/entry";
import { describe, sortFindings, type Finding } from "../findings/finding";
import type { Lang } from "../findings/language";
import type { FileReference } from "./evidenceFiles";
import type { LeftOutFacts } from "./leftOutCheck";

/**
 * A reviewer's verdict on one submitted file; 未检查 for a file handed in that is no spreadsheet (a PDF, a
 * picture), listed so that the report accounts for every file of the folder.
 */
export type Verdict = "通过" | "需补正" | "不一致" | "无法读取" | "未检查";

export const VERDICT_ORDER: Verdict[] = ["无法读取", "不一致", "需补正", "通过", "未检查"];
export const VERDICT_EN: Record<Verdict, string> = { 通过: "pass", 需补正: "to complete", 不一致: "inconsistent", 无法读取: "unreadable", 未检查: "not checked" };

/** Whether a result leaves nothing for the applicant to do: passed, or not a spreadsheet at all. */
export const settled = (v: Verdict): boolean => v === "通过" || v === "未检查";


/**
 * 不一致 when anything was altered or disagrees with itself (tamper findings, a claimed level above the result,
 * an inconsistent conclusion); 需补正 when entries or evidence are missing or wrong; otherwise 通过.
 */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.kind === "tamper" || CATALOGUE[f.code].contradicts === true)) return "不一致";
  if (findings.some((f) => f.severity === "error" || f.kind === "missing" || f.kind === "evidence")) return "需补正";
  return "通过";
}

export interface FileCheck {
  file: string;
  verdict: Verdict;
  /** Why the file could not be read (无法读取), or what it is (未检查). */
  reason: string | null;
  scheme: string | null;
  role: string | null;
  organisation: string | null;
  claimedLevel: string | null;
  level: string | null;
  total: number | null;
  sheetTotal: number | null;
  passed: boolean | null;
  counts: { missing: number; evidence: number; errors: number; tamper: number };
  /** What the file left out (删减): items, points, share of the full marks, subsections where nothing applies. */
  leftOut: LeftOutFacts | null;
  findings: CheckedFinding[];
  /**
   * The files its evidence names (issue 22), for the folder or zip they came in to resolve (evidenceFiles.ts);
   * absent when it names none.
   */
  references?: FileReference[];
  /**
   * The files handed in that its evidence names and the check did not read (PDFs, pictures …), accounted for here
   * rather than as lines of their own (evidenceFiles.ts, `accountFor`): there, and — or a finding says otherwise —
   * not empty and what their extension says. Absent when it names none that were handed in.
   */
  evidenceFiles?: string[];
}

/**
 * A finding as the check reports it (and `check --json` writes it): the message in the run's language, and its
 * params, the data a report or a notice needs to say it again in the other language (review/findingLine.ts).
 */
export interface CheckedFinding {
  code: FindingCode;
  severity: Severity;
  clause: string | null;
  cell: string | null;
  message: string;
  params: object;
}

export function checkedFinding(f: Finding, lang: Lang): CheckedFinding {
  return { code: f.code, severity: f.severity, clause: f.location.clause ?? null, cell: f.location.cell ?? null, message: describe(f, lang), params: f.params };
}

export function unreadable(file: string, reason: string): FileCheck {
  return withoutContent(file, "无法读取", reason);
}

/** A file handed in that is no spreadsheet (a PDF, a picture): listed, not read. */
export function notChecked(file: string, reason: string): FileCheck {
  return withoutContent(file, "未检查", reason);
}

function withoutContent(file: string, verdict: "无法读取" | "未检查", reason: string): FileCheck {
  return {
    file,
    verdict,
    reason,
    scheme: null,
    role: null,
    organisation: null,
    claimedLevel: null,
    level: null,
    total: null,
    sheetTotal: null,
    passed: null,
    counts: { missing: 0, evidence: 0, errors: 0, tamper: 0 },
    leftOut: null,
    findings: [],
  };
}

export function fileCheck(
  file: string,
  facts: Pick<FileCheck, "scheme" | "role" | "organisation" | "claimedLevel" | "level" | "total" | "sheetTotal" | "passed"> & { leftOut?: LeftOutFacts },
  findings: readonly Finding[],
  lang: Lang,
): FileCheck {
  return {
    file,
    verdict: verdictOf(findings),
    reason: null,
    leftOut: null,
    ...facts,
    counts: {
      missing: findings.filter((f) => f.kind === "missing").length,
      evidence: findings.filter((f) => f.kind === "evidence").length,
      errors: findings.filter((f) => f.severity === "error" && f.kind !== "tamper").length,
      tamper: findings.filter((f) => f.kind === "tamper").length,
    },
    findings: sortFindings(findings).map((f) => checkedFinding(f, lang)),
  };
}
