import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../support/cli";

const ROOT = path.join(__dirname, "..", "..");
const example = (name: string) => path.join(ROOT, "examples", name);


function oneLine(err: string): void {
  expect(err.split("\n").filter(Boolean)).toHaveLength(1);
  expect(err).toMatch(/^starscore: /);
  expect(err).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

describe("starscore score --certified", () => {
  // examples/cct-audit.json scores 90.24: 四星级.
  it.each([
    ["三星级", "surveillance", "upgrade", "四星级", "升为四星级并换发认证证书"],
    ["四星", "surveillance", "keep", "四星级", "推荐保持认证"],
    ["5星级", "surveillance", "downgrade", "四星级", "降为四星级"],
    ["四星级", "recertification", "keep", "四星级", "换发认证证书"],
    ["达标级", "recertification", "upgrade", "四星级", "直接升为四星级"],
    ["五星级", "recertification", "downgrade", "四星级", "直接降为四星级"],
  ])("certified %s, %s → %s %s", async (certified, audit, decision, to, words) => {
    const { code, out, err } = await run("score", example("cct-audit.json"), "--json", "--certified", certified, "--audit", audit);
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.total).toBe(90.24);
    expect(json.surveillance).toEqual({ audit, certified: expect.any(String), decision, to, message: expect.stringContaining(words) });
  });

  it("surveillance is the default audit; the text output ends with the decision", async () => {
    const { code, out } = await run("score", example("cct-audit.json"), "--certified", "四星级");
    expect(code).toBe(0);
    expect(out.trimEnd().split("\n").pop()).toBe("监督：总分 90.24 满足获证等级“四星级”的要求，推荐保持认证。");
  });

  it("withdraw when the new result is below the pass mark", async () => {
    const a = JSON.parse(readFileSync(example("cct-audit.json"), "utf8"));
    // The sample records go too: a record decides its item's points, whatever percentage is typed.
    for (const e of Object.values(a.entries) as { percent?: unknown; samples?: unknown }[]) {
      e.percent = 60;
      delete e.samples;
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), "starscore-")), "low.json");
    writeFileSync(file, JSON.stringify(a));
    const { out } = await run("score", file, "--json", "--certified", "达标级");
    expect(JSON.parse(out).surveillance).toMatchObject({ decision: "withdraw", to: null });
  });

  it("without --certified the JSON has no surveillance key", async () => {
    const { out } = await run("score", example("cct-audit.json"), "--json");
    expect(JSON.parse(out)).not.toHaveProperty("surveillance");
  });

  it.each([
    [["--certified", "六星级"], /^starscore: --certified: "六星级" is not a level of scheme cct-sc03-12; levels: 达标级, 三星级, 四星级, 五星级\n$/],
    [["--certified", "四星级", "--audit", "annual"], /^starscore: --audit takes surveillance or recertification, not "annual"\n$/],
    [["--audit", "surveillance"], /^starscore: --audit needs --certified <level>\n$/],
  ])("exit 2 for %j, one line, nothing on stdout", async (extra, message) => {
    const { code, out, err } = await run("score", example("cct-audit.json"), ...extra);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    oneLine(err);
  });

  it("exit 2 for a scheme without levels", async () => {
    const { code, err } = await run("score", example("service-checklist.json"), "--certified", "四星级");
    expect(code).toBe(2);
    expect(err).toBe("starscore: --certified: scheme service-characteristics has no levels, so no certified level can be given\n");
  });
});

