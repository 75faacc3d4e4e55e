import { finding, type Finding } from "../findings/finding";
import type { Scheme } from "../scheme/load";
import type { Level } from "../scheme/schema";
import type { Assessment } from "./assessment";
import { cellText } from "./cellText";
import { domainsNamed } from "./domains";
import { matchLevel } from "./levels";

/**
 * What the form's header says, checked against the result and the scheme: the claimed level (申报级别) and
 * the service domain (服务领域). The prerequisite's header field, which decides grading, is in prerequisite.ts.
 */

type Header = NonNullable<Assessment["header"]>;

/** 服务领域 in the header: each code it names must be in the scheme's table and among the groups the rule covers. */
export function checkServiceDomain(scheme: Scheme, header: Header, out: Finding[]): void {
  const value = cellText(header["服务领域"]) ?? "";
  const domains = scheme.certification?.serviceDomains;
  if (domains === undefined || value === "") return;
  for (const named of domainsNamed(domains, value)) {
    const m = named.match;
    if (m === null) out.push(finding("SS602", { field: "服务领域" }, { domain: named.text, source: domains.source }));
    else if (!m.applies) out.push(finding("SS603", { field: "服务领域" }, { code: m.code, name: m.name, group: `${m.group.code} ${m.group.name}`, applies: domains.appliesTo }));
  }
}

/**
 * The level 申报级别 names, where it names one: a claim above the result is SS501, a name that is no level SS502.
 * `result` is null while the form is not finished: a claim is weighed against a result only once there is one.
 */
export function checkClaimedLevel(scheme: Scheme, header: Header, result: { level: Level | null } | null, total: number, findings: Finding[]): Level | null {
  const claimedText = cellText(header["申报级别"]);
  let claimedLevel: Level | null = null;
  if (claimedText !== null) {
    claimedLevel = matchLevel(scheme, claimedText);
    if (claimedLevel === null) {
      findings.push(finding("SS502", { field: "申报级别" }, { claimed: claimedText, levels: (scheme.levels ?? []).map((l) => l.name) }));
    } else if (result !== null && (result.level === null || claimedLevel.min > result.level.min)) {
      const level = result.level;
      findings.push(
        finding("SS501", { field: "申报级别" }, {
          claimed: claimedLevel.name,
          computed: level?.name ?? scheme.failName ?? "未评级",
          total,
          needs: claimedLevel.min,
        }),
      );
    }
  }
  return claimedLevel;
}
