import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import { scoreAssessment } from "../scoring/scoreAssessment";
import { clauseAt } from "../sheets/clauseAt";
import { entryWrites } from "../sheets/fill";
import { META_FORMAT, type MetaEntry } from "../sheets/meta";
import { planSheet } from "../sheets/plan";
import type { SheetPlan } from "../sheets/types";
import { addRadarChart, RADAR_CHART_NAME } from "./chart";
import { freeSheetName, PROTECTION, queueSheet, queueStateLoads, stateFrom } from "./layout";
import { keptEntries, readLive, selectCell, watchWorkbook, writeSpecials, type Run, type SheetCalculated, type SheetChange, type SheetSelection } from "./session";
import { asText } from "./text";
import { writeRowEntries } from "./writeRow";

/**
 * The self-test: every Office.js operation the add-in relies on, run against the user's own Excel on scratch
 * sheets with free names, removed at the end whatever happened; the scratch sheets are not recorded in the metadata
 * sheet. Each step is its own batch (or few) and checks its outcome by reading it back from Excel, so a step that
 * Excel refuses, or accepts and does not do, is reported with what was found; the steps after a failure are
 * skipped. What it changes beyond its scratch sheets: the sheet shown (put back at the end) and, since protecting,
 * unprotecting and deleting a sheet cannot be undone, Excel's undo history, which it clears. Its syncs do not
 * depend on the scheme's size.
 */
export const STEPS = [
  "layout",
  "entries",
  "readBack",
  "selection",
  "events",
  "dropdown",
  "rowEntries",
  "specials",
  "relayout",
  "chart",
  "chartRemoved",
  "protection",
  "excelTotal",
  "dialog",
  "cleanup",
] as const;
export type StepId = (typeof STEPS)[number];

export interface StepResult {
  step: StepId;
  status: "passed" | "failed" | "skipped";
  /** Excel's error, or what differed. */
  detail: string | null;
  /** For a failed cleanup: the scratch sheets still in the workbook, for the pane to say how to remove them. */
  left?: string[];
}

/** The name the scratch sheets want; `freeSheetName` adds (2), (3)… if the user has a sheet of that name. */
export const SCRATCH_SHEET = "StarScore_自检";

/** Text a user could type that Excel would parse if written naively: the self-test writes it and expects it back. */
const TRICKY_REASON = "-自检：未明示报修期限";
const TRICKY_NOTE = "=自检备注";
const ROW_REMARK = "+自检：删减理由";

/** The entries the self-test writes: 90% on every item, the first not applicable, a note that looks like a formula. */
export function selfTestAssessment(scheme: Scheme): Assessment {
  const entries: Assessment["entries"] = {};
  scheme.items.forEach((item, i) => {
    entries[item.clause] = i === 0 ? { applicable: false, note: TRICKY_NOTE } : { percent: "90%" };
  });
  return { scheme: scheme.id, role: "audit", entries };
}

/** How long the self-test waits for an event Excel raises after a batch. */
const EVENT_WITHIN_MS = 3000;

/**
 * Opens the report dialog with a small page, waits until it says it shows it, and closes it: the pane's part of the
 * self-test (the dialog is Office's, not Excel's). null where this Office has no dialog API to try.
 */
export type DialogProbe = (() => Promise<void>) | null;

/** Excel's error as a tester should send it: its code, message and, where Office.js gives it, the failing call. */
function message(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const x = e as Error & { code?: string; debugInfo?: { errorLocation?: string } };
  const code = x.code !== undefined && !x.message.startsWith(x.code) ? `${x.code}: ` : "";
  const at = x.debugInfo?.errorLocation !== undefined && x.debugInfo.errorLocation !== "" ? ` (${x.debugInfo.errorLocation})` : "";
  return `${code}${x.message}${at}`;
}
const near = (a: number | null | undefined, b: number | null | undefined) => a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) < 0.005;
const shown = (v: unknown) => JSON.stringify(v);

/** Waits until `seen` holds what `wanted` looks for, or the time is up. */
async function eventually<T>(seen: readonly T[], wanted: (e: T) => boolean): Promise<T | undefined> {
  for (let waited = 0; waited < EVENT_WITHIN_MS && !seen.some(wanted); waited += 50) await new Promise((go) => setTimeout(go, 50));
  return seen.find(wanted);
}

