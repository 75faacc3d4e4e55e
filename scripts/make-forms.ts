// The blank forms the workbench page offers (dist-web/forms/<scheme-id>-<role>.xlsx): every scheme × role, laid
// out by the writer `starscore new` uses. webpack.config.js emits them into the build (scripts/forms-plugin.js);
// alone: `npx tsx scripts/make-forms.ts <folder>`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadSchemes } from "../src/cli/schemeFiles";
import { rolesOf } from "../src/scheme/roles";
import { planSheet } from "../src/sheets/plan";
import { formPath } from "../src/workbench/forms";
import { workbookFromPlan, xlsxBuffer } from "../src/xlsx/write";


export async function blankForms(): Promise<{ file: string; bytes: Buffer }[]> {
  const out = [];
  for (const scheme of loadSchemes().values()) {
    for (const role of rolesOf(scheme)) out.push({ file: formPath(scheme.id, role), bytes: await xlsxBuffer(await workbookFromPlan(planSheet(scheme, role))) });
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error("usage: npx tsx scripts/make-forms.ts <folder>");
  void blankForms().then((forms) => {
    for (const f of forms) {
      mkdirSync(path.dirname(path.join(dir, f.file)), { recursive: true });
      writeFileSync(path.join(dir, f.file), f.bytes);
      process.stdout.write(`${path.join(dir, f.file)}\n`);
    }
  });
}
