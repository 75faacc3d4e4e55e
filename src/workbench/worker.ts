// The workbench's Web Worker: one file at a time, the same reader and rules as the CLI. `check` is checkBytes (as
// `starscore check`); `report` scores a workbook and lays out its audit report (as `starscore report`). The page
// (pool.ts) stops a worker that takes longer than the time limit and starts a fresh one.
import type { Lang } from "../findings/language";
import { renderReportHtml } from "../report/html";
import { buildReport } from "../report/model";
import type { Expected } from "../review/expect";
import type { FileCheck } from "../review/verdict";
import { bundledSchemes } from "../taskpane/schemes";
import { checkBytes } from "../xlsx/check";
import { WorkbookError } from "../xlsx/saved";
import { scoreXlsx } from "../xlsx/scoreWorkbook";

export type Task = { kind: "check"; name: string; bytes: Uint8Array; lang: Lang; expected?: Expected } | { kind: "report"; bytes: Uint8Array; lang: Lang };

/** The audit report of one workbook, or why there is none (the one line `starscore report` would print). */
export type ReportAnswer = { ok: true; html: string; scheme: string; organisation: string | null; errors: number } | { ok: false; reason: string; checklist?: string };

export type Answer = { kind: "check"; result: FileCheck } | { kind: "report"; report: ReportAnswer };

const schemes = new Map(bundledSchemes().map((s) => [s.id, s]));

function report(bytes: Uint8Array, lang: Lang): ReportAnswer {
  try {
    const { scheme, assessment, card } = scoreXlsx(bytes, schemes);
    if (scheme.kind !== "points") return { ok: false, reason: "", checklist: scheme.id };
    const model = buildReport(scheme, assessment, card, lang);
    return { ok: true, html: renderReportHtml(model, lang), scheme: scheme.id, organisation: model.organisation, errors: card.findings.filter((f) => f.severity === "error").length };
  } catch (e) {
    if (e instanceof WorkbookError) return { ok: false, reason: e.message };
    throw e;
  }
}

function answer(task: Task): Answer {
  return task.kind === "check" ? { kind: "check", result: checkBytes(task.name, task.bytes, schemes, task.lang, task.expected) } : { kind: "report", report: report(task.bytes, task.lang) };
}

self.onmessage = (event: MessageEvent<Task>) => {
  self.postMessage(answer(event.data));
};
