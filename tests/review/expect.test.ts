import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { expectationFindings, parseExpected } from "../../src/review/expect";
import type { FileCheck } from "../../src/review/verdict";
import type { Role } from "../../src/scheme/roles";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { checkBytes } from "../../src/xlsx/check";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";
import { run } from "../support/cli";
import { generateAssessment } from "../support/generate";

/**
 * A reviewer who expects self-assessments of GB/T 27922 (issue 18): a CCT audit workbook among them is SS806 and
 * 需补正, with what was expected and what the file is; and each file that does not pass gets a 补正通知.
 */
const schemes = loadSchemes();
let dir = "";
let self = new Uint8Array();
let audit = new Uint8Array();

async function honest(id: string, role: Role, seed: number, organisation: string): Promise<Buffer> {
  const scheme = schemes.get(id);
  if (scheme === undefined) throw new Error(id);
  const plan = planSheet(scheme, role);
  const a = generateAssessment(scheme, seed, { role, naShare: 0.05, specials: false });
  a.header = { 组织名称: organisation };
  return xlsxBuffer(await workbookFromPlan(plan, entryWrites(plan, a)));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "starscore-expect-"));
  mkdirSync(path.join(dir, "in", "nested"), { recursive: true });
  const selfBytes = await honest("gbt27922-2011-self", "self", 3, "华东示例电器有限公司");
  const auditBytes = await honest("cct-sc03-12", "audit", 5, "北方售后服务有限公司");
  self = new Uint8Array(selfBytes);
  audit = new Uint8Array(auditBytes);
  writeFileSync(path.join(dir, "in", "华东示例-自评估表.xlsx"), selfBytes);
  writeFileSync(path.join(dir, "in", "nested", "北方售后-评分表.xlsx"), auditBytes);
  writeFileSync(path.join(dir, "in", "old.xlsx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
}, 60_000);

describe("the expected scheme and form", () => {
  it("reads <scheme>[/<role>] and refuses anything else", () => {
    expect(parseExpected("gbt27922-2011-self/self")).toEqual({ scheme: "gbt27922-2011-self", role: "self" });
    expect(parseExpected(" cct-sc03-12 ")).toEqual({ scheme: "cct-sc03-12" });
    expect(parseExpected("cct-sc03-12/reviewer")).toBeNull();
    expect(parseExpected("a b")).toBeNull();
  });

  it("is a parameter of the pure check: a file of another scheme or form is SS806 and 需补正", () => {
    const asked = { scheme: "gbt27922-2011-self", role: "self" } as const;
    expect(checkBytes("a.xlsx", self, schemes, "zh", asked).verdict).toBe("通过");
    const wrong = checkBytes("b.xlsx", audit, schemes, "zh", asked);
    expect([wrong.verdict, wrong.findings[0]?.code, wrong.findings[0]?.message]).toEqual([
      "需补正",
      "SS806",
      "审核要求提交方案 gbt27922-2011-self 的自评估表，本文件是方案 cct-sc03-12 的评分表。请改交方案 gbt27922-2011-self 的自评估表。",
    ]);
    expect(checkBytes("b.xlsx", audit, schemes, "en", { scheme: "gbt27922-2011-self" }).findings[0]?.message).toBe(
      "The review expects a form of scheme gbt27922-2011-self; this file is the audit scoring sheet of scheme cct-sc03-12. Submit a form of scheme gbt27922-2011-self instead.",
    );
    // The right scheme in another form.
    expect(expectationFindings({ scheme: "cct-sc03-12", role: "self" }, { scheme: "cct-sc03-12", role: "audit" }).map((f) => f.code)).toEqual(["SS806"]);
    expect(expectationFindings({ scheme: "cct-sc03-12" }, { scheme: "cct-sc03-12", role: "audit" })).toEqual([]);
    // Without an expectation, both pass as before.
    expect(checkBytes("b.xlsx", audit, schemes).verdict).toBe("通过");
  });

  it("check --expect: the CCT audit among self-assessments is 需补正 and says what was expected; notices for what does not pass", async () => {
    const json = path.join(dir, "r.json");
    const notices = path.join(dir, "notices");
    const r = await run("check", path.join(dir, "in"), "--expect", "gbt27922-2011-self/self", "--json", json, "--html", path.join(dir, "r.html"), "--notices", notices, "--jobs", "1");
    expect(r.code).toBe(1);
    const results = JSON.parse(readFileSync(json, "utf8")) as FileCheck[];
    expect(Object.fromEntries(results.map((x) => [path.basename(x.file), x.verdict]))).toEqual({ "old.xlsx": "无法读取", "北方售后-评分表.xlsx": "需补正", "华东示例-自评估表.xlsx": "通过" });
    expect(r.out).toContain("[不是要求的方案或表格] 审核要求提交方案 gbt27922-2011-self 的自评估表，本文件是方案 cct-sc03-12 的评分表");
    expect(readFileSync(path.join(dir, "r.html"), "utf8")).toContain("要求提交 方案 gbt27922-2011-self 的自评估表");
    expect(readdirSync(notices).sort()).toEqual(["old-补正通知.html", "北方售后-评分表-补正通知.html"]);
    const notice = readFileSync(path.join(notices, "北方售后-评分表-补正通知.html"), "utf8");
    expect(notice).toContain("致：北方售后服务有限公司");
    expect(notice).toContain("商品售后评价指标评分表（CCT/GZ-SC03-12）（cct-sc03-12）");
    expect(notice).toContain("请改交方案 gbt27922-2011-self 的自评估表");
    expect(r.out).toMatch(/补正通知 2 份，在 .*notices\n共 3 个文件：无法读取 1，不一致 0，需补正 1，通过 1\n$/);
    // A second run does not overwrite the notices without --force.
    const again = await run("check", path.join(dir, "in"), "--notices", notices, "--jobs", "1");
    expect([again.code, again.err]).toEqual([2, expect.stringContaining("already exists; use --force")]);
    expect((await run("check", path.join(dir, "in"), "--expect", "gbt27922-2011-self", "--notices", notices, "--force", "--lang", "en", "--jobs", "1")).out).toContain("2 notices of corrections in");
    expect(existsSync(path.join(notices, "北方售后-评分表-notice.html"))).toBe(true);
  }, 60_000);

  it("refuses an --expect it cannot use, before reading any file", async () => {
    const bad = async (value: string) => {
      const r = await run("check", path.join(dir, "in"), "--expect", value);
      return [r.code, r.err.trim()];
    };
    expect(await bad("no-such-scheme")).toEqual([2, expect.stringMatching(/^starscore: --expect: unknown scheme "no-such-scheme"; known: .*gbt27922-2011-self/)]);
    expect(await bad("service-characteristics/self")).toEqual([2, expect.stringContaining("--expect: scheme service-characteristics has the forms checklist, not \"self\"")]);
    expect(await bad("cct-sc03-12/boss")).toEqual([2, expect.stringContaining("--expect takes <scheme>[/<role>] such as gbt27922-2011-self/self")]);
  });
});
