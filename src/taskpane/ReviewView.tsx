import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { asLabel } from "../findings/language";
import { findingLine } from "../review/findingLine";
import { CAUSE_WORDS, causeOf, mainReason } from "../review/mainReason";
import { VERDICT_EN, type FileCheck, type Verdict } from "../review/verdict";
import { FORM_WORDS } from "../scheme/words";
import { RoleSchema } from "../scheme/roles";
import type { Lang, Strings } from "./i18n";

export interface ReviewViewProps {
  t: Strings;
  lang: Lang;
  /** The last result, kept by the pane while other tabs are open. */
  result: FileCheck | null;
  /** Reads the workbook's saved file and checks it as the reviewers' check does. */
  onCheck: () => Promise<FileCheck>;
  onResult: (result: FileCheck) => void;
  /** Selects a finding's cell (`评分表!G12`) in the workbook. */
  onSelect: (cell: string) => void;
}

const VERDICT_CLASS: Record<Verdict, string> = { 无法读取: "unreadable", 不一致: "inconsistent", 需补正: "to-complete", 通过: "pass", 未检查: "not-checked" };

/**
 * 审核: the open workbook checked as the reviewers check a submission — the same reader, rules and verdict as
 * `starscore check` and the workbench — on the file Excel hands over (the workbook as last saved). The verdict,
 * what kind of problem, the main reason, then every finding, each selecting its cell.
 */
export function ReviewView({ t, lang, result, onCheck, onResult, onSelect }: ReviewViewProps) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      onResult(await onCheck());
    } catch (e) {
      setError(t.reviewFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setRunning(false);
    }
  };
  return (
    <div className="stack" data-testid="review">
      <Text>{t.reviewIntro}</Text>
      <Text weight="semibold" data-testid="review-saved">
        {t.reviewSaved}
      </Text>
      <Button appearance="primary" disabled={running} onClick={() => void run()}>
        {running ? t.reviewRunning : t.reviewRun}
      </Button>
      {error !== null && (
        <Text role="alert" className="message">
          {error}
        </Text>
      )}
      {result !== null && !running && <ReviewResult t={t} lang={lang} result={result} onSelect={onSelect} />}
    </div>
  );
}

function ReviewResult({ t, lang, result, onSelect }: { t: Strings; lang: Lang; result: FileCheck; onSelect: (cell: string) => void }) {
  const label = CAUSE_WORDS[causeOf(result).cause];
  const reason = mainReason(result, lang);
  const role = RoleSchema.safeParse(result.role);
  const facts = [result.scheme !== null ? `${result.scheme}${role.success ? ` / ${FORM_WORDS[role.data][lang]}` : ""}` : null, result.level, result.total?.toFixed(2) ?? null].filter((x) => x !== null);
  return (
    <div className="stack" data-testid="review-result">
      <div className={`review-verdict review-${VERDICT_CLASS[result.verdict]}`}>
        <Text weight="semibold" size={400} data-testid="review-verdict">
          {lang === "en" ? asLabel(VERDICT_EN[result.verdict], lang) : result.verdict}
        </Text>
        {label !== null && <Text weight="semibold"> · {label[lang]}</Text>}
      </div>
      {facts.length > 0 && <Text size={200}>{facts.join(" · ")}</Text>}
      <Text data-testid="review-reason">{reason ?? t.reviewClean}</Text>
      {result.findings.length > 0 && (
        <section className="stack" aria-label={t.reviewMore(result.findings.length)}>
          <Text weight="semibold">{t.reviewMore(result.findings.length)}</Text>
          {result.findings.map((f, i) => {
            const line = findingLine(f, lang);
            const where = [line.clause !== null ? `${t.clause} ${line.clause}` : null, line.cell].filter((x) => x !== null).join(" · ");
            return (
              <Button
                key={`${line.code}-${line.cell ?? ""}-${i}`}
                className={`finding finding-${line.severity === "error" ? "error" : "warning"}`}
                appearance="subtle"
                disabled={line.cell === null}
                data-cell={line.cell ?? ""}
                onClick={() => line.cell !== null && onSelect(line.cell)}
              >
                <span>
                  <span className="code">{line.code}</span>
                  {where !== "" && <span className="where">{where}</span>}
                  <br />
                  {line.text}
                </span>
              </Button>
            );
          })}
        </section>
      )}
    </div>
  );
}
