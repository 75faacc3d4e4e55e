// Reviewers without a terminal: the workbench page (#check, Web Workers in Debian's Chromium) checks a folder of
// honest maturity audit submissions, and `starscore check` checks the same folder (a fresh process, start-up
// included, its default workers), one after the other in one run on this machine. Target: the page within 1.5× the CLI's wall time.
// Memory: the browser's processes sampled while the page checks folders of 60, 300, 600 and 1200 files (each in a fresh
// tab), and what the tab holds once the table is shown (its JavaScript heap after a forced garbage collection, its
// DOM nodes). The page keeps one compact result per file (no file's bytes: they move to the worker that checks it)
// and lists the first rows of the table (ROWS_SHOWN); each worker's heap and the file buffers it frees are bounded
// by its garbage collector, not by the number of files. So once the workers' heaps have grown to where their
// collector holds them (by about 300 files here), the peak must stay flat.
// npx tsx bench/workbench.bench.ts   (BENCH_WORKBENCH_FILES=300 and BENCH_RUNS=3 paired runs for the timing, BENCH_WORKBENCH_SIZES=60,300,600,1200
// for the memory; WORKBENCH_DIST=<folder> to use a build made before)
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser } from "playwright-core";
import { benchBuild, launchChromium, servePane } from "../tests/support/browser";
import { defaultJobs } from "../src/cli/warmWorkers";
import { honestWorkbook } from "../tests/support/honest";
import { descendants } from "../tests/support/procTree";

const ROOT = path.resolve(__dirname, "..");

/**
 * Memory of this process's descendants (the browser, its renderers and their workers), in MB: each process's
 * proportional share (PSS), so libraries the browser's processes share are counted once.
 */
function browserMb(pid = process.pid): number {
  let total = 0;
  for (const p of descendants(pid)) {
    try {
      total += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      // The process ended while it was read.
    }
  }
  return total / 1048576;
}

/** `starscore check <folder>` in a fresh process, with its default workers as reviewers run it: wall and CPU seconds. */
function cli(cwd: string, folder: string): { s: number; cpu: number; summary: string } {
  const start = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, path.join(ROOT, "bin", "starscore.js"), "check", folder], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const s = (performance.now() - start) / 1000;
  const [user, system] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { s, cpu: (user ?? 0) + (system ?? 0), summary: r.stdout.trim().split("\n").pop() ?? "" };
}

interface PageRun {
  s: number;
  /** The browser's processes (PSS): with the page open, at the peak of the check, with the results shown. */
  idleMb: number;
  peakMb: number;
  doneMb: number;
  /** The tab once the results are shown: its JavaScript heap after a forced collection, and its DOM nodes. */
  heapMb: number;
  nodes: number;
  summary: string;
}

/** Where the page keeps the time it showed the summary line (page()). */
interface Shown {
  summaryShown: Promise<number>;
}

/** How long the bench waits after the page is ready before it hands the folder over, as a reviewer choosing it. */
const CHOOSING_MS = 2000;

/** The page checks the folder: seconds from handing it over to the summary line, and the browser's memory. */
async function page(browser: Browser, url: string, folder: string, sampleMemory = true): Promise<PageRun> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send("Performance.enable");
  await p.goto(`${url}/#check`);
  await p.waitForSelector("body[data-ready=true]");
  // A reviewer takes a few seconds to click 选择文件夹… and pick the folder; the page starts its workers meanwhile,
  // when #check is shown (pool.ts, Spares). Handing the folder over at once would time their start-up as well.
  await new Promise((resolve) => setTimeout(resolve, CHOOSING_MS));
  const idleMb = browserMb();
  let peakMb = idleMb;
  // Sampling reads /proc for every process ten times a second: on two cores that slows the page it measures, so the
  // timed runs do without it.
  const sample = setInterval(() => sampleMemory && (peakMb = Math.max(peakMb, browserMb())), 100);
  // Timed by the page's own clock, to the frame that shows the summary line: Playwright's waitForSelector looks
  // for it every 500 ms once it has waited a while, which would add up to half a second to the page's figure.
  await p.evaluate(() => {
    (window as unknown as Shown).summaryShown = new Promise((resolve) => {
      const o = new MutationObserver(() => {
        if (document.querySelector("[data-testid=summary]") === null) return;
        o.disconnect();
        requestAnimationFrame(() => resolve(window.performance.now()));
      });
      o.observe(document.body, { childList: true, subtree: true });
    });
  });
  const start = await p.evaluate(() => window.performance.now());
  await p.setInputFiles("[data-testid=folder]", folder);
  // Waited for with a bound, then read by the page's clock, which saw it first.
  const summary = (await (await p.waitForSelector("[data-testid=summary]", { timeout: 600_000 })).textContent()) ?? "";
  const s = ((await p.evaluate(() => (window as unknown as Shown).summaryShown)) - start) / 1000;
  clearInterval(sample);
  const doneMb = browserMb();
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const metrics = await cdp.send("Performance.getMetrics");
  await context.close();
  return { s, idleMb, peakMb, doneMb, heapMb: heap.usedSize / 1048576, nodes: metrics.metrics.find((m) => m.name === "Nodes")?.value ?? 0, summary };
}

