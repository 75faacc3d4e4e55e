import type { Item, Scheme } from "../scheme/load";
import type { Entry } from "./assessment";
import { readNumber } from "./lenient";

/**
 * Clause ids as the documents write them. A scheme splits a clause the document scores in parts into
 * lettered items (completeness-2025 2.1 → 2.1a, 2.1b); an auditor writes "2.1". An entry keyed by the whole
 * clause fills every part: the same percentage, conclusion, sample record and reason for each, and a score
 * shared out in proportion to the parts' points (7 of 2.1's 10 → 3.5 + 3.5). A dimension code (A5) names
 * its row too.
 */

const PART = /^(.*[0-9])[a-z]$/;

/** The lettered parts of `clause` in the scheme (2.1 → 2.1a, 2.1b); empty when it has none. */
export function partsOf(scheme: Scheme, clause: string): Item[] {
  return scheme.items.filter((i) => PART.exec(i.clause)?.[1] === clause);
}

/** The row a dimension code (维度 A5, b12) names; undefined when none does. */
export function itemByCode(scheme: Scheme, code: string): Item | undefined {
  const wanted = code.toUpperCase();
  return /^[A-Z][0-9]+$/.test(wanted) ? scheme.items.find((i) => i.code === wanted) : undefined;
}

/** The entry one part gets from an entry for the whole clause. */
export function partEntry(whole: Entry, part: Item, parts: readonly Item[]): Entry {
  const score = readNumber(whole.score, "分");
  if (score.kind !== "number") return whole;
  const max = parts.reduce((sum, p) => sum + p.max, 0);
  return { ...whole, score: max === 0 ? 0 : (score.value * part.max) / max };
}
