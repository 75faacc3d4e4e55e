import type { Lang } from "../findings/language";
import type { Cycle } from "../scheme/schema";
import { ruleText, STATUS_WORDS, type CertificateCycle } from "./cycle";

/** The certificate cycle as a table in words, the one wording the CLI (`starscore cycle`) and the report lay out. */
export interface CycleTable {
  /** 证书周期（CCT-SC03-12 …） */
  title: string;
  /** 签发日期 2026-03-01 */
  issued: string;
  /** 有效期至 2029-02-28 */
  validTo: string;
  head: string[];
  /** One row a surveillance; `flagged` when it is late or missing. */
  rows: { cells: string[]; flagged: boolean }[];
}

export function cycleTable(c: CertificateCycle, rule: Cycle, lang: Lang): CycleTable {
  const zh = lang === "zh";
  return {
    title: zh ? `证书周期（${c.source}）` : `Certificate cycle (${c.source})`,
    issued: zh ? `签发日期 ${c.issued}` : `Issued ${c.issued}`,
    validTo: zh ? `有效期至 ${c.expires}` : `valid to ${c.expires}`,
    head: zh ? ["监督", "起算", "期限", "依据", "审核日期", "状态"] : ["Surveillance", "From", "Deadline", "Rule", "Audit", "Status"],
    rows: c.surveillances.map((s) => ({
      cells: [zh ? `第 ${s.n} 次` : `#${s.n}`, s.after, s.deadline, ruleText(s.rule, rule, lang), s.audit ?? "—", STATUS_WORDS[s.status][lang]],
      flagged: s.status === "late" || s.status === "missing",
    })),
  };
}
