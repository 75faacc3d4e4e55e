import type { Scheme } from "../scheme/load";
import { parseCell } from "../sheets/address";
import type { Assessment } from "../scoring/assessment";
import type { Role } from "../scheme/roles";
import type { CellReader, CellWrite } from "../sheets/cells";
import { entryWrites } from "../sheets/fill";
import type { MetaEntry } from "../sheets/meta";
import { planSheet } from "../sheets/plan";
import { readAssessment } from "../sheets/read";
import { scoreSheet, type SheetScore } from "../sheets/score";
import { queueLayout, queueStateLoads, stateFrom, usedArea, type WorkbookState } from "./layout";

/**
 * What the task pane asks of Excel, each in a fixed number of round trips: laying out takes 2 syncs,
 * re-laying out 2, a live read 1 (and writes nothing; two sheets for the comparison also 1), selecting a cell 1,
 * writing special items 1.
 */

/** Runs a batch: the pane passes `cb => Excel.run({ delayForCellEdit: true }, cb)` so a user mid-edit is not interrupted. */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const excelRun: Run = (batch) => Excel.run({ delayForCellEdit: true }, batch);

/** A CellReader over a 2-D array of values loaded from A1. */
export function valuesReader(values: readonly (readonly unknown[])[]): CellReader {
  return (address) => {
    const at = parseCell(address);
    if (at === null) return null;
    const v = values[at.row - 1]?.[at.column - 1];
    if (v === undefined || v === null || v === "") return null;
    return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : String(v);
  };
}

/** The StarScore sheets of the open workbook and the names of all its sheets: 1 sync. */
export async function readWorkbookState(run: Run): Promise<WorkbookState> {
  return run(async (context) => {
    const loads = queueStateLoads(context);
    await context.sync();
    return stateFrom(loads);
  });
}

/** Lays a scheme out on a new sheet with a free name, pre-filled with `fill`: 2 syncs. Existing sheets are never touched. */
export async function layOut(run: Run, scheme: Scheme, role: Role, fill: Assessment | null = null): Promise<{ sheet: string; entry: MetaEntry }> {
  const plan = planSheet(scheme, role);
  const title = String(plan.rows[0]?.cells[0]?.value ?? "");
  return run(async (context) => {
    const loads = queueStateLoads(context);
    await context.sync();
    const writes: CellWrite[] = fill === null ? [] : entryWrites(plan.layout, fill);
    const sheet = queueLayout(context, plan, writes, stateFrom(loads), title);
    await context.sync();
    return { sheet, entry: { format: "starscore-layout/1", sheet, title, layout: plan.layout } };
  });
}

/**
 * Lays an existing StarScore sheet out again from `scheme` (a newer version, say) on a new sheet, keeping
 * every entry by clause id: 2 syncs. The old sheet stays as it is; nothing the user typed is lost.
 */
export async function relayOut(run: Run, scheme: Scheme, old: MetaEntry): Promise<{ sheet: string; entry: MetaEntry; kept: Assessment }> {
  const plan = planSheet(scheme, old.layout.role);
  const title = String(plan.rows[0]?.cells[0]?.value ?? "");
  return run(async (context) => {
    const loads = queueStateLoads(context);
    const area = context.workbook.worksheets.getItem(old.sheet).getRange(usedArea(old));
    area.load("values");
    await context.sync();
    const kept = { ...readAssessment(old.layout, valuesReader(area.values)), scheme: scheme.id, schemeVersion: scheme.version };
    const sheet = queueLayout(context, plan, entryWrites(plan.layout, kept), stateFrom(loads), title);
    await context.sync();
    return { sheet, entry: { format: "starscore-layout/1", sheet, title, layout: plan.layout }, kept };
  });
}

/** Reads a laid-out sheet's entries and scores them: 1 sync, no writes. */
export async function readLive(run: Run, scheme: Scheme, entry: MetaEntry): Promise<SheetScore> {
  return run(async (context) => {
    const area = context.workbook.worksheets.getItem(entry.sheet).getRange(usedArea(entry));
    area.load("values");
    await context.sync();
    return scoreSheet(scheme, entry.layout, valuesReader(area.values), entry.sheet);
  });
}

/**
 * Reads several laid-out sheets and scores each: both used areas are loaded in one batch, so a self sheet
 * and an audit sheet for the comparison take 1 sync together, not one each. No writes.
 */
export async function readLiveMany(run: Run, sheets: readonly (readonly [Scheme, MetaEntry])[]): Promise<SheetScore[]> {
  return run(async (context) => {
    const areas = sheets.map(([, entry]) => {
      const area = context.workbook.worksheets.getItem(entry.sheet).getRange(usedArea(entry));
      area.load("values");
      return area;
    });
    await context.sync();
    return sheets.map(([scheme, entry], i) => scoreSheet(scheme, entry.layout, valuesReader(areas[i]?.values ?? []), entry.sheet));
  });
}

/** A self sheet and an audit sheet, read and scored together: 1 sync. */
export async function readLivePair(run: Run, self: readonly [Scheme, MetaEntry], audit: readonly [Scheme, MetaEntry]): Promise<[SheetScore, SheetScore]> {
  const [a, b] = await readLiveMany(run, [self, audit]);
  if (a === undefined || b === undefined) throw new Error("readLiveMany returned fewer sheets than asked for");
  return [a, b];
}

/** Selects a finding's cell (`评分表!G12` or `G12` on `sheet`): 1 sync. */
export async function selectCell(run: Run, sheet: string, address: string): Promise<void> {
  const bang = address.lastIndexOf("!");
  const target = bang < 0 ? { sheet, cell: address } : { sheet: address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'"), cell: address.slice(bang + 1) };
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(target.sheet);
    ws.activate();
    ws.getRange(target.cell).select();
    await context.sync();
  });
}

/** Writes the special deductions and the bonus into their rows (clearing rows no longer used): 1 sync. */
export async function writeSpecials(
  run: Run,
  entry: MetaEntry,
  deductions: NonNullable<Assessment["deductions"]>,
  bonus: Assessment["bonus"],
): Promise<void> {
  const d = entry.layout.deductions;
  const b = entry.layout.bonus;
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(entry.sheet);
    if (d !== null) {
      const rows = d.lastRow - d.firstRow + 1;
      const values = Array.from({ length: rows }, (_, i) => {
        const x = deductions[i];
        return [x?.clause ?? "", x?.reason ?? ""];
      });
      ws.getRange(`${d.clauseColumn}${d.firstRow}:${d.clauseColumn}${d.lastRow}`).values = values.map((v) => [v[0] ?? ""]);
      ws.getRange(`${d.reasonColumn}${d.firstRow}:${d.reasonColumn}${d.lastRow}`).values = values.map((v) => [v[1] ?? ""]);
    }
    if (b !== null) {
      ws.getRange(b.points).values = [[bonus?.points ?? ""]];
      ws.getRange(b.reason).values = [[bonus?.reason ?? ""]];
    }
    await context.sync();
  });
}

/** Calls `onChange` whenever the sheet changes (registered in 1 sync); the caller debounces. */
export async function watchSheet(run: Run, sheet: string, onChange: () => void): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(sheet).onChanged.add(async () => onChange());
    await context.sync();
  });
}
