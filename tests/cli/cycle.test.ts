import { run } from "../support/cli";

describe("starscore cycle", () => {
  it("prints the expiry, each surveillance's deadline and the recertification window", async () => {
    const { code, out } = await run("cycle", "--issued", "2026-03-01", "--audits", "2027-02-10", "--today", "2027-06-01");
    expect(code).toBe(0);
    expect(out).toContain("有效期至 2029-03-01");
    expect(out).toMatch(/第 1 次监督\s+2026-03-01\s+2027-03-01\s+证书签发日起 12 个月内\s+2027-02-10\s+按期/);
    expect(out).toMatch(/第 2 次监督\s+2027-02-10\s+2028-05-10\s+两次监督间隔不超过 15 个月\s+—\s+待进行/);
    expect(out).toMatch(/再认证\s+2028-12-01\s+2029-03-01\s+证书到期前 3 个月内申请\s+—\s+未到申请期/);
    expect(out).toContain("证书状态（截至 2027-06-01）：有效");
  });

  it("--json --lang en: late and missing audits flagged with their codes", async () => {
    const { code, out } = await run("cycle", "--issued", "2024-02-29", "--audits", "2025-03-01", "--today", "2026-07-01", "--json", "--lang", "en");
    // Not in order: exit 1, as check exits 1 unless every file passes.
    expect(code).toBe(1);
    const c = JSON.parse(out);
    expect([c.expires, c.recertification]).toEqual(["2027-02-28", { from: "2026-11-28", to: "2027-02-28", audit: null, by: null, status: "upcoming" }]);
    expect(c.surveillances.map((s: { deadline: string; status: string }) => [s.deadline, s.status])).toEqual([
      ["2025-02-28", "late"],
      ["2026-06-01", "missing"],
    ]);
    expect(c.findings.map((f: { code: string }) => f.code)).toEqual(["SS901", "SS902"]);
    expect(c.findings[0].message).toMatch(/after its deadline 2025-02-28/);
  });

  /** Issue #20's cases: a certificate of 2026-03-01 (valid to 2029-03-01, recertification window from 2028-12-01), as of 2029-04-01. */
  const rows = (out: string) => out.split("\n").filter((l) => /^(第 \d 次监督|再认证) /.test(l)).map((l) => l.split(/\s{2,}/));

  it("--audits 2029-02-15: the recertification (in its window); both surveillances still listed, missing", async () => {
    const { code, out } = await run("cycle", "--issued", "2026-03-01", "--audits", "2029-02-15", "--today", "2029-04-01");
    expect(code).toBe(1);
    expect(rows(out)).toEqual([
      ["第 1 次监督", "2026-03-01", "2027-03-01", "证书签发日起 12 个月内", "—", "缺失"],
      ["第 2 次监督", "2027-03-01", "2028-06-01", "两次监督间隔不超过 15 个月", "—", "缺失"],
      ["再认证", "2028-12-01", "2029-03-01", "证书到期前 3 个月内申请", "2029-02-15", "已进行"],
    ]);
    expect(out).toContain("2029-02-15 在再认证申请期内，计为再认证审核");
    expect(out).toContain("证书状态（截至 2029-04-01）：已再认证（2029-02-15）");
    expect(out.match(/\* SS\d+/g)).toEqual(["* SS902", "* SS902"]);
  });

  it("with no audits: the same two surveillances missing, and the certificate expired (SS906)", async () => {
    const { code, out } = await run("cycle", "--issued", "2026-03-01", "--today", "2029-04-01");
    expect(code).toBe(1);
    expect(rows(out).map((r) => [r[0], r[2], r[5]])).toEqual([
      ["第 1 次监督", "2027-03-01", "缺失"],
      ["第 2 次监督", "2028-06-01", "缺失"],
      ["再认证", "2029-03-01", "未进行"],
    ]);
    expect(out).toContain("证书状态（截至 2029-04-01）：已于 2029-03-01 到期，未再认证");
    expect(out).toContain("* SS906 证书已于 2029-03-01 到期（有效期 3 年，CCT §7.1），截至 2029-04-01 没有再认证审核（§8.2），证书已失效。");
  });

  it("--audits 2028-05-01: a late first surveillance, the second year's still listed; expired without recertification", async () => {
    const { out } = await run("cycle", "--issued", "2026-03-01", "--audits", "2028-05-01", "--today", "2029-04-01");
    expect(rows(out)).toEqual([
      ["第 1 次监督", "2026-03-01", "2027-03-01", "证书签发日起 12 个月内", "2028-05-01", "逾期"],
      ["第 2 次监督", "2028-05-01", "2029-03-01", "证书到期前", "—", "缺失"],
      ["再认证", "2028-12-01", "2029-03-01", "证书到期前 3 个月内申请", "—", "未进行"],
    ]);
    expect(out.match(/\* SS\d+/g)).toEqual(["* SS901", "* SS902", "* SS906"]);
  });

  it("--recertified none: the audit in the window is a (late) surveillance; --recertified <date> marks the recertification", async () => {
    const none = await run("cycle", "--issued", "2026-03-01", "--audits", "2029-02-15", "--recertified", "none", "--today", "2029-04-01", "--json");
    const c = JSON.parse(none.out);
    expect(c.surveillances.map((s: { audit: string | null; status: string }) => [s.audit, s.status])).toEqual([
      ["2029-02-15", "late"],
      [null, "missing"],
    ]);
    expect([c.recertification, c.state]).toEqual([{ from: "2028-12-01", to: "2029-03-01", audit: null, by: null, status: "missing" }, "expired"]);
    expect(c.findings.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual([
      ["SS901", "warning"],
      ["SS902", "warning"],
      ["SS906", "error"],
    ]);
    const marked = JSON.parse((await run("cycle", "--issued", "2026-03-01", "--audits", "2027-02-10", "--recertified", "2028-11-20", "--today", "2029-04-01", "--json")).out);
    expect([marked.recertification.audit, marked.recertification.by, marked.state]).toEqual(["2028-11-20", "mark", "recertified"]);
    const bad = await run("cycle", "--issued", "2026-03-01", "--recertified", "soon");
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--recertified takes a date such as 2029-02-15, or "none", not "soon"')]);
  });

  it("a date typed in doubt (before the certificate) only warns: exit 0 while the cycle is in order", async () => {
    const { code, out } = await run("cycle", "--issued", "2026-03-01", "--audits", "2026-01-10,2027-02-10", "--today", "2027-06-01");
    expect(out.match(/\* SS\d+/g)).toEqual(["* SS903"]);
    expect(code).toBe(0);
  });

  it("a date that is no day is a usage error (exit 2), as is a scheme without a cycle", async () => {
    const bad = await run("cycle", "--issued", "2026-02-29");
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--issued takes a date such as 2026-03-01, not "2026-02-29"')]);
    expect((await run("cycle", "--issued", "2026-03-01", "--audits", "2027-13-01")).code).toBe(2);
    expect((await run("cycle", "--issued", "2026-03-01", "--scheme", "maturity-jsgf-06")).err).toMatch(/no certificate cycle/);
    expect((await run("cycle")).code).toBe(2);
  });
});
