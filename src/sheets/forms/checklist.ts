import { isEmpty } from "../formulas";
import { HIGHLIGHT } from "../styles";
import { conclusionChoice, type FormDescriptor } from "./form";

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
    validations: [conclusionChoice(area.range("conclusion"), "结论")],
    conditionalFormats: [{ range: area.range("conclusion"), formula: isEmpty(area.top("conclusion")), fill: HIGHLIGHT.missing, meaning: "missing-entry" }],
  }),
  entryColumns: { conclusion: "conclusion", note: "note" },
  structureColumns: { clause: "clause", text: "text" },
  summary: { kind: "checklist" },
};
