import { useRef, useState } from "react";
import { HEAD_BYTES } from "../review/evidenceFiles";
import { FILE_TIME_LIMIT_MS, MAX_FILE_BYTES, MAX_ZIP_BYTES, tooLarge } from "../review/refusals";
import { isSubmission } from "../review/submissions";
import { download, fileSafe, HTML, printHtml } from "./download";
import { FolderInput } from "./FolderInput";
import type { Lang, Strings } from "./i18n";
import { Lane, TaskFailed } from "./pool";
import { spawnWorker } from "./spawnWorker";
import type { ReportAnswer, SelfGiven } from "./worker";

type Shown = { kind: "none" } | { kind: "reading"; name: string } | { kind: "report"; name: string; report: ReportAnswer };

/** The most files of a submission folder listed (as the CLI's listing): far more than any submission holds. */
const MAX_FILES = 20_000;
/**
 * A submission folder chosen with <input webkitdirectory>: every file's path from the folder, size and first bytes
 * (what review/evidenceFiles.ts resolves names against), and the bytes of its workbooks (one is the self-assessment).
 */
async function folderGiven(files: readonly File[]): Promise<SelfGiven> {
  const rel = (f: File) => (f.webkitRelativePath || f.name).split("/").slice(1).join("/") || f.name;
  const root = (files[0]?.webkitRelativePath ?? "").split("/")[0] || "提交";
  const listed = files.slice(0, MAX_FILES);
  return {
    kind: "folder",
    root,
    files: await Promise.all(listed.map(async (f) => ({ path: rel(f), size: f.size, head: new Uint8Array(await f.slice(0, HEAD_BYTES).arrayBuffer()) }))),
    workbooks: await Promise.all(listed.filter((f) => isSubmission(f.name) && f.size <= MAX_FILE_BYTES).map(async (f) => ({ path: rel(f), bytes: new Uint8Array(await f.arrayBuffer()) }))),
  };
}

/** A self-assessment workbook or a submission .zip chosen as a file. */
async function fileGiven(f: File): Promise<SelfGiven> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  return /\.zip$/i.test(f.name) ? { kind: "zip", name: f.name, bytes } : { kind: "workbook", name: f.name, bytes };
}

/**
 * #report: a scored workbook → the audit report, as `starscore report` makes it, printed to PDF by the browser.
 * The applicant's submission (a folder, a .zip, or the self-assessment alone) gives the appendix's 证明材料清单, as
 * `starscore report --self` does.
 */
export function ReportSection({ t, lang }: { t: Strings; lang: Lang }) {
  const [shown, setShown] = useState<Shown>({ kind: "none" });
  const [workbook, setWorkbook] = useState<File | null>(null);
  const [self, setSelf] = useState<{ name: string; given: SelfGiven } | null>(null);
  const [selfRefused, setSelfRefused] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const selfFile = useRef<HTMLInputElement>(null);
  const selfFolder = useRef<HTMLInputElement | null>(null);

  const read = async (file: File | null, given: SelfGiven | undefined) => {
    if (file === null) return;
    setShown({ kind: "reading", name: file.name });
    const show = (report: ReportAnswer) => setShown({ kind: "report", name: file.name, report });
    if (file.size > MAX_FILE_BYTES) return show({ ok: false, reason: tooLarge(file.size) });
    const lane = new Lane(FILE_TIME_LIMIT_MS, spawnWorker);
    try {
      const a = await lane.run({ kind: "report", bytes: new Uint8Array(await file.arrayBuffer()), lang, ...(given !== undefined ? { self: given } : {}) });
      if (a.kind === "report") show(a.report);
    } catch (e) {
      show({ ok: false, reason: e instanceof TaskFailed || e instanceof DOMException ? e.message : String(e) });
    } finally {
      lane.close();
    }
  };

  const chooseSelf = async (name: string, make: () => Promise<SelfGiven>) => {
    const given = await make();
    setSelf({ name, given });
    await read(workbook, given);
  };

  const r = shown.kind === "report" ? shown.report : null;
  return (
    <section aria-labelledby="report">
      <h1 id="report">{t.reportTitle}</h1>
      <p>{t.reportIntro}</p>
      <p className="buttons">
        <button type="button" onClick={() => input.current?.click()} disabled={shown.kind === "reading"}>
          {t.chooseWorkbook}
        </button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm"
          hidden
          data-testid="report-file"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setWorkbook(f);
            void read(f, self?.given);
            e.target.value = "";
          }}
        />
        {r?.ok === true && (
          <>
            <button type="button" data-testid="print" onClick={() => printHtml(r.html)}>
              {t.print}
            </button>
            <button type="button" data-testid="report-html" onClick={() => download(`${fileSafe(shown.kind === "report" ? shown.name.replace(/\.[^.]+$/, "") : "")}-report.html`, r.html, HTML)}>
              {t.reportHtml}
            </button>
          </>
        )}
      </p>
      <p className="buttons">
        <span>{t.selfIntro}</span>
        <button type="button" onClick={() => selfFolder.current?.click()} disabled={shown.kind === "reading"}>
          {t.chooseSubmissionFolder}
        </button>
        <button type="button" onClick={() => selfFile.current?.click()} disabled={shown.kind === "reading"}>
          {t.chooseSelfFile}
        </button>
        <FolderInput
          inputRef={selfFolder}
          testId="report-self-folder"
          onFiles={(files) => {
            if (files.length > 0) void chooseSelf((files[0]?.webkitRelativePath ?? "").split("/")[0] ?? "", () => folderGiven(files));
          }}
        />
        <input
          ref={selfFile}
          type="file"
          accept=".xlsx,.xlsm,.zip"
          hidden
          data-testid="report-self-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            const cap = f !== undefined && /\.zip$/i.test(f.name) ? MAX_ZIP_BYTES : MAX_FILE_BYTES;
            setSelfRefused(f !== undefined && f.size > cap ? `${f.name}: ${tooLarge(f.size)}` : null);
            if (f !== undefined && f.size <= cap) void chooseSelf(f.name, () => fileGiven(f));
            e.target.value = "";
          }}
        />
        {self !== null && <span data-testid="report-self-name">{t.selfChosen(self.name)}</span>}
      </p>
      {selfRefused !== null && <p role="alert">{selfRefused}</p>}
      {shown.kind === "reading" && <p role="status">{t.reading}</p>}
      {r?.ok === false && (
        <p role="alert" data-testid="report-refused">
          {shown.kind === "report" ? `${shown.name}: ` : ""}
          {r.checklist !== undefined ? t.notPoints(r.checklist) : r.reason}
        </p>
      )}
      {r?.ok === true && (
        <>
          {r.errors > 0 && <p role="alert">{t.reportErrors(r.errors)}</p>}
          {r.selfProblem !== undefined && (
            <p role="alert" data-testid="report-self-problem">
              {r.selfProblem}
            </p>
          )}
          <iframe className="report" title={t.reportTitle} srcDoc={r.html} data-testid="report-frame" />
        </>
      )}
    </section>
  );
}
