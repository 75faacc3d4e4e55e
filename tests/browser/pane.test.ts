import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildPane, launchChromium, OFFICE_JS, servePane } from "../support/browser";

const DOCS = path.join(__dirname, "..", "..", "docs");
let stub = "";
let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  stub = buildPane().stub;
  server = await servePane();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the built pane as Excel would, with office.js answered by the stub that carries the in-memory Excel. */
async function openPane(lang: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 340, height: 900 } });
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url) && r.url() !== OFFICE_JS) outside.push(r.url());
  });
  page.on("pageerror", (e) => outside.push(`page error: ${e.message}`));
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: stub }));
  await page.goto(`${server.url}/taskpane.html?lang=${lang}`);
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForTimeout(100);
  expect(outside).toEqual([]);
  return page;
}

/** Types a percentage into every item row but the ones listed, as a user would, through the workbook's events. */
async function typeEntries(page: Page, sheet: string, percent: number, skip: string[]): Promise<void> {
  await page.evaluate(
    async ([sheetName, p, skipped]) => {
      const book = window.__book;
      const meta = JSON.parse(String(book.cell("StarScore_meta", "B2")?.value)) as { layout: { items: { clause: string; row: number }[] } };
      for (const { clause, row } of meta.layout.items) if (!(skipped as string[]).includes(clause)) await book.userTypes(sheetName as string, `G${row}`, p as number);
    },
    [sheet, percent, skip] as const,
  );
}

describe("the task pane in Chromium, on the in-memory Excel", () => {
  it("lays out a scheme, follows what the user types, and lists findings that select their cells (zh)", async () => {
    const page = await openPane("zh-CN");
    await expect(page.getByRole("button", { name: "布局到新工作表" }).isVisible()).resolves.toBe(true);
    await page.locator("select").nth(0).selectOption("maturity-jsgf-06");
    await page.locator("select").nth(1).selectOption("audit");
    const before = await page.evaluate(() => window.__book.syncCount);
    await page.getByRole("button", { name: "布局到新工作表" }).click();
    await page.waitForSelector("[data-testid=total]");
    expect(await page.evaluate(() => window.__book.sheets.map((s) => s.name))).toEqual(["评分表", "StarScore_meta"]);
    // Layout 2 syncs, the first live read 1, registering for change events 1.
    expect((await page.evaluate(() => window.__book.syncCount)) - before).toBe(4);

    await typeEntries(page, "评分表", 0.9, ["5.1.1.1"]);
    // 5.1.1.1 (1 point) left empty: raw 135 − 0.9 = 134.1 of 150 → 134.10, 九星级 from 130.
    await page.waitForFunction(() => document.querySelector("[data-testid=total]")?.textContent === "134.10");
    expect(await page.textContent("[data-testid=level]")).toBe("九星级");
    expect(await page.textContent("[data-testid=verdict]")).toBe("通过");
    await page.screenshot({ path: path.join(DOCS, "pane-zh.png"), fullPage: true });

    await page.getByRole("tab", { name: /问题/ }).click();
    const finding = page.locator("button.finding").first();
    await expect(finding.textContent()).resolves.toContain("SS101");
    await expect(finding.textContent()).resolves.toContain("条款 5.1.1.1：未填写得分比例");
    await finding.click();
    await page.waitForFunction(() => window.__book.selected !== null);
    expect(await page.evaluate(() => window.__book.selected)).toEqual({ sheet: "评分表", address: "G8" });
    await page.screenshot({ path: path.join(DOCS, "pane-findings-zh.png"), fullPage: true });
    await page.close();
  }, 120_000);

  it("speaks English when Office's display language is English", async () => {
    const page = await openPane("en-US");
    await page.locator("select").nth(0).selectOption("cct-sc03-12");
    await page.locator("select").nth(1).selectOption("audit");
    await page.getByRole("button", { name: "Lay out on a new sheet" }).click();
    await page.waitForSelector("[data-testid=total]");
    await typeEntries(page, "评分表", 0.95, []);
    await page.waitForFunction(() => document.querySelector("[data-testid=total]")?.textContent === "95.00", undefined, { timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${String(e)}; the pane shows ${await page.textContent("main")}`);
    });
    expect(await page.textContent("[data-testid=level]")).toBe("5-star");
    expect(await page.textContent("[data-testid=verdict]")).toBe("Pass");
    await page.screenshot({ path: path.join(DOCS, "pane-en.png"), fullPage: true });
    await page.close();
  }, 120_000);
});
