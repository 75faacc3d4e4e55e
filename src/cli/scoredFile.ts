import type { Scheme } from "../scheme/load";
import { parseAssessment, type Assessment } from "../scoring/assessment";
import { scoreAssessment } from "../scoring/scoreAssessment";
import type { ScoreCard } from "../scoring/card";
import { readBytes } from "./files";
import { readText, schemeById } from "./io";
import { loadSchemes } from "./schemeFiles";

/** An assessment read from a file and scored: what `score`, `report` and `compare` start from. */
export interface ScoredFile {
  scheme: Scheme;
  assessment: Assessment;
  card: ScoreCard;
  /** Set for a workbook: its sheet and the total and level the workbook itself saved. */
  workbook: { sheet: string; sheetTotal: number | null; sheetLevel: string | null } | null;
}

export function isWorkbook(file: string): boolean {
  return /\.xls[xm]$/i.test(file);
}

/** Reads assessment JSON or a StarScore workbook (.xlsx / .xlsm) and scores it. */
export async function readScored(file: string): Promise<ScoredFile> {
  if (isWorkbook(file)) {
    // The workbook reader only for workbooks: scoring a JSON file does not load it.
    const { scoreXlsx } = await import("../xlsx/scoreWorkbook");
    const result = scoreXlsx(readBytes(file), loadSchemes());
    return {
      scheme: result.scheme,
      assessment: result.assessment,
      card: result.card,
      workbook: { sheet: result.sheet.name, sheetTotal: result.sheetTotal, sheetLevel: result.sheetLevel },
    };
  }
  const assessment = parseAssessment(readText(file), file);
  const scheme = schemeById(assessment.scheme);
  return { scheme, assessment, card: scoreAssessment(scheme, assessment), workbook: null };
}
