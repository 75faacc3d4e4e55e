import { loadSchemes } from "../../src/cli/schemeFiles";
import type { Assessment, Entry } from "../../src/scoring/assessment";

const schemes = loadSchemes();
const SELF = schemes.get("gbt27922-2011-self");
const CCT = schemes.get("cct-sc03-12");

/**
 * Hand-worked: the self form at full marks except 5.1.2.2 (4 of 5) and 5.2.4.3 (1 of 3), 5.2.1.4 不适用;
 * the CCT audit at 100 % except 5.1.2.1 (50 % of 2), 5.1.5.2 (50 % of 6), 5.2.5.5 不适用.
 */
export function handPair(): { self: Assessment; audit: Assessment } {
  if (SELF === undefined || CCT === undefined) throw new Error("schemes missing");
  const selfScores: Record<string, number | "不适用"> = { "5.1.2.2": 4, "5.2.4.3": 1, "5.2.1.4": "不适用" };
  const selfEntries: Record<string, Entry> = {};
  for (const item of SELF.items) {
    const s = selfScores[item.clause] ?? item.max;
    selfEntries[item.clause] = s === "不适用" ? { conclusion: "不适用" } : { conclusion: "符合", score: s, evidence: "见附件" };
  }
  const auditPercents: Record<string, number | "不适用"> = { "5.1.2.1": 50, "5.1.5.2": 50, "5.2.5.5": "不适用" };
  const auditEntries: Record<string, Entry> = {};
  for (const item of CCT.items) auditEntries[item.clause] = { percent: auditPercents[item.clause] ?? 100 };
  return {
    self: { scheme: SELF.id, role: "self", header: { 组织名称: "甲公司" }, entries: selfEntries },
    audit: { scheme: CCT.id, role: "audit", header: { 组织名称: "甲公司" }, entries: auditEntries },
  };
}

