import { buildReport } from "../report/model";
import type { Scheme } from "../scheme/load";
import { columnIndex, columnLetter } from "../sheets/address";
import { layoutVersion, type MetaEntry } from "../sheets/meta";
import { scoreSheet } from "../sheets/scoreSheet";
import { usedArea } from "./layout";
import { valuesReader, type Run } from "./session";
import { asText } from "./text";

/** The name the pane gives its radar chart, so adding it again replaces it instead of piling charts up. */
export const RADAR_CHART_NAME = "StarScore_radar";

export interface RadarLabels {
  subsection: string;
  share: string;
  title: string;
}

export interface RadarChartResult {
  /** The table the chart draws from (`P1:Q21`), header row included. */
  table: string;
  /** One row per axis: the subsection and earned ÷ applicable maximum (null where nothing applies). */
  rows: { label: string; share: number | null }[];
}

/**
 * The sheet is protected and Excel refused to lift the protection, so nothing was changed; the pane says so and
 * what to do. `code` is Excel's error code: BadPassword ("The password you supplied is incorrect.", the error-code
 * table) means the user protected the sheet with a password; anything else is not blamed on one, since Excel has
 * refused to unprotect sheets that have none (AccessDenied, OfficeDev/office-js#6784).
 */
export class ProtectionRefusedError extends Error {
  readonly code: string;
  constructor(readonly sheet: string, cause: unknown) {
    const code = typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string" ? cause.code : "GeneralException";
    super(`${sheet}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "ProtectionRefusedError";
    this.code = code;
  }

  /** Whether Excel said the password was wrong (the sheet has one the pane does not know). */
  get password(): boolean {
    return this.code === "BadPassword";
  }
}

/**
 * Adds a native Excel radar chart (ExcelApi 1.1) of the subsections' shares beside a laid-out sheet: 2 syncs.
 * The first reads the sheet's entries (and whether it is protected, and any radar added before); the second
 * writes the table of shares two columns to the right of the sheet's area and adds the chart over it,
 * replacing an earlier one. A protected sheet is unprotected for the batch and protected again with the options
 * it had (read in the first sync: the user may have changed them); an unprotected sheet is not touched, since
 * protecting and unprotecting clear the user's undo history. Unprotecting is the batch's first write, so when Excel
 * refuses it nothing has been changed: that is a ProtectionRefusedError. The axes are the audit report's:
 * subsections, or the parts where a scheme has too few or too many.
 * Returns null, writing nothing, when the scheme has no radar (a checklist, or neither fits).
 */
export async function addRadarChart(run: Run, scheme: Scheme, entry: MetaEntry, labels: RadarLabels, lang: "zh" | "en", key: string = entry.sheet): Promise<RadarChartResult | null> {
  if (scheme.kind !== "points") return null;
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(key);
    const areaAddress = usedArea(entry);
    const area = ws.getRange(areaAddress);
    area.load("values");
    const protection = ws.protection.load("protected,options");
    const old = ws.charts.getItemOrNullObject(RADAR_CHART_NAME);
    await context.sync();

    const { assessment, card } = scoreSheet(scheme, entry.layout, valuesReader(area.values), entry.sheet, layoutVersion(entry));
    const radar = buildReport(scheme, assessment, card, lang).radar;
    if (radar === null) return null;
    const rows = radar.axes.map((a) => ({ label: `${a.id} ${a.title}`, share: a.share }));
    const first = columnIndex(/:([A-Z]+)/.exec(areaAddress)?.[1] ?? "A") + 2;
    const [c1, c2] = [columnLetter(first), columnLetter(first + 1)];
    const table = `${c1}1:${c2}${rows.length + 1}`;
    const wasProtected = protection.protected;
    const options = wasProtected ? protection.options : null;
    if (wasProtected) protection.unprotect();
    if (!old.isNullObject) old.delete();
    const range = ws.getRange(table);
    range.values = [[asText(labels.subsection), asText(labels.share)], ...rows.map((r) => [asText(r.label), r.share === null ? "" : r.share])];
    range.numberFormat = [["General", "General"], ...rows.map(() => ["General", "0%"])];
    const chart = ws.charts.add("Radar", range, "Auto");
    chart.name = RADAR_CHART_NAME;
    chart.title.text = labels.title;
    chart.setPosition(`${columnLetter(first + 3)}1`, `${columnLetter(first + 10)}22`);
    if (options !== null) protection.protect(options);
    try {
      await context.sync();
    } catch (e) {
      if (options !== null) await restoreProtection(context, protection, options, entry.sheet, e);
      throw e;
    }
    return { table, rows };
  });
}

/**
 * After a failed batch on a sheet that was protected (1 more sync, 2 if protection must be put back): still
 * protected means the unprotect, the batch's first write, was refused (ProtectionRefusedError, with Excel's code);
 * otherwise a later step failed after the protection was lifted (Office.js batches are not transactions), so it is
 * put back with the user's options before the error goes on.
 */
async function restoreProtection(context: Excel.RequestContext, protection: Excel.WorksheetProtection, options: Excel.WorksheetProtectionOptions, sheet: string, cause: unknown): Promise<void> {
  protection.load("protected");
  await context.sync();
  if (protection.protected) throw new ProtectionRefusedError(sheet, cause);
  protection.protect(options);
  await context.sync();
}
