import { excelRound } from "../scoring/round";

/** Numbers as the report prints them, shared by html.ts and documentRulesHtml.ts. */

/** Points as the document prints them: 73, 1.5. */
export function formatPoints(n: number): string {
  return String(excelRound(n, 2));
}

/** Earned points to 2 decimals, rounded as the workbook rounds (ROUND). */
export function formatEarned(n: number): string {
  return excelRound(n, 2).toFixed(2);
}

/** A percentage to at most 1 decimal: 90%, 87.5%. */
export function formatPercent(p: number): string {
  return `${excelRound(p, 1)}%`;
}
