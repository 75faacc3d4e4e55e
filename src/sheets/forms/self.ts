import { applicablePoints, earnedPoints, isEmptyWhileOwed, isEvidenceMissing, isOutOfRange, materialOwed, unfilledRows } from "../formulas";
import { pts } from "../grid";
import { HIGHLIGHT } from "../styles";
import { conclusionChoice, prompt, type FormDescriptor } from "./form";

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
    ["owed", "应填证明材料", 6, true],
  ],
  text: { withPoints: true, withClause: true },
  clauseStyle: "helper",
  // One row per required material (issue 22): the material as the scheme words it, the applicant's entry beside it.
  itemCells: (item, at, seq) => {
    const [first = "", ...rest] = item.evidence ?? [];
    const required = [...(item.askApplicable === true ? ["确认本条款是否适用？"] : []), ...(first !== "" ? [first] : [])].join("\n");
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
        ["owed", { formula: materialOwed(at("applicable")), style: "helper" }],
      ],
      wraps: [[required, "required"]],
      below: rest.map((material) => ({
        cells: [
          // 序号, 结论 and 分数 are the clause's, on its first row; below them, fixed cells (a merged area splits
          // across pages and cuts what it centres).
          ["seq", { value: null, style: "points" }],
          ["required", { value: material, style: "text" }],
          ["conclusion", { value: null, style: "points" }],
          ["score", { value: null, style: "points" }],
          ["evidence", { value: null, style: "entryText" }],
          ["owed", { formula: `=${at("owed")}`, style: "helper" }],
        ],
        wraps: [[material, "required"]],
      })),
    };
  },
  subsectionCells: (label) => [["subsectionTitle", `${label.id}${label.title}`]],
  entryRules: (area) => ({
    validations: [
      conclusionChoice(area.range("conclusion"), "自评估结论"),
      {
        range: area.range("score"),
        rule: { kind: "decimal", min: 0, max: area.fixed("points") },
        prompt: { title: "分数", message: "填写 0 到本条款满分之间的分数（条款后括号内为满分）。不适用时结论选“不适用”。" },
        error: { title: "分数无效", message: "分数应在 0 到本条款满分之间。" },
      },
      prompt(
        area.range("evidence"),
        "证明材料清单",
        "填写能证实左侧这一项材料的文件或记录的名称、编号（如：售后服务管理制度 QG/XX-2023），或随表提交的文件路径（如：证明材料/客户清单.pdf）。每项材料一行。本条款不适用时，在第一行写明理由。",
      ),
    ],
    // A row is missing its entries (yellow) exactly where 未填项数 counts it: it still applies and a cell is empty.
    conditionalFormats: [
      { range: area.range("conclusion"), formula: isEmptyWhileOwed(area.top("conclusion"), area.fixed("applicable")), fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: area.range("score"), formula: isEmptyWhileOwed(area.top("score"), area.fixed("applicable")), fill: HIGHLIGHT.missing, meaning: "missing-entry" },
      { range: area.range("score"), formula: isOutOfRange(area.top("score"), area.fixed("points")), fill: HIGHLIGHT.error, fontColor: HIGHLIGHT.errorFont, meaning: "out-of-range" },
      {
        range: area.range("evidence"),
        formula: isEvidenceMissing(area.top("evidence"), area.fixed("owed"), area.fixed("required")),
        fill: HIGHLIGHT.evidence,
        meaning: "missing-evidence",
      },
    ],
  }),
  unfilled: (area) => unfilledRows(area.range("applicable"), [area.range("conclusion"), area.range("score")]),
  instructions: (scheme) => [
    `本表由申请组织填写，作认证申请前的自我评估；审查员现场审查时另用评分表评分${scheme.special !== undefined ? "，特别扣分项和特别加分项由审查员评定，本表不填" : ""}。`,
    "逐条在“自评估结论”选择符合、不符合或不适用，在“分数”填写 0 至本条款满分之间的分数（满分见条款后括号内）。",
    "“证明材料清单”：“需提供证明材料”每项材料占一行，在同一行右侧填写能证实它的文件、记录的名称或编号，或随表提交的文件路径（相对本表所在文件夹，如 证明材料/客户清单.pdf，也可插入指向该文件的超链接）。审查时逐项核对。",
    `不适用（删减）：只有条款不适合本组织及其商品时才可删减。自评估结论选“不适用”（或分数填“不适用”），并在“证明材料清单”第一行写明理由。删减的条款不计入适用满分，总分按“得分 ÷ 适用满分 × ${pts(scheme.fullMarks ?? 0)}”折算。`,
  ],
  entryColumns: { conclusion: "conclusion", score: "score", evidence: "evidence" },
  structureColumns: { clause: "clause", text: "text", points: "points", earned: "earned", applicable: "applicable" },
  summary: { kind: "points", remarks: false, declaration: true, specials: false },
};
