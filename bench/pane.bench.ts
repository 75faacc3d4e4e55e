// The task pane: the main bundle's size (gzipped), the time until the pane is ready in headless Chromium, the
// context.sync() calls each operation takes on the in-memory Excel for the largest scheme, and how far a layout of
// maturity at ten times its items stays inside Excel on the web's 5 MB request and response limit and Excel's
// 32,767 characters a cell (the layout record).
// npx tsx bench/pane.bench.ts   (part of npm run bench)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadSchemes } from "../src/cli/schemeFiles";
import { addRadarChart } from "../src/excel/chart";
import { runSelfTest } from "../src/excel/selfTest";
import { layOut, readLive, readLivePair, readWorkbookState, relayOut, selectCell, watchWorkbook, writeSpecials } from "../src/excel/session";
import { CELL_CHARS, encodeMeta, metaCells } from "../src/sheets/meta";
import { planSheet } from "../src/sheets/plan";
import type { Scheme } from "../src/scheme/load";
import { fakeExcel, fakeRun } from "../tests/fakes/excel";
import { buildPane, DIST, launchChromium, OFFICE_JS, servePane } from "../tests/support/browser";
import { generateAssessment } from "../tests/support/generate";
import { inflatedMaturity } from "../tests/support/inflated";

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** Syncs per pane operation, measured as the difference of the fake's sync counter. */
async function syncsPerOperation(scheme: Scheme, selfScheme: Scheme): Promise<[string, number][]> {
  const book = fakeExcel();
  const run = fakeRun(book);
  const rows: [string, number][] = [];
  const measure = async (name: string, op: () => Promise<unknown>) => {
    const before = book.syncCount;
    await op();
    rows.push([name, book.syncCount - before]);
  };
  const filled = generateAssessment(scheme, 7, { lenient: true });
  let entry = (await layOut(run, scheme, "audit", filled)).entry;
  book.syncCount = 0;
  await measure("layout", () => layOut(run, scheme, "audit", filled));
  await measure("live read", () => readLive(run, scheme, entry));
  await measure("re-layout", async () => {
    entry = (await relayOut(run, scheme, entry)).entry;
  });
  await measure("select", () => selectCell(run, entry.sheet, `G${entry.layout.firstItemRow}`));
  await measure("write specials", () => writeSpecials(run, entry, [{ clause: "5.2.4.3", reason: "x" }], { points: 1, reason: "y" }));
  await measure("radar chart", () => addRadarChart(run, scheme, entry, { subsection: "分项", share: "得分率", title: "各单项得分率" }, "zh"));
  const self = (await layOut(run, selfScheme, "self", generateAssessment(selfScheme, 3, { role: "self" }))).entry;
  await measure("compare (2 sheets)", () => readLivePair(run, [selfScheme, self], [scheme, entry]));
  await measure("workbook's StarScore sheets", () => readWorkbookState(run));
  await measure("follow changes, calculation and selection (once per pane)", () => watchWorkbook(run, { onChange: () => undefined, onSelect: () => undefined, onCalculated: () => undefined }));
  return rows;
}

