// The workbench's Web Worker: one file at a time, the same reader and rules as the CLI. `check` reads the file it is
// handed and runs checkBytes on it (as `starscore check`); `zip` a submission zip checked as the folder it holds (as `starscore check x.zip`); `report` scores a workbook and lays out its audit report (as `starscore report`). The page
// (pool.ts) stops a worker that takes longer than the time limit and starts a fresh one.
import type { Lang } from "../findings/language";
import { renderReportHtml } from "../report/html";
import { buildReport } from "../report/model";
import type { Expected } from "../review/expect";
import { unreadable, type FileCheck } from "../review/verdict";
import { bundledSchemes } from "../taskpane/schemes";
import { checkBytes } from "../xlsx/check";
import { checkSubmissionZip } from "../xlsx/checkSubmissionZip";
import type { MaterialsSource } from "../report/materials";
import type { SubmittedFile } from "../review/evidenceFiles";
import { WorkbookError } from "../xlsx/saved";
import { scoreXlsx, type SchemeSource } from "../xlsx/scoreWorkbook";
import { NoSelfAssessment, selfFromSubmission, selfFromWorkbook, selfFromZip, type SubmissionWorkbook } from "../xlsx/selfSubmission";
import { readSubmitted } from "./readFile";

/**
 * The applicant's self-assessment for the report's 证明材料清单, as the page was given it (`starscore report --self`):
 * a submission folder (its workbooks' bytes and every file's size and first bytes), a .zip, or the workbook alone
 * (its files then not known).
 */
export type SelfGiven =
  | { kind: "folder"; root: string; workbooks: SubmissionWorkbook[]; files: SubmittedFile[] }
  | { kind: "zip"; name: string; bytes: Uint8Array }
  | { kind: "workbook"; name: string; bytes: Uint8Array };

export type Task =
  | {
      kind: "check";
      /** The file's place in the run; `next`, the file this worker is given after it (read while this one is checked). */
      id: number;
      name: string;
      file: Blob;
      next?: { id: number; file: Blob };
      lang: Lang;
      expected?: Expected;
    }
  | { kind: "zip"; name: string; bytes: Uint8Array; lang: Lang; expected?: Expected }
  | { kind: "report"; bytes: Uint8Array; lang: Lang; self?: SelfGiven };

/**
 * The audit report of one workbook, or why there is none (the one line `starscore report` would print). `selfProblem`:
 * why the self-assessment given yields no evidence list (the report then says it was not supplied).
 */
export type ReportAnswer =
  | { ok: true; html: string; scheme: string; organisation: string | null; errors: number; selfProblem?: string }
  | { ok: false; reason: string; checklist?: string };

export type Answer = { kind: "check"; result: FileCheck } | { kind: "zip"; results: FileCheck[] } | { kind: "report"; report: ReportAnswer };

const schemes = new Map(bundledSchemes().map((s) => [s.id, s]));

/** The self-assessment given, as `starscore report --self` reads it. */
function selfOf(given: SelfGiven, source: SchemeSource): MaterialsSource {
  if (given.kind === "zip") return selfFromZip(given.name, given.bytes, source);
  if (given.kind === "folder") return selfFromSubmission(given.root, given.workbooks, given.files, source);
  return selfFromWorkbook(given.name, given.bytes, "", null, source);
}

function report(bytes: Uint8Array, lang: Lang, self: SelfGiven | undefined): ReportAnswer {
  try {
    const { scheme, assessment, card } = scoreXlsx(bytes, schemes);
    if (scheme.kind !== "points") return { ok: false, reason: "", checklist: scheme.id };
    let materials: MaterialsSource | null | undefined;
    let selfProblem: string | undefined;
    try {
      materials = self === undefined ? undefined : selfOf(self, schemes);
    } catch (e) {
      if (!(e instanceof NoSelfAssessment)) throw e;
      materials = null;
      selfProblem = e.message;
    }
    const model = buildReport(scheme, assessment, card, lang, materials);
    const errors = card.findings.filter((f) => f.severity === "error").length;
    return { ok: true, html: renderReportHtml(model, lang), scheme: scheme.id, organisation: model.organisation, errors, ...(selfProblem !== undefined ? { selfProblem } : {}) };
  } catch (e) {
    if (e instanceof WorkbookError) return { ok: false, reason: e.message };
    throw e;
  }
}

/**
 * The file this worker was told comes next, being read while it checks the current one: reading a chosen file goes
 * through the browser process (a few milliseconds a file), which then overlaps the check instead of preceding it.
 */
let ahead: { id: number; bytes: Promise<Uint8Array | string> } | null = null;

async function answer(task: Task): Promise<Answer> {
  switch (task.kind) {
    case "check": {
      const reading = ahead?.id === task.id ? ahead.bytes : readSubmitted(task.file);
      ahead = task.next === undefined ? null : { id: task.next.id, bytes: readSubmitted(task.next.file) };
      const bytes = await reading;
      return { kind: "check", result: typeof bytes === "string" ? unreadable(task.name, bytes) : checkBytes(task.name, bytes, schemes, task.lang, task.expected) };
    }
    case "zip":
      return { kind: "zip", results: checkSubmissionZip(task.name, task.bytes, schemes, task.lang, task.expected) };
    case "report":
      return { kind: "report", report: report(task.bytes, task.lang, task.self) };
  }
}

self.onmessage = async (event: MessageEvent<Task>) => {
  self.postMessage(await answer(event.data));
};
