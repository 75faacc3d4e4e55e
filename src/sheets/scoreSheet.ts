import { finding, type Finding } from "../findings/finding";
import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import { resultName } from "../scoring/levels";
import { scoreAssessment } from "../scoring/scoreAssessment";
import type { ScoreCard } from "../scoring/card";
import { qualified } from "./address";
import type { CellReader, FormatReader } from "./cells";
import { LAYOUT_VERSION, LAYOUTS } from "./meta";
import { percentShownFindings } from "./percentCell";
import { locateFindings, readAssessment } from "./read";
import type { SheetLayout } from "./types";

export interface ScoredSheet {
  assessment: Assessment;
  /** The engine's ScoreCard, its findings located to cells. */
  card: ScoreCard;
  /** The total the workbook's own total cell holds as last computed and saved; null when never computed. */
  sheetTotal: number | null;
  /** The level (or verdict) the workbook's own result cell holds; null when never computed. */
  sheetLevel: string | null;
}

/** Totals closer than half a cent agree: both sides round to 2 decimals. */
const TOLERANCE = 0.005;

/**
 * Reads a laid-out sheet's entries by clause id, scores them as the sheet's own formulas count its cells (text is
 * never a number: lenient.ts, readCellNumber), and compares the workbook's own saved results with the engine's: a
 * workbook whose saved total disagrees with its entries is broken or altered. `version`: the layout version of the
 * sheet's record (meta.ts), the current one by default. Given each cell's number format (`format`), a percentage
 * entry that shows otherwise than it counts is reported too (percentCell.ts).
 */
export function scoreSheet(scheme: Scheme, layout: SheetLayout, read: CellReader, sheetName: string, version = LAYOUT_VERSION, format?: FormatReader): ScoredSheet {
  const assessment = readAssessment(layout, read);
  const scored = scoreAssessment(scheme, assessment, "cells");
  const shown = format === undefined ? null : percentShownFindings(layout, read, format, sheetName);
  // An out-of-range percentage quotes what its cell shows, where the two differ (1.5e2 in a % cell shows 15000.0%).
  const card =
    shown === null || shown.shown.size === 0
      ? scored
      : { ...scored, findings: scored.findings.map((f) => (f.code === "SS103" && shown.shown.has(f.location.clause ?? "") ? finding("SS103", f.location, { value: f.params.value, shown: shown.shown.get(f.location.clause ?? "") }) : f)) };
  const extra: Finding[] = [...(shown?.findings ?? [])];
  const at = (address: string | undefined) => (address === undefined ? undefined : qualified(sheetName, address));
  const cell = (address: string | undefined) => (address === undefined ? null : read(address));
  const rawTotal = cell(layout.results.total);
  const sheetTotal = typeof rawTotal === "number" ? rawTotal : null;
  const rawLevel = cell(layout.results.level ?? layout.results.passed);
  const sheetLevel = rawLevel === null ? null : String(rawLevel);
  if (layout.schemeVersion !== scheme.version) {
    extra.push(finding("SS703", {}, { scheme: scheme.id, sheetVersion: layout.schemeVersion, version: scheme.version }));
  }
  if (card.total !== null && sheetTotal !== null && Math.abs(sheetTotal - card.total) > TOLERANCE) {
    extra.push(finding("SS701", { cell: at(layout.results.total) }, { sheet: sheetTotal, engine: card.total }));
  }
  if (version < LAYOUTS.unfilled) extra.push(finding("SS704", {}, { version, current: LAYOUT_VERSION }));
  else if (version < LAYOUTS.report && layout.role === "audit") extra.push(finding("SS705", {}, { version, current: LAYOUT_VERSION }));
  // The sheet's cell holds the 简体中文 name. Layout 1 had no word for a form not yet filled: its result cells
  // said what the entries so far gave, so only a finished form's result is compared.
  const expected = resultName(card, scheme, "zh");
  const comparable = version >= LAYOUTS.unfilled || card.unfilled === 0;
  if (comparable && sheetLevel !== null && sheetLevel !== expected) {
    extra.push(finding("SS702", { cell: at(layout.results.level ?? layout.results.passed) }, { sheet: sheetLevel, engine: expected }));
  }
  return {
    assessment,
    card: { ...card, findings: [...locateFindings(card.findings, layout, sheetName), ...extra] },
    sheetTotal,
    sheetLevel,
  };
}
