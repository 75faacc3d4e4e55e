import type { Lang } from "../findings/language";
import type { Scheme } from "../scheme/load";
import type { ScoreCard } from "../scoring/card";
import { decideCertification, decisionJson, decisionMessage, UnknownLevelError, type AuditType } from "../scoring/surveillance";
import { UsageError } from "./io";

/**
 * `starscore score … --certified <level> [--audit surveillance|recertification]`: the CCT §8.1.3 / §8.2
 * decision, as a line under the table and a `surveillance` object in the JSON. Undefined without --certified.
 */
export function certificationDecision(
  scheme: Scheme,
  card: ScoreCard,
  certified: string | undefined,
  audit: string | undefined,
  lang: Lang,
): { text: string; json: { surveillance: ReturnType<typeof decisionJson> } } | undefined {
  if (certified === undefined) {
    if (audit !== undefined) throw new UsageError("--audit needs --certified <level>");
    return undefined;
  }
  // --audit is one of its declared choices (commandLine.ts): parseCommand refused any other.
  try {
    const d = decideCertification(scheme, certified, card, (audit ?? "surveillance") as AuditType);
    return { text: `\n\n${decisionMessage(d, lang)}`, json: { surveillance: decisionJson(d, lang) } };
  } catch (e) {
    if (e instanceof UnknownLevelError) throw new UsageError(`--certified: ${e.message}`);
    throw e;
  }
}
