import { Badge, Button, Text } from "@fluentui/react-components";
import type { Scheme } from "../scheme/load";
import { asLabel } from "../findings/language";
import { resultName } from "../scoring/levels";
import type { ScoreCard } from "../scoring/card";
import type { Lang, Strings } from "./i18n";

export interface LiveViewProps {
  t: Strings;
  lang: Lang;
  scheme: Scheme;
  card: ScoreCard;
  busy: boolean;
  /** Whether the sheet takes an audit report (a self-assessment is not an audit: it has none). */
  canReport: boolean;
  onRadar: () => void;
  onReport: () => void;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Total, level with its stars, pass or fail, a bar per section, N/A rescaling, deductions and bonus. */
export function LiveView({ t, lang, scheme, card, busy, canReport, onRadar, onReport }: LiveViewProps) {
  const level = asLabel(resultName(card, scheme, lang), lang);
  return (
    <div className="stack">
      {card.total !== null ? (
        <div className="total" aria-live="polite">
          <Text size={800} weight="bold" data-testid="total">
            {card.total.toFixed(2)}
          </Text>
          <Text> / {fmt(card.fullMarks ?? 0)}</Text>
        </div>
      ) : (
        <div className="row">
          <Text data-testid="conform">
            {t.conform} {card.checklist?.conform ?? 0}
          </Text>
          <Text>
            {t.nonconform} {card.checklist?.nonconform ?? 0}
          </Text>
          <Text>
            {t.missing} {card.checklist?.missing ?? 0}
          </Text>
        </div>
      )}
      <div className="row">
        <Text weight="semibold" data-testid="level">
          {level}
        </Text>
        {card.level !== null && card.level.stars > 0 && (
          <Text className="stars" aria-label={`${card.level.stars}★`}>
            {"★".repeat(card.level.stars)}
          </Text>
        )}
        <Badge appearance="filled" color={card.unfilled > 0 ? "warning" : card.passed ? "success" : "danger"} data-testid="verdict">
          {card.unfilled > 0 ? t.incomplete : card.passed ? t.passed : t.failed}
        </Badge>
      </div>
      {card.total !== null && (
        <>
          {card.notApplicableCount > 0 && (
            <Text size={200}>
              {t.notApplicable(card.notApplicableCount)} · {t.rescale(card.raw.toFixed(2), fmt(card.applicableMax), fmt(card.fullMarks ?? 0), card.rescaled.toFixed(2))}
            </Text>
          )}
          {scheme.special !== undefined && card.role === "audit" && (
            <Text size={200}>
              {t.deductions(card.deductionCount, fmt(card.deductionPoints))} · {t.bonus(fmt(card.bonus))}
            </Text>
          )}
          <Text weight="semibold">{t.sections}</Text>
          {card.sections.map((s, i) => {
            const section = scheme.sections[i];
            const title = lang === "en" ? (section?.titleEn ?? s.title) : s.title;
            const share = s.applicableMax > 0 ? s.earned / s.applicableMax : 0;
            return (
              <div key={s.id} className="bar">
                <div className="row spread">
                  <Text size={200}>
                    {s.id} {title}
                  </Text>
                  <Text size={200}>
                    {s.earned.toFixed(2)} / {fmt(s.applicableMax)}
                  </Text>
                </div>
                <div className="track" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} aria-label={`${s.id} ${title}`}>
                  <div className="fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
                </div>
              </div>
            );
          })}
          <div className="row">
            <Button size="small" disabled={busy} onClick={onRadar}>
              {t.addRadar}
            </Button>
            {canReport && (
              <Button size="small" onClick={onReport}>
                {t.report}
              </Button>
            )}
          </div>
          <Text size={200} className="note" data-testid="undo-note">
            {t.undoRadar}
          </Text>
        </>
      )}
    </div>
  );
}
