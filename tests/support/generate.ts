import type { Scheme } from "../../src/scheme/load";
import type { Assessment, Entry } from "../../src/scoring/assessment";
import type { Role } from "../../src/scheme/roles";
import { NOT_APPLICABLE_WORDS } from "../../src/scheme/words";

/** mulberry32: a small seeded generator, so every generated assessment can be made again from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Why a generated item is left out (CCT 6.3.6 asks for one). */
const REASON = "本企业及其商品不涉及此项";
/** Sample sizes whose shares are exact decimals, so the percentage typed beside a record is exact too. */
const SAMPLE_SIZES = [10, 8, 5, 20, 4];
const FULL_WIDTH = (s: string) => s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export interface GenerateOptions {
  role?: Role;
  /** Share of items not applicable. */
  naShare?: number;
  /** Type values as people do (95%, ９５, 3分) instead of plain numbers. */
  lenient?: boolean;
  /** Lowest percentage / share of an item's points. */
  floor?: number;
  specials?: boolean;
  /** Every applicable item at exactly this percentage (or share of its points): lands totals on boundaries. */
  fixedPercent?: number;
  /** Share of items left unfilled, as a form part-way through: blank, or (self) one of its two entries blank. */
  unfilledShare?: number;
  /** 申报级别 in the header: a level of the scheme picked at random (the self form always has one). */
  claim?: boolean;
}

/**
 * A plausible, valid assessment of `scheme`: every applicable item filled, some not applicable,
 * sometimes deductions and a bonus. Values are on a 0.5 % grid (or half points) as people enter them.
 */
export function generateAssessment(scheme: Scheme, seed: number, options: GenerateOptions = {}): Assessment {
  const rnd = seeded(seed);
  const role: Role = options.role ?? (scheme.kind === "checklist" ? "checklist" : "audit");
  const naShare = options.naShare ?? 0.05;
  const floor = options.floor ?? 60;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const entries: Record<string, Entry> = {};
  const samplesNeeded = scheme.partialCredit?.needsSamples === true;
  const unfilledShare = options.unfilledShare ?? 0;
  for (const item of scheme.items) {
    if (unfilledShare > 0 && rnd() < unfilledShare) {
      // Unfilled: nothing at all, or on the self form a conclusion without a score or a score without a conclusion.
      const half = rnd();
      if (role === "self" && half < 0.3) entries[item.clause] = { conclusion: "符合" };
      else if (role === "self" && half < 0.6) entries[item.clause] = { score: item.max };
      continue;
    }
    const na = rnd() < naShare;
    if (role === "checklist") {
      entries[item.clause] = na ? { conclusion: "不适用", reason: REASON } : { conclusion: rnd() < 0.9 ? "符合" : "不符合" };
      continue;
    }
    if (na) {
      entries[item.clause] = role === "audit" ? (rnd() < 0.5 ? { applicable: false, reason: REASON } : { percent: pick(NOT_APPLICABLE_WORDS), reason: REASON }) : { conclusion: "不适用", reason: REASON };
      continue;
    }
    const drawn = options.fixedPercent ?? Math.round((floor + rnd() * (100 - floor)) * 2) / 2;
    // Where partial credit needs samples, a qualitative indicator is all or nothing (评分要求 2): the lowest 10 % of
    // draws do not conform (0 %), the rest do (100 %); the boundary cases keep their fixed share on every item.
    const allOrNothing = samplesNeeded && role === "audit" && item.scoring?.by !== "samples" && options.fixedPercent === undefined;
    const percent = allOrNothing ? (drawn < floor + 0.1 * (100 - floor) ? 0 : 100) : drawn;
    if (role === "audit") {
      const typed = options.lenient === true ? pick([String(percent), `${percent}%`, `${percent} %`, FULL_WIDTH(`${percent}%`)]) : percent;
      const full = options.fixedPercent === undefined && rnd() < 0.3;
      // Where partial credit needs samples (CCT 评分要求 1), a sampled indicator's partial share comes from a sample record of a
      // realistic size (by the item's place, so the random sequence is the same as without); the percentage
      // typed beside it is the share it gives, exactly.
      const checked = samplesNeeded && item.scoring?.by === "samples" && !full && percent < 100 ? (SAMPLE_SIZES[item.index % SAMPLE_SIZES.length] as number) : undefined;
      if (checked !== undefined) {
        const nonconforming = Math.round((checked * (100 - percent)) / 100);
        const share = ((checked - nonconforming) * 100) / checked;
        const typedShare = options.lenient === true ? `${share}%` : share;
        // Full points need no record; a 0-point row has none to lose.
        entries[item.clause] = nonconforming === 0 || item.max === 0 ? { percent: typedShare } : { percent: typedShare, samples: { checked, nonconforming } };
      } else {
        entries[item.clause] = { percent: full ? 100 : typed };
      }
    } else {
      const score = options.fixedPercent !== undefined ? item.max * (percent / 100) : Math.round(item.max * (percent / 100) * 2) / 2;
      const typed = options.lenient === true ? pick([String(score), `${score}分`, `${score} 分`, FULL_WIDTH(String(score))]) : score;
      entries[item.clause] = {
        conclusion: score === 0 && item.max > 0 ? "不符合" : "符合",
        score: typed,
        evidence: (item.evidence ?? []).join("；"),
      };
    }
  }
  // Special deductions and the bonus are the auditor's: a self-assessment has none.
  const specials = (options.specials ?? true) && role === "audit";
  const deductionCount = specials && scheme.special?.deduction !== undefined ? pick([0, 0, 0, 1, 1, 2, 3, 5]) : 0;
  const deductions = Array.from({ length: deductionCount }, (_, i) => ({ clause: pick(scheme.items).clause, reason: `现场发现问题 ${i + 1}` }));
  const bonus = specials && scheme.special?.bonus !== undefined && rnd() < 0.3 ? { points: pick([0.5, 1]), reason: "服务创新，行业领先" } : null;
  return {
    scheme: scheme.id,
    schemeVersion: scheme.version,
    role,
    header: { 组织名称: `示例企业 ${seed} 有限公司`, ...(role === "self" || options.claim === true ? { 申报级别: pick(scheme.levels ?? [])?.name ?? "" } : {}) },
    entries,
    ...(deductions.length > 0 ? { deductions } : {}),
    ...(bonus !== null ? { bonus } : {}),
  };
}
