import { loadSchemes } from "../../src/cli/schemeFiles";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { generateAssessment } from "./generate";
import { unzip } from "./zip";

/** An honest audit submission of the largest scheme, as StarScore writes it. */
export async function honestWorkbook(seed = 1): Promise<Buffer> {
  const schemes = loadSchemes();
  const largest = [...schemes.values()].reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const plan = planSheet(largest, "audit");
  return xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, generateAssessment(largest, seed, { specials: false }))));
}

/** Its worksheets' and shared strings' XML. */
export async function honestParts(): Promise<string[]> {
  return unzip(await honestWorkbook())
    .filter((p) => /sheet\d*\.xml$|sharedStrings\.xml$/i.test(p.name))
    .map((p) => p.data.toString("utf8"));
}
