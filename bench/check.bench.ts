// Reviewers: checks 1,000 generated honest submissions of the largest scheme end to end and prints files per
// second, peak memory, and the ratio to a plain exceljs load of the same files.
// npm run bench   (BENCH_CHECK_FILES=1000; targets: ≤ 5 s for 1,000 on 2 cores, ≤ 1.5× the plain load)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { checkFiles } from "../src/cli/checkPool";
import { loadSchemes } from "../src/cli/schemeFiles";
import { entryWrites } from "../src/sheets/fill";
import { planSheet } from "../src/sheets/plan";
import { workbookFromPlan, xlsxBuffer } from "../src/xlsx/write";
import { generateAssessment } from "../tests/support/generate";

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_CHECK_FILES ?? 1000);
  const schemes = loadSchemes();
  const largest = [...schemes.values()].reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const plan = planSheet(largest, "audit");
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-bench-check-"));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = generateAssessment(largest, i + 1, { specials: false });
    const file = path.join(dir, `submission-${i}.xlsx`);
    writeFileSync(file, await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan.layout, a))));
    files.push(file);
  }
  const jobs = availableParallelism();

  let start = performance.now();
  for (const f of files) await new ExcelJS.Workbook().xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
  const plain = (performance.now() - start) / 1000;

  start = performance.now();
  const one = await checkFiles(files, { jobs: 1, timeoutMs: 60_000, lang: "zh" });
  const single = (performance.now() - start) / 1000;

  start = performance.now();
  const cpu = process.cpuUsage();
  const results = await checkFiles(files, { jobs, timeoutMs: 60_000, lang: "zh" });
  const parallel = (performance.now() - start) / 1000;
  // CPU time of all threads: steadier than wall time on a shared virtual machine.
  const used = process.cpuUsage(cpu);
  const cpuPerFile = (used.user + used.system) / 1000 / count;
  const peak = process.resourceUsage().maxRSS / 1024;
  rmSync(dir, { recursive: true, force: true });

  const passed = results.filter((r) => r.verdict === "通过").length;
  console.log(`${count} honest ${largest.id} audit submissions (${largest.items.length} items), ${passed} passed (${one.length} checked on 1 worker)`);
  console.log(`  plain exceljs load, 1 thread:  ${plain.toFixed(2)} s`);
  console.log(`  starscore check, 1 worker:     ${single.toFixed(2)} s  (${(single / plain).toFixed(2)}× the plain load; target ≤ 1.5×)`);
  console.log(`  starscore check, ${jobs} workers:    ${parallel.toFixed(2)} s  → ${(count / parallel).toFixed(0)} files/s (target: 1,000 in ≤ 5 s)`);
  console.log(`  CPU time (all threads):         ${cpuPerFile.toFixed(2)} ms per file`);
  console.log(`  peak memory (RSS, all threads): ${peak.toFixed(0)} MB`);
}

void main();
