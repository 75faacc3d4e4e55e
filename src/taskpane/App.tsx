import { FluentProvider, Tab, TabList, Text, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../findings/finding";
import { layOut, readLive, readLivePair, readWorkbookState, relayOut, selectCell, watchWorkbook, writeSpecials, type KnownSheet, type LiveScore, type Run, type SheetChange, type SheetSelection } from "../excel/session";
import { selectedClause, type Followed } from "../excel/follow";
import { addRadarChart, ProtectedWithPasswordError } from "../excel/chart";
import { runSelfTest, type StepResult } from "../excel/selfTest";
import { heldRun } from "./heldRun";
import { officeInfo } from "./officeInfo";
import { canShowInDialog, showReportInDialog } from "./reportDialog";
import { SelfTestView } from "./SelfTestView";
import { compareCards, type Comparison } from "../report/compare";
import { renderReportHtml } from "../report/html";
import { buildReport } from "../report/model";
import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import type { Role } from "../scheme/roles";
import type { MetaEntry } from "../sheets/meta";
import { CompareView } from "./CompareView";
import { FindingsView } from "./FindingsView";
import { strings, type Lang } from "./i18n";
import { LiveView } from "./LiveView";
import { ManDaysView } from "./ManDaysView";
import { CycleView, todayHere } from "./CycleView";
import { RulesView } from "./RulesView";
import { RowView } from "./RowView";
import { writeRowEntries, type RowEntries } from "../excel/writeRow";
import { SpecialsView } from "./SpecialsView";
import { StartView } from "./StartView";

export interface AppProps {
  run: Run;
  lang: Lang;
  dark: boolean;
  schemes: Scheme[];
}

type TabId = "start" | "live" | "findings" | "specials" | "compare" | "mandays" | "cycle" | "row" | "selftest";

/** Debounce for live totals: long enough to skip the flurry of events one paste makes. */
const DEBOUNCE_MS = 300;


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
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const followed = useRef<Followed | null>(null);
  /** The clause of the item row last selected on the followed sheet, for the 样本/删减 tab (null: none yet). */
  const [selected, setSelected] = useState<string | null>(null);
  const [selfTest, setSelfTest] = useState<StepResult[] | null>(null);
  const [selfTesting, setSelfTesting] = useState(false);
  const info = useMemo(officeInfo, []);
  const byId = useMemo(() => new Map(schemes.map((s) => [s.id, s])), [schemes]);
  const titleOf = (s: Scheme) => (lang === "en" ? s.titleEn : s.title);

  const fail = (e: unknown) => setError(t.error(e instanceof Error ? e.message : String(e)));

  const key = (f: Followed) => f.id ?? f.entry.sheet;

  const refresh = useCallback(
    async (f: Followed) => {
      const scheme = byId.get(f.entry.layout.schemeId);
      if (scheme === undefined) return;
      setLive(await readLive(run, scheme, f.entry, key(f)));
    },
    [byId, run],
  );

  const follow = useCallback(
    async (f: Followed) => {
      followed.current = f;
      setCurrent(f.entry);
      setSelected(null);
      await refresh(f);
    },
    [refresh],
  );

  /**
   * One workbook-level change handler for the pane's life, routed by worksheet id to the sheet followed now:
   * edits elsewhere, and the echo of the pane's own writes (triggerSource ThisLocalAddin), do not refresh it.
   */
  const onSheetChange = useCallback(
    (e: SheetChange) => {
      const f = followed.current;
      if (f === null || e.triggerSource === "ThisLocalAddin" || e.worksheetId !== f.id) return;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void refresh(f).catch(fail), DEBOUNCE_MS);
    },
    [refresh],
  );

  /** Selection events, routed the same way: a cell on an item row of the followed sheet picks that row's clause. */
  const onSelection = (e: SheetSelection) => {
    const clause = selectedClause(followed.current, e);
    if (clause !== null) setSelected(clause);
  };

  useEffect(() => {
    let unwatch: (() => Promise<void>) | null = null;
    readWorkbookState(run)
      .then(async (state) => {
        setExisting(state.laidOut);
        unwatch = await watchWorkbook(run, (e) => onSheetChange(e), onSelection);
        const last = state.laidOut[state.laidOut.length - 1];
        if (last !== undefined) await follow({ entry: last, id: last.id });
      })
      .catch(fail);
    return () => void unwatch?.().catch(() => undefined);
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
      await follow({ entry, id });
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
      const { sheet, entry: again, id } = await relayOut(run, scheme, entry, entry.id ?? entry.sheet);
      setExisting((list) => [...list, { ...again, id }]);
      setMessage(t.relaidOut(sheet));
      await follow({ entry: again, id });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const onSelect = (f: Finding) => {
    if (live !== null && f.location.cell !== undefined) void selectCell(run, live.sheet, f.location.cell).catch(fail);
  };

  /** Writes into the followed sheet, says so, and reads the live result again. */
  const save = async (write: (f: Followed) => Promise<void>) => {
    const f = followed.current;
    if (f === null) return;
    try {
      await write(f);
      setMessage(t.saved);
      await refresh(f);
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
      if (e instanceof ProtectedWithPasswordError) setError(t.radarProtected(live?.sheet ?? f.entry.sheet));
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
      fail(e);
    }
  };

  /** The self-test on the smallest scheme with points (fewest items: quickest, and it has deductions and bonus). */
  const onSelfTest = async () => {
    const smallest = [...schemes].filter((s) => s.kind === "points").sort((a, b) => a.items.length - b.items.length)[0];
    if (smallest === undefined) return;
    setSelfTesting(true);
    setSelfTest([]);
    try {
      await runSelfTest(run, smallest, setSelfTest);
    } finally {
      setSelfTesting(false);
    }
  };

  const comparable = existing.filter((e) => byId.get(e.layout.schemeId)?.kind === "points");

  const scheme = current !== null ? byId.get(current.layout.schemeId) : undefined;
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
        <Tab value="start">{t.tabStart}</Tab>
        <Tab value="live">{t.tabLive}</Tab>
        <Tab value="findings">
          {t.tabFindings}
          {live !== null && live.card.findings.length > 0 ? `（${live.card.findings.length}）` : ""}
        </Tab>
        <Tab value="specials">{t.tabSpecials}</Tab>
        <Tab value="row">{t.tabRow}</Tab>
        <Tab value="compare">{t.tabCompare}</Tab>
        <Tab value="mandays">{t.tabManDays}</Tab>
        <Tab value="cycle">{t.tabCycle}</Tab>
        <Tab value="selftest">{t.tabSelfTest}</Tab>
      </TabList>
      <main>
        {tab === "start" && (
          <StartView t={t} schemes={schemes} titleOf={titleOf} existing={existing} busy={busy} message={message} onLayOut={(s, r) => void onLayOut(s, r)} onUse={(e) => void follow({ entry: e, id: e.id }).catch(fail)} onRelayOut={(e) => void onRelayOut(e)} />
        )}
        {tab === "compare" && (
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
        )}
        {tab === "mandays" && <ManDaysView t={t} lang={lang} table={byId.get("cct-sc03-12")?.certification?.mandays} />}
        {tab === "cycle" && <CycleView t={t} lang={lang} rule={byId.get("cct-sc03-12")?.certification?.cycle} today={todayHere()} />}
        {tab === "selftest" && <SelfTestView t={t} info={info} results={selfTest} running={selfTesting} onRun={() => void onSelfTest()} />}
        {tab !== "start" && tab !== "compare" && tab !== "mandays" && tab !== "cycle" && tab !== "selftest" && (live === null || scheme === undefined) && <Text>{t.noSheet}</Text>}
        {tab === "live" && live !== null && scheme !== undefined && <LiveView t={t} lang={lang} scheme={scheme} card={live.card} busy={busy} onRadar={() => void onRadar()} onReport={() => void onReport()} />}
        {tab === "live" && live !== null && scheme !== undefined && <RulesView t={t} scheme={scheme} card={live.card} />}
        {tab === "findings" && live !== null && <FindingsView t={t} lang={lang} findings={live.card.findings} onSelect={onSelect} />}
        {tab === "specials" && live !== null && scheme !== undefined && (
          <SpecialsView t={t} scheme={scheme} role={live.assessment.role} deductions={live.assessment.deductions ?? []} bonus={live.assessment.bonus ?? null} onSave={(d, b) => void onSaveSpecials(d, b)} />
        )}
        {tab === "row" && live !== null && scheme !== undefined && followed.current !== null && live.assessment.role !== "checklist" && (
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
        )}
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
