import { Fragment, useRef, useState, type DragEvent } from "react";
import { checkCsv, checkHtml, checkJson, checkSummary, ordered } from "../review/checkReport";
import { FILE_TIME_LIMIT_MS } from "../review/refusals";
import type { FileCheck } from "../review/verdict";
import type { Scheme } from "../scheme/load";
import { RoleSchema, type Role } from "../scheme/roles";
import { CSV, download, HTML, JSON_TYPE } from "./download";
import { Head } from "./Head";
import type { Lang, Strings } from "./i18n";
import { checkSubmissions } from "./pool";
import { spawnWorker } from "./spawnWorker";
import { chosenFiles, chosenFolder, directoryPicker, dropped, pickedFolder, submissions, type Handed } from "./walk";

type Phase =
  | { kind: "idle" }
  | { kind: "walking" }
  | { kind: "empty" }
  | { kind: "checking"; done: number; total: number }
  | { kind: "done"; results: FileCheck[]; stopped: boolean; lang: Lang };

/** Web Workers for a run: one per core the browser reports, at most 8 (each holds one file). */
const workerCount = () => Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));

/** The report's timestamp, as `check --html` writes it. */
const generated = () => new Date().toISOString().slice(0, 16).replace("T", " ");

const baseName = (file: string) => file.slice(file.lastIndexOf("/") + 1);
const isRole = (role: string | null): role is Role => RoleSchema.safeParse(role).success;

/** What a reviewer reads first about a file: why it cannot be read, else its first error, else its first finding. */
function mainReason(r: FileCheck, t: Strings): string {
  if (r.reason !== null) return r.reason;
  const first = r.findings.find((f) => f.severity === "error") ?? r.findings[0];
  return first?.message ?? t.noIssues;
}

/** #check: the reviewers' check of a batch of submissions, in Web Workers on this machine. */
export function CheckSection({ t, lang }: { t: Strings; lang: Lang; schemes: readonly Scheme[] }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [open, setOpen] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const stop = useRef(false);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement | null>(null);
  const busy = phase.kind === "walking" || phase.kind === "checking";

  const start = async (handed: Handed[]) => {
    if (busy || handed.length === 0) return;
    setOpen(null);
    setPhase({ kind: "walking" });
    const subs = await submissions(handed);
    if (subs.length === 0) {
      setPhase({ kind: "empty" });
      return;
    }
    stop.current = false;
    const runLang = lang;
    const results = await checkSubmissions(subs, {
      lang: runLang,
      workers: workerCount(),
      limitMs: FILE_TIME_LIMIT_MS,
      onProgress: (done, total) => setPhase({ kind: "checking", done, total }),
      stopped: () => stop.current,
      spawn: spawnWorker,
    });
    const checked = results.filter((r): r is FileCheck => r !== undefined);
    setPhase({ kind: "done", results: checked, stopped: checked.length < subs.length, lang: runLang });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void start(dropped(e.dataTransfer));
  };
  const picker = directoryPicker();

  return (
    <section aria-labelledby="check">
      <h1 id="check">{t.checkTitle}</h1>
      <p>{t.checkIntro}</p>
      <div
        className={`drop${over ? " over" : ""}`}
        data-testid="drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t.dropHere}</p>
        <div className="buttons">
          <button type="button" disabled={busy} onClick={() => files.current?.click()}>
            {t.chooseFiles}
          </button>
          <button type="button" disabled={busy} onClick={() => (picker !== undefined ? void picker().then((h) => start([pickedFolder(h)]), (e: unknown) => (e instanceof DOMException && e.name === "AbortError" ? undefined : folder.current?.click())) : folder.current?.click())}>
            {t.chooseFolder}
          </button>
        </div>
        <input
          ref={files}
          type="file"
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
          hidden
          data-testid="files"
          onChange={(e) => {
            void start(chosenFiles(Array.from(e.target.files ?? [])));
            e.target.value = "";
          }}
        />
        <input
          ref={(el) => {
            folder.current = el;
            // React knows no webkitdirectory prop; the attribute is what Chromium, Edge and Firefox read.
            el?.setAttribute("webkitdirectory", "");
          }}
          type="file"
          hidden
          data-testid="folder"
          onChange={(e) => {
            void start(chosenFolder(Array.from(e.target.files ?? [])));
            e.target.value = "";
          }}
        />
      </div>

      {phase.kind === "walking" && <p role="status">{t.walking}</p>}
      {phase.kind === "empty" && <p role="status">{t.nothing}</p>}
      {phase.kind === "checking" && (
        <div role="status" className="progress">
          <progress max={phase.total} value={phase.done} />
          <span data-testid="progress">{t.checking(phase.done, phase.total)}</span>
          <button type="button" onClick={() => (stop.current = true)}>
            {t.stop}
          </button>
        </div>
      )}
      {phase.kind === "done" && <Results t={t} results={phase.results} lang={phase.lang} stopped={phase.stopped} open={open} setOpen={setOpen} />}
    </section>
  );
}

