import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Scheme } from "../scheme/load";
import type { Role } from "../scheme/roles";
import type { KnownSheet } from "../excel/session";
import type { Strings } from "./i18n";

export interface StartViewProps {
  t: Strings;
  schemes: Scheme[];
  titleOf: (s: Scheme) => string;
  existing: KnownSheet[];
  busy: boolean;
  message: string | null;
  onLayOut: (scheme: Scheme, role: Role) => void;
  onUse: (entry: KnownSheet) => void;
  onRelayOut: (entry: KnownSheet) => void;
}

/** Pick a scheme and a form, and lay it out on a new sheet; or pick up a sheet laid out before. */
export function StartView({ t, schemes, titleOf, existing, busy, message, onLayOut, onUse, onRelayOut }: StartViewProps) {
  const [schemeId, setSchemeId] = useState(schemes[0]?.id ?? "");
  const scheme = schemes.find((s) => s.id === schemeId) ?? schemes[0];
  const roles: Role[] = scheme?.kind === "checklist" ? ["checklist"] : ["self", "audit"];
  const [role, setRole] = useState<Role>("self");
  const effectiveRole = roles.includes(role) ? role : (roles[0] as Role);
  const roleName: Record<Role, string> = { self: t.roleSelf, audit: t.roleAudit, checklist: t.roleChecklist };
  return (
    <div className="stack">
      <Field label={t.scheme}>
        <Select value={schemeId} onChange={(_, d) => setSchemeId(d.value)}>
          {schemes.map((s) => (
            <option key={s.id} value={s.id}>
              {titleOf(s)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.role}>
        <Select value={effectiveRole} onChange={(_, d) => setRole(d.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleName[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" disabled={busy || scheme === undefined} onClick={() => scheme !== undefined && onLayOut(scheme, effectiveRole)}>
        {busy ? t.layingOut : t.layOut}
      </Button>
      <Text size={200} className="note" data-testid="undo-note">
        {t.undoLayout}
      </Text>
      {message !== null && (
        <Text role="status" className="message">
          {message}
        </Text>
      )}
      {existing.length > 0 && (
        <div className="stack">
          <Text weight="semibold">{t.existing}</Text>
          {existing.map((e) => (
            <div key={e.sheet} className="existing">
              <Text>
                {e.sheet} · {e.layout.schemeId} {e.layout.schemeVersion}
              </Text>
              <div className="row">
                <Button size="small" onClick={() => onUse(e)}>
                  {t.use}
                </Button>
                <Button size="small" disabled={busy} onClick={() => onRelayOut(e)}>
                  {t.relayOut}
                </Button>
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
