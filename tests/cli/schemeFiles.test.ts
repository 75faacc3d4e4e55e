import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSchemes, schemesDir, writeCompiledSchemes } from "../../src/cli/schemeFiles";
import { parseScheme } from "../../src/scheme/load";

/**
 * The CLI takes a scheme validated at build time only while its file is unchanged; a file edited after the build
 * is validated again, so a mistake in it is reported, never covered by the old copy.
 */
describe("schemes compiled at build time", () => {
  const work = mkdtempSync(path.join(tmpdir(), "starscore-schemes-"));
  const dir = path.join(work, "schemes");
  const compiled = path.join(work, "compiled");
  const name = "completeness-2025.yaml";
  const yaml = readFileSync(path.join(schemesDir(), name), "utf8");
  const compiledFile = path.join(compiled, "completeness-2025.json");

  beforeEach(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(schemesDir(), name), path.join(dir, name));
    expect(writeCompiledSchemes(dir, compiled)).toEqual([name]);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("gives the same scheme as validating the file", () => {
    expect(loadSchemes(dir, compiled).get("completeness-2025")).toEqual(parseScheme(yaml, `schemes/${name}`));
  });

  it("takes an unchanged file from the build's copy, without validating it again", () => {
    // A mark the YAML does not have: seen only when the build's copy is what was read.
    const c = JSON.parse(readFileSync(compiledFile, "utf8"));
    writeFileSync(compiledFile, JSON.stringify({ ...c, file: { ...c.file, titleEn: "from the build" } }));
    expect(loadSchemes(dir, compiled).get("completeness-2025")?.titleEn).toBe("from the build");
  });

  it("validates an edited file again: a mistake is reported with its place", () => {
    const broken = yaml.replace(/points: (\d+)/, "points: many");
    expect(broken).not.toBe(yaml);
    writeFileSync(path.join(dir, name), broken);
    expect(() => loadSchemes(dir, compiled)).toThrow('schemes/completeness-2025.yaml: special.deduction.points: found the text "many"; expected a number');
  });

  it("reads an edited, valid file as it now is", () => {
    const retitled = yaml.replace(/^titleEn: .*$/m, "titleEn: Edited after the build");
    expect(retitled).not.toBe(yaml);
    writeFileSync(path.join(dir, name), retitled);
    expect(loadSchemes(dir, compiled).get("completeness-2025")?.titleEn).toBe("Edited after the build");
  });
});