/** The first cell of the plan whose formula or constant Excel gave back differently (formulas read as Excel shows them), or null. */
function firstDifference(plan: SheetPlan, formulas: readonly (readonly unknown[])[]): string | null {
  for (const [r, row] of plan.rows.entries()) {
    for (const [c, cell] of row.cells.entries()) {
      if (cell === null) continue;
      const want = cell.formula ?? cell.value ?? "";
      const got = formulas[r]?.[c] ?? "";
      if (want !== got) return `${String.fromCharCode(65 + c)}${r + 1}: ${shown(got)}, laid out ${shown(want)}`;
    }
  }
  return null;
}

/** Whether a sheet's protection is on, with the options it was given: a problem, or null. */
async function protectionProblem(run: Run, key: string, options: Excel.WorksheetProtectionOptions): Promise<string | null> {
  return run(async (context) => {
    const p = context.workbook.worksheets.getItem(key).protection.load("protected,options");
    await context.sync();
    if (!p.protected) return "the sheet is not protected";
    const differs = Object.entries(options).filter(([k, v]) => (p.options as Record<string, unknown>)[k] !== v);
    return differs.length === 0 ? null : `protection options ${shown(p.options)}, expected ${shown(options)}`;
  });
}

/** Runs the steps in order on scratch sheets; `onStep` gets the results so far after each step, for the pane. */
export async function runSelfTest(run: Run, scheme: Scheme, onStep: (results: StepResult[]) => void = () => undefined, dialog: DialogProbe = null): Promise<StepResult[]> {
  const plan = planSheet(scheme, "audit");
  const assessment = selfTestAssessment(scheme);
  const results: StepResult[] = [];
  /** Every scratch sheet made: its name, and its id once Excel gave it (null if its batch failed half-way). */
  const scratch: { id: string | null; name: string }[] = [];
  let taken: string[] = [];
  let shownBefore: string | null = null;
  const entry: MetaEntry = { format: META_FORMAT, sheet: SCRATCH_SHEET, title: "", layout: plan.layout };
  let id = "";
  let engineTotal: number | null = null;

  const step = async (name: StepId, body: () => Promise<string | null>) => {
    if (results.some((r) => r.status === "failed")) {
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

  /** Lays out `p` on a new scratch sheet with a free name: 1 sync. Returns its id. */
  const scratchSheet = async (p: SheetPlan, fill: Parameters<typeof queueSheet>[2]): Promise<string> => {
    const name = freeSheetName(SCRATCH_SHEET, taken);
    taken = [...taken, name];
    const made = { id: null as string | null, name };
    scratch.push(made);
    return run(async (context) => {
      const sheet = queueSheet(context, p, fill, name).load("id");
      await context.sync();
      made.id = sheet.id;
      return sheet.id;
    });
  };

  try {
    // 4 syncs: the sheets' names and the sheet shown; the whole form in one batch, protected, on a free name; read
    // back, every formula and constant of the plan, and the protection with its options.
    await step("layout", async () => {
      const state = await run(async (context) => {
        const sheets = queueStateLoads(context);
        const active = context.workbook.worksheets.getActiveWorksheet().load("id");
        await context.sync();
        return { names: stateFrom(sheets).sheetNames, active: active.id };
      });
      taken = state.names;
      shownBefore = state.active;
      id = await scratchSheet(plan, []);
      entry.sheet = scratch[0]?.name ?? SCRATCH_SHEET;
      const formulas = await run(async (context) => {
        const area = context.workbook.worksheets.getItem(id).getRange(`A1:${String.fromCharCode(64 + plan.columns.length)}${plan.rows.length}`).load("formulas");
        await context.sync();
        return area.formulas;
      });
      return firstDifference(plan, formulas) ?? (await protectionProblem(run, id, PROTECTION));
    });
    // 2 syncs: the entries into the unlocked cells of the protected sheet, then each read back as written.
    await step("entries", async () => {
      const writes = entryWrites(plan, assessment);
      const values = await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(id);
        for (const w of writes) ws.getRange(w.address).values = [[asText(w.value ?? "")]];
        await context.sync();
        const ranges = writes.map((w) => ws.getRange(w.address).load("values"));
        await context.sync();
        return ranges.map((r) => r.values[0]?.[0]);
      });
      const i = writes.findIndex((w, k) => values[k] !== (w.value ?? ""));
      return i < 0 ? null : `${writes[i]?.address} read back as ${shown(values[i])}, written ${shown(writes[i]?.value)}`;
    });
    // 1 sync: read back live; the engine's score of what was read must be the score of what was written, and the
    // note that looks like a formula must be the note as typed.
    await step("readBack", async () => {
      const live = await readLive(run, scheme, entry, id);
      const want = scoreAssessment(scheme, assessment).total;
      const first = scheme.items[0]?.clause ?? "";
      const note = live.assessment.entries[first]?.note;
      if (note !== TRICKY_NOTE) return `the note of ${first} read back as ${shown(note)}, written ${shown(TRICKY_NOTE)}`;
      return near(live.card.total, want) ? null : `read back ${live.card.total}, wrote ${want}`;
    });
    // 4 syncs: the one selection handler the pane uses; a finding's cell selected as the pane selects it; the
    // selection read back and the event's address mapped to its clause; the handler removed.
    await step("selection", async () => {
      const item = plan.layout.items[2] ?? plan.layout.items[0];
      const cell = `${plan.layout.entryColumns.percent ?? "A"}${item?.row ?? plan.layout.firstItemRow}`;
      const seen: SheetSelection[] = [];
      const unwatch = await watchWorkbook(run, { onSelect: (e) => seen.push(e) });
      let address: string;
      try {
        await selectCell(run, entry.sheet, cell);
        address = await run(async (context) => {
          const range = context.workbook.getSelectedRange().load("address");
          await context.sync();
          return range.address;
        });
        await eventually(seen, (e) => e.worksheetId === id);
      } finally {
        await unwatch();
      }
      if (address.slice(address.lastIndexOf("!") + 1) !== cell) return `selected ${cell}, Excel has ${address} selected`;
      const event = seen.find((e) => e.worksheetId === id);
      if (event === undefined) return `no selection event for the scratch sheet within ${EVENT_WITHIN_MS / 1000} s`;
      const clause = clauseAt(plan.layout, event.address);
      return clause === item?.clause ? null : `the selection event's ${event.address} gives clause ${shown(clause)}, expected ${item?.clause}`;
    });
    // 3 syncs: the one workbook-level change handler the pane uses, a write to an entry cell, the handler removed.
    // The event must name the scratch sheet by its id (and, from ExcelApi 1.14, say the add-in wrote it).
    await step("events", async () => {
      const seen: SheetChange[] = [];
      const unwatch = await watchWorkbook(run, { onChange: (e) => seen.push(e) });
      try {
        const row = plan.layout.items[1]?.row ?? plan.layout.firstItemRow;
        const column = plan.layout.entryColumns.note ?? plan.layout.entryColumns.percent ?? "A";
        await run(async (context) => {
          context.workbook.worksheets.getItem(id).getRange(`${column}${row}`).values = [[asText("自检：变更事件")]];
          await context.sync();
        });
        await eventually(seen, (e) => e.worksheetId === id);
      } finally {
        await unwatch();
      }
      const event = seen.find((e) => e.worksheetId === id);
      if (event === undefined) return `no change event for the scratch sheet within ${EVENT_WITHIN_MS / 1000} s (${seen.length} other)`;
      return event.triggerSource === undefined || event.triggerSource === "ThisLocalAddin" ? null : `triggerSource ${event.triggerSource}, expected ThisLocalAddin`;
    });
    // 5 syncs: a self-assessment form on a second scratch sheet, the calculation handler the pane falls back on
    // (Excel on the web raises no change event for a dropdown pick, OfficeDev/office-js#4066), a value of the
    // conclusion dropdown written, the calculation event awaited, the live total read back, the handler removed.
    await step("dropdown", async () => {
      const selfPlan = planSheet(scheme, "self");
      const conclusion = selfPlan.layout.entryColumns.conclusion;
      const first = selfPlan.layout.items.find((i) => (scheme.byClause.get(i.clause)?.max ?? 0) > 0);
      const list = selfPlan.validations.find((v) => v.rule.kind === "list" && v.range.startsWith(conclusion ?? "?"));
      const pick = list?.rule.kind === "list" ? list.rule.values[0] : undefined;
      if (conclusion === undefined || first === undefined || pick === undefined) return "the self-assessment form has no conclusion dropdown";
      const selfId = await scratchSheet(selfPlan, []);
      const selfEntry: MetaEntry = { format: META_FORMAT, sheet: scratch[scratch.length - 1]?.name ?? "", title: "", layout: selfPlan.layout };
      const seen: SheetCalculated[] = [];
      const unwatch = await watchWorkbook(run, { onCalculated: (e) => seen.push(e) });
      try {
        await run(async (context) => {
          context.workbook.worksheets.getItem(selfId).getRange(`${conclusion}${first.row}`).values = [[asText(pick)]];
          await context.sync();
        });
        await eventually(seen, (e) => e.worksheetId === selfId);
      } finally {
        await unwatch();
      }
      if (!seen.some((e) => e.worksheetId === selfId)) return `no calculation event for the self-assessment form within ${EVENT_WITHIN_MS / 1000} s`;
      const live = await readLive(run, scheme, selfEntry, selfId);
      const got = live.assessment.entries[first.clause]?.conclusion;
      return got === pick ? null : `the conclusion of ${first.clause} read back as ${shown(got)}, picked ${shown(pick)}`;
    });
    // 2 syncs: one item's remark (and sample counts, where the form has them) written as the 样本/删减 tab writes
    // them, read back live.
    await step("rowEntries", async () => {
      const clause = scheme.items[3]?.clause ?? scheme.items[0]?.clause ?? "";
      await writeRowEntries(run, entry, clause, { checked: 10, nonconforming: 2, reason: ROW_REMARK }, id);
      const live = await readLive(run, scheme, entry, id);
      const e = live.assessment.entries[clause];
      const remark = e?.note ?? e?.evidence;
      if (remark !== ROW_REMARK) return `the remark of ${clause} read back as ${shown(remark)}, written ${shown(ROW_REMARK)}`;
      if (plan.layout.entryColumns.checked === undefined) return null;
      return e?.samples?.checked === 10 && e.samples.nonconforming === 2 ? null : `samples of ${clause} read back as ${shown(e?.samples)}`;
    });
    // 2 syncs: a deduction whose reason starts with "-", and the bonus typed as "1分", read back live.
    await step("specials", async () => {
      await writeSpecials(run, entry, [{ clause: scheme.items[1]?.clause ?? "", reason: TRICKY_REASON }], { points: "1分", reason: "自检" }, id);
      const live = await readLive(run, scheme, entry, id);
      engineTotal = live.card.total;
      const reason = live.assessment.deductions?.[0]?.reason;
      if (reason !== TRICKY_REASON) return `deduction reason read back as ${shown(reason)}`;
      return live.card.bonus === 1 ? null : `bonus read back as ${live.card.bonus}`;
    });
    // 4 syncs: the scratch form read, laid out again (as 按当前方案重新布局 does, without recording it) keeping every
    // entry by clause id in 2, and the new one read: both alike.
    await step("relayout", async () => {
      const before = await readLive(run, scheme, entry, id);
      const name = freeSheetName(SCRATCH_SHEET, taken);
      taken = [...taken, name];
      const made = { id: null as string | null, name };
      scratch.push(made);
      const againId = await run(async (context) => {
        const kept = await keptEntries(context, scheme, entry, id);
        const sheet = queueSheet(context, plan, entryWrites(plan, kept), name).load("id");
        await context.sync();
        made.id = sheet.id;
        return sheet.id;
      });
      const after = await readLive(run, scheme, { ...entry, sheet: name }, againId);
      const lost = Object.keys(before.assessment.entries).find((c) => shown(before.assessment.entries[c]) !== shown(after.assessment.entries[c]));
      if (lost !== undefined) return `${lost} laid out again as ${shown(after.assessment.entries[lost])}, was ${shown(before.assessment.entries[lost])}`;
      return shown(after.assessment.deductions) === shown(before.assessment.deductions) ? null : `deductions laid out again as ${shown(after.assessment.deductions)}`;
    });
    // 4 syncs (2 to add, 2 to check): the native radar chart over its table on the protected sheet; read back, the
    // chart is there and the sheet is protected again with its options.
    await step("chart", async () => {
      const added = await addRadarChart(run, scheme, entry, { subsection: "分项", share: "得分率", title: "自检" }, "zh", id);
      if (added === null) return "no radar for this scheme";
      const present = await run(async (context) => {
        const chart = context.workbook.worksheets.getItem(id).charts.getItemOrNullObject(RADAR_CHART_NAME);
        await context.sync();
        return !chart.isNullObject;
      });
      if (!present) return `no chart named ${RADAR_CHART_NAME} after adding it`;
      return protectionProblem(run, id, PROTECTION);
    });
    // 3 syncs: the chart found by name and removed (the sheet unprotected and protected again around it); read
    // back, it is gone and the sheet protected.
    await step("chartRemoved", async () => {
      const gone = await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(id);
        ws.protection.unprotect();
        ws.charts.getItem(RADAR_CHART_NAME).delete();
        ws.protection.protect(PROTECTION);
        await context.sync();
        const chart = ws.charts.getItemOrNullObject(RADAR_CHART_NAME);
        await context.sync();
        return chart.isNullObject;
      });
      return gone ? (await protectionProblem(run, id, PROTECTION)) : `the chart ${RADAR_CHART_NAME} is still there`;
    });
    // 2 syncs: unprotect and read the state, protect and read it again.
    await step("protection", async () =>
      run(async (context) => {
        const p = context.workbook.worksheets.getItem(id).protection;
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
        const range = context.workbook.worksheets.getItem(id).getRange(cell).load("values");
        await context.sync();
        return range.values[0]?.[0];
      });
      return typeof excel === "number" && near(excel, engineTotal) ? null : `Excel ${shown(excel)}, engine ${engineTotal}`;
    });
    // No sync: the report dialog opened, shown and closed, where this Office has the dialog API.
    if (dialog === null) {
      results.push({ step: "dialog", status: "skipped", detail: "DialogApi 1.2" });
      onStep([...results]);
    } else {
      await step("dialog", async () => {
        await dialog();
        return null;
      });
    }
  } finally {
    results.push(await cleanup(run, scratch, shownBefore));
    onStep([...results]);
  }
  return results;
}

