import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileCheck } from "../../src/review/verdict";
import { loadSchemes } from "../../src/cli/schemeFiles";
import type { Entry } from "../../src/scoring/assessment";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { run } from "../support/cli";

/**
 * 删减 in the reviewers' check: per file the items and points left out, a subsection where nothing applies
 * (SS410), and a share above the reviewer's limit (SS411). cct-sc03-12: 5.2.6 废弃商品回收 (1 + 1 points) and
 * 5.2.5.5 (2 points) left out = 3 items, 4 points, 4 % of 100.
 */
const cct = loadSchemes().get("cct-sc03-12");
if (cct === undefined) throw new Error("no cct-sc03-12");
let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "starscore-leftout-"));
  const plan = planSheet(cct, "audit");
  const write = async (name: string, leftOut: readonly string[]) => {
    const entries: Record<string, Entry> = Object.fromEntries(
      cct.items.map((i) => [i.clause, leftOut.includes(i.clause) ? { percent: "不适用", reason: "贸易型企业，不回收废弃商品" } : { percent: 100 }]),
    );
    const bytes = await xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, { scheme: cct.id, role: "audit", header: { 组织名称: name }, entries })));
    writeFileSync(path.join(dir, `${name}.xlsx`), bytes);
  };
  await write("trader", ["5.2.5.5", "5.2.6.1", "5.2.6.2"]);
  await write("maker", []);
});

async function check(...options: string[]): Promise<Map<string, FileCheck>> {
  const json = path.join(dir, `r${Math.random()}.json`);
  await run("check", dir, "--json", json, "--jobs", "1", ...options);
  return new Map((JSON.parse(readFileSync(json, "utf8")) as FileCheck[]).map((r) => [path.basename(r.file), r]));
}

describe("starscore check: what each file left out", () => {
  it("counts items, points and share; a subsection where nothing applies is SS410", async () => {
    const r = await check();
    expect(r.get("trader.xlsx")?.leftOut).toEqual({ count: 3, points: 4, share: 0.04, emptySubsections: [{ id: "5.2.6", title: "废弃商品回收", count: 2, points: 2 }] });
    expect(r.get("trader.xlsx")?.findings.map((f) => f.code)).toEqual(["SS410"]);
    expect(r.get("maker.xlsx")?.leftOut).toEqual({ count: 0, points: 0, share: 0, emptySubsections: [] });
    expect(r.get("maker.xlsx")?.findings).toEqual([]);
  });

  it("--max-left-out 3% flags the file above it (SS411); 4% and 5% do not; there is no default limit", async () => {
    expect(new Set((await check("--max-left-out", "3%")).get("trader.xlsx")?.findings.map((f) => f.code))).toEqual(new Set(["SS410", "SS411"]));
    expect((await check("--max-left-out", "4%")).get("trader.xlsx")?.findings.map((f) => f.code)).toEqual(["SS410"]);
    expect((await check("--max-left-out", "5")).get("trader.xlsx")?.findings.map((f) => f.code)).toEqual(["SS410"]);
    const flagged = (await check("--max-left-out", "3%")).get("trader.xlsx")?.findings.find((f) => f.code === "SS411");
    expect(flagged?.message).toBe("删减了 3 个条款共 4 分，占满分的 4%，超过审核设定的上限 3%。请核对删减理由。");
    // Four check runs, each starting its worker threads: over jest's 5 s on a busy shared machine.
  }, 30_000);

  it("a limit that is no share is a usage error", async () => {
    expect((await run("check", dir, "--max-left-out", "很多")).code).toBe(2);
    expect((await run("check", dir, "--max-left-out", "150%")).code).toBe(2);
  });
});
