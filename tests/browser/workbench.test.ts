import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadSchemes } from "../../src/cli/schemeFiles";
import type { FileCheck } from "../../src/review/verdict";
import { certificateCycle } from "../../src/scoring/cycle";
import { cycleTable } from "../../src/scoring/cycleTable";
import { run } from "../support/cli";
import { launchChromium, servePane } from "../support/browser";
import { buildSubmissionFolder } from "../support/submissionFolder";
import { evidenceSubmission, MAGIC, writeSubmission } from "../support/evidenceSubmission";
import { zip } from "../support/zip";
import type { Scheme } from "../../src/scheme/load";

/**
 * The workbench page (issue 18), built as `npm run build` builds it and served over HTTP: the reviewers' check of a
 * folder in Web Workers gives what `starscore check` gives — the same files, verdicts, CSV and JSON — and nothing the
 * page does leaves its origin.
 */
const ROOT = path.join(__dirname, "..", "..");
// Screenshots go to docs/ only when asked (UPDATE_SCREENSHOTS=1 npx jest tests/browser/workbench): a run leaves the tree clean.
const DOCS = process.env.UPDATE_SCREENSHOTS === "1" ? path.join(ROOT, "docs") : mkdtempSync(path.join(tmpdir(), "starscore-shots-"));
let out = "";
let work = "";
let folder = "";
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let cli = { code: -1, out: "", json: "", csv: "", expected: "" };
/** What the CLI says when the reviewer expects maturity audit scoring sheets. */
const EXPECT = "maturity-jsgf-06/audit";

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "starscore-workbench-"));
  // The production build, into a folder of its own (the pane's test builds dist-web at the same time);
  // WORKBENCH_DIST=<folder> tests a build made before instead.
  out = process.env.WORKBENCH_DIST ?? mkdtempSync(path.join(tmpdir(), "starscore-workbench-build-"));
  if (process.env.WORKBENCH_DIST === undefined) {
    const webpack = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], { cwd: ROOT, encoding: "utf8" });
    if (webpack.status !== 0) throw new Error(`webpack failed: ${webpack.stdout}\n${webpack.stderr}`);
  }
  folder = await buildSubmissionFolder(work, loadSchemes());
  // The CLI run from the folder's parent, so it names the files as the page does (submissions/…).
  const cwd = process.cwd();
  process.chdir(work);
  try {
    const r = await run("check", "submissions", "--json", "cli.json", "--csv", "cli.csv", "--notices", "notices");
    await run("check", "submissions", "--expect", EXPECT, "--json", "expected.json");
    cli = { code: r.code, out: r.out, json: readFileSync("cli.json", "utf8"), csv: readFileSync("cli.csv", "utf8"), expected: readFileSync("expected.json", "utf8") };
  } finally {
    process.chdir(cwd);
  }
  server = await servePane(out);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (process.env.WORKBENCH_DIST === undefined) rmSync(out, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** A page of the workbench in Chinese, with every request it makes that is not for its own origin recorded. */
async function open(hash: string): Promise<{ page: Page; context: BrowserContext; outside: string[] }> {
  const context = await browser.newContext({ locale: "zh-CN", acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const outside: string[] = [];
  const own = (url: string) => url.startsWith(`${server.url}/`) || url.startsWith(`blob:${server.url}/`) || url === "about:srcdoc";
  context.on("request", (r) => {
    if (!own(r.url())) outside.push(r.url());
  });
  page.on("pageerror", (e) => outside.push(`page error: ${e.message}`));
  await page.goto(`${server.url}/${hash}`);
  await page.waitForSelector("body[data-ready=true]");
  return { page, context, outside };
}

async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), "utf8") };
}

/** The summary line, once the check the page runs is done. */
async function summaryOf(page: Page): Promise<string | null> {
  return (await page.waitForSelector("[data-testid=summary]", { timeout: 120_000 })).textContent();
}

/** A notice's text with its date left out (the CLI's run and the page's may straddle midnight). */
const undated = (html: string) => html.replace(/\d{4}-\d{2}-\d{2}/g, "YYYY-MM-DD");

