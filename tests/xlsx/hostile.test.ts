import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hostileCorpus, type HostileCase } from "../../scripts/make-hostile";
import { loadScheme } from "../../src/cli/schemeFiles";
import type { FileCheck } from "../../src/review/verdict";
import { checkFile } from "../../src/cli/checkFile";
import { readAhead } from "../../src/xlsx/readAhead";
import { openWorkbook } from "../../src/xlsx/saved";
import { DEFAULT_LIMITS } from "../../src/xlsx/sniff";
import { recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * The hostile corpus (scripts/make-hostile.ts): every package gets its verdict, deceiving ones are read as Excel
 * shows them, and where LibreOffice shows the cell the same way, the value agrees with what real LibreOffice saves.
 */
let dir = "";
let sheetName = "";
let cases: HostileCase[] = [];
const results = new Map<string, FileCheck>();
const fileOf = (c: HostileCase) => path.join(dir, `${c.name}.xlsx`);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "starscore-hostile-"));
  ({ sheetName, cases } = await hostileCorpus());
  const schemes = { get: loadScheme };
  for (const c of cases) {
    writeFileSync(fileOf(c), c.bytes);
    results.set(c.name, checkFile(fileOf(c), schemes));
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The value StarScore reads in a cell of the form's sheet. */
const readCell = (bytes: Buffer, address: string) => openWorkbook(bytes).sheet(sheetName)?.read(address);

describe("the hostile corpus", () => {
  it("has at least 60 packages", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it("gives each package its verdict, and damage a reason", () => {
    const got = cases.map((c) => {
      const r = results.get(c.name);
      return { name: c.name, verdict: c.verdict === "any" ? "any" : r?.verdict, reason: c.reason === undefined || c.reason.test(r?.reason ?? "") ? "ok" : r?.reason };
    });
    expect(got).toEqual(cases.map((c) => ({ name: c.name, verdict: c.verdict, reason: "ok" })));
  });

  it("gives each package the same result when its parts come inflated ahead, as check's main thread hands them over", () => {
    const schemes = { get: loadScheme };
    const differing = cases.filter((c) => JSON.stringify(checkFile(fileOf(c), schemes, "zh", undefined, readAhead(c.bytes, DEFAULT_LIMITS))) !== JSON.stringify(results.get(c.name)));
    expect(differing.map((c) => c.name)).toEqual([]);
  });

  it("gives no readable package of honest content a tamper finding", () => {
    const passed = cases.filter((c) => c.verdict === "通过");
    expect(passed.map((c) => [c.name, results.get(c.name)?.counts.tamper])).toEqual(passed.map((c) => [c.name, 0]));
  });

  it("raises each planted finding, located to its cell", () => {
    const planted = cases.filter((c) => c.finding !== undefined);
    expect(planted.length).toBeGreaterThanOrEqual(8);
    const got = planted.map((c) => {
      const f = results.get(c.name)?.findings.find((x) => x.code === c.finding?.code);
      return [c.name, f?.code, c.finding?.cell === undefined ? undefined : f?.cell];
    });
    expect(got).toEqual(planted.map((c) => [c.name, c.finding?.code, c.finding?.cell]));
  });

  it("scores the sheet Excel shows: a very hidden form is named with what its own entries give, the visible copy counts", () => {
    const honest = results.get("honest");
    const hidden = results.get("form-very-hidden-copy-shown");
    const ss823 = hidden?.findings.find((f) => f.code === "SS823");
    expect(hidden?.total).toBeLessThan(honest?.total ?? 0);
    expect(ss823?.params).toEqual({ sheet: sheetName, state: "veryHidden", shown: `${sheetName} (2)`, total: honest?.total, level: honest?.level });
    // A second copy of the form after it does not count; it is named with its own total.
    const second = results.get("second-form-visible");
    expect([second?.total, second?.findings.find((f) => f.code === "SS824")?.params]).toEqual([hidden?.total, { scored: sheetName, other: `${sheetName} (2)`, state: "visible", total: honest?.total, level: honest?.level }]);
  });

  it("reads each deceiving cell as Excel shows it", () => {
    const withCell = cases.filter((c) => c.cell !== undefined);
    expect(withCell.map((c) => [c.name, readCell(c.bytes, c.cell?.address ?? "")])).toEqual(withCell.map((c) => [c.name, c.cell?.value]));
  });

  it("reads each deceiving-but-valid cell as LibreOffice does (converted headless)", () => {
    const compared = cases.filter((c) => c.cell?.libreOffice === true);
    const out = path.join(dir, "libreoffice");
    mkdirSync(out);
    recalculateWithLibreOffice(compared.map(fileOf), out);
    const libreOffice = compared.map((c) => [c.name, readCell(readFileSync(path.join(out, `${c.name}.xlsx`)), c.cell?.address ?? "")]);
    expect(compared.map((c) => [c.name, readCell(c.bytes, c.cell?.address ?? "")])).toEqual(libreOffice);
  }, 300_000);
});
