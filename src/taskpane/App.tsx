import { FluentProvider, Tab, TabList, Text, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../findings/finding";
import { layOut, readLive, readLivePair, readWorkbookState, relayOut, selectCell, watchWorkbook, writeSpecials, type KnownSheet, type LiveScore, type Run, type SheetCalculated, type SheetChange, type SheetSelection } from "../excel/session";
import { headerLeaving, selectedClause, type Followed } from "../excel/follow";
import { addRadarChart, ProtectionRefusedError } from "../excel/chart";
import { runSelfTest, type StepResult } from "../excel/selfTest";
import { clauseAt } from "../sheets/clauseAt";
import { burst } from "./burst";
import { heldRun } from "./heldRun";
import { officeInfo } from "./officeInfo";
import { canShowInDialog, closeReportDialog, DialogError, showReportInDialog } from "./reportDialog";
import { SelfTestView } from "./SelfTestView";
import { compareCards, type Comparison } from "../report/compare";
import { renderReportHtml } from "../report/html";
import { buildReport } from "../report/model";
import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import type { Role } from "../scheme/roles";
import type { MetaEntry } from "../sheets/meta";
import type { FileCheck } from "../review/verdict";
import { checkSavedWorkbook } from "./checkSaved";
import { CompareView } from "./CompareView";
import { FindingsView } from "./FindingsView";
import { strings, type Lang, type Strings } from "./i18n";
import { LiveView } from "./LiveView";
import { ManDaysView } from "./ManDaysView";
import { CycleView, todayHere } from "./CycleView";
import { RulesView } from "./RulesView";
import { ReviewView } from "./ReviewView";
import { RowView, type Selected } from "./RowView";
import { writeRowEntries, type RowEntries } from "../excel/writeRow";
import type { Unplaced } from "../sheets/fill";
import { unplacedText } from "../sheets/unplacedText";
import { SpecialsView } from "./SpecialsView";
import { StartView } from "./StartView";

export interface AppProps {
  run: Run;
  lang: Lang;
  dark: boolean;
  schemes: Scheme[];
}

/**
 * The pane's tabs, in order. A tab that needs a laid-out sheet says so; the others (man-days, cycle, self-test)
 * work without one. A new tab is a line here, its label in i18n.ts, and its view in `content` below.
 */
const TABS = [
  { id: "start", label: "tabStart", needsSheet: false },
  { id: "live", label: "tabLive", needsSheet: true },
  { id: "findings", label: "tabFindings", needsSheet: true },
  { id: "review", label: "tabReview", needsSheet: false },
  { id: "specials", label: "tabSpecials", needsSheet: true },
  { id: "row", label: "tabRow", needsSheet: true },
  { id: "compare", label: "tabCompare", needsSheet: false },
  { id: "mandays", label: "tabManDays", needsSheet: false },
  { id: "cycle", label: "tabCycle", needsSheet: false },
  { id: "selftest", label: "tabSelfTest", needsSheet: false },
] as const satisfies readonly { id: string; label: keyof Strings; needsSheet: boolean }[];
type TabId = (typeof TABS)[number]["id"];

/** Quiet time after the last event before the live total is read: long enough to take a paste's flurry of events as one. */
const DEBOUNCE_MS = 300;

/** A tiny page for the self-test's dialog step: opened, shown, closed. */
const PROBE_HTML = '<!DOCTYPE html><html lang="zh-CN"><head><title>StarScore 自检</title></head><body><p>StarScore 自检 / self-test</p></body></html>';

export function App({ run: excelRun, lang, dark, schemes }: AppProps) {
  const t = strings(lang);
  const [held, setHeld] = useState(false);
  const run = useMemo(() => heldRun(excelRun, setHeld), [excelRun]);
  const [tab, setTab] = useState<TabId>("start");
  const [existing, setExisting] = useState<KnownSheet[]>([]);
  const [current, setCurrent] = useState<MetaEntry | null>(null);
  const [live, setLive] = useState<LiveScore | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const followed = useRef<Followed | null>(null);
  /** The clause of the item row last selected on the followed sheet, for the 样本/删减 tab (null: none yet). */
  const [selected, setSelected] = useState<Selected | null>(null);
  const seq = useRef(0);
  const [selfTest, setSelfTest] = useState<StepResult[] | null>(null);
  const [selfTesting, setSelfTesting] = useState(false);
  /** The 审核 tab's last check of the saved file, kept while other tabs are open. */
  const [reviewed, setReviewed] = useState<FileCheck | null>(null);
  const info = useMemo(officeInfo, []);
  const byId = useMemo(() => new Map(schemes.map((s) => [s.id, s])), [schemes]);
  const titleOf = (s: Scheme) => (lang === "en" ? s.titleEn : s.title);

  const fail = (e: unknown) => setError(t.error(e instanceof Error ? e.message : String(e)));

  const key = (f: Followed) => f.id ?? f.entry.sheet;

  /** Reads the followed sheet and shows its score: what every burst of events, and every write of the pane, ends in. */
  const refresh = async () => {
    const f = followed.current;
    const scheme = f === null ? undefined : byId.get(f.entry.layout.schemeId);
    if (f === null || scheme === undefined) return;
    const score = await readLive(run, scheme, f.entry, key(f));
    if (followed.current === f) setLive(score);
  };
  const latestRefresh = useRef(refresh);
  latestRefresh.current = refresh;
  /** One read per burst of events (see burst.ts); the pane's own writes go through it too. */
  const reads = useMemo(() => burst(() => latestRefresh.current(), DEBOUNCE_MS, (e) => fail(e)), []);

  /** Follows another sheet: nothing of the last one is shown meanwhile, and its first read is part of the burst its layout raised. */
  const follow = (f: Followed) => {
    followed.current = f;
    setCurrent(f.entry);
    setLive(null);
    setSelected(null);
    reads.poke();
  };

  const pick = (clause: string | null) => {
    if (clause !== null) setSelected({ clause, seq: ++seq.current });
  };

  /**
   * One workbook-level handler per event for the pane's life, routed by worksheet id to the sheet followed now.
   * Changes by the user (not the echo of the pane's own writes, triggerSource ThisLocalAddin) and calculations
   * both ask for a read: Excel on the web raises no change event for a value picked from an in-cell dropdown
   * (OfficeDev/office-js#4066), but the form's formulas recompute after it.
   */
  const onSheetChange = (e: SheetChange) => {
    const f = followed.current;
    if (f !== null && e.triggerSource !== "ThisLocalAddin" && e.worksheetId === f.id) reads.poke();
  };
  const onCalculated = (e: SheetCalculated) => {
    if (followed.current !== null && e.worksheetId === followed.current.id) reads.poke();
  };

  /**
   * Selection events, routed the same way: a cell on an item row of the followed sheet picks that row's clause; the
   * selection leaving one of its header cells asks for a read (a pick in a header dropdown no formula reads raises no
   * other event on the web, see follow.ts).
   */
  const leavesHeader = useMemo(headerLeaving, []);
  const onSelection = (e: SheetSelection) => {
    pick(selectedClause(followed.current, e));
    if (leavesHeader(followed.current, e)) reads.poke();
  };

  useEffect(() => {
    let unwatch: (() => Promise<void>) | null = null;
    readWorkbookState(run)
      .then(async (state) => {
        setExisting(state.laidOut);
        unwatch = await watchWorkbook(run, { onChange: onSheetChange, onSelect: onSelection, onCalculated });
        const last = state.laidOut[state.laidOut.length - 1];
        if (last !== undefined) follow({ entry: last, id: last.id });
      })
      .catch(fail);
    return () => {
      reads.stop();
      void unwatch?.().catch(() => undefined);
    };
    // Once, at start-up.
  }, []);

  const onLayOut = async (scheme: Scheme, role: Role) => {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      const { sheet, entry, id } = await layOut(run, scheme, role);
      setExisting((list) => [...list, { ...entry, id }]);
      setMessage(t.laidOut(sheet));
      follow({ entry, id });
      setTab("live");
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const onRelayOut = async (entry: KnownSheet) => {
    const scheme = byId.get(entry.layout.schemeId);
    if (scheme === undefined) return;
    setBusy(true);
    try {
      const { sheet, entry: again, id, unplaced } = await relayOut(run, scheme, entry, entry.id ?? entry.sheet);
      setExisting((list) => [...list, { ...again, id }]);
      // What the new sheet does not hold as it was typed is said, not left for a finding to find.
      const sentence = (u: Unplaced) => (lang === "zh" ? `${unplacedText(u, sheet, lang)}。` : ` ${unplacedText(u, sheet, lang).replace(/^./, (c) => c.toUpperCase())}.`);
      setMessage(t.relaidOut(sheet) + unplaced.map(sentence).join(""));
      follow({ entry: again, id });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  /**
   * Selects a finding's cell, and its row in the 样本/删减 tab: from the layout, not from the selection event, which
   * Excel on the web does not raise when the cell is already selected (OfficeDev/office-js#4691).
   */
  const onSelect = (finding: Finding) => {
    const cell = finding.location.cell;
    const f = followed.current;
    if (live === null || cell === undefined) return;
    void selectCell(run, live.sheet, cell)
      .then(() => {
        const bang = cell.lastIndexOf("!");
        const sheet = bang < 0 ? live.sheet : cell.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
        if (f !== null && sheet === live.sheet) pick(clauseAt(f.entry.layout, cell));
      })
      .catch(fail);
  };

  /** Writes into the followed sheet, says so, and reads the live result again (with the events the write raised: once). */
  const save = async (write: (f: Followed) => Promise<void>) => {
    const f = followed.current;
    if (f === null) return;
    try {
      await write(f);
      setMessage(t.saved);
      reads.poke();
    } catch (e) {
      fail(e);
    }
  };
  const onSaveSpecials = (deductions: NonNullable<Assessment["deductions"]>, bonus: Assessment["bonus"]) => save((f) => writeSpecials(run, f.entry, deductions, bonus, key(f)));
  const onSaveRow = (clause: string, values: RowEntries) => save((f) => writeRowEntries(run, f.entry, clause, values, key(f)));

  const onCompare = async (self: MetaEntry, audit: MetaEntry): Promise<Comparison> => {
    const selfScheme = byId.get(self.layout.schemeId);
    const auditScheme = byId.get(audit.layout.schemeId);
    setError(null);
    if (selfScheme === undefined || auditScheme === undefined) throw new Error(`unknown scheme ${self.layout.schemeId} / ${audit.layout.schemeId}`);
    const [a, b] = await readLivePair(run, [selfScheme, self], [auditScheme, audit]);
    return compareCards(selfScheme, a.card, auditScheme, b.card);
  };
  const onRadar = async () => {
    const f = followed.current;
    const s = f !== null ? byId.get(f.entry.layout.schemeId) : undefined;
    if (f === null || s === undefined) return;
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      const added = await addRadarChart(run, s, f.entry, { subsection: t.radarSubsection, share: t.radarShare, title: t.radarTitle }, lang, key(f));
      setMessage(added === null ? t.radarNone : t.radarAdded(live?.sheet ?? f.entry.sheet));
    } catch (e) {
      const sheet = live?.sheet ?? f.entry.sheet;
      if (e instanceof ProtectionRefusedError) setError(e.password ? t.radarPassword(sheet) : t.radarRefused(sheet, e.code));
      else fail(e);
    } finally {
      setBusy(false);
    }
  };

  /**
   * The audit report of the live ScoreCard, built here (nothing fetched or sent), shown in an Office dialog where
   * it can be printed or saved as PDF; outside Office (or without DialogApi 1.2) offered as a download, and then the
   * pane says only that the download was asked for: it cannot see whether a file arrived.
   */
  const onReport = async () => {
    const s = current !== null ? byId.get(current.layout.schemeId) : undefined;
    if (current === null || s === undefined || live === null) return;
    setError(null);
    setMessage(null);
    try {
      const html = renderReportHtml(buildReport(s, live.assessment, live.card, lang), lang);
      if (canShowInDialog()) {
        await showReportInDialog(html);
        setMessage(t.reportShown);
        return;
      }
      const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = t.reportFile(live.sheet);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(t.reportDownload(a.download));
    } catch (e) {
      if (e instanceof DialogError && e.code === 12007) setError(t.reportDialogOpen);
      else fail(e);
    }
  };

  /** The self-test's dialog step, where this Office has the dialog API: a tiny page opened, shown and closed. */
  const dialogProbe = canShowInDialog()
    ? async () => {
        await showReportInDialog(PROBE_HTML);
        if (!closeReportDialog()) throw new Error("the dialog was gone before the self-test closed it");
      }
    : null;

  /** The self-test on the smallest scheme with points (fewest items: quickest, and it has deductions and bonus). */
  const onSelfTest = async () => {
    const smallest = [...schemes].filter((s) => s.kind === "points").sort((a, b) => a.items.length - b.items.length)[0];
    if (smallest === undefined) return;
    setSelfTesting(true);
    setSelfTest([]);
    try {
      await runSelfTest(run, smallest, setSelfTest, dialogProbe);
    } finally {
      setSelfTesting(false);
    }
  };

  const comparable = existing.filter((e) => byId.get(e.layout.schemeId)?.kind === "points");

  const scheme = current !== null ? byId.get(current.layout.schemeId) : undefined;

  /** The open tab's view. */
  const content = () => {
    switch (tab) {
      case "start":
        return <StartView t={t} schemes={schemes} titleOf={titleOf} existing={existing} busy={busy} message={message} onLayOut={(s, r) => void onLayOut(s, r)} onUse={(e) => follow({ entry: e, id: e.id })} onRelayOut={(e) => void onRelayOut(e)} />;
      case "compare":
        return (
          <CompareView
            t={t}
            lang={lang}
            sheets={comparable}
            busy={busy}
            onCompare={(self, audit) =>
              onCompare(self, audit).catch((e: unknown) => {
                fail(e);
                return null;
              })
            }
          />
        );
      case "mandays":
        return <ManDaysView t={t} lang={lang} table={byId.get("cct-sc03-12")?.certification?.mandays} />;
      case "cycle":
        return <CycleView t={t} lang={lang} rule={byId.get("cct-sc03-12")?.certification?.cycle} today={todayHere()} />;
      case "selftest":
        return <SelfTestView t={t} info={info} results={selfTest} running={selfTesting} onRun={() => void onSelfTest()} />;
      case "review":
        return <ReviewView t={t} lang={lang} result={reviewed} onCheck={() => checkSavedWorkbook(byId, lang, t.reviewThisWorkbook)} onResult={setReviewed} onSelect={(cell) => void selectCell(run, live?.sheet ?? "", cell).catch(fail)} />;
    }
    if (live === null || scheme === undefined) return null;
    switch (tab) {
      case "live":
        return (
          <>
            <LiveView t={t} lang={lang} scheme={scheme} card={live.card} busy={busy} canReport={live.assessment.role !== "self"} onRadar={() => void onRadar()} onReport={() => void onReport()} />
            <RulesView t={t} scheme={scheme} card={live.card} />
          </>
        );
      case "findings":
        return <FindingsView t={t} lang={lang} findings={live.card.findings} onSelect={onSelect} />;
      case "specials":
        return <SpecialsView t={t} scheme={scheme} role={live.assessment.role} deductions={live.assessment.deductions ?? []} bonus={live.assessment.bonus ?? null} onSave={(d, b) => void onSaveSpecials(d, b)} />;
      case "row":
        return followed.current === null || live.assessment.role === "checklist" ? null : (
          <RowView
            key={followed.current.entry.sheet}
            t={t}
            scheme={scheme}
            assessment={live.assessment}
            card={live.card}
            selected={selected}
            hasSamples={followed.current.entry.layout.entryColumns.checked !== undefined}
            onSave={(c, v) => void onSaveRow(c, v)}
          />
        );
    }
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className="app" lang={lang === "en" ? "en" : "zh-CN"}>
      <header className="row spread">
        <Text as="h1" size={500} weight="semibold">
          ★ {t.title}
        </Text>
        {current !== null && (
          <Text size={200} data-testid="followed-sheet">
            {live?.sheet ?? current.sheet}
          </Text>
        )}
      </header>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        {TABS.map((x) => (
          <Tab key={x.id} value={x.id}>
            {t[x.label]}
            {x.id === "findings" && live !== null && live.card.findings.length > 0 ? t.tabCount(live.card.findings.length) : ""}
          </Tab>
        ))}
      </TabList>
      <main>
        {TABS.find((x) => x.id === tab)?.needsSheet === true && (live === null || scheme === undefined) ? <Text>{current === null ? t.noSheet : t.reading(current.sheet)}</Text> : content()}
        {(tab === "live" || tab === "row") && message !== null && (
          <Text role="status" className="message" data-testid="live-message">
            {message}
          </Text>
        )}
        {error !== null && (
          <Text role="alert" className="message">
            {error}
          </Text>
        )}
        {held && (
          <Text role="status" className="message" data-testid="edit-hint">
            {t.editHint}
          </Text>
        )}
      </main>
    </FluentProvider>
  );
}
