// Reviewers: `starscore check` of 1,000 generated honest submissions of the largest scheme, run as a reviewer runs
// it (a fresh process, start-up included), against a plain exceljs load of the same files in a fresh process.
// npm run bench   (BENCH_CHECK_FILES=1000; targets: ≤ 5 s for 1,000 on 2 cores, ≤ 0.5× the plain exceljs load)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadSchemes } from "../src/cli/schemeFiles";
import { honestWorkbook } from "../tests/support/honest";

const ROOT = path.resolve(__dirname, __filename.endsWith(".js") ? "../.." : "..");

/**
 * Wall time, CPU time (all threads: steadier than wall time on a shared machine) and peak memory of a fresh node
 * process.
 */
function timed(args: string[]): { s: number; cpu: number; mb: number; out: string } {
  const start = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", process.execPath, ...args], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 28 });
  const s = (performance.now() - start) / 1000;
  const [kb, user, system] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { s, cpu: (user ?? 0) + (system ?? 0), mb: (kb ?? 0) / 1024, out: r.stdout };
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_CHECK_FILES ?? 1000);
  const largest = [...loadSchemes().values()].reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-bench-check-"));
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `submission-${i}.xlsx`), await honestWorkbook(i + 1));
  const jobs = availableParallelism();

  const plain = timed(["-e", `const E=require("exceljs"),fs=require("fs"),p=require("path");(async()=>{for(const f of fs.readdirSync(${JSON.stringify(dir)}))await new E.Workbook().xlsx.load(fs.readFileSync(p.join(${JSON.stringify(dir)},f)))})()`]);
  const one = timed(["bin/starscore.js", "check", dir, "--jobs", "1"]);
  const all = timed(["bin/starscore.js", "check", dir, "--jobs", String(jobs)]);
  rmSync(dir, { recursive: true, force: true });

  const passed = /通过 ([0-9]+)$/m.exec(all.out)?.[1] ?? "?";
  console.log(`${count} honest ${largest.id} audit submissions (${largest.items.length} items), ${passed} passed; each run a fresh process, start-up included`);
  const row = (label: string, t: ReturnType<typeof timed>, note = "") =>
    console.log(`  ${label.padEnd(30)} ${t.s.toFixed(2).padStart(6)} s wall  ${t.cpu.toFixed(2).padStart(6)} s CPU  peak ${t.mb.toFixed(0)} MB${note}`);
  row("plain exceljs load, 1 thread:", plain);
  row("starscore check --jobs 1:", one, `  (${(one.s / plain.s).toFixed(2)}× the plain load's wall time, ${(one.cpu / plain.cpu).toFixed(2)}× its CPU)`);
  row(`starscore check --jobs ${jobs}:`, all, `  (${(all.s / plain.s).toFixed(2)}× the plain load; targets ≤ 5 s, ≤ 0.5×)`);
}

void main();
