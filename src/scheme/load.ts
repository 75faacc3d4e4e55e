import { parseDocument } from "yaml";
import type { z } from "zod";
import { checkConsistency, itemMax, subsectionsOf } from "./consistency";
import { SchemeSchema, type ItemFile, type SchemeFile, type SectionFile, type SubsectionFile } from "./schema";

/** An item with what the scheme file implies about it: its maximum and where it sits. */
export type Item = ItemFile & {
  /** The row's maximum (its clause plus any clauses it also carries); 0 in checklists. */
  max: number;
  sectionId: string;
  subsectionId: string;
  /** Position in the scheme's order, from 0. */
  index: number;
};

/** A section whose items always sit in subsections (a section without that level gets one of its own id). */
export type Section = Omit<SectionFile, "subsections" | "items"> & {
  subsections: (SubsectionFile & { max: number })[];
  max: number;
};

/** A validated scheme with its items flattened and indexed by clause id. */
export type Scheme = Omit<SchemeFile, "sections"> & {
  sections: Section[];
  items: Item[];
  /** Every clause id (including clauses a row also carries) to its item. */
  byClause: ReadonlyMap<string, Item>;
  /** The total below which the organisation fails; null in checklists. */
  passMarkOrLowest: number | null;
};

/** One message naming the file, the path inside it, what was found and what was expected. */
export class SchemeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; found: string; expected: string }[],
  ) {
    super(
      problems
        .map((p) => `${file}: ${p.path === "" ? "(top)" : p.path}: found ${p.found}; expected ${p.expected}`)
        .join("\n"),
    );
    this.name = "SchemeError";
  }
}

/** `["sections", 1, "items", 4, "points"]` → `sections[1].items[4].points`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return "a list";
  if (value === null) return "an empty value";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${String(value)}`;
}

function describeIssue(issue: z.core.$ZodIssue): { path: string; found: string; expected: string } {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return { path, found: describeValue(issue.input), expected: `a ${issue.expected}` };
    case "unrecognized_keys":
      return {
        path,
        found: `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
        expected: "only the keys of the scheme format (docs/scheme-format.md); check the spelling",
      };
    case "invalid_value":
      return { path, found: describeValue(issue.input), expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` };
    case "too_small":
      return {
        path,
        found: describeValue(issue.input),
        expected: issue.origin === "array" ? `at least ${String(issue.minimum)} entries` : `at least ${String(issue.minimum)}`,
      };
    case "too_big":
      return { path, found: describeValue(issue.input), expected: `at most ${String(issue.maximum)}` };
    case "invalid_format":
      return { path, found: describeValue(issue.input), expected: issue.message };
    default:
      return { path, found: describeValue(issue.input), expected: issue.message };
  }
}

/** Flattens a validated scheme file into the model the engine and the layouts use. */
export function compileScheme(file: SchemeFile): Scheme {
  const items: Item[] = [];
  const byClause = new Map<string, Item>();
  const sections: Section[] = file.sections.map((section, s) => {
    const subsections = subsectionsOf(section, s).map(({ sub }) => {
      for (const raw of sub.items) {
        const item: Item = { ...raw, max: itemMax(raw), sectionId: section.id, subsectionId: sub.id, index: items.length };
        items.push(item);
        byClause.set(item.clause, item);
        for (const also of raw.alsoClauses ?? []) byClause.set(also.clause, item);
      }
      return { ...sub, max: sub.items.reduce((sum, i) => sum + itemMax(i), 0) };
    });
    const { subsections: _s, items: _i, ...rest } = section;
    return { ...rest, subsections, max: subsections.reduce((sum, u) => sum + u.max, 0) };
  });
  const lowest = file.levels?.[0]?.min;
  const passMarkOrLowest = file.kind === "points" ? (file.passMark ?? lowest ?? null) : null;
  return { ...file, sections, items, byClause, passMarkOrLowest };
}

/** Validates an already-parsed scheme object; `file` names it in errors. */
export function validateScheme(data: unknown, file: string): Scheme {
  const parsed = SchemeSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new SchemeError(file, parsed.error.issues.map(describeIssue));
  const issues = checkConsistency(parsed.data);
  if (issues.length > 0) {
    throw new SchemeError(
      file,
      issues.map((i) => ({ path: formatPath(i.path), found: i.found, expected: i.expected })),
    );
  }
  return compileScheme(parsed.data);
}

/** Parses and validates the text of a scheme file. Pure: the caller reads the file. */
export function parseScheme(text: string, file: string): Scheme {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new SchemeError(
      file,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "",
        found: e.message.split("\n")[0] ?? "a YAML syntax error",
        expected: "well-formed YAML",
      })),
    );
  }
  return validateScheme(doc.toJS(), file);
}
