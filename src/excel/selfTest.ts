import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import { scoreAssessment } from "../scoring/scoreAssessment";
import { entryWrites } from "../sheets/fill";
import { META_FORMAT } from "../sheets/meta";
import { planSheet } from "../sheets/plan";
import { addRadarChart, RADAR_CHART_NAME } from "./chart";
import { freeSheetName, PROTECTION, queueSheet, queueStateLoads, stateFrom } from "./layout";
import { readLive, watchWorkbook, writeSpecials, type Run, type SheetChange } from "./session";
import { asText } from "./text";

/**
 * The self-test: every Office.js operation the add-in relies on, run against the user's own Excel on a scratch
 * sheet with a free name, removed at the end whatever happened; nothing else in the workbook is touched (the
 * scratch sheet is not recorded in the metadata sheet). Each step is its own batch, so a step that Excel refuses
 * is reported with Excel's error and the steps after it are skipped. 16 syncs in all, whatever the scheme's size.
 */
export const STEPS = ["layout", "entries", "readBack", "events", "specials", "chart", "chartRemoved", "protection", "excelTotal", "cleanup"] as const;
export type StepId = (typeof STEPS)[number];

export interface StepResult {
  step: StepId;
  status: "passed" | "failed" | "skipped";
  /** Excel's error, or what differed. */
  detail: string | null;
}

/** The name the scratch sheet wants; `freeSheetName` adds (2), (3)… if the user has a sheet of that name. */
export const SCRATCH_SHEET = "StarScore_自检";

/** Text a user could type that Excel would parse if written naively: the self-test writes it and expects it back. */
const TRICKY_REASON = "-自检：未明示报修期限";

/** The entries the self-test writes: 90% on every item, the first not applicable, a note that looks like a formula. */
export function selfTestAssessment(scheme: Scheme): Assessment {
  const entries: Assessment["entries"] = {};
  scheme.items.forEach((item, i) => {
    entries[item.clause] = i === 0 ? { applicable: false, note: "=自检备注" } : { percent: "90%" };
  });
  return { scheme: scheme.id, role: "audit", entries };
}

/** How long the self-test waits for Excel's change event after its write. */
const EVENT_WITHIN_MS = 3000;

/** Excel's error as a tester should send it: its code, message and, where Office.js gives it, the failing call. */
function message(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const x = e as Error & { code?: string; debugInfo?: { errorLocation?: string } };
  const code = x.code !== undefined && !x.message.startsWith(x.code) ? `${x.code}: ` : "";
  const at = x.debugInfo?.errorLocation !== undefined && x.debugInfo.errorLocation !== "" ? ` (${x.debugInfo.errorLocation})` : "";
  return `${code}${x.message}${at}`;
}
const near = (a: number | null | undefined, b: number | null | undefined) => a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) < 0.005;

