// Reviewers (issue 19's speed target): `starscore check` of 300 generated honest submissions of the largest scheme
// (maturity-jsgf-06, the auditor's form), run as a reviewer runs it — a fresh process, start-up included — against a
// plain exceljs load of the same files in a fresh process. Runs alternate (load, check, load, check …) so that a
// machine whose speed drifts slows both alike; each figure is min / median / max over the runs, quote the median.
// npm run build:cli && node dist/bench/check.bench.js   (in `npm run bench`)
// `check` runs with its default workers, as reviewers run it. BENCH_CHECK_FILES=300 BENCH_RUNS=5; target: check ≤ 0.5× the plain exceljs load's wall time, on a quiet 2-core machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadSchemes } from "../src/cli/schemeFiles";
import { defaultJobs } from "../src/cli/warmWorkers";
import { honestWorkbook } from "../tests/support/honest";

const ROOT = path.resolve(__dirname, __filename.endsWith(".js") ? "../.." : "..");

interface Run {
  s: number;
  cpu: number;
  mb: number;
  out: string;
}

/** Wall time, CPU time (all threads and children) and peak memory of a fresh node process. */
function timed(args: string[]): Run {
  const start = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", process.execPath, ...args], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 28 });
  const s = (performance.now() - start) / 1000;
  const [kb, user, system] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { s, cpu: (user ?? 0) + (system ?? 0), mb: (kb ?? 0) / 1024, out: r.stdout };
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length % 2 === 1 ? (sorted[(sorted.length - 1) / 2] as number) : ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
}

/** `min / median / max` of some figures. */
function spread(xs: readonly number[], digits = 2): string {
  return [Math.min(...xs), median(xs), Math.max(...xs)].map((x) => x.toFixed(digits)).join(" / ");
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_CHECK_FILES ?? 300);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const largest = [...loadSchemes().values()].reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-bench-check-"));
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `submission-${i}.xlsx`), await honestWorkbook(i + 1));
  const cores = availableParallelism();
  const plainArgs = ["-e", `const E=require("exceljs"),fs=require("fs"),p=require("path");(async()=>{for(const f of fs.readdirSync(${JSON.stringify(dir)}))await new E.Workbook().xlsx.load(fs.readFileSync(p.join(${JSON.stringify(dir)},f)))})()`];
  // As a reviewer runs it: the default number of workers (one fewer than the cores, src/cli/warmWorkers.ts).
  const checkArgs = ["bin/starscore.js", "check", dir];

  // One of each first, not counted: the disk cache and the first load of the modules.
  timed(plainArgs);
  timed(checkArgs);
  const plain: Run[] = [];
  const check: Run[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(timed(plainArgs));
    check.push(timed(checkArgs));
  }
  const perCore = timed(["bin/starscore.js", "check", dir, "--jobs", String(cores)]);
  rmSync(dir, { recursive: true, force: true });

  const passed = /通过 ([0-9]+)/.exec(check[0]?.out ?? "")?.[1] ?? "?";
  console.log(`${count} honest ${largest.id} audit submissions (${largest.items.length} items), ${passed} passed; ${runs} paired runs, each a fresh process, start-up included; min / median / max`);
  const row = (label: string, r: readonly Run[]) =>
    console.log(`  ${label.padEnd(32)} wall ${spread(r.map((x) => x.s))} s   CPU ${spread(r.map((x) => x.cpu))} s   peak ${spread(r.map((x) => x.mb), 0)} MB`);
  row("plain exceljs load, 1 thread:", plain);
  row(`starscore check (${defaultJobs()} worker${defaultJobs() > 1 ? "s" : ""}):`, check);
  console.log(`  check ÷ plain load, pair by pair: wall ${spread(check.map((c, i) => c.s / (plain[i] as Run).s))}×   CPU ${spread(check.map((c, i) => c.cpu / (plain[i] as Run).cpu))}×   (target: wall ≤ 0.50×)`);
  console.log(`  check's CPU a file, start-up included: median ${((median(check.map((c) => c.cpu)) * 1000) / count).toFixed(1)} ms`);
  console.log(`  starscore check --jobs ${cores} (one a core), once: wall ${perCore.s.toFixed(2)} s   CPU ${perCore.cpu.toFixed(2)} s`);
}

void main();
