import { Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useState } from "react";
import { describe } from "../findings/finding";
import type { Cycle } from "../scheme/schema";
import { certificateCycle, readRecertificationMark } from "../scoring/cycle";
import { cycleTable } from "../scoring/cycleTable";
import { civilDate, parseDate, parseDateList, type CivilDate } from "../scoring/dates";
import type { Lang, Strings } from "./i18n";

export interface CycleViewProps {
  t: Strings;
  lang: Lang;
  /** The scheme's certificate cycle (cct-sc03-12 §7.1, §8.1.1, §8.2); undefined when it has none. */
  rule: Cycle | undefined;
  /** Today, as the pane's clock gives it. */
  today: CivilDate;
}

/** Today in the local calendar, as the person at the pane counts days. */
export function todayHere(now: Date = new Date()): CivilDate {
  return civilDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The certificate cycle from a date typed in: pure, no Excel calls (as `starscore cycle`, in its words: cycleTable). */
export function CycleView({ t, lang, rule, today }: CycleViewProps) {
  const [issued, setIssued] = useState("");
  const [audits, setAudits] = useState("");
  const [recertified, setRecertified] = useState("");
  const [asOf, setAsOf] = useState(today);
  if (rule === undefined) return <Text>{t.cyNoRule}</Text>;
  const held = parseDateList(audits);
  const read = readRecertificationMark(recertified);
  const bad = [issued.trim(), asOf.trim()].find((s) => s !== "" && parseDate(s) === null) ?? held.unreadable[0] ?? read.unreadable ?? undefined;
  const start = parseDate(issued);
  const cycle = bad === undefined && start !== null && read.mark !== null ? certificateCycle(rule, start, held.dates, parseDate(asOf) ?? today, read.mark) : null;
  const table = cycle === null ? null : cycleTable(cycle, rule, lang);
  // The pane is narrow: the table as the CLI and the report print it, without the 起算 column.
  const narrow = (cells: string[]) => cells.filter((_, i) => i !== 1);
  return (
    <div className="stack">
      <Field label={t.cyIssued}>
        <Input value={issued} placeholder="2026-03-01" onChange={(_, d) => setIssued(d.value)} data-testid="cy-issued" />
      </Field>
      <Field label={t.cyAudits}>
        <Input value={audits} placeholder="2027-02-10" onChange={(_, d) => setAudits(d.value)} data-testid="cy-audits" />
      </Field>
      <Field label={t.cyRecertified}>
        <Input value={recertified} placeholder="2029-02-15" onChange={(_, d) => setRecertified(d.value)} data-testid="cy-recertified" />
      </Field>
      <Field label={t.cyToday}>
        <Input value={asOf} onChange={(_, d) => setAsOf(d.value)} data-testid="cy-today" />
      </Field>
      {bad !== undefined && <Text role="alert">{t.cyInvalid(bad)}</Text>}
      {cycle !== null && table !== null && (
        <>
          <Text weight="semibold" data-testid="cy-expires">
            {t.cyExpires(cycle.issued, cycle.expires)}
          </Text>
          <Table size="extra-small" aria-label={t.tabCycle}>
            <TableHeader>
              <TableRow>
                {narrow(table.head).map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {table.rows.map((row, i) => (
                <TableRow key={i} data-testid="cy-row">
                  {narrow(row.cells).map((cell, j) => (
                    <TableCell key={j}>{cell}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text data-testid="cy-recert">{t.cyRecert(cycle.recertification.from, cycle.recertification.to)}</Text>
          <Text weight="semibold" data-testid="cy-state">
            {table.state}
          </Text>
          {cycle.findings.map((f, i) => (
            <Text key={i} size={200} role="note">
              {f.code} {describe(f, lang)}
            </Text>
          ))}
        </>
      )}
    </div>
  );
}
