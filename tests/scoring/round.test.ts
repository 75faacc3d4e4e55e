import { excelRound } from "../../src/scoring/round";

describe("excelRound rounds as Excel's ROUND", () => {
  it.each([
    [1.005, 2, 1.01], // Math.round(1.005 * 100) / 100 gives 1
    [2.675, 2, 2.68],
    [1.0049999, 2, 1],
    [89.995, 2, 90],
    [0.125, 2, 0.13],
    [-1.005, 2, -1.01], // half away from zero, as Excel
    [79.994999, 2, 79.99],
    [96.55172413793103, 2, 96.55],
    [140, 2, 140],
    [0, 2, 0],
    [1234.5, 0, 1235],
  ])("ROUND(%p, %p) = %p", (value, digits, expected) => {
    expect(excelRound(value, digits)).toBe(expected);
  });

  it("differs from the naive Math.round where a user would see a wrong cent", () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(excelRound(1.005, 2)).toBe(1.01);
  });
});
