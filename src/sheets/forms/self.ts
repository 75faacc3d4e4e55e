import { applicablePoints, earnedPoints, isEmpty, isEmptyWhileOwed, isEvidenceMissing, isOutOfRange } from "../formulas";
import { HIGHLIGHT } from "../styles";
import { conclusionChoice, type FormDescriptor } from "./form";

/** 自评估表: the applicant gives a conclusion, a score and the evidence per item, with what the item requires beside it. */
export const SELF_FORM: FormDescriptor = {
  sheetName: "自评估表",
  columns: [
    ["seq", "序号", 5],
    ["subsectionTitle", "要点", 12],
    ["text", "条款", 46],
    ["required", "需提供证明材料", 36],
    ["conclusion", "自评估结论", 10],
    ["score", "分数", 8],
    ["evidence", "证明材料清单", 30],
    ["points", "分值", 6, true],
    ["applicable", "适用分值", 8, true],
    ["earned", "得分", 8, true],
    ["clause", "条款号", 10, true],
  ],
  text: { withPoints: true, withClause: true },
  clauseStyle: "helper",
  itemCells: (item, at, seq) => {
    const required = [...(item.askApplicable === true ? ["确认本条款是否适用？"] : []), ...(item.evidence ?? [])].join("\n");
    return {
      cells: [
        ["seq", { value: seq, style: "points" }],
        ["required", { value: required, style: "text" }],
        ["conclusion", { value: null, style: "entryChoice" }],
        ["score", { value: null, style: "entryScore" }],
        ["evidence", { value: null, style: "entryText" }],
        ["points", { value: item.max, style: "helper" }],
        ["applicable", { formula: applicablePoints([at("conclusion"), at("score")], at("points")), style: "helper" }],
        ["earned", { formula: earnedPoints(at("applicable"), at("score"), at("points"), at("score")), style: "helper" }],
      ],
      wraps: [[required, "required"]],
    };
  },
  subsectionCells: (label) => [["subsectionTitle", `${label.id}${label.title}`]],
  entryRules: (area) => ({
    validations: [
      conclusionChoice(area.range("conclusion"), "自评估结论"),
      {
        range: area.range("score"),
        rule: { kind: "decimal", min: 0, max: area.fixed("points") },
        prompt: { title: "分数", message: "填写 0 到本条款满分之间的分数（条款后括号内为满分）。" },
        error: { title: "分数无效", message: "分数应在 0 到本条款满分之间。" },
      },
    ],
    conditionalFormats: [
      { range: area.range("conclusion"), formula: isEmpty(area.top("conclusion")), fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: area.range("score"), formula: isEmptyWhileOwed(area.top("score"), area.fixed("applicable")), fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: area.range("score"), formula: isOutOfRange(area.top("score"), area.fixed("points")), fill: HIGHLIGHT.error, fontColor: HIGHLIGHT.errorFont, meaning: "out-of-range" },
      {
        range: area.range("evidence"),
        formula: isEvidenceMissing(area.top("evidence"), area.fixed("applicable"), area.fixed("required")),
        fill: HIGHLIGHT.evidence,
        meaning: "missing-evidence",
      },
    ],
  }),
  entryColumns: { conclusion: "conclusion", score: "score", evidence: "evidence" },
  structureColumns: { clause: "clause", text: "text", points: "points", earned: "earned", applicable: "applicable" },
  summary: { kind: "points", remarks: false, declaration: true },
};