describe("#check: the reviewers' check of a folder, in the browser", () => {
  let page: Page;
  let outside: string[] = [];
  let rows: { file: string; verdict: string }[] = [];

  beforeAll(async () => {
    ({ page, outside } = await open("#check"));
    // The folder as <input webkitdirectory> hands it over: files with their paths, nested folders included.
    await page.setInputFiles("[data-testid=folder]", folder);
    await summaryOf(page);
    rows = await page.$$eval("tr[data-file]", (trs) => trs.map((tr) => ({ file: tr.getAttribute("data-file") ?? "", verdict: tr.getAttribute("data-verdict") ?? "" })));
  }, 180_000);

  it("accounts for every file as the CLI's folder walk does, with the same verdict for each", () => {
    const results = JSON.parse(cli.json) as FileCheck[];
    expect(results.length).toBeGreaterThanOrEqual(15);
    expect(new Set(results.map((r) => r.verdict))).toEqual(new Set(["通过", "需补正", "不一致", "无法读取", "未检查"]));
    // The nested folder's files, the folder named like a workbook; the lock file and the text file listed, not read.
    expect(results.map((r) => r.file)).toEqual(expect.arrayContaining(["submissions/华东分公司/2025/Upper-Case.XLSX", "submissions/folder-named.xlsx"]));
    expect(results.filter((r) => /~\$|说明/.test(r.file)).map((r) => r.verdict)).toEqual(results.filter((r) => /~\$|说明/.test(r.file)).map(() => "未检查"));
    expect([...rows].sort((a, b) => a.file.localeCompare(b.file))).toEqual(results.map((r) => ({ file: r.file, verdict: r.verdict })).sort((a, b) => a.file.localeCompare(b.file)));
  });

  it("lists the worst first and ends with the CLI's summary line", async () => {
    const order = ["无法读取", "不一致", "需补正", "通过", "未检查"];
    expect(rows.map((r) => order.indexOf(r.verdict))).toEqual([...rows.map((r) => order.indexOf(r.verdict))].sort((a, b) => a - b));
    expect(await page.textContent("[data-testid=summary]")).toBe(cli.out.trim().split("\n").pop());
  });

  it("shows a blank form's result whole in its column: 未填完 and its count in brackets, never split after the number", async () => {
    const level = await page.$eval('tr[data-file="submissions/blank-completeness-self.xlsx"] td.level', (cell) => {
      const text = cell.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf("（"));
      range.setEnd(text, text.data.length);
      return { text: text.data.replace(/\u00a0/g, " "), bracketLines: new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size };
    });
    expect(level.text).toMatch(/^未填完（\d+ 项未填）$/);
    expect(level.bracketLines).toBe(1);
  });

  it("downloads the CSV and the JSON exactly as `check --csv` and `--json` write them", async () => {
    expect((await downloaded(page, "[data-testid=json]")).text).toBe(cli.json);
    expect((await downloaded(page, "[data-testid=csv]")).text).toBe(cli.csv);
  });

  it("offers a 补正通知 for every file that needs one, the one `check --notices` writes", async () => {
    const needing = rows.filter((r) => r.verdict !== "通过" && r.verdict !== "未检查").map((r) => r.file);
    const offered = await page.$$eval("tr[data-file]", (trs) => trs.filter((tr) => tr.querySelector("[data-testid=notice]") !== null).map((tr) => tr.getAttribute("data-file")));
    expect(offered).toEqual(needing);
    expect(readdirSync(path.join(work, "notices")).length).toBe(needing.length);
    for (const file of ["submissions/tampered-points-changed-maturity-jsgf-06-audit.xlsx", "submissions/blank-completeness-self.xlsx", "submissions/not-a-zip.xlsx"]) {
      const notice = await downloaded(page, `tr[data-file="${file}"] [data-testid=notice]`);
      expect(undated(notice.text)).toBe(undated(readFileSync(path.join(work, "notices", notice.name), "utf8")));
      if (file.includes("points-changed")) {
        // The notice as the applicant gets it (README shows it).
        const shown = await page.context().newPage();
        await shown.setViewportSize({ width: 794, height: 700 });
        await shown.setContent(notice.text);
        await shown.screenshot({ path: path.join(DOCS, "workbench-notice.png"), fullPage: true });
        await shown.close();
      }
    }
  });

  it("opens a file's findings with clause, cell and what to do", async () => {
    await page.click('tr[data-file="submissions/tampered-points-changed-maturity-jsgf-06-audit.xlsx"]');
    await page.screenshot({ path: path.join(DOCS, "workbench-check.png"), fullPage: true });
    const cells = await page.$$eval("[data-testid=findings] tbody tr", (trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
    expect(cells.find((c) => c[3] === "SS815")).toEqual([expect.stringMatching(/^5\./), expect.stringMatching(/^评分表!/), expect.stringContaining("分值"), "SS815"]);
  });

  it("checks against the scheme and form the reviewer expects, as `check --expect` does", async () => {
    await page.selectOption("[data-testid=expect]", EXPECT);
    await page.setInputFiles("[data-testid=folder]", folder);
    await page.waitForSelector('[data-testid=summary][data-run="2"]', { timeout: 120_000 });
    expect((await downloaded(page, "[data-testid=json]")).text).toBe(cli.expected);
    expect(cli.expected).toContain("SS806");
  }, 120_000);

  it("sends nothing anywhere: every request is for the page's own origin", () => {
    expect(outside).toEqual([]);
  });
});

describe("#check: a folder larger than the table lists at first", () => {
  it("lists the worst 100 files first, the rest on request; the downloads have every file", async () => {
    // 125 honest copies and 5 tampered ones named to sort last: worst first puts the tampered ones on top.
    const big = path.join(work, "big");
    mkdirSync(big);
    for (let i = 0; i < 125; i++) copyFileSync(path.join(folder, "honest-maturity-audit.xlsx"), path.join(big, `a-${String(i).padStart(3, "0")}.xlsx`));
    for (let i = 0; i < 5; i++) copyFileSync(path.join(folder, "tampered-points-changed-maturity-jsgf-06-audit.xlsx"), path.join(big, `z-${i}.xlsx`));
    const { page, outside } = await open("#check");
    await page.setInputFiles("[data-testid=folder]", big);
    expect(await summaryOf(page)).toBe("共 130 个文件：无法读取 0，不一致 5，需补正 0，通过 125");
    const listed = () => page.$$eval("tr[data-file]", (trs) => trs.map((tr) => tr.getAttribute("data-file") ?? ""));
    const first = await listed();
    expect(first).toHaveLength(100);
    expect(first.slice(0, 5)).toEqual(["big/z-0.xlsx", "big/z-1.xlsx", "big/z-2.xlsx", "big/z-3.xlsx", "big/z-4.xlsx"]);
    expect((JSON.parse((await downloaded(page, "[data-testid=json]")).text) as FileCheck[]).length).toBe(130);
    expect(await page.textContent("[data-testid=more]")).toBe("再列出 30 个");
    await page.click("[data-testid=more]");
    expect(await listed()).toHaveLength(130);
    expect(await page.$("[data-testid=more]")).toBeNull();
    expect(outside).toEqual([]);
  }, 180_000);
});

describe("#check: evidence files resolved, as `starscore check` resolves them (issue 22)", () => {
  let dir = "";
  const cliChecks = async (given: string) => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run("check", given, "--json", `${given}.json`);
      return { out: r.out, json: readFileSync(`${given}.json`, "utf8") };
    } finally {
      process.chdir(cwd);
    }
  };
  /** The page's check of `given` in `dir`, handed to its folder or files input: the summary line and the JSON. */
  const pageChecks = async (input: "folder" | "files", given: string) => {
    const { page, outside } = await open("#check");
    await page.setInputFiles(`[data-testid=${input}]`, path.join(dir, given));
    const summary = await summaryOf(page);
    return { page, outside, summary, json: (await downloaded(page, "[data-testid=json]")).text };
  };
  /** Every file under a folder by its path from it, for the zip. */
  const under = (root: string, rel = ""): { name: string; data: Buffer }[] =>
    readdirSync(path.join(root, rel)).flatMap((n) => {
      const p = rel === "" ? n : `${rel}/${n}`;
      return statSync(path.join(root, p)).isDirectory() ? under(root, p) : [{ name: p, data: readFileSync(path.join(root, p)) }];
    });

  beforeAll(async () => {
    // The script-built submission of tests/review/evidenceFiles.test.ts: a named file missing, one material not
    // named, an empty file and a .pdf that is a PNG; 证明材料/说明.txt, and the file of the material left blank, are
    // named by no clause.
    dir = path.join(work, "evidence");
    const scheme = loadSchemes().get("gbt27922-2011-self") as Scheme;
    const s = evidenceSubmission(scheme);
    s.files.set("证明材料/5.1.3.1-2.pdf", null);
    s.files.set("证明材料/5.1.3.2-1.pdf", Buffer.alloc(0));
    s.files.set("证明材料/5.1.3.2-2.pdf", MAGIC.png);
    s.assessment.entries["5.1.1.2"] = { ...s.assessment.entries["5.1.1.2"], evidence: ["证明材料/5.1.1.2-1.pdf", ""] };
    await writeSubmission(scheme, s, path.join(dir, "提交"));
    // The same submission zipped as Windows' own zip writes it: names in GBK, no UTF-8 flag.
    writeFileSync(path.join(dir, "提交材料.zip"), zip(under(path.join(dir, "提交")).map((f) => ({ name: `提交/${f.name}`, data: f.data, deflate: true, gbk: true }))));
  }, 120_000);

  const evidence = (json: string) => (JSON.parse(json) as FileCheck[]).filter((r) => r.verdict !== "未检查").map((r) => [r.file, r.verdict, r.findings.filter((f) => /^SS2/.test(f.code)).map((f) => [f.code, f.cell])]);

  it("a folder dropped: the same verdicts and findings as the CLI, every file accounted for once", async () => {
    const cli = await cliChecks("提交");
    const { page, outside, summary, json } = await pageChecks("folder", "提交");
    expect(summary).toBe(cli.out.trim().split("\n").pop());
    expect(json).toBe(cli.json);
    expect(evidence(json)).toEqual([["提交/自评估表.xlsx", "需补正", expect.arrayContaining([["SS203", expect.any(String)], ["SS204", expect.any(String)], ["SS205", expect.any(String)], ["SS202", expect.any(String)]])]]);
    // Every file accounted for once: those no clause names are rows of their own (未检查), the named ones are listed
    // under the workbook that names them.
    const verdicts = await page.$$eval("tr[data-file]", (trs) => Object.fromEntries(trs.map((tr) => [tr.getAttribute("data-file"), tr.getAttribute("data-verdict")])));
    expect(verdicts).toEqual({ "提交/自评估表.xlsx": "需补正", "提交/证明材料/5.1.1.2-2.pdf": "未检查", "提交/证明材料/说明.txt": "未检查" });
    await page.click('tr[data-file="提交/自评估表.xlsx"]');
    const named = (await page.textContent("[data-testid=evidence-files]")) ?? "";
    expect(named).toContain("证明材料/管理师证书.jpg");
    expect(named).toContain("证明材料/5.1.3.2-2.pdf");
    expect(named).not.toContain("说明.txt");
    expect(outside).toEqual([]);
  }, 180_000);

  it("the submission as a .zip (GBK names): the same as `starscore check 提交材料.zip`, the same findings as the folder", async () => {
    const cli = await cliChecks("提交材料.zip");
    const { page, outside, summary, json } = await pageChecks("files", "提交材料.zip");
    expect(summary).toBe(cli.out.trim().split("\n").pop());
    expect(json).toBe(cli.json);
    expect(evidence(json).map(([, v, f]) => [v, f])).toEqual(evidence((await cliChecks("提交")).json).map(([, v, f]) => [v, f]));
    expect(await page.$$eval("tr[data-file]", (trs) => trs.map((tr) => tr.getAttribute("data-file")).sort())).toEqual(["提交材料.zip/提交/自评估表.xlsx", "提交材料.zip/提交/证明材料/5.1.1.2-2.pdf", "提交材料.zip/提交/证明材料/说明.txt"]);
    expect(outside).toEqual([]);
  }, 180_000);
});

