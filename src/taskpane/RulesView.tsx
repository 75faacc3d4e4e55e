import { Text } from "@fluentui/react-components";
import type { Scheme } from "../scheme/load";
import type { ScoreCard } from "../scoring/card";
import { sampleShare } from "../scoring/samples";
import type { Strings } from "./i18n";

export interface RulesViewProps {
  t: Strings;
  scheme: Scheme;
  card: ScoreCard;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Under the live result: each item's sample record, and what was left out (删减) with its reason or the lack of one. */
export function RulesView({ t, scheme, card }: RulesViewProps) {
  const sampled = card.items.filter((i) => i.samples !== null);
  const leftOut = card.items.filter((i) => !i.applicable && i.max > 0);
  if (sampled.length === 0 && leftOut.length === 0) return null;
  return (
    <div className="stack" data-testid="rules">
      {sampled.length > 0 && <Text weight="semibold">{t.rulesSamples}</Text>}
      {sampled.map((i) =>
        i.samples === null ? null : (
          <Text key={i.clause} size={200} data-testid="rules-sample">
            {i.clause} {scheme.items.find((x) => x.clause === i.clause)?.code ?? ""} ·{" "}
            {t.rulesSample(i.samples.checked, i.samples.nonconforming, `${fmt(sampleShare(i.samples) * 100)}%`)}
          </Text>
        ),
      )}
      {leftOut.length > 0 && <Text weight="semibold">{t.rulesLeftOut(leftOut.length, fmt(leftOut.reduce((n, i) => n + i.max, 0)))}</Text>}
      {leftOut.map((i) => (
        <Text key={i.clause} size={200} data-testid="rules-left-out">
          {i.clause} · {i.reason ?? t.rulesNoReason}
        </Text>
      ))}
    </div>
  );
}
