// Scores 10,000 generated assessments of the largest scheme and prints assessments per second (one core).
// npm run bench:score   (target ≥ 20,000/s)
import { performance } from "node:perf_hooks";
import { loadSchemes } from "../src/cli/schemeFiles";
import { scoreAssessment } from "../src/scoring/scoreAssessment";
import { generateAssessment } from "../tests/support/generate";

const schemes = [...loadSchemes().values()];
const largest = schemes.reduce((a, b) => (b.items.length > a.items.length ? b : a));
const count = Number(process.env.BENCH_COUNT ?? 10000);
const assessments = Array.from({ length: count }, (_, i) => generateAssessment(largest, i + 1, { lenient: i % 2 === 0 }));

// Warm up the JIT, then measure the best of three runs.
for (let i = 0; i < 1000; i++) scoreAssessment(largest, assessments[i % count]!);
let best = Infinity;
let checksum = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  for (const a of assessments) checksum += scoreAssessment(largest, a).total ?? 0;
  best = Math.min(best, performance.now() - start);
}
const perSecond = Math.round(count / (best / 1000));
console.log(`scheme ${largest.id} (${largest.items.length} items), ${count} assessments (half typed leniently)`);
console.log(`best of 3: ${best.toFixed(1)} ms → ${perSecond.toLocaleString("en")} assessments/s on one core (target ≥ 20,000/s)`);
console.log(`checksum ${checksum.toFixed(2)}`);
