import type { ItemFile, SchemeFile, SectionFile, SubsectionFile } from "./schema";

/** A fact a scheme file states about itself that its own numbers contradict. */
export interface ConsistencyIssue {
  path: (string | number)[];
  found: string;
  expected: string;
}

const EPSILON = 1e-9;
const same = (a: number, b: number): boolean => Math.abs(a - b) < EPSILON;

/** The row's maximum: its own clause plus the clauses it also carries. */
export function itemMax(item: ItemFile): number {
  return (item.points ?? 0) + (item.alsoClauses ?? []).reduce((sum, c) => sum + c.points, 0);
}

/**
 * A section's subsections with their paths in the file; a section that holds items directly
 * counts as one subsection of its own id, so everything downstream sees one shape.
 */
export function subsectionsOf(
  section: SectionFile,
  s: number,
): { sub: SubsectionFile; path: (string | number)[] }[] {
  if (section.subsections !== undefined) {
    return section.subsections.map((sub, u) => ({ sub, path: ["sections", s, "subsections", u] }));
  }
  const items = section.items ?? [];
  return [{ sub: { id: section.id, title: section.title, max: section.max, items }, path: ["sections", s] }];
}

/**
 * Checks what zod cannot see in one field: stated sums against their parts, unique clause ids,
 * ascending levels, and that points schemes carry points while checklists carry none.
 */
export function checkConsistency(scheme: SchemeFile): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const points = scheme.kind === "points";
  // 评分要求 1–2: where partial credit needs samples, each indicator with points says whether it is sampled, and why.
  const sampling = scheme.partialCredit?.needsSamples === true;
  const seen = new Map<string, string>();
  const claim = (clause: string, path: (string | number)[]): void => {
    const where = path.join(".");
    const first = seen.get(clause);
    if (first !== undefined) {
      issues.push({ path, found: `clause ${clause} again`, expected: `each clause id once (first at ${first})` });
    } else {
      seen.set(clause, where);
    }
  };

  let total = 0;
  scheme.sections.forEach((section, s) => {
    let sectionSum = 0;
    if ((section.subsections === undefined) === (section.items === undefined)) {
      issues.push({
        path: ["sections", s],
        found: section.subsections === undefined ? "neither subsections nor items" : "both subsections and items",
        expected: "either subsections or items",
      });
    }
    subsectionsOf(section, s).forEach(({ sub, path: subPath }) => {
      let subSum = 0;
      sub.items.forEach((item, i) => {
        const path = [...subPath, "items", i];
        claim(item.clause, [...path, "clause"]);
        (item.alsoClauses ?? []).forEach((also, a) => claim(also.clause, [...path, "alsoClauses", a, "clause"]));
        if (points && item.points === undefined) {
          issues.push({ path: [...path, "points"], found: "no points", expected: "points (a number) in a points scheme" });
        }
        if (!points && (item.points !== undefined || item.alsoClauses !== undefined)) {
          issues.push({ path: [...path, "points"], found: `${item.points ?? "alsoClauses"}`, expected: "no points in a checklist" });
        }
        if (sampling && item.scoring === undefined && itemMax(item) > 0) {
          issues.push({ path: [...path, "scoring"], found: "nothing", expected: "scoring: {by: samples or qualitative, why} (partialCredit.needsSamples)" });
        }
        if (!sampling && item.scoring !== undefined) {
          issues.push({ path: [...path, "scoring"], found: item.scoring.by, expected: "no scoring unless partialCredit.needsSamples" });
        }
        subSum += itemMax(item);
      });
      if (sub.max !== undefined && !same(sub.max, subSum)) {
        issues.push({ path: [...subPath, "max"], found: `${sub.max}`, expected: `the sum of its items' points, ${subSum}` });
      }
      if (sub.maxParts !== undefined && sub.max !== undefined) {
        const parts = sub.maxParts.reduce((a, b) => a + b, 0);
        if (!same(parts, sub.max)) {
          issues.push({ path: [...subPath, "maxParts"], found: sub.maxParts.join("+"), expected: `parts adding up to max ${sub.max}` });
        }
      }
      sectionSum += subSum;
    });
    if (section.max !== undefined && !same(section.max, sectionSum)) {
      issues.push({ path: ["sections", s, "max"], found: `${section.max}`, expected: `the sum of its items' points, ${sectionSum}` });
    }
    total += sectionSum;
  });

  if (points) {
    if (scheme.fullMarks === undefined) {
      issues.push({ path: ["fullMarks"], found: "nothing", expected: "full marks in a points scheme" });
    } else if (!same(scheme.fullMarks, total)) {
      issues.push({ path: ["fullMarks"], found: `${scheme.fullMarks}`, expected: `the sum of all items' points, ${total}` });
    }
    if (scheme.levels === undefined || scheme.levels.length === 0) {
      issues.push({ path: ["levels"], found: "nothing", expected: "at least one level in a points scheme" });
    }
  } else {
    for (const key of ["fullMarks", "levels", "special", "passMark"] as const) {
      if (scheme[key] !== undefined) issues.push({ path: [key], found: "a value", expected: "nothing in a checklist" });
    }
  }

  (scheme.levels ?? []).forEach((level, l, levels) => {
    const previous = levels[l - 1];
    if (previous !== undefined && !(level.min > previous.min)) {
      issues.push({ path: ["levels", l, "min"], found: `${level.min}`, expected: `a threshold above the previous one (${previous.min})` });
    }
    if (scheme.fullMarks !== undefined && level.min > scheme.fullMarks) {
      issues.push({ path: ["levels", l, "min"], found: `${level.min}`, expected: `at most full marks (${scheme.fullMarks})` });
    }
  });
  issues.push(...checkCertification(scheme));
  return issues;
}

