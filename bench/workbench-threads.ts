// Where the workbench page's CPU goes while it checks a folder (issue 18): each thread of the browser's processes,
// read from /proc just before the folder is handed over and once the summary line shows, summed by process type and
// thread name. In session 8, on two cores, the renderer's ThreadPoolForeground threads (V8's Maglev and TurboFan
// compile jobs for each Web Worker) used as much CPU as the workers' own threads. A worker's thread ends with the
// run, so it is read only while alive: its figure is a floor. JS_FLAGS=<V8 flags> runs Chromium with them, to compare
// (e.g. --single-threaded, which no page can ask for).
// npx tsx bench/workbench-threads.ts   (WORKBENCH_DIST=<a build>, else it builds one; BENCH_WORKBENCH_FILES=300, BENCH_RUNS=2)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { benchBuild, launchChromium, servePane } from "../tests/support/browser";
import { honestWorkbook } from "../tests/support/honest";
import { descendants } from "../tests/support/procTree";

/** Clock ticks a second, as /proc counts CPU time (USER_HZ; 100 on Linux). */
const TICKS = 100;

/** CPU ticks so far of every thread below this process, by "pid/tid", with its process type and thread name. */
function threads(): Map<string, { name: string; ticks: number }> {
  const out = new Map<string, { name: string; ticks: number }>();
  for (const p of descendants()) {
    try {
      const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${p}/cmdline`, "utf8"))?.[1] ?? "browser";
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const stat = readFileSync(`/proc/${p}/task/${t}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const thread = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).replace(/[0-9]+$/, "");
        out.set(`${p}/${t}`, { name: `${type}: ${thread}`, ticks: Number(fields[11]) + Number(fields[12]) });
      }
    } catch {
      // The process or thread ended while it was read.
    }
  }
  return out;
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_WORKBENCH_FILES ?? 300);
  const runs = Number(process.env.BENCH_RUNS ?? 2);
  const work = mkdtempSync(path.join(tmpdir(), "starscore-bench-threads-"));
  const dist = benchBuild(work);
  const folder = path.join(work, "files");
  mkdirSync(folder);
  for (let i = 0; i < count; i++) writeFileSync(path.join(folder, `submission-${i}.xlsx`), await honestWorkbook(i + 1));
  const server = await servePane(dist);
  const jsFlags = process.env.JS_FLAGS;
  const browser = await launchChromium(jsFlags ? [`--js-flags=${jsFlags}`] : []);
  try {
    console.log(`${count} honest maturity audit submissions${jsFlags ? `, V8 flags ${jsFlags}` : ""}; CPU seconds by thread during the check`);
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${server.url}/#check`);
      await page.waitForSelector("body[data-ready=true]");
      // As bench/workbench.bench.ts: the workers start while a reviewer chooses the folder.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const before = threads();
      const start = performance.now();
      await page.setInputFiles("[data-testid=folder]", folder);
      await page.waitForSelector("[data-testid=summary]", { timeout: 600_000 });
      const wall = (performance.now() - start) / 1000;
      const by = new Map<string, number>();
      for (const [key, t] of threads()) by.set(t.name, (by.get(t.name) ?? 0) + (t.ticks - (before.get(key)?.ticks ?? 0)) / TICKS);
      const rows = [...by].filter(([, s]) => s >= 0.05).sort((a, b) => b[1] - a[1]);
      console.log(`  run ${run + 1}: wall ${wall.toFixed(2)} s, CPU of live threads ${rows.reduce((a, [, s]) => a + s, 0).toFixed(2)} s`);
      for (const [name, s] of rows) console.log(`    ${s.toFixed(2).padStart(6)} s  ${name}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
