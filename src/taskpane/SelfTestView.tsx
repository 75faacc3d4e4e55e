import { Badge, Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { StepResult } from "../excel/selfTest";
import type { Strings } from "./i18n";
import type { OfficeInfo } from "./officeInfo";

export interface SelfTestViewProps {
  t: Strings;
  info: OfficeInfo;
  results: StepResult[] | null;
  running: boolean;
  onRun: () => void;
}

/** The self-test's result as plain text, to paste into a message: platform, version, sets, each step. */
export function selfTestText(t: Strings, info: OfficeInfo, results: readonly StepResult[]): string {
  return [
    t.selfTestTitle,
    `${t.selfTestPlatform}: ${info.host} · ${info.platform} · ${info.version}`,
    `${t.selfTestSets}: ${info.sets.filter((s) => s.supported).map((s) => s.name).join(", ") || "-"}`,
    `${t.selfTestMissing}: ${info.sets.filter((s) => !s.supported).map((s) => s.name).join(", ") || "-"}`,
    ...results.map((r, i) => `${i + 1}. ${t.selfTestStep[r.step]}: ${t.selfTestStatus[r.status]}${r.detail !== null ? ` — ${r.detail}` : ""}${r.left !== undefined && r.left.length > 0 ? `\n   ${t.selfTestLeft(r.left)}` : ""}`),
  ].join("\n");
}

/** Copies text; in an Office webview without clipboard permission, through a selected text area. */
async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
}

/** 自检: runs the self-test on a scratch sheet and shows each step, with a button that copies the result. */
export function SelfTestView({ t, info, results, running, onRun }: SelfTestViewProps) {
  const [copied, setCopied] = useState(false);
  const text = results === null ? null : selfTestText(t, info, results);
  return (
    <div className="stack">
      <Text size={200}>{t.selfTestIntro}</Text>
      <Text size={200} className="note" data-testid="undo-note">
        {t.undoSelfTest}
      </Text>
      <Text size={200} data-testid="selftest-platform">
        {t.selfTestPlatform}: {info.host} · {info.platform} · {info.version}
      </Text>
      <Button appearance="primary" disabled={running} onClick={onRun}>
        {running ? t.selfTestRunning : t.selfTestRun}
      </Button>
      {results !== null && (
        <ol className="stack" data-testid="selftest-steps">
          {results.map((r) => (
            <li key={r.step} data-step={r.step} data-status={r.status}>
              <Text>{t.selfTestStep[r.step]} </Text>
              <Badge appearance="filled" color={r.status === "passed" ? "success" : r.status === "failed" ? "danger" : "informative"}>
                {t.selfTestStatus[r.status]}
              </Badge>
              {r.detail !== null && <Text size={200}> {r.detail}</Text>}
              {r.left !== undefined && r.left.length > 0 && (
                <Text size={200} role="alert" className="message" data-testid="selftest-left">
                  {t.selfTestLeft(r.left)}
                </Text>
              )}
            </li>
          ))}
        </ol>
      )}
      {text !== null && !running && (
        <>
          <textarea readOnly value={text} rows={8} data-testid="selftest-text" />
          <Button
            onClick={() =>
              void copy(text).then(() => {
                setCopied(true);
              })
            }
          >
            {copied ? t.selfTestCopied : t.selfTestCopy}
          </Button>
        </>
      )}
    </div>
  );
}
