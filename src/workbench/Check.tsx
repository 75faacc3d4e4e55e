import { Fragment, useEffect, useRef, useState, type DragEvent } from "react";
import { asLabel } from "../findings/language";
import { checkHtml, commonFolder, heldLevel } from "../review/checkHtml";
import { checkCsv, checkJson } from "../review/checkReport";
import { parseExpected, type Expected } from "../review/expect";
import { findingLine } from "../review/findingLine";
import { CAUSE_WORDS, causeOf, mainReason, summaryLine, worstFirst } from "../review/mainReason";
import { needsNotice, noticeFileName, noticeHtml, noticeOf } from "../review/notice";
import { FILE_TIME_LIMIT_MS } from "../review/refusals";
import { VERDICT_EN, type FileCheck, type Verdict } from "../review/verdict";
import type { Scheme } from "../scheme/load";
import { RoleSchema, rolesOf } from "../scheme/roles";
import { FORM_WORDS } from "../scheme/words";
import { localMinute } from "../scoring/dates";
import { CSV, download, HTML, JSON_TYPE, printHtml } from "./download";
import { FolderInput } from "./FolderInput";
import { whileChecking } from "./offline";
import { Head } from "./Head";
import type { Lang, Strings } from "./i18n";
import { accountForFolders, foldersNaming, listFolders } from "./listing";
import { checkSubmissions, checkZipFile, Spares } from "./pool";
import { spawnWorker } from "./spawnWorker";
import { chosenFiles, chosenFolder, directoryPicker, dropped, pickedFolder, submissions, type Handed } from "./walk";

/** A finished run: its results in the walk's order, and what it was run with. */
interface Run {
  results: FileCheck[];
  lang: Lang;
  expected: Expected | undefined;
  /** When it ran, on the reviewer's clock (2026-03-01 14:30): the report's and the notices' date. */
  at: string;
  seconds: number;
  stopped: boolean;
  /** Runs since the page opened: 1, 2, … */
  n: number;
}

type Phase = { kind: "idle" } | { kind: "walking" } | { kind: "empty" } | { kind: "checking"; done: number; total: number } | { kind: "done"; run: Run };

/**
 * Rows the table shows at first, worst first, and how many more each click on 再显示 adds. A row is a few dozen DOM
 * nodes: the page's memory stays what a reviewer looks at, not the folder's size (bench/workbench.bench.ts).
 */
export const ROWS_SHOWN = 100;

/** Web Workers for a run: one per core the browser reports, at most 8 (each holds one file). */
const workerCount = () => Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));

const isZipName = (name: string) => /\.zip$/i.test(name);
const baseName = (file: string) => file.slice(file.lastIndexOf("/") + 1);
const folderOf = (file: string) => file.slice(0, file.lastIndexOf("/") + 1);
const verdictWord = (v: Verdict, lang: Lang) => (lang === "en" ? asLabel(VERDICT_EN[v], lang) : v);
const formWord = (role: string | null, lang: Lang) => {
  const r = RoleSchema.safeParse(role);
  return r.success ? FORM_WORDS[r.data][lang] : null;
};

/** How often the progress line is redrawn while files are checked: each redraw costs the page's thread, not the workers'. */
const PROGRESS_MS = 100;

/**
 * #check: the reviewers' check of a batch of submissions, in Web Workers on this machine. Its workers start when
 * the section is `shown` (and again after each run while it is), so a run does not wait for them.
 */
