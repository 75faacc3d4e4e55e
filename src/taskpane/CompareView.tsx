import { Button, Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Comparison, Side } from "../report/compare";
import type { MetaEntry } from "../sheets/meta";
import type { Lang, Strings } from "./i18n";

export interface CompareViewProps {
  t: Strings;
  lang: Lang;
  /** The StarScore sheets with points (checklists cannot be compared). */
  sheets: MetaEntry[];
  busy: boolean;
  /** Reads both sheets (1 sync) and compares them; null when that failed (the pane shows why). */
  onCompare: (self: MetaEntry, audit: MetaEntry) => Promise<Comparison | null>;
}

/** How many of the largest gaps the pane lists. */
const SHOWN = 10;

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const signed = (n: number | null) => (n === null ? "—" : `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(2)}`);
const side = (s: Side | null, t: Strings) => (s === null ? "—" : s.share === null ? t.compareNa : `${s.earned.toFixed(2)}/${fmt(s.applicableMax)}`);

/** Self-assessment against audit: pick the two sheets, see the largest gaps, the sections and both totals. */
/** The self, audit and gap cells of a section row or a clause row: the two tables show them alike. */
function SideCells({ row, t }: { row: { self: Side | null; audit: Side | null; gap: number | null; byShare: boolean }; t: Strings }) {
  return (
    <>
      <TableCell>{side(row.self, t)}</TableCell>
      <TableCell>{side(row.audit, t)}</TableCell>
      <TableCell>
        {signed(row.gap)}
        {row.byShare ? " *" : ""}
      </TableCell>
    </>
  );
}

export function CompareView({ t, lang, sheets, busy, onCompare }: CompareViewProps) {
  const selfDefault = sheets.find((e) => e.layout.role === "self") ?? sheets[0];
  const auditDefault = sheets.find((e) => e.layout.role === "audit" && e !== selfDefault) ?? sheets.find((e) => e !== selfDefault);
  const [selfSheet, setSelfSheet] = useState(selfDefault?.sheet ?? "");
  const [auditSheet, setAuditSheet] = useState(auditDefault?.sheet ?? "");
  const [result, setResult] = useState<Comparison | null>(null);
  if (sheets.length < 2) return <Text>{t.compareNeedTwo}</Text>;
  const self = sheets.find((e) => e.sheet === selfSheet);
  const audit = sheets.find((e) => e.sheet === auditSheet);
  const levelName = (c: Comparison["self"]) => (c.level === null ? "" : `（${lang === "en" ? c.level.nameEn : c.level.name}）`);
  const options = sheets.map((e) => (
    <option key={e.sheet} value={e.sheet}>
      {e.sheet} · {e.layout.schemeId}
    </option>
  ));
  const gapRows = result?.rows.filter((r) => r.gap !== null).slice(0, SHOWN) ?? [];
  const common = result?.rows.filter((r) => r.gap !== null).length ?? 0;
  return (
    <div className="stack">
      <Field label={t.compareSelf}>
        <Select value={selfSheet} onChange={(_, d) => setSelfSheet(d.value)}>
          {options}
        </Select>
      </Field>
      <Field label={t.compareAudit}>
        <Select value={auditSheet} onChange={(_, d) => setAuditSheet(d.value)}>
          {options}
        </Select>
      </Field>
      <Button appearance="primary" disabled={busy || self === undefined || audit === undefined || self === audit} onClick={() => self !== undefined && audit !== undefined && void onCompare(self, audit).then(setResult)}>
        {t.compareRun}
      </Button>
      {result !== null && (
        <div className="stack" data-testid="comparison">
          <Text weight="semibold" data-testid="compare-totals">
            {t.compareTotals(`${result.self.total.toFixed(2)}${levelName(result.self)}`, `${result.audit.total.toFixed(2)}${levelName(result.audit)}`, result.totals.byShare ? `${signed((result.totals.shareGap ?? 0) * 100)}%` : signed(result.totals.gap))}
          </Text>
          <Text weight="semibold">{t.compareSections}</Text>
          <Table size="extra-small" aria-label={t.compareSections}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.compareSection}</TableHeaderCell>
                <TableHeaderCell>{t.compareSelfCol}</TableHeaderCell>
                <TableHeaderCell>{t.compareAuditCol}</TableHeaderCell>
                <TableHeaderCell>{t.compareGapCol}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.sections.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    {s.id} {lang === "en" ? (s.titleEn ?? s.title) : s.title}
                  </TableCell>
                  <SideCells row={s} t={t} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {gapRows.length === 0 ? (
            <Text>{t.compareNone}</Text>
          ) : (
            <>
              <Text weight="semibold">{t.compareGaps(gapRows.length, common)}</Text>
              <Table size="extra-small" aria-label={t.compareGaps(gapRows.length, common)}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.clause}</TableHeaderCell>
                    <TableHeaderCell>{t.compareSelfCol}</TableHeaderCell>
                    <TableHeaderCell>{t.compareAuditCol}</TableHeaderCell>
                    <TableHeaderCell>{t.compareGapCol}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {gapRows.map((r) => (
                    <TableRow key={r.clauses.join("+")} data-testid="gap-row" title={r.text}>
                      <TableCell>
                        {r.clauses.join("/")}
                        {r.codes.length > 0 ? ` ${r.codes.join("/")}` : ""}
                      </TableCell>
                      <SideCells row={r} t={t} />
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {(gapRows.some((r) => r.byShare) || result.sections.some((s) => s.byShare)) && <Text size={200}>{t.compareShareNote}</Text>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
