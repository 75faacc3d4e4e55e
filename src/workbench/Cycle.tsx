import { useState } from "react";
import { describe } from "../findings/finding";
import type { Scheme } from "../scheme/load";
import { certificateCycle, readRecertificationMark } from "../scoring/cycle";
import { cycleTable } from "../scoring/cycleTable";
import { civilDate, parseDate, parseDateList, type CivilDate } from "../scoring/dates";
import { Head } from "./Head";
import type { Lang, Strings } from "./i18n";

/** Today in the local calendar: the page reads the clock, the engine never does. */
const todayHere = (now = new Date()): CivilDate => civilDate(now.getFullYear(), now.getMonth() + 1, now.getDate());

/** #cycle: the certificate cycle, as `starscore cycle` computes it (scoring/cycle.ts, scoring/cycleTable.ts). */
export function CycleSection({ t, lang, schemes }: { t: Strings; lang: Lang; schemes: readonly Scheme[] }) {
  const withCycle = schemes.filter((s) => s.certification?.cycle !== undefined);
  const [schemeId, setSchemeId] = useState(withCycle[0]?.id ?? "");
  const [issued, setIssued] = useState("");
  const [audits, setAudits] = useState("");
  const [recertified, setRecertified] = useState("");
  const [asOf, setAsOf] = useState(todayHere());
  const rule = withCycle.find((s) => s.id === schemeId)?.certification?.cycle;
  const held = parseDateList(audits);
  const read = readRecertificationMark(recertified);
  const bad = [issued.trim(), asOf.trim()].find((s) => s !== "" && parseDate(s) === null) ?? held.unreadable[0] ?? read.unreadable ?? undefined;
  const start = parseDate(issued);
  const c = rule !== undefined && bad === undefined && start !== null && read.mark !== null ? certificateCycle(rule, start, held.dates, parseDate(asOf) ?? todayHere(), read.mark) : null;
  const table = c !== null && rule !== undefined ? cycleTable(c, rule, lang) : null;
  return (
    <section aria-labelledby="cycle">
      <h1 id="cycle">{t.cycleTitle}</h1>
      <p>{t.cycleIntro}</p>
      <div className="fields">
        <label>
          {t.cycleScheme}
          <select value={schemeId} onChange={(e) => setSchemeId(e.target.value)}>
            {withCycle.map((s) => (
              <option key={s.id} value={s.id}>
                {lang === "zh" ? s.title : s.titleEn}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.issued}
          <input type="date" value={issued} onChange={(e) => setIssued(e.target.value)} data-testid="cy-issued" />
        </label>
        <label>
          {t.audits}
          <input type="text" value={audits} placeholder="2027-02-10, 2028-01-20" onChange={(e) => setAudits(e.target.value)} data-testid="cy-audits" />
        </label>
        <label>
          {t.recertified}
          <input type="text" value={recertified} placeholder="2029-02-15" onChange={(e) => setRecertified(e.target.value)} data-testid="cy-recertified" />
        </label>
        <label>
          {t.today}
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="cy-today" />
        </label>
      </div>
      {bad !== undefined && <p role="alert">{t.notADate(bad)}</p>}
      {c !== null && table !== null && (
        <div data-testid="cycle-result">
          <h2>{table.title}</h2>
          <p>
            <b>
              {table.issued} · {table.validTo}
            </b>
          </p>
          <table className="grid">
            <Head cells={table.head} />
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i} className={row.flagged ? "flagged" : undefined}>
                  {row.cells.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t.recertification(c.recertification.from, c.recertification.to)}</p>
          {c.recertification.by === "window" && c.recertification.audit !== null && <p data-testid="cy-by-window">{t.byWindow(c.recertification.audit)}</p>}
          {c.extra.length > 0 && <p>{t.extra(c.extra.join(lang === "zh" ? "、" : ", "))}</p>}
          <p data-testid="cy-state">
            <b>{table.state}</b>
          </p>
          {c.findings.map((f, i) => (
            <p key={i} role="note" className={`s-${f.severity}`}>
              {f.code} {describe(f, lang)}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