describe("#report: a scored workbook's audit report, as `starscore report` makes it", () => {
  it("shows the same HTML as the CLI, ready to print; a checklist gets no report, and says why", async () => {
    const { page, outside } = await open("#report");
    const file = path.join(folder, "honest-maturity-audit.xlsx");
    await page.setInputFiles("[data-testid=report-file]", file);
    const frame = await page.waitForSelector("[data-testid=report-frame]");
    const cwd = process.cwd();
    process.chdir(work);
    try {
      expect((await run("report", file, "-o", "report.html")).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(await frame.getAttribute("srcdoc")).toBe(readFileSync(path.join(work, "report.html"), "utf8"));
    expect(await page.isVisible("[data-testid=print]")).toBe(true);

    await page.setInputFiles("[data-testid=report-file]", path.join(folder, "honest-service-characteristics.xlsx"));
    expect(await (await page.waitForSelector("[data-testid=report-refused]")).textContent()).toContain("检查表");
    expect(outside).toEqual([]);
  }, 60_000);

  it("the applicant's submission folder gives the appendix 证明材料清单, the same as starscore report --self", async () => {
    // A script-built submission (tests/support/evidenceSubmission.ts) with one named file not handed in.
    const schemes = loadSchemes();
    const selfScheme = schemes.get("gbt27922-2011-self");
    if (selfScheme === undefined) throw new Error("no self scheme");
    const s = evidenceSubmission(selfScheme);
    s.files.set("证明材料/5.1.3.1-2.pdf", null);
    await writeSubmission(selfScheme, s, path.join(work, "提交"));
    const { page, outside } = await open("#report");
    const file = path.join(folder, "honest-maturity-audit.xlsx");
    await page.setInputFiles("[data-testid=report-file]", file);
    const frame = await page.waitForSelector("[data-testid=report-frame]");
    expect(await frame.getAttribute("srcdoc")).toContain("未提供申请方的自评估表");
    await page.setInputFiles("[data-testid=report-self-folder]", path.join(work, "提交"));
    await page.waitForFunction(() => document.querySelector("[data-testid=report-frame]")?.getAttribute("srcdoc")?.includes('data-materials="list"') === true);
    const cwd = process.cwd();
    process.chdir(work);
    try {
      expect((await run("report", file, "--self", "提交", "-o", "report-self.html")).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const html = (await (await page.$("[data-testid=report-frame]"))?.getAttribute("srcdoc")) ?? "";
    expect(html).toBe(readFileSync(path.join(work, "report-self.html"), "utf8"));
    const missing = /<tr class="[^"]*\bbad\b[^"]*" data-clause="5\.1\.3\.1" data-line="1">.*?<\/tr>/.exec(html)?.[0] ?? "";
    expect(missing).toContain("文件缺失");
    expect(missing).toContain("证明材料/5.1.3.1-2.pdf");
    expect(outside).toEqual([]);
  }, 60_000);
});

describe("#cycle: the certificate cycle, as `starscore cycle` computes it", () => {
  it("lays out the core's table for the dates typed in, the recertification as the audit in its window or as marked", async () => {
    const { page, outside } = await open("#cycle");
    await page.fill("[data-testid=cy-issued]", "2026-03-01");
    await page.fill("[data-testid=cy-audits]", "2027-02-10");
    await page.fill("[data-testid=cy-today]", "2028-06-01");
    const cells = await page.$$eval("[data-testid=cycle-result] tbody tr", (trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
    const rule = loadSchemes().get("cct-sc03-12")?.certification?.cycle;
    if (rule === undefined) throw new Error("cct-sc03-12 has a certificate cycle");
    expect(cells).toEqual(cycleTable(certificateCycle(rule, "2026-03-01", ["2027-02-10"], "2028-06-01"), rule, "zh").rows.map((r) => r.cells));
    expect(cells.length).toBeGreaterThanOrEqual(2);
    // Issue #20: as of 2029-04-01, an audit on 2029-02-15 lies in the recertification window and counts as the
    // recertification; marked 无 (none held), it is a late surveillance and the certificate has expired (SS906).
    await page.fill("[data-testid=cy-audits]", "2029-02-15");
    await page.fill("[data-testid=cy-today]", "2029-04-01");
    await page.waitForFunction(() => document.querySelector("[data-testid=cy-state]")?.textContent === "证书状态（截至 2029-04-01）：已再认证（2029-02-15）");
    expect(await page.textContent("[data-testid=cy-by-window]")).toMatch(/^2029-02-15 在再认证申请期内，计为再认证审核/);
    await page.fill("[data-testid=cy-recertified]", "无");
    await page.waitForFunction(() => document.querySelector("[data-testid=cy-state]")?.textContent === "证书状态（截至 2029-04-01）：已于 2029-03-01 到期，未再认证");
    const marked = await page.$$eval("[data-testid=cycle-result] tbody tr", (trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
    expect(marked).toEqual(cycleTable(certificateCycle(rule, "2026-03-01", ["2029-02-15"], "2029-04-01", "none"), rule, "zh").rows.map((r) => r.cells));
    expect(await page.locator("[data-testid=cycle-result] [role=note]").allTextContents()).toEqual([expect.stringMatching(/^SS901 /), expect.stringMatching(/^SS902 /), expect.stringMatching(/^SS906 /)]);
    await page.fill("[data-testid=cy-recertified]", "下周");
    expect(await page.textContent("[role=alert]")).toContain("下周");
    expect(outside).toEqual([]);
  }, 60_000);
});

describe("offline once loaded", () => {
  it("after a reload without a network, still offers the forms and checks files", async () => {
    const { page, context, outside } = await open("#forms");
    // The service worker takes the page over once it has kept the page's files.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    const [form] = await Promise.all([page.waitForEvent("download"), page.click('tr[data-form="maturity-jsgf-06-self"] a')]);
    expect(readFileSync(await form.path()).subarray(0, 2).toString()).toBe("PK");
    await page.click('nav a[href="#check"]');
    await page.setInputFiles("[data-testid=files]", [path.join(folder, "honest-maturity-audit.xlsx"), path.join(folder, "not-a-zip.xlsx")]);
    expect(await (await page.waitForSelector("[data-testid=summary]")).textContent()).toBe("共 2 个文件：无法读取 1，不一致 0，需补正 0，通过 1");
    expect(outside).toEqual([]);
  }, 60_000);
});