function Results({ t, results, lang, stopped, open, setOpen }: { t: Strings; results: FileCheck[]; lang: Lang; stopped: boolean; open: string | null; setOpen: (file: string | null) => void }) {
  return (
    <div className="results">
      <p className="summary" data-testid="summary" role="status">
        {checkSummary(results, lang)}
      </p>
      {stopped && <p role="alert">{t.stopped}</p>}
      <p className="buttons">
        {t.downloads}
        <button type="button" data-testid="csv" onClick={() => download("starscore-check.csv", checkCsv(results), CSV)}>
          {t.csv}
        </button>
        <button type="button" data-testid="json" onClick={() => download("starscore-check.json", checkJson(results), JSON_TYPE)}>
          {t.json}
        </button>
        <button type="button" data-testid="html" onClick={() => download("starscore-check.html", checkHtml(results, generated()), HTML)}>
          {t.html}
        </button>
      </p>
      <table className="grid checked">
        <colgroup>
          <col className="c-file" />
          <col className="c-verdict" />
          <col />
          <col className="c-org" />
          <col className="c-scheme" />
          <col className="c-level" />
          <col className="c-total" />
        </colgroup>
        <Head cells={t.head.slice(0, 7)} />
        <tbody>
          {ordered(results).map((r) => (
            <Fragment key={r.file}>
              <tr className={`v v-${r.verdict}`} data-file={r.file} data-verdict={r.verdict} onClick={() => setOpen(open === r.file ? null : r.file)}>
                <td className="file">
                  <button type="button" className="link" aria-expanded={open === r.file} title={t.showDetails}>
                    {baseName(r.file)}
                  </button>
                  {r.file.includes("/") && <small>{r.file.slice(0, r.file.lastIndexOf("/") + 1)}</small>}
                </td>
                <td className="verdict" title={t.verdictHelp[r.verdict]}>
                  {r.verdict}
                </td>
                <td>{mainReason(r, t)}</td>
                <td>{r.organisation ?? ""}</td>
                <td>
                  {r.scheme ?? ""}
                  {isRole(r.role) && <small>{t.roleName[r.role]}</small>}
                </td>
                <td className="level">{r.claimedLevel !== null && r.claimedLevel !== r.level ? t.claimed(r.claimedLevel, r.level ?? "—") : (r.level ?? "")}</td>
                <td className="n">{r.total?.toFixed(2) ?? ""}</td>
              </tr>
              {open === r.file && (
                <tr className="details">
                  <td colSpan={7}>
                    <Findings t={t} r={r} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Findings({ t, r }: { t: Strings; r: FileCheck }) {
  if (r.reason !== null) return <p>{r.reason}</p>;
  if (r.findings.length === 0) return <p>{t.noIssues}</p>;
  return (
    <table className="grid findings" data-testid="findings">
      <Head cells={t.findingsHead} />
      <tbody>
        {r.findings.map((f, i) => (
          <tr key={i} className={`s-${f.severity}`}>
            <td>{f.clause ?? ""}</td>
            <td>{f.cell ?? ""}</td>
            <td>{f.message}</td>
            <td>
              <code>{f.code}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
