// Real-world workbooks: `starscore check`'s reader over a folder of spreadsheets other people made (Apache POI's
// test-data/spreadsheet, SheetJS's test_files — fetched, never committed), file by file: counts per verdict,
// the commonest reasons, the slowest files and peak memory.
// STARSCORE_CORPUS=/path/to/folder node dist/bench/corpus.bench.js
import { performance } from "node:perf_hooks";
import type { FileCheck } from "../src/review/verdict";
import { loadScheme } from "../src/cli/schemeFiles";
import { submittedFiles } from "../src/cli/submitted";
import { checkFile } from "../src/cli/checkFile";

function main(): void {
  const folder = process.env.STARSCORE_CORPUS;
  if (folder === undefined) throw new Error("set STARSCORE_CORPUS to a folder of .xlsx files");
  const schemes = { get: loadScheme };
  const verdicts = new Map<string, number>();
  const reasons = new Map<string, number>();
  const times: { file: string; ms: number; verdict: string }[] = [];
  const start = performance.now();
  for (const s of submittedFiles([folder])) {
    const t = performance.now();
    let r: FileCheck | null = null;
    let verdict: string;
    if (s.refused !== undefined) verdict = "无法读取";
    else {
      try {
        r = checkFile(s.file, schemes);
        verdict = r.verdict;
      } catch (e) {
        verdict = `CRASH ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    times.push({ file: s.file, ms: performance.now() - t, verdict });
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
    // The reason without the part or number it names, so that like reasons count together.
    const reason = (s.refused ?? r?.reason ?? "").replace(/\S*\/\S*\.(xml|rels)\S*/g, "<part>").replace(/[0-9]+/g, "N").split("/")[0]?.trim();
    if (verdict === "无法读取" && reason !== undefined) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const total = (performance.now() - start) / 1000;
  console.log(`${times.length} workbooks under ${folder}: ${total.toFixed(1)} s, peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  for (const [v, n] of [...verdicts].sort((a, b) => b[1] - a[1])) console.log(`  ${v}: ${n}`);
  console.log("commonest reasons for 无法读取:");
  for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(n).padStart(4)}  ${r}`);
  console.log("slowest:");
  for (const t of times.sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${t.ms.toFixed(0).padStart(6)} ms  ${t.verdict}  ${t.file}`);
}

main();
