import { describe } from "../../findings/finding";
import type { Lang } from "../../findings/language";
import type { Cycle } from "../../scheme/schema";
import { certificateCycle, readRecertificationMark, ruleText, type CertificateCycle, type RecertificationMark } from "../../scoring/cycle";
import { cycleTable } from "../../scoring/cycleTable";
import { civilDate, parseDate, parseDateList, type CivilDate } from "../../scoring/dates";
import type { CYCLE } from "../commandLine";
import { lang, schemeById, UsageError, type Io } from "../io";
import type { Parsed } from "../options";
import { renderTable } from "../table";

function notADate(text: string, option: string): UsageError {
  return new UsageError(`${option} takes a date such as 2026-03-01, not "${text}"`);
}

function date(text: string, option: string): CivilDate {
  const d = parseDate(text);
  if (d === null) throw notADate(text, option);
  return d;
}

/** Today in the local calendar: the adapter reads the clock, the engine never does. */
function today(): CivilDate {
  const now = new Date();
  return civilDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The cycle as `starscore cycle` prints it. */
export function renderCycle(c: CertificateCycle, rule: Cycle, l: Lang): string {
  const zh = l === "zh";
  const t = cycleTable(c, rule, l);
  const lines = [t.title, `${t.issued} · ${t.validTo}`, "", renderTable([t.head, ...t.rows.map((r) => r.cells)]), ""];
  const r = c.recertification;
  if (r.by === "window") {
    lines.push(
      zh
        ? `${r.audit} 在再认证申请期内，计为再认证审核（不是时用 --recertified 标明再认证审核的日期，或 none）。`
        : `${r.audit} lies in the recertification window, so it counts as the recertification audit (if not, give its date with --recertified, or none).`,
    );
  }
  if (c.extra.length > 0) lines.push(zh ? `其他审核（未计为本周期的监督或再认证）：${c.extra.join("、")}` : `Other audits (not counted as this cycle's surveillance or recertification): ${c.extra.join(", ")}`);
  lines.push(t.state);
  if (c.findings.length > 0) lines.push("", ...c.findings.map((f) => `* ${f.code} ${describe(f, l)}`));
  return lines.join("\n");
}

/** `--recertified`: a date, or a word that none was held yet; absent, an audit in the §8.2 window counts. */
function mark(text: string | undefined): RecertificationMark {
  const read = readRecertificationMark(text);
  if (read.mark === null) throw new UsageError(`--recertified takes a date such as 2029-02-15, or "none", not "${read.unreadable}"`);
  return read.mark;
}

/** `starscore cycle --issued 2026-03-01 [--audits 2027-02-10,…] [--recertified …] [--today …] [--json] [--lang en]`: exit 1 when the cycle is not in order. */
export function cycleCommand({ values }: Parsed<typeof CYCLE.options>, io: Io): number {
  const l = lang(values.lang);
  const scheme = schemeById(values.scheme ?? "cct-sc03-12");
  const rule = scheme.certification?.cycle;
  if (rule === undefined) throw new UsageError(`scheme ${scheme.id} has no certificate cycle (certification.cycle)`);
  const issued = date(values.issued ?? "", "--issued");
  const { dates: audits, unreadable } = parseDateList(values.audits ?? "");
  if (unreadable[0] !== undefined) throw notADate(unreadable[0], "--audits");
  const c = certificateCycle(rule, issued, audits, values.today === undefined ? today() : date(values.today, "--today"), mark(values.recertified));
  if (values.json === true) {
    const { findings, ...rest } = c;
    io.out(
      JSON.stringify(
        {
          scheme: scheme.id,
          ...rest,
          surveillances: c.surveillances.map((s) => ({ ...s, ruleText: ruleText(s.rule, rule, l) })),
          findings: findings.map((f) => ({ code: f.code, severity: f.severity, message: describe(f, l) })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(renderCycle(c, rule, l));
  }
  // As `check` exits 1 unless every file passes: 1 when the certificate's cycle is not in order (an audit late or
  // missing, the certificate expired: the findings of kind outcome); doubts about the dates typed (SS903–SS905) only
  // warn. Automation can act on it without reading the text.
  return c.findings.some((f) => f.kind === "outcome") ? 1 : 0;
}
