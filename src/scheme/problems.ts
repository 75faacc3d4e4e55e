import type { z } from "zod";

/** What a validation found at one place in a file, in words a person can act on. */
export interface Problem {
  path: string;
  found: string;
  expected: string;
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

export function describeIssue(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return { path, found: describeValue(issue.input), expected: `a ${issue.expected}` };
    case "unrecognized_keys":
      return {
        path,
        found: `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
        expected: "only the documented keys; check the spelling",
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

