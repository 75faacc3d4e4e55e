import type { Column } from "./forms/form";
import type { Grid } from "./grid";
import type { PlannedConditionalFormat, StyleName } from "./types";

/**
 * What a form says about how to fill it: a colour key under the header (in view with the results, frozen) and the
 * 填写说明 at the end. The colours are read off the form's own highlights, so the words name the colours the
 * sheet really shows.
 */

type Meaning = PlannedConditionalFormat["meaning"];

interface Colour {
  swatch: StyleName;
  name: string;
  /** What the colour means, in the key under the header (short) and in the 填写说明 (whole). */
  short: string;
  long: string;
}

/** Every colour a form can show, in the order the key lists them; highlights only where the form has them. */
const COLOURS: { when: Meaning | "always"; colour: Colour }[] = [
  { when: "missing-entry", colour: { swatch: "swatchMissing", name: "黄色", short: "待填（填好变白）", long: "必须填写而尚未填写的单元格，填好后变为白色" } },
  { when: "missing-evidence", colour: { swatch: "swatchEvidence", name: "橙色", short: "缺证明材料", long: "本条款要求证明材料而证明材料清单尚未填写" } },
  { when: "out-of-range", colour: { swatch: "swatchError", name: "红色", short: "超出范围", long: "填写的数值超出允许范围（如分数高于满分），请改正" } },
  { when: "claim-above", colour: { swatch: "swatchError", name: "红色", short: "申报级别过高", long: "申报级别高于评定结果（见结果行和申报级别核对）" } },
  { when: "always", colour: { swatch: "swatchEntry", name: "白色", short: "已填或选填", long: "已填写的单元格，或可选填的单元格（表头、备注等）" } },
  { when: "always", colour: { swatch: "swatchFixed", name: "灰色", short: "不可修改", long: "表格内容和计算公式，已锁定，不可修改" } },
];

/** The colours of a form with these highlights, one entry per colour (a colour with two meanings says both). */
function coloursOf(highlights: readonly PlannedConditionalFormat[]): Colour[] {
  const shown = new Set<Meaning | "always">(["always", ...highlights.map((h) => h.meaning)]);
  const out: Colour[] = [];
  for (const { when, colour } of COLOURS) {
    if (!shown.has(when)) continue;
    const same = out.find((c) => c.name === colour.name);
    if (same === undefined) out.push({ ...colour });
    else Object.assign(same, { short: `${same.short}、${colour.short}`, long: `${same.long}；${colour.long}` });
  }
  return out;
}

/** The one line under the header: what each colour means, and where the rest is explained. */
export function planColourKey(grid: Grid, row: number, last: Column, highlights: readonly PlannedConditionalFormat[]): void {
  const key = coloursOf(highlights)
    .map((c) => `${c.name}：${c.short}`)
    .join("\u3000");
  grid.text(row, 1, last.index, `${key}\u3000｜\u3000选中单元格看提示；填写说明见表末`, "guide");
}

/**
 * The 填写说明 at the end: the form's own lines (who fills it, each entry column, 删减 and its reason), how the
 * results read, then each colour beside a swatch of it. One merged cell per line, each row as tall as its text.
 */
export function planInstructions(grid: Grid, last: Column, lines: readonly string[], highlights: readonly PlannedConditionalFormat[]): void {
  grid.add(12);
  grid.text(grid.add(20), 1, last.index, "填写说明", "guideHead");
  lines.forEach((line, i) => grid.text(grid.add(), 1, last.index, `${i + 1}. ${line}`, "guide"));
  grid.text(grid.add(), 1, last.index, `${lines.length + 1}. 单元格颜色：`, "guide");
  // A swatch as wide as its colour's name needs, then what it means.
  let swatchEnd = 1;
  while (swatchEnd < last.index - 1 && grid.span(1, swatchEnd) < 8) swatchEnd += 1;
  for (const c of coloursOf(highlights)) {
    const row = grid.add(18);
    grid.set(row, 1, { value: c.name, style: c.swatch });
    grid.merge(row, 1, row, swatchEnd, c.swatch);
    grid.text(row, swatchEnd + 1, last.index, c.long, "guide");
  }
}

/** How the results read, for a points form. */
export function pointsResultsLine(claims: boolean): string {
  return (
    "结果：表头下方一行显示总分、级别、结论" +
    (claims ? "和申报级别核对" : "") +
    "，由表内公式计算，Excel、WPS、LibreOffice 打开即可计算；有条款未填时显示“未填完（n 项未填）”，不判定级别和结论" +
    (claims ? "；申报级别高于评定结果时显示“高于评定结果”" : "") +
    "。级别划分见表末的级别表。"
  );
}

/** How the results read, for a checklist. */
export const CHECKLIST_RESULTS_LINE = "结果：表头下方一行显示各结论的条数和结果，由表内公式计算；有条款未填时显示“未填完（n 项未填）”。";
