import { finding, type Finding } from "../findings/finding";
import type { Scheme } from "../scheme/load";

/**
 * A scheme's prerequisite decides whether the result is graded at all: the completeness spec applies only to
 * organisations already certified under GB/T 27922, so without that certificate's number there is nothing to
 * grade. True when the prerequisite is met (or the scheme has none); otherwise also pushes the finding.
 */
export function prerequisiteMet(scheme: Scheme, header: Readonly<Record<string, string | number | null>>, out: Finding[]): boolean {
  const p = scheme.prerequisite;
  if (p === undefined) return true;
  const value = header[p.header];
  if (value !== undefined && value !== null && String(value).trim() !== "") return true;
  out.push(finding("SS601", { field: p.header }, { header: p.header, zh: p.zh, en: p.en }));
  return false;
}
