import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import type { ScoreCard } from "../scoring/card";
import { materialLines } from "../scoring/materials";
import { qualitative, readSamples, sampledPoints, sampleShare } from "../scoring/samples";
import type { RowEntries } from "../excel/writeRow";
import type { Strings } from "./i18n";

/** The clause of the item row selected in Excel, numbered so that selecting the same row again still moves the tab. */
export interface Selected {
  clause: string;
  seq: number;
}

export interface RowViewProps {
  t: Strings;
  scheme: Scheme;
  assessment: Assessment;
  card: ScoreCard;
  /** Whether the sheet has 样本数 / 不符合数 cells (schemes that score on samples). */
  hasSamples: boolean;
  /** The clause of the item row selected in Excel, numbered (null: none); the list stays for picking one by hand. */
  selected: Selected | null;
  onSave: (clause: string, values: RowEntries) => void;
}

const shown = (n: string | number | null | undefined): string => (n === undefined || n === null ? "" : String(n));

/** What the form shows for a clause: its sample counts and remark as the last live read of the sheet has them. */
function fieldsOf(assessment: Assessment, clause: string): { checked: string; nonconforming: string; reason: string } {
  const e = assessment.entries[clause];
  // On the self form the remark is the evidence cell's first line (the first material's), where 删减 reasons go.
  const firstLine = typeof e?.evidence === "string" ? e.evidence : (e?.evidence?.[0] ?? "");
  return { checked: shown(e?.samples?.checked), nonconforming: shown(e?.samples?.nonconforming), reason: e?.note ?? firstLine };
}

/**
 * The clause's required materials as the scheme words them, each with the applicant's entry from the last live read
 * or 缺 where its line is empty (issue 22); a clause left out owes none. Typed into the sheet's own lines.
 */
function Materials({ t, lines, owed }: { t: Strings; lines: ReturnType<typeof materialLines>; owed: boolean }) {
  const missing = lines.filter((l) => l.entry === "").length;
  return (
    <div className="stack" data-testid="row-materials">
      <Text weight="semibold">{owed && missing > 0 ? t.rowMaterialsMissing(missing, lines.length) : t.rowMaterials(lines.length)}</Text>
      <ol className="materials">
        {lines.map((l, k) => (
          <li key={k} data-testid="row-material" data-missing={owed && l.entry === "" ? "true" : "false"}>
            <Text size={200}>{l.material}</Text>
            <br />
            <Text size={200} weight={l.entry === "" ? "semibold" : "regular"}>
              {l.entry !== "" ? `→ ${l.entry}` : owed ? t.rowMaterialMissing : t.rowMaterialNotOwed}
            </Text>
          </li>
        ))}
      </ol>
    </div>
  );
}

const count = (text: string): number | null => (/^\s*[0-9]+\s*$/.test(text) ? Number(text) : null);

/**
 * One item at a time: its sample record (样本数 / 不符合数, with the share and points it gives, CCT 附件2 评分要求 1)
 * and its remark, which on a row left out is the reason for 删减 (6.3.6). Written to that row's cells. It follows
 * the item row selected in Excel (`selected`), pre-filled from the live read, with no read of its own.
 */
export function RowView({ t, scheme, assessment, card, hasSamples, selected, onSave }: RowViewProps) {
  const initial = selected?.clause ?? scheme.items.find((i) => i.max > 0)?.clause ?? "";
  const [clause, setClause] = useState(initial);
  const [checked, setChecked] = useState(() => fieldsOf(assessment, initial).checked);
  const [nonconforming, setNonconforming] = useState(() => fieldsOf(assessment, initial).nonconforming);
  const [reason, setReason] = useState(() => fieldsOf(assessment, initial).reason);
  const pick = (c: string) => {
    const f = fieldsOf(assessment, c);
    setClause(c);
    setChecked(f.checked);
    setNonconforming(f.nonconforming);
    setReason(f.reason);
  };
  useEffect(() => {
    if (selected !== null) pick(selected.clause);
    // Each time a row is selected in Excel, even the same row again: what the user is typing here stays otherwise.
  }, [selected?.seq]);
  const item = scheme.byClause.get(clause);
  // A qualitative indicator (评分要求 2) has no sample cells on the sheet: only its remark is written.
  const allOrNothing = item === undefined ? null : qualitative(scheme.partialCredit, item);
  const sampled = hasSamples && allOrNothing === null;
  const score = item === undefined ? undefined : card.items[item.index];
  const record = item === undefined ? null : readSamples(clause, { samples: { checked, nonconforming } }, []);
  const preview = item !== undefined && record !== null ? t.rowPreview(`${Number((sampleShare(record) * 100).toFixed(2))}%`, sampledPoints(item.max, record).toFixed(2)) : null;
  const typed = checked.trim() !== "" || nonconforming.trim() !== "";
  return (
    <div className="stack">
      <Field label={t.clause}>
        <Select value={clause} onChange={(_, d) => pick(d.value)} data-testid="row-clause">
          {scheme.items.map((i) => (
            <option key={i.clause} value={i.clause}>
              {i.clause} {i.code ?? ""}
            </option>
          ))}
        </Select>
      </Field>
      {item !== undefined && <Text size={200}>{item.text}</Text>}
      {item !== undefined && (item.evidence?.length ?? 0) > 0 && <Materials t={t} lines={materialLines(item, assessment.entries[clause]?.evidence)} owed={score?.applicable !== false} />}
      {hasSamples && allOrNothing !== null && (
        <Text size={200} data-testid="row-qualitative">
          {t.rowQualitative(allOrNothing.why)}
        </Text>
      )}
      {sampled && (
        <>
          <Field label={t.rowChecked}>
            <Input value={checked} inputMode="numeric" onChange={(_, d) => setChecked(d.value)} data-testid="row-checked" />
          </Field>
          <Field label={t.rowNonconforming}>
            <Input value={nonconforming} inputMode="numeric" onChange={(_, d) => setNonconforming(d.value)} data-testid="row-nonconforming" />
          </Field>
          {preview !== null && <Text data-testid="row-preview">{preview}</Text>}
          {typed && record === null && <Text role="alert">{t.rowInvalid}</Text>}
        </>
      )}
      <Field label={score !== undefined && !score.applicable ? t.rowReason : t.rowRemark}>
        <Input value={reason} onChange={(_, d) => setReason(d.value)} data-testid="row-reason" />
      </Field>
      <Button
        appearance="primary"
        disabled={sampled && typed && record === null}
        onClick={() => onSave(clause, sampled ? { checked: count(checked), nonconforming: count(nonconforming), reason } : { reason })}
        data-testid="row-save"
      >
        {t.save}
      </Button>
    </div>
  );
}
