import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Scheme } from "../../src/scheme/load";
import type { Assessment } from "../../src/scoring/assessment";
import { type Role, rolesOf } from "../../src/scheme/roles";
import { resultName } from "../../src/scoring/levels";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { scoreXlsx } from "../../src/xlsx/scoreWorkbook";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { generateAssessment } from "./generate";
import { recalculateWithLibreOffice } from "./libreoffice";
import { sampleCases } from "./sampleCases";

export interface Disagreement {
  file: string;
  engine: string;
  sheet: string;
}

export interface AgreementRun {
  tried: number;
  agreed: number;
  disagreements: Disagreement[];
  /** Cases per scheme and role, for the report. */
  cases: Record<string, number>;
}

/**
 * The assessments to try for one scheme and role: `samples` random ones (with N/A items, deductions,
 * bonus, lenient typing) plus totals landing exactly on each level boundary, 0.01 below it and 0.005 below it.
 */
export function agreementCases(scheme: Scheme, role: Role, samples: number): Assessment[] {
  const cases: Assessment[] = [];
  for (let i = 0; i < samples; i++) cases.push(generateAssessment(scheme, 1000 * (i + 1) + role.length, { role, lenient: i % 2 === 0, naShare: i % 3 === 0 ? 0.15 : 0.04, floor: 40 + (i % 5) * 10 }));
  const full = scheme.fullMarks ?? 100;
  for (const level of scheme.levels ?? []) {
    // On the boundary, a cent below it, and half a cent below it, which rounds up to it (round, then grade). The
    // half cent only where every item's share is a short decimal (full marks 100): a share such as 66.66333…% of
    // 150 is no figure a person types, and a sheet read back holds it as a fraction that is not the same double.
    const shortShare = (total: number) => Number(((total / full) * 100).toFixed(6)) === (total / full) * 100;
    for (const total of [level.min, level.min - 0.01, level.min - 0.005].filter((t, i) => i < 2 || shortShare(t))) {
      cases.push(generateAssessment(scheme, Math.round(total * 100), { role, naShare: 0, specials: false, fixedPercent: (total / full) * 100 }));
    }
  }
  // The audit sheet carries sample records where the scheme's document makes partial credit depend on them.
  if (role === "audit" && scheme.partialCredit?.needsSamples === true) cases.push(...sampleCases(scheme));
  return cases;
}

/** Writes every case as a workbook, lets LibreOffice recalculate and save them, and compares with the engine. */
export async function runAgreement(schemes: Iterable<Scheme>, samples: number, dir: string): Promise<AgreementRun> {
  const input = path.join(dir, "in");
  const output = path.join(dir, "out");
  mkdirSync(input, { recursive: true });
  mkdirSync(output, { recursive: true });
  const expected = new Map<string, { scheme: Scheme; total: number | null; level: string }>();
  const cases: Record<string, number> = {};
  for (const scheme of schemes) {
    for (const role of rolesOf(scheme)) {
      const plan = planSheet(scheme, role);
      const list = agreementCases(scheme, role, samples);
      cases[`${scheme.id}/${role}`] = list.length;
      for (const [i, a] of list.entries()) {
        const name = `${scheme.id}-${role}-${i}.xlsx`;
        writeFileSync(path.join(input, name), await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan.layout, a))));
        const card = scoreAssessment(scheme, a);
        expected.set(name, { scheme, total: card.total, level: resultName(card, scheme, "zh") });
      }
    }
  }
  recalculateWithLibreOffice([...expected.keys()].map((n) => path.join(input, n)), output);
  const schemesById = new Map([...expected.values()].map((e) => [e.scheme.id, e.scheme]));
  const run: AgreementRun = { tried: 0, agreed: 0, disagreements: [], cases };
  for (const [name, want] of expected) {
    run.tried += 1;
    if (!existsSync(path.join(output, name))) {
      run.disagreements.push({ file: name, engine: "", sheet: "LibreOffice wrote no file" });
      continue;
    }
    const got = scoreXlsx(readFileSync(path.join(output, name)), schemesById);
    const sheet = `${got.sheetTotal?.toFixed(2) ?? "null"} ${got.sheetLevel ?? "null"}`;
    const engine = `${want.total?.toFixed(2) ?? "null"} ${want.level}`;
    // The engine's own reading of the saved workbook must also match what it computed from the JSON.
    const reread = `${got.card.total?.toFixed(2) ?? "null"} ${resultName(got.card, want.scheme, "zh")}`;
    const totalsAgree = want.total === null ? got.sheetTotal === null : got.sheetTotal !== null && Math.abs(got.sheetTotal - want.total) < 0.005;
    if (totalsAgree && got.sheetLevel === want.level && reread === engine) run.agreed += 1;
    else run.disagreements.push({ file: name, engine: `${engine} (re-read ${reread})`, sheet });
  }
  return run;
}