/**
 * Removes every scratch sheet, whatever happened before, and shows the sheet the user had open: 3 syncs. The first
 * finds the sheet shown before (the user may have deleted it meanwhile) and any scratch sheet whose id is unknown
 * because its layout failed half-way; the second activates and deletes; the third reads back that each is gone. A
 * failed cleanup names the sheets left, for the pane to say how to remove them.
 */
async function cleanup(run: Run, scratch: readonly { id: string | null; name: string }[], shownBefore: string | null): Promise<StepResult> {
  try {
    const left = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const unknown = scratch.filter((s) => s.id === null).map((s) => sheets.getItemOrNullObject(s.name).load("id"));
      const back = shownBefore === null ? null : sheets.getItemOrNullObject(shownBefore);
      await context.sync();
      const ids = [...scratch.flatMap((s) => (s.id === null ? [] : [s.id])), ...unknown.flatMap((found) => (found.isNullObject ? [] : [found.id]))];
      if (back !== null && !back.isNullObject && shownBefore !== null && !ids.includes(shownBefore)) back.activate();
      for (const id of ids) sheets.getItem(id).delete();
      await context.sync();
      const after = ids.map((id) => sheets.getItemOrNullObject(id).load("name"));
      await context.sync();
      return after.filter((s) => !s.isNullObject).map((s) => s.name);
    });
    return left.length === 0 ? { step: "cleanup", status: "passed", detail: null } : { step: "cleanup", status: "failed", detail: `left: ${left.join(", ")}`, left };
  } catch (e) {
    return { step: "cleanup", status: "failed", detail: message(e), left: scratch.map((s) => s.name) };
  }
}
