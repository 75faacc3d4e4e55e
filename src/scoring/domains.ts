import type { DomainGroup, ServiceDomains } from "../scheme/schema";
import { fold } from "./lenient";

/**
 * Service domains (服务领域, CCT/GZ-SC03-12 附件3) from a scheme's `certification.serviceDomains`. Pure.
 * A code is a group code (SC-03, also written SC03, sc-3, ＳＣ－０３), a group's own code (03.00) or a
 * 专业代码 (611, 18.01).
 */

export interface DomainMatch {
  /** The code as the table writes it (SC-03, 03.00, 611). */
  code: string;
  /** The entry's name, or the group's for a group code. */
  name: string;
  group: DomainGroup;
  /** True when the code is a group code (SC-03 or 03.00) rather than one 专业代码. */
  isGroup: boolean;
  /** Whether the rule applies to the group (本规则适用认证领域). */
  applies: boolean;
}

/** `SC03`, `sc-3`, `ＳＣ－０３` → `SC-03`; other text comes back folded and trimmed. */
function normalise(code: string): string {
  const text = fold(code).trim().replace(/[－—–]/g, "-");
  const sc = /^sc\s*-?\s*([0-9]{1,2})$/i.exec(text);
  if (sc !== null) return `SC-${(sc[1] ?? "").padStart(2, "0")}`;
  return text;
}

/** The group or 专业代码 a code names, or null when the table has no such code. */
export function serviceDomain(domains: ServiceDomains, code: string): DomainMatch | null {
  const wanted = normalise(code);
  if (wanted === "") return null;
  const applies = (g: DomainGroup) => domains.appliesTo.includes(g.code);
  for (const group of domains.groups) {
    if (group.code === wanted || group.number === wanted) return { code: wanted, name: group.name, group, isGroup: true, applies: applies(group) };
    const entry = group.entries.find((e) => e.code === wanted);
    if (entry !== undefined) return { code: entry.code, name: entry.name, group, isGroup: false, applies: applies(group) };
  }
  return null;
}

/** One code named in a header text, looked up. */
export interface NamedDomain {
  text: string;
  match: DomainMatch | null;
}

/**
 * The codes a 服务领域 header names: "SC-03", "611 批发业服务", "611、622", "SC-03 批发业和零售业服务".
 * Codes are read from the text; a text without any code is looked up by name (批发业服务). A text that
 * names nothing recognisable comes back as one unmatched entry, so the caller can report it.
 */
export function domainsNamed(domains: ServiceDomains, header: string): NamedDomain[] {
  const text = fold(header).trim().replace(/[－—–]/g, "-");
  if (text === "") return [];
  const codes = text.match(/sc\s*-?\s*[0-9]{1,2}(?![0-9])|(?<![0-9.])[0-9]{2}\.[0-9]{2}(?![0-9])|(?<![0-9.])[0-9]{3}(?![0-9.])/gi);
  if (codes !== null) return codes.map((c) => ({ text: c, match: serviceDomain(domains, c) }));
  const byName = text.replace(/\s+/g, "");
  const same = (name: string) => fold(name).replace(/\s+/g, "") === byName;
  for (const group of domains.groups) {
    if (same(group.name)) return [{ text: header.trim(), match: { code: group.code, name: group.name, group, isGroup: true, applies: domains.appliesTo.includes(group.code) } }];
    const entry = group.entries.find((e) => same(e.name));
    if (entry !== undefined) return [{ text: header.trim(), match: { code: entry.code, name: entry.name, group, isGroup: false, applies: domains.appliesTo.includes(group.code) } }];
  }
  return [{ text: header.trim(), match: null }];
}
