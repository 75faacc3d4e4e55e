import { readdirSync } from "node:fs";
import path from "node:path";
import { rolesOf } from "../../src/scheme/roles";
import { planSheet } from "../../src/sheets/plan";
import { STRINGS } from "../../src/workbench/i18n";
import { schemeFile } from "../support/schemes";

/**
 * #forms tells people which cells to fill: the colours it names must be the ones every blank form's own colour key
 * gives (it once said "在白色单元格中填写" while each form shows the cells still to fill in yellow).
 */
const ids = readdirSync(path.join(__dirname, "..", "..", "schemes")).map((f) => f.replace(/\.yaml$/, ""));
const keys = ids.flatMap((id) => {
  const scheme = schemeFile(id);
  return rolesOf(scheme).map((role) => {
    const plan = planSheet(scheme, role);
    const key = plan.rows.flatMap((r) => r.cells).find((c) => c?.style === "guide" && typeof c.value === "string" && c.value.includes("待填"));
    return { form: `${id}/${role}`, key: String(key?.value ?? "") };
  });
});

describe("#forms: what the page says to fill", () => {
  it.each(keys)("names the colour $form's key gives a cell to fill", ({ key }) => {
    const toFill = /(\S{2})：待填/.exec(key)?.[1];
    expect(toFill).toBe("黄色");
    expect(STRINGS.zh.formsIntro).toContain(`${toFill}单元格（必填`);
    expect(STRINGS.en.formsIntro).toContain("yellow cells (required");
  });

  it("does not send people to the white cells alone", () => {
    expect(STRINGS.zh.formsIntro).not.toMatch(/在白色单元格中填写/);
    expect(STRINGS.en.formsIntro).not.toMatch(/fill in the white cells/);
  });
});
