/** Where the pane runs, for the self-test's report: what an organisation's IT needs to tell whether StarScore runs. */
export interface OfficeInfo {
  host: string;
  platform: string;
  version: string;
  /** The requirement sets StarScore uses, each with whether this Excel supports it. */
  sets: { name: string; supported: boolean }[];
}

/** ExcelApi 1.1–1.14 (1.9: workbook-level change events; 1.14: their triggerSource) and the dialog API. */
const SETS: [string, string][] = [...Array.from({ length: 14 }, (_, i): [string, string] => ["ExcelApi", `1.${i + 1}`]), ["DialogApi", "1.1"], ["DialogApi", "1.2"]];

export function officeInfo(): OfficeInfo {
  const d = typeof Office === "undefined" ? undefined : Office.context?.diagnostics;
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  return {
    host: String(d?.host ?? "?"),
    platform: String(d?.platform ?? "?"),
    version: d?.version ?? "?",
    sets: SETS.map(([set, v]) => ({ name: `${set} ${v}`, supported: requirements?.isSetSupported(set, v) ?? false })),
  };
}
