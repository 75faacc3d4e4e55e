// Reviewers without a terminal: the workbench page (#check, Web Workers in Debian's Chromium) checks a folder of
// honest maturity audit submissions, and `starscore check` checks the same folder (a fresh process, start-up
// included), one after the other in one run on this machine. Target: the page within 1.5× the CLI's wall time.
// Memory: the browser's processes sampled while it checks a fifth of the files and all of them — one file at a time
// per worker, so the peak must not grow with the number of files.
// npx tsx bench/workbench.bench.ts   (BENCH_WORKBENCH_FILES=300; WORKBENCH_DIST=<folder> to use a build made before)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser } from "playwright-core";
import { launchChromium, servePane } from "../tests/support/browser";
import { honestWorkbook } from "../tests/support/honest";

const ROOT = path.resolve(__dirname, "..");

/**
 * Memory of this process's descendants (the browser, its renderers and their workers), in MB: each process's
 * proportional share (PSS), so libraries the browser's processes share are counted once.
 */
function browserMb(pid = process.pid): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${entry}/smaps_rollup`, "utf8"));
      rss.set(Number(entry), Number(pss?.[1] ?? 0) * 1024);
    } catch {
      // The process ended while it was read.
    }
  }
  let total = 0;
  const visit = (p: number) => {
    for (const c of children.get(p) ?? []) {
      total += rss.get(c) ?? 0;
      visit(c);
    }
  };
  visit(pid);
  return total / 1048576;
}

/** `starscore check <folder>` in a fresh process: wall and CPU seconds. */
function cli(cwd: string, folder: string, jobs: number): { s: number; cpu: number; summary: string } {
  const start = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, path.join(ROOT, "bin", "starscore.js"), "check", folder, "--jobs", String(jobs)], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const s = (performance.now() - start) / 1000;
  const [user, system] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { s, cpu: (user ?? 0) + (system ?? 0), summary: r.stdout.trim().split("\n").pop() ?? "" };
}

/** The page checks the folder: seconds from handing it over to the summary line, and the browser's peak memory. */
async function page(browser: Browser, url: string, folder: string): Promise<{ s: number; idleMb: number; peakMb: number; summary: string }> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const p = await context.newPage();
  await p.goto(`${url}/#check`);
  await p.waitForSelector("body[data-ready=true]");
  const idleMb = browserMb();
  let peakMb = idleMb;
  const sample = setInterval(() => (peakMb = Math.max(peakMb, browserMb())), 100);
  const start = performance.now();
  await p.setInputFiles("[data-testid=folder]", folder);
  const summary = (await (await p.waitForSelector("[data-testid=summary]", { timeout: 600_000 })).textContent()) ?? "";
  const s = (performance.now() - start) / 1000;
  clearInterval(sample);
  await context.close();
  return { s, idleMb, peakMb, summary };
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_WORKBENCH_FILES ?? 300);
  const work = mkdtempSync(path.join(tmpdir(), "starscore-bench-workbench-"));
  let dist = process.env.WORKBENCH_DIST;
  if (dist === undefined) {
    dist = path.join(work, "dist-web");
    const built = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dist], { cwd: ROOT, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`webpack failed: ${built.stdout}\n${built.stderr}`);
  }
  const few = Math.max(10, Math.round(count / 5));
  for (const [name, n] of [["all", count], ["fifth", few]] as const) {
    mkdirSync(path.join(work, name));
    for (let i = 0; i < n; i++) writeFileSync(path.join(work, name, `submission-${i}.xlsx`), await honestWorkbook(i + 1));
  }
  const jobs = availableParallelism();
  const server = await servePane(dist);
  const browser = await launchChromium();
  try {
    const c = cli(work, "all", jobs);
    const small = await page(browser, server.url, path.join(work, "fifth"));
    const p = await page(browser, server.url, path.join(work, "all"));
    if (p.summary !== c.summary) throw new Error(`the page and the CLI disagree: "${p.summary}" / "${c.summary}"`);
    console.log(`${count} honest maturity-jsgf-06 audit submissions, ${jobs} workers each (${p.summary})`);
    console.log(`  starscore check --jobs ${jobs}:       ${c.s.toFixed(2).padStart(6)} s wall  ${c.cpu.toFixed(2).padStart(6)} s CPU  (a fresh process, start-up included)`);
    console.log(`  workbench #check, Chromium:      ${p.s.toFixed(2).padStart(6)} s wall  (${(p.s / c.s).toFixed(2)}× the CLI; target ≤ 1.5×)`);
    console.log(`  browser memory (all its processes, PSS): ${p.idleMb.toFixed(0)} MB with the page open; peak ${small.peakMb.toFixed(0)} MB checking ${few} files, ${p.peakMb.toFixed(0)} MB checking ${count}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
