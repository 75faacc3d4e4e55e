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
    // Unfinished forms and claims above the result were among the cases, not only finished ones.
    expect(run.incomplete).toBeGreaterThan(2 * Object.keys(run.cases).length);
    expect(run.claimedAbove).toBeGreaterThan(0);
    // A blank form says 未填完 in its result cells and on the results line under the header, for every scheme and role.
    const schemes = loadSchemes();
    const blanks = Object.entries(run.blanks).map(([key, b]) => {
      const scheme = schemes.get(key.split("/")[0] ?? "");
      const owed = (scheme?.items ?? []).filter((i) => scheme?.kind === "checklist" || i.max > 0).length;
      const words = `未填完（${owed} 项未填）`;
      return [key, b.level === words && b.verdict === words && b.line.includes(words) && !/不合格|不通过|未全部符合/.test(b.line)];
    });
    expect(blanks).toEqual(Object.keys(run.cases).map((key) => [key, true]));
  }, 600_000);
});
