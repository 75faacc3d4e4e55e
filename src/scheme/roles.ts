import { z } from "zod";
import type { Scheme } from "./load";

/**
 * Who fills a form: the applicant (self, 自评估表), the auditor (audit, 评分表) or the checker of a
 * checklist scheme (checklist, 检查表). What a role may be used with, and which header fields its form has,
 * belong to the scheme, so the engine, the sheet plan and the report all take them from here.
 */
export const RoleSchema = z.enum(["self", "audit", "checklist"]);
export type Role = z.infer<typeof RoleSchema>;

/** The assessment's role does not fit the scheme: nothing can be scored or laid out. */
export class RoleMismatchError extends Error {
  constructor(scheme: Scheme, role: Role) {
    super(
      scheme.kind === "checklist"
        ? `scheme ${scheme.id} is a checklist: use role "checklist", not "${role}"`
        : `scheme ${scheme.id} is scored: use role "self" or "audit", not "${role}"`,
    );
    this.name = "RoleMismatchError";
  }
}

export function roleFits(scheme: Scheme, role: Role): boolean {
  return scheme.kind === "checklist" ? role === "checklist" : role !== "checklist";
}

/** Every role a scheme supports: self and audit for points schemes, checklist for checklists. */
export function rolesOf(scheme: Scheme): Role[] {
  return scheme.kind === "checklist" ? ["checklist"] : ["self", "audit"];
}

/** The form's header fields, per role; a scheme's prerequisite adds its own field (see `headerFields`). */
export const HEADER_FIELDS: Record<Role, string[]> = {
  self: ["组织名称", "申报级别", "评估时间", "评估部门/人员"],
  audit: ["组织名称", "申报级别", "审查员", "审查时间", "审查类型"],
  checklist: ["组织名称", "审查员", "审查时间", "审查类型"],
};

/** The header fields of a scheme's form for a role, in the order the form shows them. */
export function headerFields(scheme: Scheme, role: Role): string[] {
  return [...HEADER_FIELDS[role], ...(scheme.prerequisite !== undefined ? [scheme.prerequisite.header] : [])];
}
