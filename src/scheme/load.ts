import { parseDocument } from "yaml";
import { describeIssue, formatPath, type Problem } from "./problems";
import { compileScheme, type Scheme } from "./compile";
import { checkConsistency } from "./consistency";
import { SchemeSchema, type SchemeFile } from "./schema";

export { compileScheme, type Item, type Scheme, type Section } from "./compile";

/** One message naming the file, the path inside it, what was found and what was expected. */
export class SchemeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(
      problems
        .map((p) => `${file}: ${p.path === "" ? "(top)" : p.path}: found ${p.found}; expected ${p.expected}`)
        .join("\n"),
    );
    this.name = "SchemeError";
  }
}

/** Validates an already-parsed scheme object, as its file states it; `file` names it in errors. */
export function validateSchemeFile(data: unknown, file: string): SchemeFile {
  const parsed = SchemeSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new SchemeError(file, parsed.error.issues.map(describeIssue));
  const issues = checkConsistency(parsed.data);
  if (issues.length > 0) {
    throw new SchemeError(
      file,
      issues.map((i) => ({ path: formatPath(i.path), found: i.found, expected: i.expected })),
    );
  }
  return parsed.data;
}

/** Validates an already-parsed scheme object; `file` names it in errors. */
export function validateScheme(data: unknown, file: string): Scheme {
  return compileScheme(validateSchemeFile(data, file));
}

/** Parses and validates the text of a scheme file. Pure: the caller reads the file. */
export function parseScheme(text: string, file: string): Scheme {
  return compileScheme(parseSchemeFile(text, file));
}

/** Parses and validates the text of a scheme file, as the file states it (before compileScheme). */
export function parseSchemeFile(text: string, file: string): SchemeFile {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new SchemeError(
      file,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "",
        found: (e.message.split("\n")[0] ?? "a YAML syntax error").replace(/ at line \d+, column \d+:?$/, ""),
        expected: "well-formed YAML",
      })),
    );
  }
  return validateSchemeFile(doc.toJS(), file);
}
