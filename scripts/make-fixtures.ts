// Builds the reviewers' fixtures (honest, tampered and hostile workbooks) into tests/fixtures/check/, with a
// manifest of what the check must say of each. The tests build the same set in a temporary folder.
// Run: npx tsx scripts/make-fixtures.ts && npx starscore check tests/fixtures/check/files
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadSchemes } from "../src/cli/schemeFiles";
import { buildCheckFixtures } from "../tests/support/checkFixtures";

async function main(): Promise<void> {
  const root = path.join(__dirname, "..", "tests", "fixtures", "check");
  rmSync(root, { recursive: true, force: true });
  const expectations = await buildCheckFixtures(path.join(root, "files"), loadSchemes());
  const manifest = expectations.map((e) => ({ file: path.relative(root, e.file), verdict: e.verdict, code: e.code ?? null, reason: e.reason?.source ?? null }));
  writeFileSync(path.join(root, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${expectations.length} fixtures in ${root}`);
}

void main();