/** `min / median / max` of some figures. */
function spread(xs: readonly number[]): string {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? (sorted[Math.floor(mid)] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return [sorted[0] as number, median, sorted[sorted.length - 1] as number].map((x) => x.toFixed(2)).join(" / ");
}

/** A folder of `n` submissions: the first `made` as written, then copies of them under other names. */
function folderOf(work: string, n: number, made: string): string {
  const folder = path.join(work, `files-${n}`);
  mkdirSync(folder);
  const honest = readdirSync(made);
  for (let i = 0; i < n; i++) copyFileSync(path.join(made, honest[i % honest.length] as string), path.join(folder, `submission-${i}.xlsx`));
  return folder;
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_WORKBENCH_FILES ?? 300);
  const rounds = Number(process.env.BENCH_RUNS ?? 3);
  const work = mkdtempSync(path.join(tmpdir(), "starscore-bench-workbench-"));
  const dist = benchBuild(work);
  const sizes = (process.env.BENCH_WORKBENCH_SIZES ?? "60,300,600,1200").split(",").map(Number).filter((n) => n > 0);
  mkdirSync(path.join(work, "all"));
  for (let i = 0; i < count; i++) writeFileSync(path.join(work, "all", `submission-${i}.xlsx`), await honestWorkbook(i + 1));
  const folders = new Map(sizes.map((n) => [n, n === count ? path.join(work, "all") : folderOf(work, n, path.join(work, "all"))]));
  const server = await servePane(dist);
  const browser = await launchChromium();
  try {
    // Paired runs, CLI then page, so that a machine whose speed drifts slows both alike; the ratio is taken pair by pair.
    const pairs: { c: ReturnType<typeof cli>; p: PageRun }[] = [];
    for (let i = 0; i < rounds; i++) {
      const c = cli(work, "all");
      const p = await page(browser, server.url, path.join(work, "all"), false);
      if (p.summary !== c.summary) throw new Error(`the page and the CLI disagree: "${p.summary}" / "${c.summary}"`);
      pairs.push({ c, p });
    }
    console.log(`${count} honest maturity-jsgf-06 audit submissions (${pairs[0]?.p.summary}); ${rounds} paired runs, min / median / max`);
    console.log(`  starscore check, ${defaultJobs()} worker(s):   wall ${spread(pairs.map((x) => x.c.s))} s   CPU ${spread(pairs.map((x) => x.c.cpu))} s  (a fresh process, start-up included)`);
    console.log(`  workbench #check, ${availableParallelism()} Web Workers:  wall ${spread(pairs.map((x) => x.p.s))} s  (from handing over the folder to the summary line)`);
    console.log(`  page ÷ CLI, pair by pair:        ${spread(pairs.map((x) => x.p.s / x.c.s))}×   (target ≤ 1.5×)`);
    console.log(`Memory by folder size (a fresh tab each; the browser's processes, PSS; the tab's heap after a forced GC):`);
    console.log(`   files  open MB  peak MB  peak−open  shown MB  tab heap MB  DOM nodes   s`);
    const runs: [number, PageRun][] = [];
    for (const [n, folder] of folders) {
      const r = await page(browser, server.url, folder);
      runs.push([n, r]);
      const cells = [n, r.idleMb, r.peakMb, r.peakMb - r.idleMb, r.doneMb, r.heapMb, r.nodes, r.s];
      console.log(cells.map((x, i) => (i === 5 || i === 7 ? x.toFixed(1) : x.toFixed(0)).padStart([8, 9, 9, 11, 10, 13, 11, 6][i] ?? 8)).join(""));
    }
    for (let i = 1; i < runs.length; i++) {
      const [[a, ra], [b, rb]] = [runs[i - 1], runs[i]] as [[number, PageRun], [number, PageRun]];
      const per = (f: (r: PageRun) => number) => (((f(rb) - f(ra)) * 1024) / (b - a)).toFixed(1).padStart(6);
      console.log(`  per file from ${a} to ${b} files: peak−open ${per((r) => r.peakMb - r.idleMb)} KB, tab heap ${per((r) => r.heapMb)} KB, DOM nodes ${((rb.nodes - ra.nodes) / (b - a)).toFixed(2)}`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
