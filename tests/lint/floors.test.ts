import { createRequire } from "node:module";
import path from "node:path";
import { ESLint, type Linter } from "eslint";

/** The core's floors, ground first, as eslint.config.js and docs/architecture.md order them. */
const FLOORS = ["scheme", "findings", "scoring", "sheets", "review", "report"];

const root = path.join(__dirname, "..", "..");
// The project's own config, handed over as an object: ESLint would otherwise import() it, which jest's VM refuses.
const config = createRequire(__filename)(path.join(root, "eslint.config.js")) as Linter.Config[];
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

/** The import rules a file at `file` breaks by importing `from`. */
async function brokenBy(file: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { probe } from "${from}";\nexport const used = probe;\n`, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

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
