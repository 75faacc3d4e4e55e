import type { Lang } from "../findings/language";
import type { Cycle } from "../scheme/schema";
import { RECERTIFICATION_WORDS, ruleText, STATUS_WORDS, type CertificateCycle } from "./cycle";

/** The certificate cycle as a table in words, the one wording the CLI (`starscore cycle`), the pane and the report lay out. */
export interface CycleTable {
  /** 证书周期（CCT-SC03-12 …） */
  title: string;
  /** 签发日期 2026-03-01 */
  issued: string;
  /** 有效期至 2029-03-01: the last day of validity, 36 months counted as 民法典 第二百零二条 counts them (scoring/dates.ts). */
  validTo: string;
  head: string[];
  /** One row a surveillance, then the recertification's; `flagged` when it is late or missing. */
  rows: { cells: string[]; flagged: boolean }[];
  /** 证书状态（截至 2029-04-01）：已于 2029-03-01 到期，未再认证; `expired` flags it. */
  state: string;
  expired: boolean;
}

export function cycleTable(c: CertificateCycle, rule: Cycle, lang: Lang): CycleTable {
  const zh = lang === "zh";
  const r = c.recertification;
  const window = zh ? `证书到期前 ${rule.recertificationWindowMonths} 个月内申请` : `applied for in the ${rule.recertificationWindowMonths} months before expiry`;
  const audit = r.audit === null ? "—" : r.by === "mark" ? (zh ? `${r.audit}（标记）` : `${r.audit} (marked)`) : r.audit;
  const recertification = {
    cells: [zh ? "再认证" : "Recertification", r.from, r.to, window, audit, RECERTIFICATION_WORDS[r.status][lang]],
    flagged: r.status === "missing",
  };
  const state =
    c.state === "expired"
      ? zh
        ? `已于 ${c.expires} 到期，未再认证`
        : `expired on ${c.expires} without recertification`
      : c.state === "recertified"
        ? zh
          ? `已再认证（${r.audit}）`
          : `recertified (${r.audit})`
        : zh
          ? "有效"
          : "valid";
  return {
    title: zh ? `证书周期（${c.source}）` : `Certificate cycle (${c.source})`,
    issued: zh ? `签发日期 ${c.issued}` : `Issued ${c.issued}`,
    validTo: zh ? `有效期至 ${c.expires}` : `valid to ${c.expires}`,
    head: zh ? ["审核", "起算", "期限", "依据", "审核日期", "状态"] : ["Audit", "From", "Deadline", "Rule", "Audit date", "Status"],
    rows: [
      ...c.surveillances.map((s) => ({
        cells: [zh ? `第 ${s.n} 次监督` : `Surveillance ${s.n}`, s.after, s.deadline, ruleText(s.rule, rule, lang), s.audit ?? "—", STATUS_WORDS[s.status][lang]],
        flagged: s.status === "late" || s.status === "missing",
      })),
      recertification,
    ],
    state: zh ? `证书状态（截至 ${c.today}）：${state}` : `Certificate as of ${c.today}: ${state}`,
    expired: c.state === "expired",
  };
}
