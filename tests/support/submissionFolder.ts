import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { hostileCorpus } from "../../scripts/make-hostile";
import type { Scheme } from "../../src/scheme/load";
import type { Role } from "../../src/scheme/roles";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { tamperedWorkbooks } from "./checkFixtures";
import { generateAssessment } from "./generate";
import { honestWorkbook } from "./honest";

/** Tampers and hostile packages that go into the folder: one of each kind a reviewer meets, not the whole corpus. */
const TAMPERS = ["points-changed", "row-hidden", "saved-total-differs", "metadata-missing", "formula-overwritten"];
const HOSTILE = ["comment-forged-cell", "duplicate-cell", "row-off-sheet", "sheets-naming-one-part"];

/** A filled-in form of a scheme and role, as an applicant or auditor hands it in; `claim` adds a claimed level. */
async function filled(scheme: Scheme, role: Role, seed: number, claim?: string): Promise<Buffer> {
  const plan = planSheet(scheme, role);
  const a = generateAssessment(scheme, seed, { role, naShare: 0.05, specials: false });
  if (a.header !== undefined) {
    delete a.header["申报级别"];
    if (claim !== undefined) a.header["申报级别"] = claim;
  }
  return xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, a)));
}

/**
 * A folder of submissions as a reviewer receives it, built by the repo's scripts: honest workbooks of several
 * schemes and forms, tampered ones, damaged and deceiving packages (scripts/make-hostile.ts), a workbook StarScore
 * did not make, a blank form (needs completing), a level claimed above the result, and a nested folder; beside them
 * what the folder walk passes by (Excel's lock file, a text file) and a folder named like a workbook. Returns the
 * folder's path (`<dir>/<name>`).
 */
export async function buildSubmissionFolder(dir: string, schemes: ReadonlyMap<string, Scheme>, name = "submissions"): Promise<string> {
  const root = path.join(dir, name);
  const nested = path.join(root, "华东分公司", "2025");
  mkdirSync(nested, { recursive: true });
  const put = (at: string, file: string, data: Buffer | string) => writeFileSync(path.join(at, file), data);
  const scheme = (id: string) => schemes.get(id) as Scheme;

  put(root, "honest-maturity-audit.xlsx", await honestWorkbook(3));
  put(root, "honest-gbt27922-self.xlsx", await filled(scheme("gbt27922-2011-self"), "self", 11));
  put(root, "honest-service-characteristics.xlsx", await filled(scheme("service-characteristics"), "checklist", 12));
  put(root, "claimed-too-high-cct-self.xlsx", await filled(scheme("cct-sc03-12"), "self", 13, "五星级"));
  put(root, "blank-completeness-self.xlsx", await xlsxBuffer(await workbookFromPlan(planSheet(scheme("completeness-2025"), "self"))));
  for (const t of (await tamperedWorkbooks(scheme("maturity-jsgf-06"), "audit")).filter((t) => TAMPERS.some((n) => t.name.startsWith(`tampered-${n}-`)))) put(root, t.name, t.bytes);
  for (const c of (await hostileCorpus()).cases.filter((c) => HOSTILE.includes(c.name))) put(root, `hostile-${c.name}.xlsx`, c.bytes);
  const foreign = new ExcelJS.Workbook();
  foreign.addWorksheet("Sheet1").getCell("A1").value = "别人的表格";
  put(root, "foreign-workbook.xlsx", Buffer.from(await foreign.xlsx.writeBuffer()));
  put(root, "not-a-zip.xlsx", Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251)));
  put(root, "~$honest-maturity-audit.xlsx", "owner file");
  put(root, "说明.txt", "提交材料清单");
  mkdirSync(path.join(root, "folder-named.xlsx"));
  put(path.join(root, "folder-named.xlsx"), "inside.txt", "a folder named like a workbook");
  put(nested, "honest-maturity-audit-east.xlsx", await honestWorkbook(4));
  put(nested, "Upper-Case.XLSX", await filled(scheme("maturity-jsgf-06"), "self", 14));
  return root;
}
