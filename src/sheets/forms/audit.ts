import { percentOrNotApplicable, applicablePoints, earnedPoints, isEmptyWhileOwed, isOutOfRange, pointsForPercent, unfilledRows } from "../formulas";
import { pts } from "../grid";
import { HIGHLIGHT } from "../styles";
import { prompt, type FormDescriptor } from "./form";

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
        prompt: { title: "得分比例", message: "填写 0%–100%（如 95%）。本条款不适用时填“不适用”，并在现场评审记录写明理由。" },
        error: { title: "得分比例无效", message: "得分比例应在 0% 到 100% 之间，或填“不适用”。" },
      },
      prompt(area.range("note"), "现场评审记录", "记录查阅的文件和记录、现场所见、抽查情况和发现的问题。本条款不适用（删减）时，在此写明理由。"),
    ],
    // Missing (yellow) exactly where 未填项数 counts a row: it still applies and its percentage is empty.
    conditionalFormats: [
      { range: area.range("percent"), formula: isEmptyWhileOwed(area.top("percent"), area.fixed("applicable")), fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: area.range("percent"), formula: isOutOfRange(area.top("percent"), 100), fill: HIGHLIGHT.error, fontColor: HIGHLIGHT.errorFont, meaning: "out-of-range" },
    ],
  }),
  unfilled: (area) => unfilledRows(area.range("applicable"), [area.range("percent")]),
  instructions: (scheme) => [
    "本表由审查员在现场审查时填写（申请组织的自评估另用自评估表）。",
    "逐条填写“得分比例”（0%–100%，如 95%），“具体得分”= 小类分值 × 得分比例，由表内公式计算；“现场评审记录”记录查阅的文件、记录、现场所见和发现的问题。",
    `不适用（删减）：只有条款不适合受审查组织及其商品时才可删减。得分比例填“不适用”，并在“现场评审记录”写明理由。删减的条款不计入适用满分，总分按“得分 ÷ 适用满分 × ${pts(scheme.fullMarks ?? 0)}”折算。`,
    ...specialsLine(scheme),
    "审查报告信息：表末“审查报告信息”栏和“审查组成员”表（一人一行）的内容印在审查报告的封面、基本信息、公正性承诺和盖章处；现场审查时间填第一天和最后一天，可加上午或下午。",
  ],
  entryColumns: { percent: "percent", note: "note" },
  structureColumns: { clause: "clause", text: "text", points: "points", earned: "earned", applicable: "applicable", code: "code" },
  summary: { kind: "points", remarks: true, declaration: false, specials: true },
};

/** Where the auditor's own blocks are, and what they do to the total. */
function specialsLine(scheme: Parameters<FormDescriptor["instructions"]>[0]): string[] {
  const d = scheme.special?.deduction;
  const b = scheme.special?.bonus;
  const parts = [
    ...(d !== undefined ? [`${d.label}（每项扣 ${pts(d.points)} 分，达到 ${d.notGradedAt} 项不予评级）`] : []),
    ...(b !== undefined ? [`${b.label}（最多 ${pts(b.max)} 分，右侧写明理由）`] : []),
    "服务系统的优势和改进方向",
  ];
  return [`${parts.join("、")}在表末填写。`];
}
