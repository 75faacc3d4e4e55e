// How long each CLI command takes from a cold start to its answer on a small input, as a ratio to a bare
// `node -e 0` measured in the same run (interleaved, so a busy machine slows both alike). Target: ≤ 3×.
// npm run build:cli && node dist/bench/startup.bench.js   (in `npm run bench`)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "starscore.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(path.join(tmpdir(), "starscore-startup-"));
const example = (name: string) => path.join(ROOT, "examples", name);

const CASES: { label: string; args: string[] }[] = [
  { label: "schemes", args: ["schemes"] },
  { label: "score examples/maturity-audit.json", args: ["score", example("maturity-audit.json")] },
  { label: "score examples/cct-audit.json --json", args: ["score", example("cct-audit.json"), "--json"] },
  { label: "mandays --staff 50", args: ["mandays", "--staff", "50"] },
  { label: "domains SC-03", args: ["domains", "SC-03"] },
  { label: "cycle --issued 2026-03-01", args: ["cycle", "--issued", "2026-03-01", "--today", "2027-06-01"] },
  { label: "compare (two examples)", args: ["compare", example("self-assessment.json"), example("cct-audit.json")] },
  { label: "--help", args: ["--help"] },
  { label: "new (writes a workbook: loads exceljs)", args: ["new", "--scheme", "completeness-2025", "--role", "audit", "-o", path.join(work, "new.xlsx"), "--force"] },
];

function once(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const bare: number[] = [];
const times = CASES.map(() => [] as number[]);
once(["-e", "0"]);
for (let run = 0; run < RUNS; run++) {
  bare.push(once(["-e", "0"]));
  CASES.forEach((c, i) => times[i]!.push(once([BIN, ...c.args])));
}
rmSync(work, { recursive: true, force: true });

const base = median(bare);
console.log(`CLI start-up, median of ${RUNS} runs each, interleaved; node ${process.version}`);
console.log(`${"bare node -e 0".padEnd(52)} ${base.toFixed(0).padStart(5)} ms   1.00×`);
for (const [i, c] of CASES.entries()) {
  const ms = median(times[i]!);
  console.log(`${`starscore ${c.label}`.padEnd(52)} ${ms.toFixed(0).padStart(5)} ms   ${(ms / base).toFixed(2)}×${ms / base > 3 ? "   (above 3×)" : ""}`);
}
