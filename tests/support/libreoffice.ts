import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Opens each .xlsx in real LibreOffice (headless), which recalculates its formulas, and saves it again as
 * .xlsx into `outDir` — as a person saving the workbook in LibreOffice would. One soffice process converts
 * the whole batch; a private profile keeps parallel runs from locking each other out.
 */
export function recalculateWithLibreOffice(files: readonly string[], outDir: string, format = "xlsx"): void {
  // soffice now and then drops a file in a long batch: convert in chunks, then once more for what is missing.
  const CHUNK = 100;
  const outputOf = (f: string) => path.join(outDir, `${path.basename(f, path.extname(f))}.${format}`);
  for (let i = 0; i < files.length; i += CHUNK) convertBatch(files.slice(i, i + CHUNK), outDir, format);
  const missing = files.filter((f) => !existsSync(outputOf(f)));
  if (missing.length > 0) convertBatch(missing, outDir, format);
}

function convertBatch(files: readonly string[], outDir: string, format: string): void {
  if (files.length === 0) return;
  const profile = mkdtempSync(path.join(tmpdir(), "starscore-lo-profile-"));
  try {
    const result = spawnSync(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", format, "--outdir", outDir, ...files],
      { encoding: "utf8", timeout: 15 * 60 * 1000 },
    );
    if (result.error !== undefined) throw new Error(`soffice could not run: ${result.error.message} (install libreoffice-calc-nogui)`);
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