export function CheckSection({ t, lang, schemes, shown }: { t: Strings; lang: Lang; schemes: readonly Scheme[]; shown: boolean }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [expect, setExpect] = useState("");
  const [over, setOver] = useState(false);
  const stop = useRef(false);
  const runs = useRef(0);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement | null>(null);
  const busy = phase.kind === "walking" || phase.kind === "checking";
  const spares = useRef<Spares | null>(null);
  const workers = () => (spares.current ??= new Spares(spawnWorker));
  // Refilled when a run ends, only while the section is shown.
  useEffect(() => {
    if (shown && !busy) workers().fill(workerCount());
  }, [shown, busy]);
  useEffect(() => () => spares.current?.close(), []);

  const start = async (handed: Handed[]) => {
    if (busy || handed.length === 0) return;
    // The service worker's first install waits until the check ends (offline.ts).
    await whileChecking(async () => {
      const began = performance.now();
      setPhase({ kind: "walking" });
      // A .zip handed in is a submission of its own, checked as the folder it holds (as `starscore check x.zip`).
      const zips = handed.filter((h): h is Extract<Handed, { kind: "file" }> => h.kind === "file" && isZipName(h.name));
      const walked = handed.filter((h) => !zips.includes(h as Extract<Handed, { kind: "file" }>));
      const subs = await submissions(walked);
      if (subs.length === 0 && zips.length === 0) {
        setPhase({ kind: "empty" });
        return;
      }
      stop.current = false;
      const expected = parseExpected(expect) ?? undefined;
      const runLang = lang;
      const total = subs.length + zips.length;
      const options = { lang: runLang, ...(expected !== undefined ? { expected } : {}), limitMs: FILE_TIME_LIMIT_MS, spawn: workers().take };
      let drawn = 0;
      const results = await checkSubmissions(subs, {
        ...options,
        workers: workerCount(),
        onProgress: (done) => {
          const now = performance.now();
          if (done > 0 && done < subs.length && now - drawn < PROGRESS_MS) return;
          drawn = now;
          setPhase({ kind: "checking", done, total });
        },
        stopped: () => stop.current,
      });
      const checked = results.filter((r): r is FileCheck => r !== undefined);
      // Every file accounted for once: the files each workbook's evidence names resolved against the folder it came
      // in and listed under it (issues 19, 22).
      const all = accountForFolders(checked, await listFolders(walked, foldersNaming(checked)), runLang);
      for (const [k, z] of zips.entries()) {
        if (stop.current) break;
        all.push(...(await checkZipFile(z.name, z.open, options)));
        setPhase({ kind: "checking", done: subs.length + k + 1, total });
      }
      const run = { results: all, lang: runLang, expected, at: localMinute(new Date()), seconds: (performance.now() - began) / 1000, stopped: checked.length < subs.length || stop.current, n: ++runs.current };
      setPhase({ kind: "done", run });
    });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void start(dropped(e.dataTransfer));
  };
  const picker = directoryPicker();
  const chooseFolder = () => {
    if (picker === undefined) return folder.current?.click();
    // showDirectoryPicker asks to "view files"; where it is refused, the <input webkitdirectory> still works.
    void picker().then(
      (h) => start([pickedFolder(h)]),
      (e: unknown) => (e instanceof DOMException && e.name === "AbortError" ? undefined : folder.current?.click()),
    );
  };

  return (
    <section aria-labelledby="check">
      <h1 id="check">{t.checkTitle}</h1>
      <p>{t.checkIntro}</p>
      <div className="fields narrow">
        <label>
          {t.expect}
          <select value={expect} onChange={(e) => setExpect(e.target.value)} disabled={busy} data-testid="expect">
            <option value="">{t.expectAny}</option>
            {schemes.map((s) => (
              <optgroup key={s.id} label={lang === "zh" ? s.title : s.titleEn}>
                <option value={s.id}>
                  {lang === "zh" ? s.title : s.titleEn} · {t.expectAnyRole}
                </option>
                {rolesOf(s).map((role) => (
                  <option key={role} value={`${s.id}/${role}`}>
                    {lang === "zh" ? s.title : s.titleEn} · {t.roleName[role]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      </div>
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
          <button type="button" disabled={busy} onClick={chooseFolder}>
            {t.chooseFolder}
          </button>
        </div>
        <input
          ref={files}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/zip"
          hidden
          data-testid="files"
          onChange={(e) => {
            void start(chosenFiles(Array.from(e.target.files ?? [])));
            e.target.value = "";
          }}
        />
        <FolderInput inputRef={folder} testId="folder" onFiles={(files) => void start(chosenFolder(files))} />
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
      {phase.kind === "done" && <Results t={t} run={phase.run} schemes={schemes} />}
    </section>
  );
}

function Results({ t, run, schemes }: { t: Strings; run: Run; schemes: readonly Scheme[] }) {
  const { results, lang } = run;
  const [open, setOpen] = useState<string | null>(null);
  const [shownRows, setShownRows] = useState(ROWS_SHOWN);
  const [noticeLang, setNoticeLang] = useState<Lang>(lang);
  const notice = (r: FileCheck) => {
    const scheme = schemes.find((s) => s.id === r.scheme);
    const n = noticeOf(r, { lang: noticeLang, date: run.at.slice(0, 10), ...(scheme !== undefined ? { schemeTitle: noticeLang === "en" ? scheme.titleEn : scheme.title } : {}) });
    return n === null ? null : noticeHtml(n);
  };
  const rows = worstFirst(results);
  // The folder every file is in is said once, above the table; rows show what tells files apart.
  const common = commonFolder(results.map((r) => r.file));
  const shown = (file: string) => file.slice(common.length);
  return (
    <div className="results">
      <p className="summary" role="status">
        <span data-testid="summary" data-run={run.n}>
          {summaryLine(results, lang)}
        </span>
        <small>{t.took(run.seconds)}</small>
      </p>
      {run.stopped && <p role="alert">{t.stopped}</p>}
      {common !== "" && <p className="folder">{t.inFolder(common)}</p>}
      <p className="buttons">
        {t.downloads}
        <button type="button" data-testid="csv" onClick={() => download("starscore-check.csv", checkCsv(results, lang), CSV)}>
          {t.csv}
        </button>
        <button type="button" data-testid="json" onClick={() => download("starscore-check.json", checkJson(results), JSON_TYPE)}>
          {t.json}
        </button>
        <button type="button" data-testid="html" onClick={() => download("starscore-check.html", checkHtml(results, { generated: run.at, lang, ...(run.expected !== undefined ? { expected: run.expected } : {}) }), HTML)}>
          {t.html}
        </button>
        <label className="inline">
          {t.noticeLang}
          <select value={noticeLang} onChange={(e) => setNoticeLang(e.target.value === "en" ? "en" : "zh")} data-testid="notice-lang">
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
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
          <col className="c-notice" />
        </colgroup>
        <Head cells={t.head} />
        <tbody>
          {rows.slice(0, shownRows).map((r) => {
            const cause = CAUSE_WORDS[causeOf(r).cause];
            const form = formWord(r.role, lang);
            return (
              <Fragment key={r.file}>
                <tr className={`v v-${r.verdict}`} data-file={r.file} data-verdict={r.verdict} onClick={() => setOpen(open === r.file ? null : r.file)}>
                  <td className="file">
                    <button type="button" className="link" aria-expanded={open === r.file} title={t.showDetails}>
                      {baseName(shown(r.file))}
                    </button>
                    {folderOf(shown(r.file)) !== "" && <small>{folderOf(shown(r.file))}</small>}
                  </td>
                  <td className="verdict" title={t.verdictHelp[r.verdict]}>
                    {verdictWord(r.verdict, lang)}
                    {cause !== null && <small>{cause[lang]}</small>}
                  </td>
                  <td className={r.reason === null && r.findings.length === 0 ? "clean" : undefined}>{mainReason(r, lang) ?? t.noIssues}</td>
                  <td>{r.organisation ?? ""}</td>
                  <td>
                    {r.scheme ?? ""}
                    {form !== null && <small>{form}</small>}
                  </td>
                  <td className="level">{heldLevel(r.claimedLevel !== null && r.claimedLevel !== r.level ? t.claimed(r.claimedLevel, r.level ?? "—") : (r.level ?? ""))}</td>
                  <td className="n">{r.total?.toFixed(2) ?? ""}</td>
                  <td onClick={(e) => e.stopPropagation()}>
                    {needsNotice(r) ? (
                      <span className="notice">
                        <button type="button" className="small" data-testid="notice-print" title={t.noticePrint} onClick={() => printHtml(notice(r) ?? "")}>
                          {t.noticePrint}
                        </button>
                        <button type="button" className="small" data-testid="notice" title={t.noticeDownload} onClick={() => download(noticeFileName(r.file, noticeLang), notice(r) ?? "", HTML)}>
                          {t.noticeDownload}
                        </button>
                      </span>
                    ) : (
                      t.noticeNone
                    )}
                  </td>
                </tr>
                {open === r.file && (
                  <tr className="details">
                    <td colSpan={8}>
                      <Findings t={t} r={r} lang={lang} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {rows.length > shownRows && (
        <p className="buttons">
          {t.rowsShown(shownRows, rows.length)}
          <button type="button" data-testid="more" onClick={() => setShownRows(shownRows + ROWS_SHOWN)}>
            {t.moreRows(Math.min(ROWS_SHOWN, rows.length - shownRows))}
          </button>
        </p>
      )}
    </div>
  );
}

function Findings({ t, r, lang }: { t: Strings; r: FileCheck; lang: Lang }) {
  if (r.reason !== null) return <p>{mainReason(r, lang)}</p>;
  // The files its evidence names, from the workbook's folder (accounted for here, not as rows of their own).
  const evidence = r.evidenceFiles !== undefined && (
    <p className="evidence" data-testid="evidence-files">
      {t.evidenceChecked}
      {r.evidenceFiles.map((f) => f.slice(folderOf(r.file).length)).join(lang === "en" ? ", " : "、")}
    </p>
  );
  if (r.findings.length === 0)
    return (
      <>
        {evidence}
        <p>{t.noIssues}</p>
      </>
    );
  return (
    <>
      {evidence}
      <table className="grid findings" data-testid="findings">
        <Head cells={t.findingsHead} />
        <tbody>
          {r.findings.map((f, i) => {
            const line = findingLine(f, lang);
            return (
              <tr key={i} className={`s-${f.severity}`}>
                <td>{line.clause ?? ""}</td>
                <td>{line.cell ?? ""}</td>
                <td>{line.text}</td>
                <td>
                  <code>{line.code}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