/** Runs the steps in order on a scratch sheet; `onStep` gets the results so far after each step, for the pane. */
export async function runSelfTest(run: Run, scheme: Scheme, onStep: (results: StepResult[]) => void = () => undefined): Promise<StepResult[]> {
  const plan = planSheet(scheme, "audit");
  const assessment = selfTestAssessment(scheme);
  const results: StepResult[] = [];
  let id: string | null = null;
  let named = false;
  const entry = { format: META_FORMAT, sheet: SCRATCH_SHEET, title: "", layout: plan.layout };
  let engineTotal: number | null = null;

  const step = async (name: StepId, body: () => Promise<string | null>) => {
    if (results.some((r) => r.status !== "passed")) {
      results.push({ step: name, status: "skipped", detail: null });
    } else {
      try {
        const problem = await body();
        results.push({ step: name, status: problem === null ? "passed" : "failed", detail: problem });
      } catch (e) {
        results.push({ step: name, status: "failed", detail: message(e) });
      }
    }
    onStep([...results]);
  };

  try {
    // 2 syncs: the sheets' names, then the whole form in one batch, protected, on a free name. The same batch
    // finds the row under the used range by range navigation, as a layout appends its metadata row.
    await step("layout", async () => {
      const [sheetId, used, next] = await run(async (context) => {
        const sheets = queueStateLoads(context);
        await context.sync();
        entry.sheet = freeSheetName(SCRATCH_SHEET, stateFrom(sheets).sheetNames);
        named = true;
        const sheet = queueSheet(context, plan, [], entry.sheet).load("id");
        const usedRange = sheet.getUsedRange(true).load("address");
        const below = sheet.getUsedRange(true).getLastRow().getCell(0, 0).getOffsetRange(1, 0).load("address");
        await context.sync();
        return [sheet.id, usedRange.address, below.address];
      });
      id = sheetId;
      const lastRow = Number(/([0-9]+)$/.exec(used)?.[1]);
      return Number(/([0-9]+)$/.exec(next)?.[1]) === lastRow + 1 ? null : `the row under the used range ${used} came out as ${next}`;
    });
    // 1 sync: the entries into the unlocked cells of the protected sheet.
    await step("entries", async () => {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(id ?? entry.sheet);
        for (const w of entryWrites(plan.layout, assessment)) ws.getRange(w.address).values = [[asText(w.value ?? "")]];
        await context.sync();
      });
      return null;
    });
    // 1 sync: read back live; the engine's score of what was read must be the score of what was written.
    await step("readBack", async () => {
      const live = await readLive(run, scheme, entry, id ?? entry.sheet);
      const want = scoreAssessment(scheme, assessment).total;
      return near(live.card.total, want) ? null : `read back ${live.card.total}, wrote ${want}`;
    });
    // 3 syncs: the one workbook-level change handler the pane uses, a write to an entry cell, the handler removed.
    // The event must name the scratch sheet by its id (and, from ExcelApi 1.14, say the add-in wrote it).
    await step("events", async () => {
      const seen: SheetChange[] = [];
      const unwatch = await watchWorkbook(run, (e) => seen.push(e));
      try {
        const row = plan.layout.items[1]?.row ?? plan.layout.firstItemRow;
        const column = plan.layout.entryColumns.note ?? plan.layout.entryColumns.percent ?? "A";
        await run(async (context) => {
          context.workbook.worksheets.getItem(id ?? entry.sheet).getRange(`${column}${row}`).values = [[asText("自检：变更事件")]];
          await context.sync();
        });
        for (let waited = 0; waited < EVENT_WITHIN_MS && !seen.some((e) => e.worksheetId === id); waited += 100) await new Promise((go) => setTimeout(go, 100));
      } finally {
        await unwatch();
      }
      const event = seen.find((e) => e.worksheetId === id);
      if (event === undefined) return `no change event for the scratch sheet within ${EVENT_WITHIN_MS / 1000} s (${seen.length} other)`;
      return event.triggerSource === undefined || event.triggerSource === "ThisLocalAddin" ? null : `triggerSource ${event.triggerSource}, expected ThisLocalAddin`;
    });
    // 2 syncs: a deduction whose reason starts with "-", and the bonus typed as "1分".
    await step("specials", async () => {
      await writeSpecials(run, entry, [{ clause: scheme.items[1]?.clause ?? "", reason: TRICKY_REASON }], { points: "1分", reason: "自检" }, id ?? entry.sheet);
      const live = await readLive(run, scheme, entry, id ?? entry.sheet);
      engineTotal = live.card.total;
      const reason = live.assessment.deductions?.[0]?.reason;
      if (reason !== TRICKY_REASON) return `deduction reason read back as ${JSON.stringify(reason)}`;
      return live.card.bonus === 1 ? null : `bonus read back as ${live.card.bonus}`;
    });
    // 2 syncs: the native radar chart, added over its table on the protected sheet.
    await step("chart", async () => {
      const added = await addRadarChart(run, scheme, entry, { subsection: "分项", share: "得分率", title: "自检" }, "zh", id ?? entry.sheet);
      return added === null ? "no radar for this scheme" : null;
    });
    // 1 sync: the chart found by name and removed (the sheet unprotected and protected again around it).
    await step("chartRemoved", async () => {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(id ?? entry.sheet);
        ws.protection.unprotect();
        ws.charts.getItem(RADAR_CHART_NAME).delete();
        ws.protection.protect(PROTECTION);
        await context.sync();
      });
      return null;
    });
    // 2 syncs: unprotect and read the state, protect and read it again.
    await step("protection", async () =>
      run(async (context) => {
        const p = context.workbook.worksheets.getItem(id ?? entry.sheet).protection;
        p.unprotect();
        p.load("protected");
        await context.sync();
        const off = p.protected;
        p.protect(PROTECTION);
        p.load("protected");
        await context.sync();
        return !off && p.protected ? null : `protected after unprotect: ${off}; after protect: ${p.protected}`;
      }),
    );
    // 1 sync: the total Excel computed from the sheet's own formulas, against the engine's.
    await step("excelTotal", async () => {
      const cell = plan.layout.results.total;
      if (cell === undefined) return "the form has no total cell";
      const excel = await run(async (context) => {
        const range = context.workbook.worksheets.getItem(id ?? entry.sheet).getRange(cell).load("values");
        await context.sync();
        return range.values[0]?.[0];
      });
      return typeof excel === "number" && near(excel, engineTotal) ? null : `Excel ${JSON.stringify(excel)}, engine ${engineTotal}`;
    });
  } finally {
    // 1 sync: the scratch sheet removed by its id, whatever happened before. If laying it out failed half-way
    // (an Office.js batch is not a transaction), 2: whether a sheet of the free name it took exists, then its removal.
    try {
      await run(async (context) => {
        const sheets = context.workbook.worksheets;
        if (id !== null) sheets.getItem(id).delete();
        else if (named) {
          const left = sheets.getItemOrNullObject(entry.sheet);
          await context.sync();
          if (!left.isNullObject) left.delete();
        }
        await context.sync();
      });
      results.push({ step: "cleanup", status: "passed", detail: null });
    } catch (e) {
      results.push({ step: "cleanup", status: "failed", detail: message(e) });
    }
    onStep([...results]);
  }
  return results;
}
