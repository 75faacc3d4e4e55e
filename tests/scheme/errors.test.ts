import { stringify } from "yaml";
import { parseScheme, SchemeError } from "../../src/scheme/load";
import { miniSchemeFile } from "../support/miniScheme";

/** Loads a broken variant of the mini scheme and returns the single message it fails with. */
function failure(mutate: (file: ReturnType<typeof miniSchemeFile> & Record<string, unknown>) => void): string {
  const file = miniSchemeFile() as ReturnType<typeof miniSchemeFile> & Record<string, unknown>;
  mutate(file);
  try {
    parseScheme(stringify(file), "schemes/mini.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(SchemeError);
    return (e as Error).message;
  }
  throw new Error("expected the scheme to be rejected");
}

describe("a broken scheme file fails with one message: file, path, found, expected", () => {
  it("points that are not a number", () => {
    const msg = failure((f) => {
      (f.sections[0]!.subsections![1]!.items[0] as Record<string, unknown>).points = "十";
    });
    expect(msg).toBe('schemes/mini.yaml: sections[0].subsections[1].items[0].points: found the text "十"; expected a number');
  });

  it("an unknown key", () => {
    const msg = failure((f) => {
      (f.sections[1]!.items![4] as Record<string, unknown>).pionts = 3;
    });
    expect(msg).toContain('schemes/mini.yaml: sections[1].items[4]: found unknown key "pionts"');
  });

  it("partial credit on samples without saying, for an indicator with points, whether it is sampled (评分要求 1–2)", () => {
    const msg = failure((f) => {
      f.partialCredit = { needsSamples: true, source: "附件2 评分要求 1)、2)" };
    });
    // Every such item is named, each on its line.
    expect(msg.split("\n")[0]).toBe("schemes/mini.yaml: sections[0].subsections[0].items[0].scoring: found nothing; expected scoring: {by: samples or qualitative, why} (partialCredit.needsSamples)");
    expect(msg.split("\n")).toHaveLength(10);
    const other = failure((f) => {
      (f.sections[0]!.subsections![1]!.items[0] as Record<string, unknown>).scoring = { by: "samples", why: "人员资质" };
    });
    expect(other).toBe("schemes/mini.yaml: sections[0].subsections[1].items[0].scoring: found samples; expected no scoring unless partialCredit.needsSamples");
  });

  it("a section whose items do not add up to its stated maximum", () => {
    const msg = failure((f) => {
      f.sections[0]!.max = 45;
    });
    expect(msg).toBe("schemes/mini.yaml: sections[0].max: found 45; expected the sum of its items' points, 50");
  });

  it("a subsection whose items do not add up", () => {
    const msg = failure((f) => {
      f.sections[0]!.subsections![0]!.items[2]!.points = 9;
    });
    expect(msg).toContain("schemes/mini.yaml: sections[0].subsections[0].max: found 30; expected the sum of its items' points, 29");
  });

  it("a duplicate clause id", () => {
    const msg = failure((f) => {
      f.sections[1]!.items![4]!.clause = "1.1.1";
    });
    expect(msg).toContain("schemes/mini.yaml: sections[1].items[4].clause: found clause 1.1.1 again; expected each clause id once (first at sections.0.subsections.0.items.0.clause)");
  });

  it("thresholds not ascending", () => {
    const msg = failure((f) => {
      f.levels![2]!.min = 75;
    });
    expect(msg).toBe("schemes/mini.yaml: levels[2].min: found 75; expected a threshold above the previous one (80)");
  });

  it("full marks that are not the sum of the items", () => {
    expect(failure((f) => (f.fullMarks = 120))).toBe("schemes/mini.yaml: fullMarks: found 120; expected the sum of all items' points, 100");
  });

  it("a kind that does not exist", () => {
    expect(failure((f) => ((f as Record<string, unknown>).kind = "score"))).toBe('schemes/mini.yaml: kind: found the text "score"; expected one of "points", "checklist"');
  });

  it("YAML that does not parse names the line", () => {
    expect(() => parseScheme("id: x\n  bad: [", "schemes/x.yaml")).toThrow(/^schemes\/x\.yaml: line \d+, column \d+: found .*; expected well-formed YAML/);
  });
});
