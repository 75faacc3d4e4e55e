import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { rolesOf } from "../../src/scheme/roles";
import { columnIndex } from "../../src/sheets/address";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import type { SheetPlan } from "../../src/sheets/types";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { generateAssessment } from "../support/generate";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { clippedWords, readPdf, squeeze, type ClippedWord, type PdfText } from "../support/pdf";

/**
 * Every form as it prints: each scheme and role, blank and filled, written as .xlsx, printed to PDF by LibreOffice,
 * and each page read back with pdftotext. A4 landscape; 第 x 页，共 y 页 on every page; the column heads on every
 * page; the line to sign on whole, on one line of one page; every text the form prints present in the PDF, and drawn
 * whole: the rendered page has ink where each word is (clippedWords), as a spreadsheet keeps a clipped cell's text in
 * the PDF but not on the page.
 */

interface Printed {
  name: string;
  plan: SheetPlan;
  pdf: PdfText;
  /** Words in the PDF its rendered pages do not show whole. */
  clipped: ClippedWord[];
}

const printed: Printed[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-print-"));
  const input = path.join(dir, "in");
  const output = path.join(dir, "out");
  mkdirSync(input);
  mkdirSync(output);
  const forms: { name: string; plan: SheetPlan }[] = [];
  for (const scheme of loadSchemes().values()) {
    for (const role of rolesOf(scheme)) {
      const plan = planSheet(scheme, role);
      const filled = generateAssessment(scheme, 11, { role, claim: true, naShare: 0.1 });
      for (const [kind, fill] of [
        ["blank", []],
        ["filled", entryWrites(plan, filled)],
      ] as const) {
        const name = `${scheme.id}-${role}-${kind}`;
        writeFileSync(path.join(input, `${name}.xlsx`), await xlsxBuffer(await workbookFromPlan(plan, fill)));
        forms.push({ name, plan });
      }
    }
  }
  recalculateWithLibreOffice(
    forms.map((f) => path.join(input, `${f.name}.xlsx`)),
    output,
    "pdf",
  );
  for (const f of forms) {
    const file = path.join(output, `${f.name}.pdf`);
    printed.push({ ...f, pdf: readPdf(file), clipped: clippedWords(file) });
  }
}, 600_000);

/** The texts a plan prints: every string in a visible column, the way a reader would look for it. */
function printedTexts(plan: SheetPlan): string[] {
  return plan.rows.flatMap((row) => row.cells.flatMap((cell, c) => (cell !== null && typeof cell.value === "string" && cell.value.trim() !== "" && plan.columns[c]?.hidden !== true ? [cell.value] : [])));
}

describe("every form prints whole", () => {
  it("on A4 landscape, with 第 x 页，共 y 页 and the column heads on every page", () => {
    expect(printed.length).toBe(18);
    for (const { name, plan, pdf } of printed) {
      const pages = pdf.raw.length;
      const heads = plan.columns.filter((c) => !c.hidden).map((c) => squeeze(c.header));
      const wrong = pdf.raw.flatMap((text, i) => [
        ...(text.includes(`第 ${i + 1} 页，共 ${pages} 页`) ? [] : [`page ${i + 1}: no footer`]),
        ...heads.filter((h) => !squeeze(text).includes(h)).map((h) => `page ${i + 1}: no column head ${h}`),
      ]);
      expect([name, Math.round(pdf.width), Math.round(pdf.height), pages > 1, wrong]).toEqual([name, 842, 595, true, []]);
    }
  });

  it("with the line to sign on whole, on one printed line of one page", () => {
    for (const { name, plan, pdf } of printed) {
      const parts = plan.rows.flatMap((r) => r.cells.flatMap((c) => (c?.style === "signature" && typeof c.value === "string" ? [c.value] : [])));
      expect(parts.length).toBeGreaterThanOrEqual(2);
      const lines = pdf.layout.flatMap((page) => page.split("\n"));
      const whole = lines.filter((line) => {
        let at = 0;
        for (const part of parts) {
          const found = line.indexOf(part, at);
          if (found < 0) return false;
          at = found + part.length;
        }
        return true;
      });
      expect([name, parts, whole.length]).toEqual([name, parts, 1]);
    }
  });

  it("with the summary, and the audit form's 审查报告信息, each starting a page under the column heads, never at the foot of the page before", () => {
    for (const { name, plan, pdf } of printed) {
      const pages = pdf.layout.map(squeeze);
      const heads = squeeze(plan.columns.filter((c) => !c.hidden).map((c) => c.header).join(""));
      const sorted = (t: string) => [...t].sort().join("");
      // The page a row starts: the column heads (print titles) and then the row's text, nothing between (the same
      // characters as the heads, however their lines wrap). -1 where no page starts with it.
      const pageStarting = (row: number): number => {
        const text = squeeze(plan.rows[row - 1]?.cells.map((c) => (typeof c?.value === "string" ? c.value : "")).join("") ?? "");
        return text === "" ? -1 : pages.findIndex((p) => p.includes(text) && sorted(p.slice(0, p.indexOf(text))) === sorted(heads));
      };
      const lastItem = plan.layout.items[plan.layout.items.length - 1];
      const textColumn = columnIndex(plan.layout.structureColumns.text ?? "A");
      // Its first words: a long clause text may wrap onto the next line of the page.
      const lastItemText = squeeze(String(plan.rows[(lastItem?.row ?? 0) - 1]?.cells[textColumn - 1]?.value ?? "")).slice(0, 12);
      const itemPage = pages.length - 1 - [...pages].reverse().findIndex((p) => p.includes(lastItemText));
      const [summary = 0, ...others] = plan.print.pageStarts;
      // The summary's head (部分 满分 适用满分 得分; 特别扣分项（…）; 符合 …) on the page after the items' last.
      expect([name, pageStarting(summary) - itemPage, others.map((row) => pageStarting(row) > pageStarting(summary))]).toEqual([name, 1, others.map(() => true)]);
    }
  });

  it("with every text it prints present in full: labels, clauses, results, the 填写说明", () => {
    for (const { name, plan, pdf } of printed) {
      const all = squeeze(pdf.raw.join(""));
      const missing = printedTexts(plan).filter((t) => !all.includes(squeeze(t)));
      expect([name, missing]).toEqual([name, []]);
    }
  });

  it("with nothing clipped: every word of every page drawn whole (its ink is where its text is), no number shown as ###", () => {
    for (const { name, clipped } of printed) expect([name, clipped]).toEqual([name, []]);
  });

  it("with the results under the header on the first page: 未填完 on a blank form, never a fail", () => {
    for (const { name, pdf } of printed) {
      const first = pdf.layout[0] ?? "";
      const blank = name.endsWith("-blank");
      expect([name, /总分|符合 [0-9]/.test(first), first.includes("未填完（"), /不合格|不通过|未全部符合/.test(first) && blank]).toEqual([name, true, blank, false]);
    }
  });
});