describe("starscore mandays", () => {
  it("prints the table value, adjustments, total and on-site share", async () => {
    const { code, out } = await run("mandays", "--staff", "300", "--audit", "surveillance", "--increase", "a,b", "--reduce", "1,5");
    expect(code).toBe(0);
    expect(out).toContain("有效人数 300（276-425）");
    expect(out).toMatch(/附件1 基础人日 +1\.5\n/);
    expect(out).toMatch(/合计 +2\.05\n/);
    expect(out).toMatch(/现场不少于 +1\.64\n/);
    expect(out).toMatch(/非现场不超过 +0\.41\n/);
  });

  it("--json gives the figures; initial is the default audit", async () => {
    const { code, out } = await run("mandays", "--staff", "1000", "--reduce", "1,2,3,4", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      scheme: "cct-sc03-12",
      audit: "initial",
      band: { min: 876, max: 1500 },
      tableValue: 5,
      reductionAsked: 2,
      reduction: 1.5,
      total: 3.5,
      onSiteMin: 2.8,
      offSiteMax: 0.7,
      reductions: [{ code: "1", label: "低风险的产品/过程，危险源少", step: 0.5 }, { code: "2" }, { code: "3" }, { code: "4" }],
      notes: [{ code: "reduction-capped" }],
      // 注1: 8 hours a man-day; 注5: travel not counted.
      hours: 28,
      onSiteHours: 22.4,
      basis: [{ code: "day-hours", message: expect.stringContaining("合计 28 小时，现场不少于 22.4 小时") }, { code: "travel-not-counted" }],
    });
  });

  it("--reduce-count, English", async () => {
    const { out } = await run("mandays", "--staff", "4350", "--audit", "recertification", "--reduce-count", "3", "--json", "--lang", "en");
    const json = JSON.parse(out);
    expect(json).toMatchObject({ tableValue: 4, reduction: 1.2, total: 2.8, onSiteMin: 2.24, offSiteMax: 0.56 });
    expect(json.notes[0].message).toContain("exceeds 30% of the table value 4");
  });

  it("beyond the table: exit 0, no figures, the body decides", async () => {
    const { code, out } = await run("mandays", "--staff", "4351", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ band: null, tableValue: null, total: null, notes: [{ code: "outside-table" }] });
  });

  it.each([
    [["--staff", "0"], "the effective headcount must be a number above 0, not 0"],
    [["--staff", "十"], '--staff takes a number, not "十"'],
    [[], "usage: starscore mandays --staff N"],
    [["--staff", "10", "--audit", "annual"], '--audit takes initial, surveillance or recertification, not "annual"'],
    [["--staff", "10", "--increase", "z"], 'unknown increase factor "z"; known: a, b, c, d, e'],
    [["--staff", "10", "--reduce", "1", "--reduce-count", "2"], "give --reduce (factor codes) or --reduce-count (a number), not both"],
    [["--staff", "10", "--scheme", "maturity-jsgf-06"], "scheme maturity-jsgf-06 has no man-day table (certification.mandays)"],
    [["--staff", "10", "--scheme", "nope"], 'unknown scheme "nope"'],
    [["--staff", "10", "--colour"], "Unknown option '--colour'"],
  ])("exit 2 for %j", async (args, message) => {
    const { code, out, err } = await run("mandays", ...args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(message);
    oneLine(err);
  });
});

describe("starscore domains", () => {
  it("lists the 22 groups and which the rule covers", async () => {
    const { code, out } = await run("domains", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.groups).toHaveLength(22);
    expect(json.appliesTo).toEqual(["SC-01", "SC-02", "SC-03"]);
    expect(json.groups.filter((g: { applies: boolean }) => g.applies).map((g: { code: string }) => g.code)).toEqual(["SC-01", "SC-02", "SC-03"]);
    expect(json.groups[2]).toMatchObject({ code: "SC-03", name: "批发业和零售业服务", number: "03.00", entries: expect.arrayContaining([{ code: "611", name: "批发业服务" }]) });
  });
  it("prints a table", async () => {
    const { out } = await run("domains");
    expect(out).toMatch(/SC-03 +✓ +03\.00 批发业和零售业服务\n/);
    expect(out).toMatch(/SC-04 +04\.00 住宿服务；食品和饮料服务\n/);
    expect(out).toContain("本规则适用认证领域: SC-01、SC-02、SC-03");
  });
  it("looks up one code", async () => {
    expect((await run("domains", "611")).out).toBe("611 批发业服务 · SC-03 批发业和零售业服务 · 本规则适用\n");
    expect(JSON.parse((await run("domains", "681", "--json")).out)).toEqual({ code: "681", name: "邮政和速递服务", group: "SC-06", groupName: "邮政和速递服务", isGroup: false, applies: false });
  });
  it.each([
    [["999"], 'starscore: "999" is not a code of CCT/GZ-SC03-12 附件3 服务领域划分表\n'],
    [["--scheme", "maturity-jsgf-06"], "starscore: scheme maturity-jsgf-06 has no service domains (certification.serviceDomains)\n"],
  ])("exit 2 for %j", async (args, message) => {
    const { code, err } = await run("domains", ...args);
    expect(code).toBe(2);
    expect(err).toBe(message);
  });
});
