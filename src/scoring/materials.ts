import { finding, type Finding } from "../findings/finding";
import type { Item } from "../scheme/load";
import type { Entry } from "./assessment";
import { fold } from "./lenient";

/**
 * 证明材料, material by material (issue 22): a clause's scheme lists the materials it requires (5.1.1.2: a) 客户清单,
 * b) 服务网点清单), and the applicant gives one entry per material — a document's name or a file of the submission.
 *
 * The assessment's `evidence` is a list in the scheme's order, or one text:
 * - a list: entry k is material k's; an empty string leaves that material missing; entries beyond the scheme's
 *   materials belong to the last one (joined with ；), so nothing typed is dropped;
 * - one text, where the clause lists one material: that material's entry;
 * - one text, where it lists several: the lines of an evidence cell as the forms before issue 22 asked for them
 *   ("每项一行"), split at line breaks and ；, taken in the scheme's order. A text that names one document for a clause
 *   that asks for two leaves the second missing: a reviewer cannot tell which material one name stands for.
 */

const SEPARATORS = /\r\n|\r|\n|；|;/;

const clean = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");

/** Each material's entry in the scheme's order ("" where none is given): `count` entries, however the evidence is typed. */
export function materialEntries(evidence: Entry["evidence"], count: number): string[] {
  if (count <= 0) return [];
  let given: string[];
  if (Array.isArray(evidence)) given = evidence.map(clean);
  else if (typeof evidence === "string") given = count === 1 ? [evidence.trim()] : evidence.split(SEPARATORS).map(clean).filter((s) => s !== "");
  else given = [];
  const out = Array.from({ length: count }, (_, k) => given[k] ?? "");
  if (given.length > count) out[count - 1] = given.slice(count - 1).filter((s) => fold(s) !== "").join("；");
  return out.map((s) => (fold(s) === "" ? "" : s));
}

/** One material of a clause and what the applicant gave for it. */
export interface MaterialLine {
  /** The material as the scheme words it. */
  material: string;
  /** The applicant's entry: a document's name or a file of the submission; "" when none is given. */
  entry: string;
}

/** A clause's materials beside the applicant's entries, in the scheme's order. */
export function materialLines(item: Pick<Item, "evidence">, evidence: Entry["evidence"]): MaterialLine[] {
  const required = item.evidence ?? [];
  const entries = materialEntries(evidence, required.length);
  return required.map((material, k) => ({ material, entry: entries[k] ?? "" }));
}

/**
 * The evidence findings of a clause that counts: nothing given at all is one SS201 listing every material; some
 * given and some not is one SS202 per missing material, located to that material's line.
 */
export function checkMaterials(item: Item, evidence: Entry["evidence"], out: Finding[]): void {
  const lines = materialLines(item, evidence);
  if (lines.length === 0) return;
  if (lines.every((l) => l.entry === "")) {
    out.push(finding("SS201", { clause: item.clause, field: "evidence" }, { required: item.evidence ?? [] }));
    return;
  }
  lines.forEach((l, line) => {
    if (l.entry === "") out.push(finding("SS202", { clause: item.clause, field: "evidence", line }, { material: l.material, line: line + 1, of: lines.length }));
  });
}
