import { finding, type Finding } from "../findings/finding";
import { RoleSchema, type Role } from "../scheme/roles";

/**
 * What the reviewer expects to be handed: a scheme, and a form of it or any form of it. A workbook of another
 * scheme or form is then SS806 (需补正: the applicant must hand in the right form), so a CCT audit workbook dropped
 * among self-assessments no longer passes. `starscore check --expect <scheme>[/<role>]` and the workbench page's
 * choice give it to the check (xlsx/check.ts).
 */
export interface Expected {
  scheme: string;
  role?: Role;
}

/** `gbt27922-2011-self/self` or `cct-sc03-12` → the expectation; null when it is not of that shape. */
export function parseExpected(text: string): Expected | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\/([a-z]+))?\s*$/.exec(text);
  if (m === null) return null;
  const scheme = m[1] as string;
  if (m[2] === undefined) return { scheme };
  const role = RoleSchema.safeParse(m[2]);
  return role.success ? { scheme, role: role.data } : null;
}

/** SS806 when the file's metadata names another scheme, or another form than the one expected. */
export function expectationFindings(expected: Expected | undefined, file: { scheme: string; role: Role }): Finding[] {
  if (expected === undefined) return [];
  if (file.scheme === expected.scheme && (expected.role === undefined || expected.role === file.role)) return [];
  return [finding("SS806", {}, { expectedScheme: expected.scheme, ...(expected.role !== undefined ? { expectedRole: expected.role } : {}), scheme: file.scheme, role: file.role })];
}
