import type { Browser, Page } from "playwright-core";
import { finding } from "../../src/findings/finding";
import { checkHtml } from "../../src/review/checkHtml";
import { noticeHtml, noticeOf } from "../../src/review/notice";
import { fileCheck, unreadable, type FileCheck } from "../../src/review/verdict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launchChromium } from "../support/browser";
import { readPdf } from "../support/pdf";

/**
 * What a reviewer prints (issue 18): the check's report on A4 landscape with every level on one line, and a
 * 补正通知 on A4 portrait — laid out by Chromium as it prints, not judged from the CSS text.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => browser?.close());

const facts = (level: string, claimed: string | null) => ({ scheme: "maturity-jsgf-06", role: "audit", organisation: "华东示例电器股份有限公司（上海）", claimedLevel: claimed, level, total: 131.08, sheetTotal: 131.08, passed: true });
const files: FileCheck[] = [
  ...Array.from({ length: 30 }, (_, i) =>
    fileCheck(
      `提交材料/2026年第一批/华东区/示例企业-${i}-成熟度评分表-最终版.xlsx`,
      facts(["三星级", "九星级", "不予评级", "未全部符合"][i % 4] as string, i % 5 === 0 ? "十星级" : null),
      i % 3 === 0 ? [finding("SS815", { clause: "5.1.2.2", cell: "评分表!E11" }, { found: "9", expected: "1" })] : [],
      "zh",
    ),
  ),
  unreadable("提交材料/old.xlsx", "旧版 .xls 格式，请另存为 .xlsx / old .xls format"),
];
/** A form not filled in: its result, the longest a level cell holds, as `check` names it. */
const unfilled = (lang: "zh" | "en") =>
  fileCheck("提交材料/自评估表-未填完.xlsx", { ...facts(lang === "zh" ? "未填完（150 项未填）" : "incomplete (150 not filled)", lang === "zh" ? "未填完（3 项未填）" : "not all conform"), passed: false }, [], lang);

/** The PDF's first page size in points, from its MediaBox. */
function pageSize(pdf: Buffer): [number, number] {
  const m = /\/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]/.exec(pdf.toString("latin1"));
  return [Number(m?.[1]), Number(m?.[2])];
}

/** How many lines each matching cell's text takes, as laid out for print. */
async function linesOf(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((s) => {
    return Array.from(document.querySelectorAll(s)).map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      return tops.size;
    });
  }, selector);
}

describe("the printed check report", () => {
  it("prints on A4 landscape, its levels and verdicts never wrapped", async () => {
    const page = await browser.newPage({ viewport: { width: 1047, height: 700 } }); // 297 mm less the margins, at 96 dpi
    await page.setContent(checkHtml(files, { generated: "2026-03-01 14:30" }));
    await page.emulateMedia({ media: "print" });
    const [w, h] = pageSize(await page.pdf({ preferCSSPageSize: true }));
    expect(w).toBeGreaterThan(h);
    expect(Math.round(w)).toBe(842);
    const levels = await linesOf(page, "table.files td.level");
    expect(levels.length).toBe(files.length * 2);
    expect(levels.every((n) => n <= 1)).toBe(true);
    expect((await linesOf(page, "table.files .verdict")).every((n) => n === 1)).toBe(true);
    // Nothing runs out of its cell: the table fits the printed width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1047);
    await page.close();
  }, 60_000);

  it.each(["zh", "en"] as const)("prints a long result (%s) inside its cell, wrapped before its bracket", async (lang) => {
    const page = await browser.newPage({ viewport: { width: 1047, height: 700 } });
    await page.setContent(checkHtml([unfilled(lang), ...files.slice(0, 3)], { generated: "2026-03-01 14:30", lang }));
    await page.emulateMedia({ media: "print" });
    // Each cell's text ends inside the cell (未填完（150 项未填） once ran over the 总分 beside it).
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll("table.files td")).flatMap((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const right = Math.max(0, ...Array.from(range.getClientRects()).map((r) => r.right));
        return right > cell.getBoundingClientRect().right + 0.5 ? [cell.textContent] : [];
      }),
    );
    expect(overflowing).toEqual([]);
    // The count stays with its words: the bracketed part is on one line of its own.
    const result = lang === "zh" ? "未填完（150 项未填）" : "incomplete (150 not filled)";
    const bracketLines = await page.evaluate((shown) => {
      const cells = Array.from(document.querySelectorAll("table.files td.level"));
      const cell = cells.find((c) => c.textContent?.replace(/\u00a0/g, " ") === shown);
      if (cell === undefined) return null;
      const text = cell.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.data.search(/[（(]/));
      range.setEnd(text, text.data.length);
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    }, result);
    expect(bracketLines).not.toBeNull();
    if (lang === "zh") expect(bracketLines).toBe(1);
    await page.close();
  }, 60_000);

  it("prints a long list of findings from where it falls, not from a new page after an empty one", async () => {
    const changed = (n: number) => Array.from({ length: n }, (_, i) => finding("SS815", { clause: `5.1.${i + 1}`, cell: `评分表!E${i + 9}` }, { found: "9", expected: "1" }));
    const short = fileCheck("提交材料/甲-评分表.xlsx", facts("三星级", null), changed(3), "zh");
    const long = fileCheck("提交材料/乙-评分表.xlsx", facts("三星级", null), changed(60), "zh");
    const page = await browser.newPage();
    await page.setContent(checkHtml([short, long], { generated: "2026-03-01 14:30" }));
    const dir = mkdtempSync(path.join(tmpdir(), "check-pdf-"));
    try {
      writeFileSync(path.join(dir, "r.pdf"), await page.pdf({ preferCSSPageSize: true }));
      const pages = readPdf(path.join(dir, "r.pdf")).layout;
      // 逐个文件 opens a page; both files' findings begin on it: the long list under its heading, not a page later.
      const perFile = pages.findIndex((p) => p.includes("逐个文件"));
      expect(perFile).toBeGreaterThan(0);
      expect(pages[perFile]).toContain("甲-评分表.xlsx");
      expect(pages[perFile]).toContain("乙-评分表.xlsx");
      expect(pages[perFile]).toMatch(/SS815\s+5\.1\.1\s+评分表!E9[^\n]*\n[\s\S]*乙-评分表[\s\S]*SS815\s+5\.1\.1\s/);
      // Every line is printed once, under the table's repeated heads.
      expect(pages.join("\n").match(/SS815/g)?.length).toBe(63);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.close();
    }
  }, 60_000);

  it("prints a 补正通知 on A4 portrait", async () => {
    const page = await browser.newPage();
    const notice = noticeOf(files[0] as FileCheck, { lang: "zh", date: "2026-03-01" });
    await page.setContent(noticeHtml(notice as NonNullable<typeof notice>));
    const [w, h] = pageSize(await page.pdf({ preferCSSPageSize: true }));
    expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
    await page.close();
  }, 60_000);
});
