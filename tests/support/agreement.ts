import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Scheme } from "../../src/scheme/load";
import type { Assessment } from "../../src/scoring/assessment";
import { type Role, rolesOf } from "../../src/scheme/roles";
import { CLAIM_WORDS, INCOMPLETE_WORDS } from "../../src/scheme/words";
import { resultName, verdictName } from "../../src/scoring/levels";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { openWorkbook } from "../../src/xlsx/saved";
import { scoreWorkbook } from "../../src/xlsx/scoreWorkbook";
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
  /** What the blank form of each scheme and role shows once recalculated: its level and pass cells, and the results line under the header. */
  blanks: Record<string, { level: string | null; verdict: string | null; line: string }>;
  /** How many recalculated sheets said 未填完, and how many flagged a claimed level above the result. */
  incomplete: number;
  claimedAbove: number;
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
  // A blank form, and forms part-way through (some with a claimed level): 未填完（n 项未填） on both sides.
  cases.push({ scheme: scheme.id, schemeVersion: scheme.version, role, header: {}, entries: {} });
  for (const [k, share] of [0.05, 0.4].entries()) cases.push(generateAssessment(scheme, 77 + k, { role, unfilledShare: share, claim: true }));
  // Finished forms claiming a level, some above the result (SS501 and the sheet's 申报级别核对 agree).
  for (let i = 0; i < 3; i++) cases.push(generateAssessment(scheme, 500 + i, { role, claim: true, floor: 60 + 10 * i }));
  return cases;
}

/** The sheet's 申报级别核对 as the engine's findings say it: above the result exactly when there is an SS501. */
function claimWord(card: ReturnType<typeof scoreAssessment>): string {
  return card.findings.some((f) => f.code === "SS501") ? CLAIM_WORDS.above : "";
}

/** Writes every case as a workbook, lets LibreOffice recalculate and save them, and compares with the engine. */
export async function runAgreement(schemes: Iterable<Scheme>, samples: number, dir: string): Promise<AgreementRun> {
  const input = path.join(dir, "in");
  const output = path.join(dir, "out");
  mkdirSync(input, { recursive: true });
  mkdirSync(output, { recursive: true });
  const expected = new Map<string, { scheme: Scheme; total: number | null; level: string; verdict: string; unfilled: number; claim: string; blank: boolean }>();
  const cases: Record<string, number> = {};
  for (const scheme of schemes) {
    for (const role of rolesOf(scheme)) {
      const plan = planSheet(scheme, role);
      const list = agreementCases(scheme, role, samples);
      cases[`${scheme.id}/${role}`] = list.length;
      for (const [i, a] of list.entries()) {
        const name = `${scheme.id}-${role}-${i}.xlsx`;
        writeFileSync(path.join(input, name), await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, a))));
        const card = scoreAssessment(scheme, a);
        const blank = Object.keys(a.entries).length === 0;
        expected.set(name, { scheme, total: card.total, level: resultName(card, scheme, "zh"), verdict: verdictName(card, scheme, "zh"), unfilled: card.unfilled, claim: claimWord(card), blank });
      }
    }
  }
  recalculateWithLibreOffice([...expected.keys()].map((n) => path.join(input, n)), output);
  const schemesById = new Map([...expected.values()].map((e) => [e.scheme.id, e.scheme]));
  const run: AgreementRun = { tried: 0, agreed: 0, disagreements: [], cases, blanks: {}, incomplete: 0, claimedAbove: 0 };
  for (const [name, want] of expected) {
    run.tried += 1;
    if (!existsSync(path.join(output, name))) {
      run.disagreements.push({ file: name, engine: "", sheet: "LibreOffice wrote no file" });
      continue;
    }
    const saved = openWorkbook(readFileSync(path.join(output, name)));
    const got = scoreWorkbook(saved, schemesById);
    // The result cells beside the level: 结论, 未填项数 and 申报级别核对 (only "above" is compared: it is SS501).
    const results = got.sheet.meta.layout.results;
    const cell = (address: string | undefined) => (address === undefined ? null : got.sheet.sheet.read(address));
    const verdict = String(cell(results.passed) ?? "null");
    const unfilled = String(cell(results.unfilled) ?? "null");
    const claim = cell(results.claim) === CLAIM_WORDS.above ? CLAIM_WORDS.above : "";
    const sheet = `${got.sheetTotal?.toFixed(2) ?? "null"} ${got.sheetLevel ?? "null"} ${verdict} ${unfilled} ${claim}`;
    if (got.sheetLevel?.startsWith(INCOMPLETE_WORDS.zh.before) === true) run.incomplete += 1;
    if (claim !== "") run.claimedAbove += 1;
    if (want.blank) {
      const layout = got.sheet.meta.layout;
      const lineRow = layout.firstItemRow - 2;
      const line = Array.from({ length: 12 }, (_, c) => got.sheet.sheet.read(`${String.fromCharCode(65 + c)}${lineRow}`)).filter((v) => v !== null).join(" | ");
      run.blanks[`${want.scheme.id}/${layout.role}`] = { level: got.sheetLevel, verdict, line };
    }
    const engine = `${want.total?.toFixed(2) ?? "null"} ${want.level} ${want.verdict} ${want.unfilled} ${want.claim}`;
    // The engine's own reading of the saved workbook must also match what it computed from the JSON.
    const reread = `${got.card.total?.toFixed(2) ?? "null"} ${resultName(got.card, want.scheme, "zh")} ${verdictName(got.card, want.scheme, "zh")} ${got.card.unfilled} ${claimWord(got.card)}`;
    const totalsAgree = want.total === null ? got.sheetTotal === null : got.sheetTotal !== null && Math.abs(got.sheetTotal - want.total) < 0.005;
    const rest = (s: string) => s.split(" ").slice(1).join(" ");
    if (totalsAgree && rest(sheet) === rest(engine) && reread === engine) run.agreed += 1;
    else run.disagreements.push({ file: name, engine: `${engine} (re-read ${reread})`, sheet });
  }
  return run;
}
