import { z } from "zod";
import { describeIssue, type Problem } from "../scheme/problems";
import { RoleSchema } from "../scheme/roles";

/**
 * The engine's input: one organisation's entries against one scheme, as JSON (README.md documents it).
 * Numbers may be typed as text (`"95%"`, `"3分"`, `"９５"`); the engine reads them leniently.
 */

const Typed = z.union([z.number(), z.string()]).nullable();

export const EntrySchema = z.strictObject({
  /** 得分比例: 95 means 95%. Audit role. */
  percent: Typed.optional(),
  /** 分数: the points claimed. Self role (and audit, where a sheet holds points instead of a percentage). */
  score: Typed.optional(),
  /** 符合 / 不符合 / 不适用. Self and checklist roles. */
  conclusion: z.string().nullable().optional(),
  /** 证明材料清单: one text, or a list of materials. */
  evidence: z.union([z.string(), z.array(z.string())]).nullable().optional(),
  /** false: the clause does not apply (删减), whatever else the entry says. */
  applicable: z.boolean().optional(),
  /** Why the clause does not apply (CCT 6.3.6: only what does not fit the organisation and its goods). */
  reason: z.string().nullable().optional(),
  /** 样本数 / 不符合数: the sample record behind a partial percentage (CCT 附件2 评分要求 1). */
  samples: z.strictObject({ checked: Typed.optional(), nonconforming: Typed.optional() }).nullable().optional(),
  /** 现场评审记录 / remarks. */
  note: z.string().nullable().optional(),
});

const Text = z.union([z.string(), z.number()]).nullable().optional();

/** One member of the audit team (审查组成员, the report template's 1.11): its columns are TEAM_COLUMNS (scheme/roles.ts). */
export const TeamMemberSchema = z.strictObject({
  /** 代码: A, B, … */
  code: Text,
  /** 姓名 */
  name: Text,
  /** 组内身份: 组长, 组员, 技术专家 … */
  role: Text,
  /** 注册证书号/专家工作单位 */
  certificate: Text,
  /** 相关专业: a speciality code such as 02.01.01 */
  speciality: Text,
  /** 联系电话 */
  phone: Text,
});

export const AssessmentSchema = z.strictObject({
  scheme: z.string().min(1),
  /** The scheme version the entries were made against, where known. */
  schemeVersion: z.string().optional(),
  role: RoleSchema,
  header: z.record(z.string(), z.union([z.string(), z.number()]).nullable()).optional(),
  /** 审查组成员, in the order the report lists them. Audit role. */
  team: z.array(TeamMemberSchema).optional(),
  /** Keyed by the item's clause id as its document writes it. */
  entries: z.record(z.string(), EntrySchema),
  deductions: z.array(z.strictObject({ clause: z.string().optional(), reason: z.string() })).optional(),
  bonus: z.strictObject({ points: Typed, reason: z.string() }).nullable().optional(),
  /** The auditor's 优势 and 改进方向, as text. */
  remarks: z.strictObject({ strengths: z.string().optional(), improvements: z.string().optional() }).optional(),
});

export type Entry = z.infer<typeof EntrySchema>;
export type TeamMember = z.infer<typeof TeamMemberSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;

/** An assessment file that cannot be used, with every problem located by its path in the file. */
export class AssessmentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(problems.map((p) => `${file}: ${p.path === "" ? "(top)" : p.path}: found ${p.found}; expected ${p.expected}`).join("\n"));
    this.name = "AssessmentError";
  }
}

/** Parses assessment JSON text; `file` names it in errors. Pure: the caller reads the file. */
export function parseAssessment(text: string, file: string): Assessment {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new AssessmentError(file, [{ path: "", found: `invalid JSON (${e instanceof Error ? e.message : String(e)})`, expected: "a JSON object" }]);
  }
  const parsed = AssessmentSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new AssessmentError(file, parsed.error.issues.map(describeIssue));
  return parsed.data;
}
