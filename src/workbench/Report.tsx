import { useRef, useState } from "react";
import { FILE_TIME_LIMIT_MS, MAX_FILE_BYTES, tooLarge } from "../review/refusals";
import { download, fileSafe, HTML, printHtml } from "./download";
import type { Lang, Strings } from "./i18n";
import { Lane, TaskFailed } from "./pool";
import { spawnWorker } from "./spawnWorker";
import type { ReportAnswer } from "./worker";

type Shown = { kind: "none" } | { kind: "reading"; name: string } | { kind: "report"; name: string; report: ReportAnswer };

/** #report: a scored workbook → the audit report, as `starscore report` makes it, printed to PDF by the browser. */
export function ReportSection({ t, lang }: { t: Strings; lang: Lang }) {
  const [shown, setShown] = useState<Shown>({ kind: "none" });
  const input = useRef<HTMLInputElement>(null);

  const read = async (file: File | undefined) => {
    if (file === undefined) return;
    setShown({ kind: "reading", name: file.name });
    const show = (report: ReportAnswer) => setShown({ kind: "report", name: file.name, report });
    if (file.size > MAX_FILE_BYTES) return show({ ok: false, reason: tooLarge(file.size) });
    const lane = new Lane(FILE_TIME_LIMIT_MS, spawnWorker);
    try {
      const a = await lane.run({ kind: "report", bytes: new Uint8Array(await file.arrayBuffer()), lang });
      if (a.kind === "report") show(a.report);
    } catch (e) {
      show({ ok: false, reason: e instanceof TaskFailed || e instanceof DOMException ? e.message : String(e) });
    } finally {
      lane.close();
    }
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
            void read(e.target.files?.[0]);
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
          <iframe className="report" title={t.reportTitle} srcDoc={r.html} data-testid="report-frame" />
        </>
      )}
    </section>
  );
}
