import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { runAgreement } from "../support/agreement";

// CI runs a subset per scheme and role; `npm run bench` runs 200 per scheme and role.
const SAMPLES = Number(process.env.LO_SAMPLES ?? 12);

describe("the workbook's own formulas, recalculated by real LibreOffice, agree with the engine", () => {
  it(`to the cent and on the level, for every scheme and role (${SAMPLES} random + boundary cases each)`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "starscore-agree-"));
    const run = await runAgreement(loadSchemes().values(), SAMPLES, dir);
    expect(run.disagreements).toEqual([]);
    expect(run.agreed).toBe(run.tried);
    expect(run.tried).toBeGreaterThan(100);
  }, 600_000);
});
