import { stringify } from "yaml";
import { parseScheme, SchemeError } from "../../src/scheme/load";
import type { SchemeFile } from "../../src/scheme/schema";
import { miniSchemeFile } from "../support/miniScheme";

function certification(): NonNullable<SchemeFile["certification"]> {
  const factor = (code: string) => ({ code, zh: `因素 ${code}`, en: `factor ${code}`, step: 0.5 });
  return {
    mandays: {
      source: "test",
      bands: [
        { min: 1, max: 65, initial: 2, surveillance: 1, recertification: 1.5 },
        { min: 66, max: 175, initial: 2.5, surveillance: 1, recertification: 1.5 },
      ],
      minimums: { initial: 2, surveillance: 1, recertification: 1 },
      increases: [factor("a"), factor("b")],
      reductions: [factor("1")],
      reductionCap: 0.3,
      onSiteMin: 0.8,
    },
    serviceDomains: {
      source: "test",
      groups: [
        { code: "SC-01", name: "甲", number: "01.00", entries: [{ code: "511", name: "子甲" }] },
        { code: "SC-02", name: "乙", number: "02.00", entries: [{ code: "531", name: "子乙" }] },
      ],
      appliesTo: ["SC-01"],
    },
  };
}

function load(mutate: (c: ReturnType<typeof certification>) => void): string {
  const c = certification();
  mutate(c);
  try {
    parseScheme(stringify(miniSchemeFile({ certification: c })), "schemes/mini.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(SchemeError);
    return (e as Error).message;
  }
  return "loaded";
}

describe("the certification block: validated, with located errors", () => {
  it("a well-formed block loads", () => {
    expect(load(() => undefined)).toBe("loaded");
  });
  it("a gap between bands", () => {
    expect(load((c) => void (c.mandays!.bands[1]!.min = 67))).toBe(
      "schemes/mini.yaml: certification.mandays.bands[1].min: found 67; expected 66 (one more than the previous band's max)",
    );
  });
  it("a first band that does not start at 1", () => {
    expect(load((c) => void (c.mandays!.bands[0]!.min = 2))).toContain("certification.mandays.bands[0].min: found 2; expected 1");
  });
  it("a man-day value written as text", () => {
    expect(load((c) => void ((c.mandays!.bands[0] as Record<string, unknown>).initial = "两"))).toBe(
      'schemes/mini.yaml: certification.mandays.bands[0].initial: found the text "两"; expected a number',
    );
  });
  it("a cap above 100%", () => {
    expect(load((c) => void (c.mandays!.reductionCap = 30))).toContain("certification.mandays.reductionCap: found number 30; expected at most 1");
  });
  it("a repeated factor code", () => {
    expect(load((c) => void c.mandays!.increases.push({ code: "a", zh: "重复", en: "again", step: 0.5 }))).toContain(
      "certification.mandays.increases[2].code: found code a again; expected each factor code once",
    );
  });
  it("appliesTo naming a group the table does not have", () => {
    expect(load((c) => void (c.serviceDomains!.appliesTo = ["SC-01", "SC-09"]))).toBe(
      'schemes/mini.yaml: certification.serviceDomains.appliesTo[1]: found the text "SC-09"; expected a group code listed in groups',
    );
  });
  it("a 专业代码 listed twice", () => {
    expect(load((c) => void (c.serviceDomains!.groups[1]!.entries[0]!.code = "511"))).toContain(
      "certification.serviceDomains.groups[1].entries[0].code: found code 511 again; expected each code once (first at certification.serviceDomains.groups.0.entries.0.code)",
    );
  });
  it("a malformed group code", () => {
    expect(load((c) => void (c.serviceDomains!.groups[0]!.code = "SC3"))).toContain(
      'certification.serviceDomains.groups[0].code: found the text "SC3"; expected a group code such as SC-03',
    );
  });
});
