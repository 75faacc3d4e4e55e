// Loads scheme files and prints what they hold, or the error that names what is wrong.
// npx tsx scripts/check-scheme.ts schemes/<id>.yaml …
import { readFileSync } from "node:fs";
import { parseScheme } from "../src/scheme/load";

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const s = parseScheme(readFileSync(file, "utf8"), file);
    const sections = s.sections.map((sec) => {
      const max = s.items.filter((i) => i.sectionId === sec.id).reduce((a, i) => a + i.max, 0);
      return `${sec.id} ${sec.title} ${max} (${sec.subsections.length} subsections)`;
    });
    console.log(`${file}: ok — ${s.id} ${s.kind}, ${s.items.length} items, full marks ${s.fullMarks ?? "-"}`);
    for (const line of sections) console.log(`  ${line}`);
    for (const l of s.levels ?? []) console.log(`  level ${l.min} ${l.name}`);
  } catch (e) {
    failed = true;
    console.error(e instanceof Error ? e.message : String(e));
  }
}
process.exit(failed ? 1 : 0);
