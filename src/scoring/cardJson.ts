import { toJson, sortFindings } from "../findings/finding";
import type { Lang } from "../findings/language";
import type { ScoreCard } from "./card";

/** The ScoreCard as `starscore score --json` prints it; the same shape for JSON and workbook input. */
export function scoreCardJson(card: ScoreCard, header: Readonly<Record<string, unknown>>, lang: Lang) {
  const organisation = header["组织名称"];
  return {
    scheme: card.schemeId,
    schemeVersion: card.schemeVersion,
    role: card.role,
    organisation: typeof organisation === "string" || typeof organisation === "number" ? String(organisation) : null,
    total: card.total,
    raw: card.raw,
    applicableMax: card.applicableMax,
    fullMarks: card.fullMarks,
    notApplicable: card.notApplicableCount,
    deductions: card.deductionCount,
    deductionPoints: card.deductionPoints,
    bonus: card.bonus,
    graded: card.graded,
    /** Items with an entry still empty; while above 0 there is no level and no pass (未填完). */
    unfilled: card.unfilled,
    passed: card.passed,
    level: card.level?.name ?? null,
    levelEn: card.level?.nameEn ?? null,
    stars: card.level?.stars ?? null,
    claimedLevel: card.claimedLevel?.name ?? null,
    sections: Object.fromEntries(card.sections.map((s) => [s.id, s.earned])),
    sectionDetails: card.sections,
    checklist: card.checklist,
    findings: sortFindings(card.findings).map((f) => toJson(f, lang)),
  };
}

export type ScoreCardJson = ReturnType<typeof scoreCardJson>;
