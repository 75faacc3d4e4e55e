import { readConclusion, readNumber } from "../../src/scoring/lenient";

describe("readNumber is lenient where people are", () => {
  it.each([
    ["９５", "%", 95],
    ["95%", "%", 95],
    ["95 %", "%", 95],
    ["９５％", "%", 95],
    [" 95 ", "%", 95],
    ["3分", "分", 3],
    ["1.5 分", "分", 1.5],
    ["１．５分", "分", 1.5],
    [".5", "分", 0.5],
    [95, "%", 95],
    [0, "分", 0],
  ] as const)("%p as %s reads %p", (typed, unit, value) => {
    expect(readNumber(typed, unit)).toEqual({ kind: "number", value });
  });

  it.each(["不适用", "不涉及", "N/A", "n/a", "Ｎ／Ａ", "删减", " 不适用 "])("%p means not applicable", (typed) => {
    expect(readNumber(typed, "%")).toEqual({ kind: "na" });
  });

  it.each([undefined, null, "", "   "])("%p is empty, not zero", (typed) => {
    expect(readNumber(typed, "%")).toEqual({ kind: "empty" });
  });

  it.each([
    ["三", "分"],
    ["abc", "%"],
    ["95分", "%"], // a percentage does not end in 分
    ["3%", "分"], // nor a score in %
    ["9 5", "%"],
    ["1,5", "分"],
  ] as const)("%p as %s is invalid, never zero", (typed, unit) => {
    expect(readNumber(typed, unit)).toEqual({ kind: "invalid", text: typed });
  });

  it("rejects NaN and Infinity", () => {
    expect(readNumber(Number.NaN, "%").kind).toBe("invalid");
    expect(readNumber(Number.POSITIVE_INFINITY, "%").kind).toBe("invalid");
  });
});

describe("readConclusion", () => {
  it.each([
    ["符合", "conform"],
    ["不符合", "nonconform"],
    ["不适用", "na"],
    ["不涉及", "na"],
    ["N/A", "na"],
    [" 符合 ", "conform"],
  ] as const)("%p → %s", (typed, value) => {
    expect(readConclusion(typed)).toEqual({ kind: "conclusion", value });
  });

  it("reports anything else", () => {
    expect(readConclusion("基本符合")).toEqual({ kind: "invalid", text: "基本符合" });
    expect(readConclusion("")).toEqual({ kind: "empty" });
  });
});
