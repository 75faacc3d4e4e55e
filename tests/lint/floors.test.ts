import { createRequire } from "node:module";
import path from "node:path";
import { ESLint, type Linter } from "eslint";

/** The core's floors, ground first, as eslint.config.js and docs/architecture.md order them. */
const FLOORS = ["scheme", "findings", "scoring", "sheets", "review", "report"];

const root = path.join(__dirname, "..", "..");
// The project's own config, handed over as an object: ESLint would otherwise import() it, which jest's VM refuses.
const config = createRequire(__filename)(path.join(root, "eslint.config.js")) as Linter.Config[];
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

/** The rules a file at `file` breaks with `code`. */
async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/** The import rules a file at `file` breaks by importing `from`. */
const brokenBy = (file: string, from: string) => rulesBroken(file, `import { probe } from "${from}";\nexport const used = probe;\n`);

describe("lint keeps the core's floors in order: scheme → findings → scoring → sheets → review → report", () => {
  it("an import that runs back up the floors fails lint, for every pair of floors", async () => {
    for (const [i, floor] of FLOORS.entries()) {
      for (const above of FLOORS.slice(i + 1)) {
        expect([floor, above, await brokenBy(`src/${floor}/probe.ts`, `../${above}/probe`)]).toEqual([floor, above, ["no-restricted-imports"]]);
      }
    }
  });

  it("an import down the floors passes", async () => {
    for (const [i, floor] of FLOORS.entries()) {
      for (const below of FLOORS.slice(0, i)) expect([floor, below, await brokenBy(`src/${floor}/probe.ts`, `../${below}/probe`)]).toEqual([floor, below, []]);
    }
  });

  it("the back-up imports of issue 15 fail: the plan reaching the engine, the report reaching the plan", async () => {
    expect(await brokenBy("src/sheets/plan.ts", "../review/tamper")).toEqual(["no-restricted-imports"]);
    expect(await brokenBy("src/scoring/items.ts", "../sheets/plan")).toEqual(["no-restricted-imports"]);
    expect(await brokenBy("src/findings/finding.ts", "../scoring/scoreAssessment")).toEqual(["no-restricted-imports"]);
    expect(await brokenBy("src/scheme/roles.ts", "../findings/finding")).toEqual(["no-restricted-imports"]);
  });

  it("no floor may reach an adapter", async () => {
    for (const floor of FLOORS) {
      for (const adapter of ["excel", "xlsx", "taskpane", "cli"]) expect([floor, adapter, await brokenBy(`src/${floor}/probe.ts`, `../${adapter}/probe`)]).toEqual([floor, adapter, ["no-restricted-imports"]]);
      expect(await brokenBy(`src/${floor}/probe.ts`, "node:fs")).toEqual(["no-restricted-imports"]);
    }
  });
});

describe("lint keeps the reader (src/xlsx but write.ts) one code path for Node and the browser", () => {
  const READER = ["zip", "package", "saved", "worksheet", "xml", "sniff", "check", "probe"].map((f) => `src/xlsx/${f}.ts`);

  it("refuses a Node module, by either name, and an adapter, in every file of the reading path", async () => {
    for (const file of READER) {
      for (const from of ["node:zlib", "zlib", "fs", "node:fs/promises", "path", "node:buffer", "worker_threads", "exceljs", "../cli/files", "./write"]) {
        expect([file, from, await brokenBy(file, from)]).toEqual([file, from, ["no-restricted-imports"]]);
      }
    }
  });

  it("refuses Node's globals: Buffer (as a value and as a type), process", async () => {
    expect(await rulesBroken("src/xlsx/zip.ts", 'export const bytes = Buffer.from("PK");\n')).toEqual(["no-restricted-globals"]);
    expect(await rulesBroken("src/xlsx/zip.ts", "export const size = (bytes: Buffer): number => bytes.length;\n")).toEqual(["@typescript-eslint/no-restricted-types"]);
    expect(await rulesBroken("src/xlsx/check.ts", "export const env = process.env.LANG;\n")).toEqual(["no-restricted-globals"]);
  });

  it("lets the reader use what a browser has, its own files, the core and saxes and pako", async () => {
    expect(await rulesBroken("src/xlsx/zip.ts", 'export const text = new TextDecoder("utf-8").decode(new Uint8Array(new DataView(new ArrayBuffer(4)).buffer));\n')).toEqual([]);
    for (const from of ["./xml", "../review/verdict", "../sheets/plan", "saxes", "pako"]) expect([from, await brokenBy("src/xlsx/check.ts", from)]).toEqual([from, []]);
  });

  it("names its Node-only exception: write.ts writes with exceljs, and the CLI adapter reads files", async () => {
    expect(await brokenBy("src/xlsx/write.ts", "exceljs")).toEqual([]);
    expect(await rulesBroken("src/xlsx/write.ts", "export const size = (bytes: Buffer): number => bytes.length;\n")).toEqual([]);
    expect(await brokenBy("src/cli/checkFile.ts", "node:fs")).toEqual([]);
  });
});

describe("lint keeps the workbench page (src/workbench) in the browser", () => {
  it("refuses a Node module, the CLI, Office.js code and the exceljs writer", async () => {
    for (const from of ["node:fs", "fs", "worker_threads", "exceljs", "../cli/files", "../excel/session", "../xlsx/write"]) {
      expect([from, await brokenBy("src/workbench/probe.ts", from)]).toEqual([from, ["no-restricted-imports"]]);
    }
    expect(await rulesBroken("src/workbench/probe.ts", "export const env = process.env.LANG;\n")).toEqual(["no-restricted-globals"]);
  });

  it("lets it use the core, the browser-safe reader and what a browser has", async () => {
    for (const from of ["../review/checkReport", "../xlsx/check", "../report/html", "react"]) expect([from, await brokenBy("src/workbench/probe.ts", from)]).toEqual([from, []]);
    expect(await rulesBroken("src/workbench/probe.ts", 'export const w = () => new Worker("w.js");\nexport const n = navigator.hardwareConcurrency;\n')).toEqual([]);
  });
});
