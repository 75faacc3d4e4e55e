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

/**
 * The form's header fields, per role, in the order the form shows them above the items; a scheme adds its own (see
 * `headerFields`). What only the audit report needs is further down the form (`reportFields`).
 */
export const HEADER_FIELDS: Record<Role, string[]> = {
  self: ["组织名称", "申报级别", "评估时间", "评估部门/人员"],
  audit: ["组织名称", "项目编号", "申报级别", "审查类型"],
  checklist: ["组织名称", "审查员", "审查时间", "审查类型"],
};

/**
 * The fields the audit report prints beyond the header (the maturity report template's cover, 1. 基本信息 and its
 * signatures): the organisation's addresses and contact, the audit's scope, criteria and time on site, who wrote the
 * report and when, and the certification body. The audit form holds them in a block of their own under the results,
 * with the members table, so the rows frozen above the items stay few. The body is typed, not built in: the same
 * scheme serves several bodies, and a workbook pre-filled from a body's own JSON (`new --from`) carries it to
 * whichever machine makes the report.
 */
export const REPORT_FIELDS: Partial<Record<Role, string[]>> = {
  audit: [
    "工商注册地址/邮编",
    "审查地址/邮编",
    "联系人/职务",
    "联系电话",
    "联系邮箱",
    "多场所情况",
    "审查范围",
    "其他审查准则",
    "审查开始",
    "审查结束",
    "报告编制人",
    "编制日期",
    "认证机构",
    "认证机构电话",
    "认证机构地址",
    "认证机构邮编",
  ],
};

/** Fields whose text is long (a sentence or two): the form gives each a whole row. */
export const WIDE_HEADER_FIELDS: ReadonlySet<string> = new Set(["审查范围", "其他审查准则", "报告覆盖时间段"]);

/**
 * Header fields an older audit form had, under the name the field has now: a workbook or JSON made before keeps
 * its entries (re-laid out, pre-filled or reported) instead of losing them.
 */
export const RENAMED_HEADER_FIELDS: Partial<Record<Role, Record<string, string>>> = {
  audit: { 审查员: "报告编制人", 审查时间: "编制日期" },
};

/** A header field's name now, for a role: 审查员 on an old audit form is today's 报告编制人. */
export function currentField(role: Role, field: string): string {
  return RENAMED_HEADER_FIELDS[role]?.[field] ?? field;
}

/**
 * The fields the certificate's cycle is read from (CCT §7.2 5) 发证日期, §8.1.1, §8.2), on the forms of schemes that
 * have one: the certificate's date, the surveillance audits held, and the recertification audit's date (or 无).
 */
export const CYCLE_FIELDS = { issued: "发证日期", audits: "监督审核日期", recertified: "再认证审核日期" } as const;

/** 服务领域, on the audit forms of schemes whose rule lists its service domains (CCT 附件3). */
export const DOMAIN_FIELD = "服务领域";

/** 报告覆盖的时间段 (CCT 6.3.7 6)), on the audit forms of schemes whose document asks the report to state it. */
export const PERIOD_FIELD = "报告覆盖时间段";

/** The header fields of a scheme's form for a role, in the order the form shows them above the items. */
export function headerFields(scheme: Scheme, role: Role): string[] {
  const prerequisite = scheme.prerequisite !== undefined ? [scheme.prerequisite.header] : [];
  const own: string[] = [];
  if (role === "audit") {
    if (scheme.certification?.cycle !== undefined) own.push(CYCLE_FIELDS.issued, CYCLE_FIELDS.audits, CYCLE_FIELDS.recertified);
    if (scheme.certification?.serviceDomains !== undefined) own.push(DOMAIN_FIELD);
  }
  return [...HEADER_FIELDS[role], ...own, ...prerequisite];
}

/** The fields only the report needs, in the order the form's block for them shows them; none for most roles. */
export function reportFields(scheme: Scheme, role: Role): string[] {
  const fields = REPORT_FIELDS[role];
  if (fields === undefined) return [];
  // 报告覆盖时间段 beside 审查开始 / 审查结束, where the document asks for it.
  if (scheme.report?.period !== true) return fields;
  const at = fields.indexOf("审查结束") + 1;
  return [...fields.slice(0, at), PERIOD_FIELD, ...fields.slice(at)];
}

/**
 * 审查组成员: the members table of the report template (1.11), and the block of rows the audit form gives it.
 * Each column: the member's key in the assessment JSON (`team`), and its head as the template prints it.
 */
export const TEAM_COLUMNS = [
  ["code", "代码"],
  ["name", "姓名"],
  ["role", "组内身份"],
  ["certificate", "注册证书号/专家工作单位"],
  ["speciality", "相关专业"],
  ["phone", "联系电话"],
] as const;
export type TeamKey = (typeof TEAM_COLUMNS)[number][0];

/** The members table's name, as the template and the form print it. */
export const TEAM_TITLE = "审查组成员";

/** Rows the audit form gives the members table: a team leader, auditors and technical experts. */
export const TEAM_ROWS = 5;

/** Which roles' forms have the members table. */
export function hasTeam(role: Role): boolean {
  return role === "audit";
}
