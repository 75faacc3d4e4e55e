import { run } from "../support/cli";

describe("starscore cycle", () => {
  it("prints the expiry, each surveillance's deadline and the recertification window", async () => {
    const { code, out } = await run("cycle", "--issued", "2026-03-01", "--audits", "2027-02-10", "--today", "2027-06-01");
    expect(code).toBe(0);
    expect(out).toContain("有效期至 2029-03-01");
    expect(out).toMatch(/第 1 次\s+2026-03-01\s+2027-03-01\s+证书签发日起 12 个月内\s+2027-02-10\s+按期/);
    expect(out).toMatch(/第 2 次\s+2027-02-10\s+2028-05-10\s+两次监督间隔不超过 15 个月\s+—\s+待进行/);
    expect(out).toContain("再认证申请：2028-12-01 至 2029-03-01");
  });

  it("--json --lang en: late and missing audits flagged with their codes", async () => {
    const { code, out } = await run("cycle", "--issued", "2024-02-29", "--audits", "2025-03-01", "--today", "2026-07-01", "--json", "--lang", "en");
    expect(code).toBe(0);
    const c = JSON.parse(out);
    expect([c.expires, c.recertification]).toEqual(["2027-02-28", { from: "2026-11-28", to: "2027-02-28" }]);
    expect(c.surveillances.map((s: { deadline: string; status: string }) => [s.deadline, s.status])).toEqual([
      ["2025-02-28", "late"],
      ["2026-06-01", "missing"],
    ]);
    expect(c.findings.map((f: { code: string }) => f.code)).toEqual(["SS901", "SS902"]);
    expect(c.findings[0].message).toMatch(/after its deadline 2025-02-28/);
  });

  it("a date that is no day is a usage error (exit 2), as is a scheme without a cycle", async () => {
    const bad = await run("cycle", "--issued", "2026-02-29");
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--issued takes a date such as 2026-03-01, not "2026-02-29"')]);
    expect((await run("cycle", "--issued", "2026-03-01", "--audits", "2027-13-01")).code).toBe(2);
    expect((await run("cycle", "--issued", "2026-03-01", "--scheme", "maturity-jsgf-06")).err).toMatch(/no certificate cycle/);
    expect((await run("cycle")).code).toBe(2);
  });
});
