import { percentOrNotApplicable, applicablePoints, earnedPoints, isEmptyWhileOwed, isOutOfRange, pointsForPercent } from "../formulas";
import { HIGHLIGHT } from "../styles";
import type { FormDescriptor } from "./form";

/** 评分表: the auditor types a 得分比例 per item and a remark (on a not-applicable row, the reason for 删减); the sheet works out the points. */
export const AUDIT_FORM: FormDescriptor = {
  sheetName: "评分表",
  columns: [
    ["section", "板块", 12],
    ["subsectionId", "序号", 8],
    ["subsectionTitle", "标题", 12],
    ["text", "检查内容", 56],
    ["points", "小类分值", 7],
    ["code", "维度", 6],
    ["percent", "得分比例", 9],
    ["note", "现场评审记录（删减填理由）", 28],
    ["earned", "具体得分", 9],
    ["applicable", "适用分值", 8, true],
    ["clause", "条款", 10, true],
  ],
  text: { withPoints: false, withClause: true },
  clauseStyle: "helper",
  itemCells: (item, at) => ({
    cells: [
      ["points", { value: item.max, style: "points" }],
      ["code", { value: item.code ?? null, style: "code" }],
      ["percent", { value: null, style: "entryPercent" }],
      ["note", { value: null, style: "entryText" }],
      ["applicable", { formula: applicablePoints([at("percent")], at("points")), style: "helper" }],
      ["earned", { formula: earnedPoints(at("applicable"), at("percent"), 100, pointsForPercent(at("points"), at("percent"))), style: "earned" }],
    ],
  }),
  subsectionCells: (label) => [
    ["subsectionId", label.id],
    ["subsectionTitle", label.title],
  ],
  sectionColumn: "section",
  entryRules: (area) => ({
    validations: [
      {
        range: area.range("percent"),
        rule: { kind: "custom", formula: percentOrNotApplicable(area.top("percent")) },
        prompt: { title: "得分比例", message: "填写 0%–100%（如 95%）。本条款不适用时填“不适用”。" },
        error: { title: "得分比例无效", message: "得分比例应在 0% 到 100% 之间，或填“不适用”。" },
      },
    ],
    conditionalFormats: [
      { range: area.range("percent"), formula: isEmptyWhileOwed(area.top("percent"), area.fixed("points")), fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: area.range("percent"), formula: isOutOfRange(area.top("percent"), 100), fill: HIGHLIGHT.error, fontColor: HIGHLIGHT.errorFont, meaning: "out-of-range" },
    ],
  }),
  entryColumns: { percent: "percent", note: "note" },
  structureColumns: { clause: "clause", text: "text", points: "points", earned: "earned", applicable: "applicable", code: "code" },
  summary: { kind: "points", remarks: true, declaration: false },
};
