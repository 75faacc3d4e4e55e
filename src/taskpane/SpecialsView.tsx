import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Role } from "../scheme/roles";
import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import type { Strings } from "./i18n";

type Deductions = NonNullable<Assessment["deductions"]>;

export interface SpecialsViewProps {
  t: Strings;
  scheme: Scheme;
  /** The sheet's role: only the auditor's sheet has rows for special deductions and the bonus. */
  role: Role;
  deductions: Deductions;
  bonus: Assessment["bonus"];
  onSave: (deductions: Deductions, bonus: Assessment["bonus"]) => void;
}

/** Add and remove special deductions with a reason, and the bonus with its reason; written to the sheet's rows. */
export function SpecialsView({ t, scheme, role, deductions, bonus, onSave }: SpecialsViewProps) {
  const [list, setList] = useState<Deductions>(deductions);
  const [points, setPoints] = useState(bonus?.points === undefined || bonus?.points === null ? "" : String(bonus.points));
  const [why, setWhy] = useState(bonus?.reason ?? "");
  if (scheme.special === undefined) return <Text>{t.noSpecials}</Text>;
  if (role !== "audit") return <Text>{t.specialsAuditors}</Text>;
  const update = (i: number, patch: Partial<Deductions[number]>) => setList(list.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  return (
    <div className="stack">
      {scheme.special.deduction !== undefined &&
        list.map((d, i) => (
          <div key={i} className="deduction">
            <Field label={`${t.clause} ${i + 1}`}>
              <Input value={d.clause ?? ""} onChange={(_, v) => update(i, { clause: v.value })} />
            </Field>
            <Field label={t.reason}>
              <Input value={d.reason} onChange={(_, v) => update(i, { reason: v.value })} />
            </Field>
            <Button size="small" onClick={() => setList(list.filter((_, k) => k !== i))}>
              {t.remove}
            </Button>
          </div>
        ))}
      {scheme.special.deduction !== undefined && (
        <Button onClick={() => setList([...list, { clause: "", reason: "" }])}>{t.addDeduction}</Button>
      )}
      {scheme.special.bonus !== undefined && (
        <>
          <Field label={t.bonusPoints}>
            <Input value={points} inputMode="decimal" onChange={(_, v) => setPoints(v.value)} />
          </Field>
          <Field label={t.bonusReason}>
            <Input value={why} onChange={(_, v) => setWhy(v.value)} />
          </Field>
        </>
      )}
      <Button appearance="primary" onClick={() => onSave(list, points.trim() === "" && why.trim() === "" ? null : { points: points.trim() === "" ? null : points, reason: why })}>
        {t.save}
      </Button>
    </div>
  );
}
