// Regenerates docs/findings.md from the findings catalogue. Run: npx tsx scripts/make-docs.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { catalogueMarkdown } from "../src/findings/catalogueDoc";

writeFileSync(path.join(__dirname, "..", "docs", "findings.md"), catalogueMarkdown());