/**
 * The certification block: man-day bands ascending and contiguous from 1, factor codes unique,
 * service-domain codes unique and `appliesTo` naming groups of the table.
 */
function checkCertification(scheme: SchemeFile): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const mandays = scheme.certification?.mandays;
  if (mandays !== undefined) {
    const base = ["certification", "mandays"];
    mandays.bands.forEach((band, b, bands) => {
      const expectedMin = b === 0 ? 1 : (bands[b - 1]?.max ?? 0) + 1;
      if (band.min !== expectedMin) {
        issues.push({ path: [...base, "bands", b, "min"], found: `${band.min}`, expected: b === 0 ? "1 (the first band starts at one person)" : `${expectedMin} (one more than the previous band's max)` });
      }
      if (band.max < band.min) issues.push({ path: [...base, "bands", b, "max"], found: `${band.max}`, expected: `at least min (${band.min})` });
    });
    for (const list of ["increases", "reductions"] as const) {
      const seenCodes = new Set<string>();
      mandays[list].forEach((f, i) => {
        if (seenCodes.has(f.code)) issues.push({ path: [...base, list, i, "code"], found: `code ${f.code} again`, expected: "each factor code once" });
        seenCodes.add(f.code);
      });
    }
  }
  const domains = scheme.certification?.serviceDomains;
  if (domains !== undefined) {
    const base = ["certification", "serviceDomains"];
    const codes = new Map<string, string>();
    const claimCode = (code: string, path: (string | number)[]): void => {
      const first = codes.get(code);
      if (first !== undefined) issues.push({ path, found: `code ${code} again`, expected: `each code once (first at ${first})` });
      else codes.set(code, path.join("."));
    };
    domains.groups.forEach((g, i) => {
      claimCode(g.code, [...base, "groups", i, "code"]);
      if (g.number !== undefined) claimCode(g.number, [...base, "groups", i, "number"]);
      g.entries.forEach((e, j) => claimCode(e.code, [...base, "groups", i, "entries", j, "code"]));
    });
    const groups = new Set(domains.groups.map((g) => g.code));
    domains.appliesTo.forEach((code, i) => {
      if (!groups.has(code)) issues.push({ path: [...base, "appliesTo", i], found: `the text ${JSON.stringify(code)}`, expected: "a group code listed in groups" });
    });
  }
  return issues;
}
