// Cost against size: each pathological shape of the hostile corpus (scripts/make-hostile.ts) at 1×, 10× and 100×,
// checked in a fresh process each (time and peak memory, the process's start included). Both must grow no faster
// than the input; a shape past a bound (elements nested deeper than 128, 1,000 sheets, 4 MB a part) is refused.
// npm run build:cli && node dist/bench/reader-cost.bench.js
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadScheme } from "../src/cli/schemeFiles";
import { checkFile } from "../src/cli/checkFile";
import { columnLetter } from "../src/sheets/address";
import { honestWorkbook } from "../tests/support/honest";
import { rezip } from "../tests/support/zip";

const SHEET = "xl/worksheets/sheet1.xml";
const STRINGS = "xl/sharedStrings.xml";
const WORKBOOK = "xl/workbook.xml";
const R = 900;
const rows = (xml: string, body: string) => xml.replace("</sheetData>", `${body}</sheetData>`);

/** Each shape: the part it edits and what it adds, `n` times. */
const SHAPES: { name: string; part: string; edit: (xml: string, n: number) => string }[] = [
  { name: "comments between cells", part: SHEET, edit: (x, n) => rows(x, `<row r="${R}"><c r="A${R}"><v>0</v></c>${"<!-- <c r=\"B900\"><v>1</v></c> -->".repeat(n)}</row>`) },
  { name: "unclosed <si>", part: STRINGS, edit: (x, n) => x.replace("</sst>", `${"<si><t>x</t>".repeat(n)}</sst>`) },
  { name: "<c> without </c>", part: SHEET, edit: (x, n) => rows(x, `<row r="${R}">${"<c><v>1</v>".repeat(n)}</row>`) },
  { name: "& before one ;", part: SHEET, edit: (x, n) => rows(x, `<row r="${R}"><c r="A${R}" t="str"><v>${"&".repeat(n * 10)};</v></c></row>`) },
  { name: "unclosed CDATA", part: SHEET, edit: (x, n) => rows(x, `<row r="${R}"><c r="A${R}" t="inlineStr"><is><t><![CDATA[${"x".repeat(n * 10)}`) },
  { name: "hidden column ranges", part: SHEET, edit: (x, n) => x.replace("</cols>", `${'<col min="20" max="16384" hidden="1"/>'.repeat(n)}</cols>`) },
  {
    name: "shared formula dependents",
    part: SHEET,
    edit: (x, n) =>
      rows(
        x,
        `<row r="${R}"><c r="A${R}"><f t="shared" ref="A${R}:A${R + 1}" si="9">SUM(${"A1+".repeat(1500)}A1)</f><v>0</v></c></row>${Array.from({ length: Math.ceil(n / 1000) }, (_, r) => `<row r="${R + 1 + r}">${Array.from({ length: Math.min(1000, n) }, (_, c) => `<c r="${columnLetter(c + 1)}${R + 1 + r}"><f t="shared" si="9"/><v>0</v></c>`).join("")}</row>`).join("")}`,
      ),
  },
  { name: "<sheet> naming one part", part: WORKBOOK, edit: (x, n) => x.replace("</sheets>", `${Array.from({ length: Math.min(n, 990) }, (_, i) => `<sheet name="s${i}" sheetId="${i + 10}" r:id="rId4"/>`).join("")}</sheets>`) },
  { name: "nested elements", part: SHEET, edit: (x, n) => x.replace("</sheetData>", `</sheetData><extLst>${"<ext>".repeat(n)}${"</ext>".repeat(n)}</extLst>`) },
  { name: "rows of cells", part: SHEET, edit: (x, n) => rows(x, Array.from({ length: Math.ceil(n / 10) }, (_, r) => `<row r="${R + r}">${Array.from({ length: 10 }, (_, c) => `<c r="${columnLetter(c + 1)}${R + r}"><v>${c}</v></c>`).join("")}</row>`).join("")) },
];
const BASE = 1_000;

async function main(): Promise<void> {
  if (process.argv[2] === "--one") {
    const file = process.argv[3] as string;
    const start = process.hrtime.bigint();
    const r = checkFile(file, { get: loadScheme });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(JSON.stringify({ ms, mb: process.resourceUsage().maxRSS / 1024, verdict: r.verdict }));
    return;
  }
  const honest = await honestWorkbook();
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-bench-cost-"));
  // A fresh process's own start and an honest file: the floor every figure below stands on.
  const floor = (file: string) => JSON.parse(spawnSync(process.execPath, [__filename, "--one", file], { encoding: "utf8" }).stdout) as { ms: number; mb: number; verdict: string };
  writeFileSync(path.join(dir, "honest.xlsx"), honest);
  const h = floor(path.join(dir, "honest.xlsx"));
  console.log(`honest workbook: ${h.ms.toFixed(0)} ms, peak ${h.mb.toFixed(0)} MB (${h.verdict})`);
  console.log(`${"shape".padEnd(28)} ${"×".padStart(4)} ${"items".padStart(8)} ${"file KB".padStart(8)} ${"ms".padStart(7)} ${"peak MB".padStart(8)}  verdict`);
  for (const shape of SHAPES) {
    for (const scale of [1, 10, 100]) {
      const n = BASE * scale;
      const file = path.join(dir, "shape.xlsx");
      writeFileSync(file, rezip(honest, (name, text) => (name === shape.part ? shape.edit(text, n) : text)));
      const r = floor(file);
      console.log(`${shape.name.padEnd(28)} ${String(scale).padStart(4)} ${String(n).padStart(8)} ${(statSync(file).size / 1024).toFixed(0).padStart(8)} ${r.ms.toFixed(0).padStart(7)} ${r.mb.toFixed(0).padStart(8)}  ${r.verdict}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

void main();
