import { Button, Text } from "@fluentui/react-components";
import { describe, sortFindings, type Finding } from "../findings/finding";
import type { Lang, Strings } from "./i18n";

export interface FindingsViewProps {
  t: Strings;
  lang: Lang;
  findings: readonly Finding[];
  onSelect: (finding: Finding) => void;
}

type Group = "error" | "missing" | "evidence" | "warning";

function groupOf(f: Finding): Group {
  if (f.kind === "missing") return "missing";
  if (f.kind === "evidence") return "evidence";
  return f.severity === "error" ? "error" : "warning";
}

/** The engine's findings: errors first, then missing entries and evidence, then warnings; each selects its cell. */
export function FindingsView({ t, lang, findings, onSelect }: FindingsViewProps) {
  if (findings.length === 0) return <Text>{t.findingsNone}</Text>;
  const sorted = sortFindings(findings);
  const groups: [Group, string][] = [
    ["error", t.kindError],
    ["missing", t.kindMissing],
    ["evidence", t.kindEvidence],
    ["warning", t.kindWarning],
  ];
  return (
    <div className="stack">
      {groups.map(([group, title]) => {
        const list = sorted.filter((f) => groupOf(f) === group);
        if (list.length === 0) return null;
        return (
          <section key={group} aria-label={title} className="stack">
            <Text weight="semibold">
              {title}（{list.length}）
            </Text>
            {list.map((f, i) => (
              <Button
                key={`${f.code}-${f.location.cell ?? f.location.clause ?? i}-${i}`}
                className={`finding finding-${group}`}
                appearance="subtle"
                onClick={() => onSelect(f)}
                disabled={f.location.cell === undefined}
                data-cell={f.location.cell ?? ""}
              >
                <span className="code">{f.code}</span> {describe(f, lang)}
              </Button>
            ))}
          </section>
        );
      })}
    </div>
  );
}
