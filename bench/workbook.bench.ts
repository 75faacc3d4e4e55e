// Workbooks: time to write and to read back a workbook of the largest scheme, and how many generated
// assessments LibreOffice's recalculation of the workbook's own formulas agrees with (to the cent and level).
// npm run bench   (BENCH_LO_SAMPLES=200 random assessments per scheme and role, plus boundary cases)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadSchemes } from "../src/cli/schemeFiles";
import { entryWrites } from "../src/sheets/fill";
import { planSheet } from "../src/sheets/plan";
import { scoreXlsx } from "../src/xlsx/scoreWorkbook";
import { workbookFromPlan, xlsxBuffer } from "../src/xlsx/write";
import { runAgreement } from "../tests/support/agreement";
import { generateAssessment } from "../tests/support/generate";

async function main(): Promise<void> {
  const schemes = loadSchemes();
  const largest = [...schemes.values()].reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const plan = planSheet(largest, "audit");
  const assessment = generateAssessment(largest, 7, { lenient: true });
  const runs = 20;
  let buffer: Buffer = Buffer.alloc(0);
  let start = performance.now();
  for (let i = 0; i < runs; i++) buffer = await xlsxBuffer(await workbookFromPlan(planSheet(largest, "audit"), entryWrites(plan, assessment)));
  const write = (performance.now() - start) / runs;
  start = performance.now();
  for (let i = 0; i < runs; i++) scoreXlsx(buffer, schemes);
  const read = (performance.now() - start) / runs;
  console.log(`${largest.id} (${largest.items.length} items), audit sheet, ${(buffer.length / 1024).toFixed(0)} KB:`);
  console.log(`  write (plan + fill + .xlsx): ${write.toFixed(1)} ms per workbook (mean of ${runs})`);
  console.log(`  read back and score:         ${read.toFixed(1)} ms per workbook (mean of ${runs})`);

  const samples = Number(process.env.BENCH_LO_SAMPLES ?? 200);
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-bench-lo-"));
  start = performance.now();
  const run = await runAgreement(schemes.values(), samples, dir);
  const seconds = (performance.now() - start) / 1000;
  rmSync(dir, { recursive: true, force: true });
  console.log(`LibreOffice agreement: ${run.agreed} / ${run.tried} agreed (${samples} random per scheme and role + boundaries; ${seconds.toFixed(0)} s)`);
  for (const [pair, n] of Object.entries(run.cases)) console.log(`  ${pair}: ${n} cases`);
  for (const d of run.disagreements.slice(0, 10)) console.log(`  DISAGREES ${d.file}: engine ${d.engine}, sheet ${d.sheet}`);
  if (run.disagreements.length > 0) process.exitCode = 1;
}

void main();
