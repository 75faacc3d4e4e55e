import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../support/cli";

const ROOT = path.join(__dirname, "..", "..");
const example = (name: string) => path.join(ROOT, "examples", name);


function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-"));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe("starscore score: the realistic maturity audit", () => {
  it("total = raw ÷ 145 × 150, worked by hand", async () => {
    // 90 items scored, 5.2.5.4–5.2.6.2 (1 + 2 + 1 + 1 = 5 points) not applicable → applicable maximum 145.
    // 5.1 (73 points) at 90% = 65.7, plus 5.1.2.2 (5) at 100% (+0.5) and 5.1.5.2 (6) at 95% (+0.3) → 66.5
    // 5.2 (34 applicable) at 100% = 34, less 5.2.4.3 (3) at 90% (−0.3) → 33.7
    // 5.3 (38) at 95% = 36.1, plus 5.3.3.2 (7) at 100% (+0.35) → 36.45
    // raw = 66.5 + 33.7 + 36.45 = 136.65; total = 136.65 ÷ 145 × 150 = 141.3620… → 141.36 (十星级 from 140)
    const { code, out, err } = await run("score", example("maturity-audit.json"), "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const card = JSON.parse(out);
    expect(card.applicableMax).toBe(145);
    expect(card.raw).toBeCloseTo(136.65, 9);
    expect(card.total).toBe(141.36);
    expect(card.level).toBe("十星级");
    expect(card.passed).toBe(true);
    expect(card.notApplicable).toBe(4);
    expect(card.sections["5.1"]).toBeCloseTo(66.5, 9);
    expect(card.sections["5.2"]).toBeCloseTo(33.7, 9);
    expect(card.sections["5.3"]).toBeCloseTo(36.45, 9);
    expect(card.findings).toEqual([]);
  });

  it("prints a readable table by section", async () => {
    const { out } = await run("score", example("maturity-audit.json"));
    expect(out).toContain("5.1 售后服务体系");
    expect(out).toContain("不适用 4 项：折算 136.65 ÷ 145 × 150 = 141.36");
    expect(out).toMatch(/总分: 141\.36 \/ 150 +级别: 十星级 ★{10} +通过/);
  });

  it("speaks English with --lang en", async () => {
    const { out } = await run("score", example("self-assessment.json"), "--lang", "en");
    expect(out).toContain("Total: 89.29 / 100");
    expect(out).toContain('SS501 The claimed level "四星级" is above the result "三星级"');
  });
});

describe("exit codes", () => {
  it("1 when there are error findings, with each finding's code and clause in the JSON", async () => {
    const { code, out } = await run("score", example("self-assessment.json"), "--json");
    expect(code).toBe(1);
    expect(JSON.parse(out).findings).toEqual([expect.objectContaining({ severity: "error", code: "SS501", clause: null, field: "申报级别" })]);
  });

  it("0 with warnings only", async () => {
    const { code, out } = await run("score", example("service-checklist.json"), "--json");
    expect(code).toBe(0);
    const card = JSON.parse(out);
    expect(card.total).toBeNull();
    expect(card.findings.length).toBe(card.checklist.nonconform);
    expect(card.findings.every((f: { code: string }) => f.code === "SS303")).toBe(true);
  });

  it.each([
    ["a missing file", () => "/nonexistent/a.json", /^starscore: \/nonexistent\/a\.json: no such file\n$/],
    ["bad JSON", () => tempFile("bad.json", "{ scheme: "), /^starscore: .*bad\.json: \(top\): found invalid JSON .*; expected a JSON object\n$/],
    ["an unknown scheme", () => tempFile("u.json", JSON.stringify({ scheme: "nope", role: "audit", entries: {} })), /^starscore: unknown scheme "nope"; known: cct-sc03-12, /],
    ["a wrong role", () => tempFile("r.json", JSON.stringify({ scheme: "service-characteristics", role: "audit", entries: {} })), /^starscore: scheme service-characteristics is a checklist: use role "checklist", not "audit"\n$/],
    ["an entry of the wrong shape", () => tempFile("s.json", JSON.stringify({ scheme: "cct-sc03-12", role: "audit", entries: { "5.1.1.1": { pct: 3 } } })), /^starscore: .*s\.json: entries\.5\.1\.1\.1: found unknown key "pct"/],
  ])("2 for %s, with a one-line message and no stack trace", async (_what, file, message) => {
    const { code, err, out } = await run("score", file());
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.split("\n").filter(Boolean)).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("2 for an unknown command or option", async () => {
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("score", example("maturity-audit.json"), "--colour")).code).toBe(2);
  });
});

describe("starscore schemes", () => {
  it("lists id, title, full marks, items and levels", async () => {
    const { code, out } = await run("schemes", "--json");
    expect(code).toBe(0);
    const list = JSON.parse(out) as { id: string; items: number; fullMarks: number | null; levels: { name: string }[] }[];
    expect(list.map((s) => [s.id, s.items, s.fullMarks, s.levels.length])).toEqual([
      ["cct-sc03-12", 51, 100, 4],
      ["completeness-2025", 20, 150, 5],
      ["gbt27922-2011-self", 50, 100, 4],
      ["maturity-jsgf-06", 94, 150, 9],
      ["service-characteristics", 67, null, 0],
    ]);
    expect((await run("schemes")).out).toContain("maturity-jsgf-06");
  });
});

describe("the installed bin", () => {
  it("npx starscore runs the compiled CLI", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "bin", "starscore.js"), "score", example("maturity-audit.json"), "--json"], { encoding: "utf8" });
    expect(JSON.parse(out).total).toBe(141.36);
    const bad = spawnSync(process.execPath, [path.join(ROOT, "bin", "starscore.js"), "score", "/nonexistent.json"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("starscore: /nonexistent.json: no such file\n");
  });
});
