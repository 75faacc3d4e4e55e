import { parseAssessment } from "../../scoring/assessment";
import { RoleSchema } from "../../scheme/roles";
import { entryWrites, unplacedEntries } from "../../sheets/fill";
import { planSheet } from "../../sheets/plan";
import { unplacedText } from "../../sheets/unplacedText";
import { workbookFromPlan, xlsxBuffer } from "../../xlsx/write";
import { NEW } from "../commandLine";
import { readText, writeNew } from "../files";
import { schemeById, UsageError, type Io } from "../io";
import { usage, type Parsed } from "../options";

/**
 * `starscore new`: lays out a scheme as a workbook, pre-filled from an assessment when --from is given. Whatever
 * the assessment gives that the form has no cell for is named on stderr, and the exit code is 1: the workbook is
 * written (nothing in it is wrong), but it does not hold everything the file did. A sample record on a row without
 * sample cells, kept in the row's remark, is named too, but the workbook holds it: exit 0.
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
  const wb = await workbookFromPlan(plan, assessment === null ? [] : entryWrites(plan, assessment));
  const output = values.output ?? `${scheme.id}-${role.data}.xlsx`;
  writeNew(output, await xlsxBuffer(wb), values.force === true);
  io.out(`${output}: ${scheme.title} · ${plan.sheetName}，${scheme.items.length} 条${from !== null ? `，已按 ${values.from} 预填` : ""}`);
  const unplaced = assessment === null ? [] : unplacedEntries(plan, assessment);
  for (const u of unplaced) io.err(`starscore: ${values.from}: ${unplacedText(u, plan.sheetName, "zh")} / ${unplacedText(u, plan.sheetName, "en")}`);
  return unplaced.some((u) => u.kind !== "samples" || !u.remark) ? 1 : 0;
}
