import { shiftFormula } from "../../src/sheets/shiftFormula";

describe("shiftFormula: a formula copied rows down and columns across, as Excel reads a shared formula", () => {
  it.each([
    ["E8*G8", 3, 0, "E11*G11"],
    ["$E8*G$8", 3, 2, "$E11*I$8"],
    ["SUM(J8:J101)", 1, 0, "SUM(J9:J102)"],
    ["IF(G8=\"不适用\",0,E8)", 2, 0, "IF(G10=\"不适用\",0,E10)"],
    // Text that looks like a reference stays text; so do function names with digits and quoted sheet names.
    ['IF(A1="B2",LOG10(C3),ATAN2(D4,1))', 1, 1, 'IF(B2="B2",LOG10(D4),ATAN2(E5,1))'],
    ["'Sheet 2'!A1+评分表!B2", 1, 0, "'Sheet 2'!A2+评分表!B3"],
    ["SUM(A:A,3:3)", 1, 1, "SUM(B:B,4:4)"],
    ["SUM($A:$A,$3:$3)", 1, 1, "SUM($A:$A,$3:$3)"],
    ["A1-1", -1, 0, "#REF!-1"],
    // Columns run to XFD: MAX1 is a cell (so Excel forbids it as a name); XFE1 and TOTAL1 are names.
    ["TRUE+MAX1+XFE1+TOTAL1", 5, 5, "TRUE+MBC6+XFE1+TOTAL1"],
  ])("%s moved (%i, %i) is %s", (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });
});
