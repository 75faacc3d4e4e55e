// Issue 19's speed target, taken apart: the CPU `checkBytes` spends on one honest maturity submission, warm, in one
// thread (no start-up, no file system), so that a change to the reader can be measured against the noise of a
// shared machine. Each round checks every file once; min / median / max of the rounds' CPU ms a file.
// npm run build:cli && node dist/bench/reader-cpu.bench.js   (BENCH_FILES=100 BENCH_ROUNDS=7)
import { loadScheme } from "../src/cli/schemeFiles";
import { checkBytes } from "../src/xlsx/check";
import { honestWorkbook } from "../tests/support/honest";

function spread(xs: readonly number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return [s[0] as number, s[Math.floor(s.length / 2)] as number, s[s.length - 1] as number].map((x) => x.toFixed(2)).join(" / ");
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_FILES ?? 100);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
  const files: Uint8Array[] = [];
  for (let i = 0; i < count; i++) files.push(await honestWorkbook(i + 1));
  const schemes = { get: loadScheme };
  const verdicts = new Map<string, number>();
  for (const [i, b] of files.entries()) {
    const v = checkBytes(`s${i}.xlsx`, b, schemes).verdict;
    verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
  }
  const perFile: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    for (const [i, b] of files.entries()) checkBytes(`s${i}.xlsx`, b, schemes);
    const used = process.cpuUsage(start);
    perFile.push((used.user + used.system) / 1000 / count);
  }
  console.log(`${count} honest maturity submissions (${[...verdicts].map(([v, n]) => `${v} ${n}`).join(", ")}), ${rounds} rounds, warm, one thread`);
  console.log(`  checkBytes: ${spread(perFile)} ms a file of CPU (min / median / max)`);
}

void main();
