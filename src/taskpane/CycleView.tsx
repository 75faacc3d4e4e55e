import { Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useState } from "react";
import { describe } from "../findings/finding";
import type { Cycle } from "../scheme/schema";
import { certificateCycle, ruleText, STATUS_WORDS } from "../scoring/cycle";
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

/** The certificate cycle from a date typed in: pure, no Excel calls (as `starscore cycle`). */
export function CycleView({ t, lang, rule, today }: CycleViewProps) {
  const [issued, setIssued] = useState("");
  const [audits, setAudits] = useState("");
  const [asOf, setAsOf] = useState(today);
  if (rule === undefined) return <Text>{t.cyNoRule}</Text>;
  const held = parseDateList(audits);
  const bad = [issued.trim(), asOf.trim()].find((s) => s !== "" && parseDate(s) === null) ?? held.unreadable[0];
  const start = parseDate(issued);
  const cycle =
    bad === undefined && start !== null
      ? certificateCycle(
          rule,
          start,
          held.dates,
          parseDate(asOf) ?? today,
        )
      : null;
  return (
    <div className="stack">
      <Field label={t.cyIssued}>
        <Input value={issued} placeholder="2026-03-01" onChange={(_, d) => setIssued(d.value)} data-testid="cy-issued" />
      </Field>
      <Field label={t.cyAudits}>
        <Input value={audits} placeholder="2027-02-10" onChange={(_, d) => setAudits(d.value)} data-testid="cy-audits" />
      </Field>
      <Field label={t.cyToday}>
        <Input value={asOf} onChange={(_, d) => setAsOf(d.value)} data-testid="cy-today" />
      </Field>
      {bad !== undefined && <Text role="alert">{t.cyInvalid(bad)}</Text>}
      {cycle !== null && (
        <>
          <Text weight="semibold" data-testid="cy-expires">
            {t.cyExpires(cycle.issued, cycle.expires)}
          </Text>
          <Table size="extra-small" aria-label={t.tabCycle}>
            <TableHeader>
              <TableRow>
                {t.cyHead.map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {cycle.surveillances.map((s) => (
                <TableRow key={s.n} data-testid="cy-row">
                  <TableCell>{t.cyNth(s.n)}</TableCell>
                  <TableCell>{s.deadline}</TableCell>
                  <TableCell>{ruleText(s.rule, rule, lang)}</TableCell>
                  <TableCell>{s.audit ?? "—"}</TableCell>
                  <TableCell>{STATUS_WORDS[s.status][lang]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text data-testid="cy-recert">{t.cyRecert(cycle.recertification.from, cycle.recertification.to)}</Text>
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
