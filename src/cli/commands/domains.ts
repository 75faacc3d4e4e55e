import { serviceDomain } from "../../scoring/domains";
import type { DOMAINS } from "../commandLine";
import { lang, schemeById, UsageError, type Io } from "../io";
import type { Parsed } from "../options";
import { renderTable } from "../table";

/** `starscore domains [code] [--json] [--scheme cct-sc03-12] [--lang en]`: the service domains (附件3). */
export function domainsCommand({ values, positionals }: Parsed<typeof DOMAINS.options>, io: Io): number {
  const zh = lang(values.lang) === "zh";
  const scheme = schemeById(values.scheme ?? "cct-sc03-12");
  const domains = scheme.certification?.serviceDomains;
  if (domains === undefined) throw new UsageError(`scheme ${scheme.id} has no service domains (certification.serviceDomains)`);
  const applies = (code: string) => domains.appliesTo.includes(code);

  const wanted = positionals[0];
  if (wanted !== undefined) {
    const m = serviceDomain(domains, wanted);
    if (m === null) throw new UsageError(`"${wanted}" is not a code of ${domains.source}`);
    if (values.json === true) {
      io.out(JSON.stringify({ code: m.code, name: m.name, group: m.group.code, groupName: m.group.name, isGroup: m.isGroup, applies: m.applies }, null, 2));
    } else {
      const verdict = m.applies ? (zh ? "本规则适用" : "covered by this rule") : zh ? "本规则不适用" : "not covered by this rule";
      io.out(`${m.code} ${m.name}${m.isGroup ? "" : ` · ${m.group.code} ${m.group.name}`} · ${verdict}`);
    }
    return 0;
  }

  if (values.json === true) {
    io.out(
      JSON.stringify(
        {
          scheme: scheme.id,
          source: domains.source,
          appliesTo: domains.appliesTo,
          groups: domains.groups.map((g) => ({ code: g.code, name: g.name, number: g.number ?? null, applies: applies(g.code), entries: g.entries })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const rows: string[][] = [[zh ? "分组代码" : "Group", zh ? "适用" : "Covered", zh ? "专业代码和内容" : "Codes"]];
  for (const g of domains.groups) {
    rows.push([g.code, applies(g.code) ? "✓" : "", `${g.number ?? ""} ${g.name}`.trim()]);
    for (const e of g.entries) rows.push(["", "", `  ${e.code} ${e.name}`]);
  }
  io.out([domains.source, "", renderTable(rows), "", `${zh ? "本规则适用认证领域" : "This rule applies to"}: ${domains.appliesTo.join(zh ? "、" : ", ")}`].join("\n"));
  return 0;
}
