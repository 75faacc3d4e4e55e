import { isBlankEntry, pointsForSamplesOrPercent, sampleShare, unfilledRows, wholeCount } from "../formulas";
import { HIGHLIGHT } from "../styles";
import { AUDIT_FORM } from "./audit";
import type { ColumnSpec, FormDescriptor } from "./form";

/**
 * The 评分表 of a scheme whose document allows partial credit only on samples (CCT 附件2 评分要求 1, `partialCredit`
 * in the scheme): beside 得分比例, the sample record's 样本数 and 不符合数, whose share (a hidden helper column)
 * feeds 具体得分 in place of the percentage. The engine reads a record the same way (src/scoring/samples.ts).
 * Only the sampled indicators (the item's `scoring: {by: samples}`) get entry cells for a record: the form shows
 * which indicators the rule scores on samples, and offers no cell for a record 评分要求 2 makes meaningless.
 */

const SAMPLE_COLUMNS: ColumnSpec[] = [
  ["checked", "样本数", 6],
  ["nonconforming", "不符合数", 6],
];

function withSampleColumns(columns: readonly ColumnSpec[]): ColumnSpec[] {
  const at = columns.findIndex(([key]) => key === "percent") + 1;
  return [...columns.slice(0, at), ...SAMPLE_COLUMNS, ...columns.slice(at), ["sampleShare", "样本得分比例", 8, true]];
}

export const SAMPLED_AUDIT_FORM: FormDescriptor = {
  ...AUDIT_FORM,
  columns: withSampleColumns(AUDIT_FORM.columns),
  itemCells: (item, at, seq) => {
    const base = AUDIT_FORM.itemCells(item, at, seq);
    // A qualitative indicator (评分要求 2, the item's `scoring`) is all or nothing: its sample cells are locked and
    // blank, and its 具体得分 is the percentage's, as the engine counts it (scoring/samples.ts `qualitative`). Its
    // share is "no record" (-1), as sampleShare gives for a row without one, so 未填项数 and the missing-entry
    // highlight count an empty percentage there as on any other row (the engine's SS101).
    if (item.scoring?.by !== "samples") {
      return {
        ...base,
        cells: [...base.cells, ["checked", { value: null, style: "helper" }], ["nonconforming", { value: null, style: "helper" }], ["sampleShare", { value: -1, style: "helper" }]],
      };
    }
    const percentEarned = base.cells.find(([key]) => key === "earned")?.[1].formula ?? "=0";
    return {
      ...base,
      cells: [
        ...base.cells.filter(([key]) => key !== "earned"),
        ["checked", { value: null, style: "entryScore" }],
        ["nonconforming", { value: null, style: "entryScore" }],
        ["sampleShare", { formula: sampleShare(at("checked"), at("nonconforming")), style: "helper" }],
        ["earned", { formula: pointsForSamplesOrPercent(at("applicable"), at("sampleShare"), at("points"), percentEarned), style: "earned" }],
      ],
    };
  },
  entryRules: (area) => {
    const base = AUDIT_FORM.entryRules(area);
    return {
      validations: [
        ...base.validations,
        ...(["checked", "nonconforming"] as const).map((key) => ({
          range: area.range(key),
          rule: { kind: "custom" as const, formula: wholeCount(area.top(key)) },
          prompt:
            key === "checked"
              ? { title: "样本数", message: "按样本评分的指标（人员资质、服务记录、投诉解决情况等）：抽查的样本数。得分比例 =（样本数 − 不符合数）÷ 样本数。" }
              : { title: "不符合数", message: "抽查样本中不符合的个数，不超过样本数。" },
          error: { title: "样本数无效", message: "请填写 0 或正整数。" },
        })),
      ],
      // Missing: neither a percentage nor a sample record that gives a share, where the item still counts (未填项数).
      conditionalFormats: base.conditionalFormats.map((cf) =>
        cf.meaning !== "missing-entry"
          ? cf
          : { ...cf, formula: `AND(${isBlankEntry(area.top("percent"))},${area.fixed("sampleShare")}<0,${area.fixed("applicable")}>0)`, fill: HIGHLIGHT.missing },
      ),
    };
  },
  unfilled: (area) => unfilledRows(area.range("applicable"), [area.range("percent")], [`${area.range("sampleShare")}<0`]),
  instructions: (scheme) => {
    const [who, how, ...rest] = AUDIT_FORM.instructions(scheme);
    const samples =
      `按样本核查的指标（人员资质、服务记录、投诉解决情况等，${scheme.partialCredit?.source ?? "评分要求"}）填写“样本数”和“不符合数”，` +
      "具体得分 = 小类分值 ×（样本数 − 不符合数）÷ 样本数；填了样本记录时得分比例可不填。";
    return [who ?? "", how ?? "", samples, ...rest];
  },
  entryColumns: { ...AUDIT_FORM.entryColumns, checked: "checked", nonconforming: "nonconforming" },
};
