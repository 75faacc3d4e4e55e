import { isEmpty, unfilledRows } from "../formulas";
import { HIGHLIGHT } from "../styles";
import { conclusionChoice, prompt, type FormDescriptor } from "./form";

/** 检查表: a conclusion and a remark per requirement; the sheet counts the conclusions. */
export const CHECKLIST_FORM: FormDescriptor = {
  sheetName: "检查表",
  columns: [
    ["subsectionTitle", "部分", 16],
    ["clause", "条款", 11],
    ["text", "要求", 70],
    ["conclusion", "结论", 10],
    ["note", "说明", 34],
  ],
  text: { withPoints: false, withClause: false },
  clauseStyle: "code",
  itemCells: () => ({
    cells: [
      ["conclusion", { value: null, style: "entryChoice" }],
      ["note", { value: null, style: "entryText" }],
    ],
  }),
  subsectionCells: (label) => [["subsectionTitle", `${label.id} ${label.title}`]],
  entryRules: (area) => ({
    validations: [conclusionChoice(area.range("conclusion"), "结论"), prompt(area.range("note"), "说明", "记录核查的文件、记录和现场所见；不符合时写明事实，不适用时写明理由。")],
    conditionalFormats: [{ range: area.range("conclusion"), formula: isEmpty(area.top("conclusion")), fill: HIGHLIGHT.missing, meaning: "missing-entry" }],
  }),
  unfilled: (area) => unfilledRows(null, [area.range("conclusion")]),
  instructions: () => [
    "本表由审查员在现场审查时填写。",
    "逐条在“结论”选择符合、不符合或不适用；“说明”记录核查的文件、记录和现场所见，不符合时写明事实。",
    "不适用：只有要求不适合受审查组织及其商品时才可选不适用，并在“说明”写明理由。",
    "全部条款符合或不适用时，结果为“全部符合”。",
  ],
  entryColumns: { conclusion: "conclusion", note: "note" },
  structureColumns: { clause: "clause", text: "text" },
  summary: { kind: "checklist" },
};