/** The self-test's syncs on a fresh workbook, per scheme: the same for the smallest and the largest. */
async function selfTestSyncs(schemes: readonly Scheme[]): Promise<[string, number][]> {
  const rows: [string, number][] = [];
  for (const scheme of schemes) {
    const book = fakeExcel();
    // A workbook has at least one sheet, the one shown. No calculator: the Excel-total step fails here, after its
    // one sync (the dialog step after it has none); the count is what matters.
    book.addSheet("Sheet1");
    await runSelfTest(fakeRun(book), scheme);
    rows.push([`self-test, ${scheme.id} (${scheme.items.length} items)`, book.syncCount]);
  }
  return rows;
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** The largest request and response of a layout and of a live read, and the layout record, for maturity × `times`. */
async function payloads(times: number): Promise<string[]> {
  const scheme = inflatedMaturity(times);
  const book = fakeExcel();
  const run = fakeRun(book);
  const { entry } = await layOut(run, scheme, "audit", generateAssessment(scheme, 5));
  const layout = [book.largestRequest, book.largestResponse];
  book.largestRequest = 0;
  book.largestResponse = 0;
  await readLive(run, scheme, entry);
  const record = encodeMeta(entry.sheet, entry.title, planSheet(scheme, "audit").layout);
  const cells = metaCells(record);
  return [
    `maturity ×${times} (${scheme.items.length} items), in-memory Excel, bytes of JSON (limit 5 MB each way, target ≤ 2.5 MB):`,
    `  lay out     largest request ${MB(layout[0] ?? 0)}, largest response ${MB(layout[1] ?? 0)}`,
    `  live read   largest request ${MB(book.largestRequest)}, largest response ${MB(book.largestResponse)}`,
    `  layout record ${record.length.toLocaleString("en")} characters in ${cells.length} cell(s), the longest ${Math.max(...cells.map((c) => c.length)).toLocaleString("en")} (Excel's limit ${CELL_CHARS.toLocaleString("en")} a cell)`,
  ];
}

async function readyTimes(stub: string, runs: number): Promise<{ times: number[]; renders: number[] }> {
  const server = await servePane();
  const browser = await launchChromium();
  const times: number[] = [];
  const renders: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 340, height: 900 } });
      const page = await context.newPage();
      await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
      // Notes, on the page's own clock (0 = navigation start), when the pane marks itself ready.
      // Also when React has rendered the Start view (its first button is in the document).
      await page.addInitScript(() => {
        const marks = window as unknown as { __readyAt?: number; __renderedAt?: number };
        new MutationObserver((_, observer) => {
          if (marks.__readyAt === undefined && document.body?.dataset.ready === "true") marks.__readyAt = performance.now();
          if (marks.__renderedAt === undefined && document.querySelector("#root button") !== null) marks.__renderedAt = performance.now();
          if (marks.__readyAt !== undefined && marks.__renderedAt !== undefined) observer.disconnect();
        }).observe(document, { attributes: true, childList: true, subtree: true });
      });
      await page.goto(`${server.url}/taskpane.html?lang=zh-CN`);
      await page.waitForSelector("body[data-ready=true]");
      await page.waitForSelector("#root button");
      const [ready, rendered] = await page.evaluate(() => {
        const marks = window as unknown as { __readyAt: number; __renderedAt: number };
        return [marks.__readyAt, marks.__renderedAt];
      });
      times.push(ready);
      renders.push(rendered);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { times, renders };
}

async function main(): Promise<void> {
  const { stub } = buildPane();
  const main = readdirSync(DIST).find((f) => /^taskpane\.[0-9a-f]+\.js$/.test(f));
  if (main === undefined) throw new Error("no taskpane bundle in dist-web");
  const raw = readFileSync(path.join(DIST, main));
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(`pane bundle ${main}: ${(raw.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped (target ≤ 300)`);

  const { times, renders } = await readyTimes(stub, 5);
  const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(", ");
  console.log(`pane ready (navigation start → body[data-ready=true], headless Chromium): median ${median(times).toFixed(0)} ms of ${list(times)} (target ≤ 1000)`);
  console.log(`  Start view rendered (its first button in the document):               median ${median(renders).toFixed(0)} ms of ${list(renders)}`);

  const schemes = loadSchemes();
  const largest = [...schemes.values()].reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const rows = await syncsPerOperation(largest, schemes.get("gbt27922-2011-self") as Scheme);
  console.log(`syncs per operation, ${largest.id} (${largest.items.length} items) at 1×, in-memory Excel:`);
  const width = Math.max(...rows.map(([n]) => n.length));
  for (const [name, n] of rows) console.log(`  ${name.padEnd(width)}  ${n}`);
  const points = [...schemes.values()].filter((s) => s.kind === "points").sort((a, b) => a.items.length - b.items.length);
  for (const [name, n] of await selfTestSyncs([points[0] as Scheme, points[points.length - 1] as Scheme])) console.log(`  ${name}: ${n} syncs`);
  for (const line of await payloads(10)) console.log(line);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
