import { certificateCycle, readRecertificationMark, type RecertificationMark } from "../../src/scoring/cycle";
import { addMonths, parseDate, parseDateList } from "../../src/scoring/dates";
import { schemeFile } from "../support/schemes";

/** CCT §7.1 (3 years), §8.1.1 (12 months, each calendar year, 15 months apart), §8.2 (3 months before expiry); worked by hand. */
const rule = schemeFile("cct-sc03-12").certification?.cycle;
if (rule === undefined) throw new Error("cct-sc03-12 has no cycle");

const cycle = (issued: string, audits: string[] = [], today = issued, mark?: RecertificationMark) => certificateCycle(rule, issued, audits, today, mark);
const plan = (c: ReturnType<typeof cycle>) => c.surveillances.map((s) => [s.n, s.deadline, s.rule, s.audit, s.status]);
const codes = (c: ReturnType<typeof cycle>) => c.findings.map((f) => f.code);

describe("dates", () => {
  it.each([
    ["2026-03-01", "2026-03-01"],
    ["2026/3/1", "2026-03-01"],
    ["2026.3.1", "2026-03-01"],
    ["2026年3月1日", "2026-03-01"],
    ["２０２６－０３－０１", "2026-03-01"],
    ["２０２６/０３/０１", "2026-03-01"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2026-02-29", null],
    ["2100-02-29", null],
    ["2026-04-31", null],
    ["2026-13-01", null],
    ["2026-00-10", null],
    ["明天", null],
  ])("%s reads as %s", (text, date) => {
    expect(parseDate(text)).toBe(date);
  });

  it.each([
    ["2026-03-01", 12, "2027-03-01"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2027-01-15", -1, "2026-12-15"],
    ["2026-05-31", 15, "2027-08-31"],
    ["2026-11-30", 15, "2028-02-29"],
    ["2029-05-31", -3, "2029-02-28"],
  ])("%s + %i months = %s (the corresponding day, or the month's last)", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("a list of dates as typed: the days read, and the parts that are none", () => {
    expect(parseDateList(" 2026-03-01，2027/2/10、2028.1.5; 2026-13-01；明天  ")).toEqual({
      dates: ["2026-03-01", "2027-02-10", "2028-01-05"],
      unreadable: ["2026-13-01", "明天"],
    });
    expect(parseDateList("")).toEqual({ dates: [], unreadable: [] });
  });
});

describe("the certificate cycle", () => {
  it("issued 2026-03-01: valid to 2029-03-01; surveillance by 2027-03-01, then 15 months on; recertification from 2028-12-01", () => {
    const c = cycle("2026-03-01");
    expect([c.expires, c.recertification]).toEqual(["2029-03-01", { from: "2028-12-01", to: "2029-03-01", audit: null, by: null, status: "upcoming" }]);
    // Planned from the deadlines: 2027-03-01 + 15 months = 2028-06-01, earlier than 2028-12-31; 2029 is the recertification year.
    expect(plan(c)).toEqual([
      [1, "2027-03-01", "first", null, "due"],
      [2, "2028-06-01", "gap", null, "due"],
    ]);
    expect(c.findings).toEqual([]);
  });

  it("the first surveillance on its last day is on time; a day later is late (SS901)", () => {
    expect(plan(cycle("2026-03-01", ["2027-03-01"]))[0]).toEqual([1, "2027-03-01", "first", "2027-03-01", "on-time"]);
    const late = cycle("2026-03-01", ["2027-03-02"]);
    expect(plan(late)[0]).toEqual([1, "2027-03-01", "first", "2027-03-02", "late"]);
    expect(codes(late)).toEqual(["SS901"]);
  });

  it("the next deadline runs from the audit held: 2027-02-10 + 15 months = 2028-05-10", () => {
    expect(plan(cycle("2026-03-01", ["2027-02-10", "2028-05-10"]))).toEqual([
      [1, "2027-03-01", "first", "2027-02-10", "on-time"],
      [2, "2028-05-10", "gap", "2028-05-10", "on-time"],
    ]);
    expect(codes(cycle("2026-03-01", ["2027-02-10", "2028-05-11"]))).toEqual(["SS901"]);
  });

  it("each calendar year: after a surveillance in 2026, the next by 2027-12-31 (earlier than 15 months); three surveillances before 2029", () => {
    const c = cycle("2026-01-05", ["2026-11-01", "2027-12-31", "2028-06-30"]);
    expect(c.expires).toBe("2029-01-05");
    expect(plan(c)).toEqual([
      [1, "2027-01-05", "first", "2026-11-01", "on-time"],
      [2, "2027-12-31", "calendar-year", "2027-12-31", "on-time"],
      [3, "2028-12-31", "calendar-year", "2028-06-30", "on-time"],
    ]);
    expect(codes(cycle("2026-01-05", ["2026-11-01", "2028-01-01"]))).toEqual(["SS901"]);
  });

  it("issued 2024-02-29 (leap day): valid to 2027-02-28, first surveillance by 2025-02-28, recertification from 2026-11-28", () => {
    const c = cycle("2024-02-29", ["2025-02-28"]);
    expect([c.expires, c.recertification.from]).toEqual(["2027-02-28", "2026-11-28"]);
    expect(plan(c)).toEqual([
      [1, "2025-02-28", "first", "2025-02-28", "on-time"],
      [2, "2026-05-28", "gap", null, "due"],
    ]);
    expect(codes(cycle("2024-02-29", ["2025-03-01"]))).toEqual(["SS901"]);
  });

  it("month ends: 2025-11-30 + 15 months is 2028-02-29, later than 2027-12-31, so the calendar year decides", () => {
    const c = cycle("2025-11-30", ["2026-11-30"]);
    expect(c.expires).toBe("2028-11-30");
    expect(plan(c)).toEqual([
      [1, "2026-11-30", "first", "2026-11-30", "on-time"],
      [2, "2027-12-31", "calendar-year", null, "due"],
    ]);
  });

  it("a surveillance not held by its deadline is missing once the deadline has passed (SS902), due until then", () => {
    expect(plan(cycle("2026-03-01", [], "2027-03-01"))[0]?.[4]).toBe("due");
    const late = cycle("2026-03-01", [], "2027-03-02");
    expect(plan(late)[0]?.[4]).toBe("missing");
    expect(codes(late)).toEqual(["SS902"]);
  });

  it("audits not after the certificate's date or after expiry are flagged and not counted; repeats count once", () => {
    const c = cycle("2026-03-01", ["2026-03-01", "2029-03-02", "2027-02-10", "2027-02-10"]);
    expect(codes(c)).toEqual(["SS903", "SS904"]);
    expect(plan(c)[0]).toEqual([1, "2027-03-01", "first", "2027-02-10", "on-time"]);
  });

  it("an audit in the recertification window (§8.2) is the recertification, not a surveillance; a later audit is the next cycle's", () => {
    const c = cycle("2026-03-01", ["2027-02-10", "2028-05-01", "2028-12-15", "2029-05-01"], "2029-06-01");
    expect(plan(c).map((s) => s[4])).toEqual(["on-time", "on-time"]);
    expect(c.recertification).toEqual({ from: "2028-12-01", to: "2029-03-01", audit: "2028-12-15", by: "window", status: "held" });
    expect([c.state, c.extra, c.findings]).toEqual(["recertified", ["2029-05-01"], []]);
  });

  it("a surveillance beyond those needed is listed apart, not flagged", () => {
    const c = cycle("2026-03-01", ["2027-02-10", "2028-05-01", "2028-09-01"]);
    expect(plan(c).map((s) => s[3])).toEqual(["2027-02-10", "2028-05-01"]);
    expect([c.extra, c.findings]).toEqual([["2028-09-01"], []]);
  });
});

/** The cases of issue #20, as of 2029-04-01, for a certificate of 2026-03-01 (valid to 2029-03-01; window from 2028-12-01). */
describe("every due surveillance listed, the recertification, the expiry", () => {
  const today = "2029-04-01";

  it("no audits: two surveillances missing, no recertification, the certificate expired (SS906)", () => {
    const c = cycle("2026-03-01", [], today);
    expect(plan(c)).toEqual([
      [1, "2027-03-01", "first", null, "missing"],
      [2, "2028-06-01", "gap", null, "missing"],
    ]);
    expect([c.recertification.status, c.state]).toEqual(["missing", "expired"]);
    expect(codes(c)).toEqual(["SS902", "SS902", "SS906"]);
    expect(c.findings[2]?.params).toEqual({ expires: "2029-03-01", today, months: 36 });
  });

  it("--audits 2029-02-15: in the recertification window, so the recertification; both surveillances still listed, missing", () => {
    const c = cycle("2026-03-01", ["2029-02-15"], today);
    expect(plan(c)).toEqual([
      [1, "2027-03-01", "first", null, "missing"],
      [2, "2028-06-01", "gap", null, "missing"],
    ]);
    expect(c.recertification).toMatchObject({ audit: "2029-02-15", by: "window", status: "held" });
    expect([c.state, codes(c)]).toEqual(["recertified", ["SS902", "SS902"]]);
  });

  it("the same audit marked as no recertification: a late first surveillance, the second still listed (due by the expiry), expired", () => {
    const c = cycle("2026-03-01", ["2029-02-15"], today, "none");
    expect(plan(c)).toEqual([
      [1, "2027-03-01", "first", "2029-02-15", "late"],
      [2, "2029-03-01", "expiry", null, "missing"],
    ]);
    expect(c.surveillances[1]?.after).toBe("2029-02-15");
    expect([c.recertification.status, c.state, codes(c)]).toEqual(["missing", "expired", ["SS901", "SS902", "SS906"]]);
  });

  it("--audits 2028-05-01: a late first surveillance moves the second's deadline, never removes it", () => {
    const c = cycle("2026-03-01", ["2028-05-01"], today);
    expect(plan(c)).toEqual([
      [1, "2027-03-01", "first", "2028-05-01", "late"],
      // 2028-05-01 + 15 months is 2029-08-01, after the expiry: no surveillance of the cycle is due after it.
      [2, "2029-03-01", "expiry", null, "missing"],
    ]);
    expect([c.state, codes(c)]).toEqual(["expired", ["SS901", "SS902", "SS906"]]);
    // Before the expiry the second is due, not missing, and the certificate is valid with the window open.
    const before = cycle("2026-03-01", ["2028-05-01"], "2029-01-10");
    expect([before.surveillances[1]?.status, before.recertification.status, before.state, codes(before)]).toEqual(["due", "open", "valid", ["SS901"]]);
  });

  it("entering a date never hides a due surveillance: never fewer rows with an audit than with none", () => {
    const rows = cycle("2026-03-01", [], today).surveillances.length;
    for (const audit of ["2027-02-10", "2027-09-01", "2028-05-01", "2028-11-30", "2029-02-15"]) {
      expect([audit, cycle("2026-03-01", [audit], today).surveillances.length]).toEqual([audit, rows]);
      expect([audit, cycle("2026-03-01", [audit], today, "none").surveillances.length]).toEqual([audit, rows]);
    }
    // One held in the certificate's own year leaves 2027 and 2028 each needing one (§8.1.1): a row more, none fewer.
    // 2026-06-01 + 15 months = 2027-09-01; missed, the next runs from that deadline: 2028-12-01.
    expect(plan(cycle("2026-03-01", ["2026-06-01"], today)).map((s) => [s[1], s[4]])).toEqual([
      ["2027-03-01", "on-time"],
      ["2027-09-01", "missing"],
      ["2028-12-01", "missing"],
    ]);
  });

  it("a recertification marked by date counts wherever it lies in the cycle; the surveillances after it are cut back to it", () => {
    const c = cycle("2026-03-01", ["2027-02-10"], today, { date: "2028-11-20" });
    expect(c.recertification).toMatchObject({ audit: "2028-11-20", by: "mark", status: "held" });
    expect(plan(c)).toEqual([
      [1, "2027-03-01", "first", "2027-02-10", "on-time"],
      [2, "2028-05-10", "gap", null, "missing"],
    ]);
    const early = cycle("2026-03-01", ["2027-02-10"], "2028-01-01", { date: "2027-12-01" });
    expect(plan(early)[1]).toEqual([2, "2027-12-01", "recertification", null, "missing"]);
  });

  it("a recertification marked after the expiry is not this cycle's (SS904): the certificate expired", () => {
    const c = cycle("2026-03-01", ["2027-02-10", "2028-05-01"], today, { date: "2029-03-20" });
    expect([c.recertification.audit, c.state, codes(c)]).toEqual([null, "expired", ["SS904", "SS906"]]);
  });

  it("the window: not yet open, open, then expired on the day after the last day of validity", () => {
    const status = (t: string) => [cycle("2026-03-01", ["2027-02-10", "2028-05-01"], t).recertification.status, cycle("2026-03-01", ["2027-02-10", "2028-05-01"], t).state];
    expect(status("2028-11-30")).toEqual(["upcoming", "valid"]);
    expect(status("2028-12-01")).toEqual(["open", "valid"]);
    expect(status("2029-03-01")).toEqual(["open", "valid"]);
    expect(status("2029-03-02")).toEqual(["missing", "expired"]);
  });
});

describe("the recertification mark as typed", () => {
  it.each([
    ["", "window"],
    ["  ", "window"],
    ["无", "none"],
    ["None", "none"],
    ["2029/2/15", { date: "2029-02-15" }],
    ["２０２９-０２-１５", { date: "2029-02-15" }],
  ])("%j reads as %j", (text, mark) => {
    expect(readRecertificationMark(text)).toEqual({ mark, unreadable: null });
  });
  it("anything else is unreadable", () => {
    expect(readRecertificationMark("明年")).toEqual({ mark: null, unreadable: "明年" });
  });
});
