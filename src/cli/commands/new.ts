import { parseAssessment } from "../../scoring/assessment";
import { RoleSchema } from "../../scheme/roles";
import { entryWrites, unplacedEntries, type Unplaced } from "../../sheets/fill";
import { planSheet } from "../../sheets/plan";
import { workbookFromPlan, xlsxBuffer } from "../../xlsx/write";
import { NEW } from "../commandLine";
import { readText, writeNew } from "../files";
import { schemeById, UsageError, type Io } from "../io";
import { usage, type Parsed } from "../options";

/** What could not be written, in both languages: what it is, and that the workbook lacks it. */
function unplacedLine(u: Unplaced, sheet: string): string {
  switch (u.kind) {
    case "header":
      return `表头字段“${u.field}”在${sheet}上没有单元格，未写入 / header field "${u.field}": the form has no cell for it, not written`;
    case "team":
      return `审查组成员：表中行数不够，其余 ${u.count} 人未写入 / audit team: ${u.count} member(s) beyond the table's rows, not written`;
    case "entry":
      return `条款 ${u.clause}：方案中没有此条款，未写入 / clause ${u.clause}: not in the scheme, not written`;
    case "deductions":
      return `特别扣分项：表中行数不够，其余 ${u.count} 项未写入 / special deductions: ${u.count} beyond the block's rows, not written`;
    case "bonus":
      return `特别加分项：${sheet}没有此栏，未写入 / bonus: the form has no cell for it, not written`;
    case "remarks":
      return `优势/改进方向：${sheet}没有此栏，未写入 / strengths and improvements: the form has no cells for them, not written`;
  }
}

/**
 * `starscore new`: lays out a scheme as a workbook, pre-filled from an assessment when --from is given. Whatever
 * the assessment gives that the form has no cell for is named on stderr, and the exit code is 1: the workbook is
 * written (nothing in it is wrong), but it does not hold everything the file did.
 */
export async function newCommand({ values }: Parsed<typeof NEW.options>, io: Io): Promise<number> {
  const from = values.from !== undefined ? parseAssessment(readText(values.from), values.from) : null;
  const schemeId = values.scheme ?? from?.scheme;
  if (schemeId === undefined) throw new UsageError(usage(NEW));
  const scheme = schemeById(schemeId);
  const roleText = values.role ?? from?.role ?? (scheme.kind === "checklist" ? "checklist" : undefined);
  const role = RoleSchema.safeParse(roleText);
  if (!role.success) throw new UsageError(`--role takes self, audit or checklist${roleText !== undefined ? `, not "${roleText}"` : ""}`);
  if (from !== null && from.scheme !== scheme.id) throw new UsageError(`${values.from} is for scheme ${from.scheme}, not ${scheme.id}`);
  const plan = planSheet(scheme, role.data);
  const assessment = from === null ? null : { ...from, role: role.data };
  const wb = await workbookFromPlan(plan, assessment === null ? [] : entryWrites(plan.layout, assessment));
  const output = values.output ?? `${scheme.id}-${role.data}.xlsx`;
  writeNew(output, await xlsxBuffer(wb), values.force === true);
  io.out(`${output}: ${scheme.title} · ${plan.sheetName}，${scheme.items.length} 条${from !== null ? `，已按 ${values.from} 预填` : ""}`);
  const unplaced = assessment === null ? [] : unplacedEntries(plan.layout, assessment);
  for (const u of unplaced) io.err(`starscore: ${values.from}: ${unplacedLine(u, plan.sheetName)}`);
  return unplaced.length > 0 ? 1 : 0;
}
