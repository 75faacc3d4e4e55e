import { Checkbox, Field, Input, Select, Table, TableBody, TableCell, TableRow, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ManDays } from "../scheme/schema";
import { AUDIT_KINDS, calculateManDays, ManDayInputError, type AuditKind, type ManDayResult } from "../scoring/mandays";
import type { Lang, Strings } from "./i18n";

export interface ManDaysViewProps {
  t: Strings;
  lang: Lang;
  /** The scheme's man-day table (cct-sc03-12 附件1); undefined when it has none. */
  table: ManDays | undefined;
}

const fmt = (n: number | null) => (n === null ? "—" : String(n));

/** Audit man-days from the scheme's table: pure, no Excel calls. */
export function ManDaysView({ t, lang, table }: ManDaysViewProps) {
  const [staff, setStaff] = useState("100");
  const [audit, setAudit] = useState<AuditKind>("initial");
  const [increases, setIncreases] = useState<string[]>([]);
  const [reductions, setReductions] = useState("0");
  if (table === undefined) return <Text>{t.mdNoTable}</Text>;
  const auditName: Record<AuditKind, string> = { initial: t.mdInitial, surveillance: t.mdSurveillance, recertification: t.mdRecertification };
  let result: ManDayResult | null = null;
  let problem: string | null = null;
  try {
    const n = Number(staff.trim());
    const count = Number(reductions.trim() === "" ? "0" : reductions.trim());
    if (staff.trim() === "" || !Number.isFinite(n) || n <= 0) problem = t.mdInvalid;
    else if (!Number.isInteger(count) || count < 0 || count > table.reductions.length) problem = t.mdReductionsInvalid(table.reductions.length);
    else result = calculateManDays(table, { staff: n, audit, increases, reductions: count });
  } catch (e) {
    if (!(e instanceof ManDayInputError)) throw e;
    problem = t.error(e.message);
  }
  const toggle = (code: string, on: boolean) => setIncreases((list) => (on ? [...list.filter((c) => c !== code), code] : list.filter((c) => c !== code)));
  return (
    <div className="stack">
      <Field label={t.mdStaff}>
        <Input type="number" min={1} value={staff} onChange={(_, d) => setStaff(d.value)} data-testid="md-staff" />
      </Field>
      <Field label={t.mdAudit}>
        <Select value={audit} onChange={(_, d) => setAudit(d.value as AuditKind)}>
          {AUDIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {auditName[k]}
            </option>
          ))}
        </Select>
      </Field>
      <div role="group" aria-label={t.mdIncreases} className="stack">
        <Text weight="semibold">{t.mdIncreases}</Text>
        {table.increases.map((f) => (
          <Checkbox key={f.code} checked={increases.includes(f.code)} onChange={(_, d) => toggle(f.code, d.checked === true)} label={`${f.code}) ${lang === "en" ? f.en : f.zh}`} />
        ))}
      </div>
      <Field label={t.mdReductions}>
        <Input type="number" min={0} max={table.reductions.length} value={reductions} onChange={(_, d) => setReductions(d.value)} data-testid="md-reductions" />
      </Field>
      {problem !== null && <Text role="alert">{problem}</Text>}
      {result !== null && (
        <Table size="extra-small" aria-label={t.tabManDays}>
          <TableBody>
            <TableRow>
              <TableCell>{t.mdTable}</TableCell>
              <TableCell data-testid="md-table">{fmt(result.tableValue)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t.mdIncrease}</TableCell>
              <TableCell data-testid="md-increase">{result.increase === 0 ? "0" : `+${result.increase}`}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t.mdReduction(fmt(result.reductionLimit))}</TableCell>
              <TableCell data-testid="md-reduction">{result.reduction === 0 ? "0" : `−${result.reduction}`}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>
                <Text weight="semibold">{t.mdTotal}</Text>
              </TableCell>
              <TableCell data-testid="md-total">
                <Text weight="semibold">{fmt(result.total)}</Text>
              </TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t.mdOnSite}</TableCell>
              <TableCell data-testid="md-onsite">{fmt(result.onSiteMin)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>{t.mdOffSite}</TableCell>
              <TableCell>{fmt(result.offSiteMax)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
      {result?.notes.map((n) => (
        <Text key={n.code} size={200}>
          * {lang === "en" ? n.en : n.zh}
        </Text>
      ))}
      {result?.basis.map((n) => (
        <Text key={n.code} size={200} data-testid="md-basis">
          {lang === "en" ? n.en : n.zh}
        </Text>
      ))}
    </div>
  );
}
