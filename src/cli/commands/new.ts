import { parseAssessment } from "../../scoring/assessment";
import { RoleSchema } from "../../scheme/roles";
import { entryWrites } from "../../sheets/fill";
import { planSheet } from "../../sheets/plan";
import { workbookFromPlan, xlsxBuffer } from "../../xlsx/write";
import { NEW } from "../commandLine";
import { readText, writeNew } from "../files";
import { schemeById, UsageError, type Io } from "../io";
import { usage, type Parsed } from "../options";

/** `starscore new`: lays out a scheme as a workbook, pre-filled from an assessment when --from is given. */
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
  return 0;
}
