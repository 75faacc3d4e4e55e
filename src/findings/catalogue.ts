/**
 * The catalogue of findings. A code is permanent: once published it keeps its meaning, and a retired
 * code is never reused. Each entry says how serious it is, which group it belongs to in the task pane
 * and the reports, what data it carries (`params`, see entry.ts), and what to tell the user in 简体中文
 * and English: what is wrong and what to do.
 */
import { z } from "zod";
import { RoleSchema } from "../scheme/roles";
import { CONCLUSION_WORDS, CONCLUSIONS, ENTRY_FIELD_WORDS, ENTRY_FIELDS } from "../scheme/words";
import { catalogue, type Data, type Entry, type Where } from "./entry";
import type { Lang } from "./language";
import { cellWord, DEADLINE_RULES, deadlineRuleText, empty, form, HIDDEN, listOf, NUMBER_EXAMPLE, inUnit, percent, REFERS, SAMPLE_FIELD, SPECIAL, VALIDATION_CHANGE } from "./phrases";

const at = (p: Where): string => (p.clause !== undefined ? `条款 ${p.clause}：` : "");
const atEn = (p: Where): string => (p.clause !== undefined ? `Clause ${p.clause}: ` : "");
const field = z.enum(ENTRY_FIELDS);
const sampleField = z.enum(["checked", "nonconforming"]);
const deadlineRule = z.enum(DEADLINE_RULES);
const sheetState = z.enum(["hidden", "veryHidden"]);
/** A cell a person fills: an entry field, a sample count, or (as the form prints it) a header field. */
const cellField = z.enum([...ENTRY_FIELDS, "checked", "nonconforming"]);

export const CATALOGUE = catalogue({
  SS101: {
    name: "entry-missing",
    severity: "error",
    kind: "missing",
    params: { field },
    zh: (p) => `${at(p)}未填写${ENTRY_FIELD_WORDS[p.field].zh}。请填写；本条款不适用时填“不适用”。`,
    en: (p) => `${atEn(p)}no ${ENTRY_FIELD_WORDS[p.field].en} entered. Enter it, or "不适用" (N/A) if the clause does not apply.`,
  },
  SS102: {
    name: "score-out-of-range",
    severity: "error",
    kind: "error",
    params: { value: z.number(), max: z.number() },
    zh: (p) => `${at(p)}分数 ${p.value} 超出本条款的范围 0–${p.max} 分。请改为不超过 ${p.max} 的分数。`,
    en: (p) => `${atEn(p)}score ${p.value} is outside this clause's range 0–${p.max}. Enter at most ${p.max}.`,
  },
  SS103: {
    name: "percent-out-of-range",
    severity: "error",
    kind: "error",
    /** `shown`: what the cell shows, where a workbook's number format makes it differ from `value`. */
    params: { value: z.number(), shown: z.string().optional() },
    zh: (p) => `${at(p)}得分比例 ${p.value}%${p.shown !== undefined ? `（单元格显示 ${p.shown}）` : ""} 不在 0%–100% 之间。请改为 0 到 100 之间的百分比。`,
    en: (p) => `${atEn(p)}percentage ${p.value}%${p.shown !== undefined ? ` (the cell shows ${p.shown})` : ""} is not between 0% and 100%. Enter a percentage from 0 to 100.`,
  },
  SS104: {
    name: "not-a-number",
    severity: "error",
    kind: "error",
    /** `text`: the value as typed. */
    params: { field, text: z.string() },
    zh: (p) => `${at(p)}${ENTRY_FIELD_WORDS[p.field].zh}“${p.text}”不是数字。请填写数字（如 ${NUMBER_EXAMPLE[p.field].zh}），或“不适用”。`,
    en: (p) => `${atEn(p)}${ENTRY_FIELD_WORDS[p.field].en} "${p.text}" is not a number. Enter a number (such as ${NUMBER_EXAMPLE[p.field].en}) or "不适用" (N/A).`,
  },
  SS105: {
    name: "conclusion-invalid",
    severity: "error",
    kind: "error",
    params: { text: z.string() },
    zh: (p) => `${at(p)}结论“${p.text}”无法识别。请从“符合 / 不符合 / 不适用”中选择。`,
    en: (p) => `${atEn(p)}conclusion "${p.text}" is not recognised. Choose 符合 (conforms), 不符合 (does not conform) or 不适用 (N/A).`,
  },
  SS106: {
    name: "unknown-clause",
    severity: "warning",
    kind: "consistency",
    params: { scheme: z.string() },
    zh: (p) => `${at(p)}方案 ${p.scheme} 中没有此条款，该条目未计分。请核对条款号。`,
    en: (p) => `${atEn(p)}scheme ${p.scheme} has no such clause, so the entry was not counted. Check the clause number.`,
  },
  SS107: {
    name: "duplicate-entry",
    severity: "warning",
    kind: "consistency",
    contradicts: true,
    /** `row`: the clause of the row entered twice. */
    params: { row: z.string() },
    zh: (p) => `${at(p)}同一行（${p.row}）填写了两次，只计第一条。请删除重复的条目。`,
    en: (p) => `${atEn(p)}the same row (${p.row}) was entered twice; only the first entry counts. Remove the repeat.`,
  },
  SS108: {
    name: "entry-not-counted",
    severity: "error",
    kind: "error",
    /**
     * A sheet's entry that Excel and the sheet's formulas do not count as the person meant: `text` as the cell holds
     * it; `as`, what it looks like — a number or percentage stored as text, a not-applicable word Excel does not
     * match (full-width letters, other spaces), or an error value.
     */
    params: { field: cellField, text: z.string(), as: z.enum(["number", "na", "error"]) },
    zh: (p) =>
      p.as === "number"
        ? `${at(p)}${cellWord(p.field).zh}“${p.text}”是文本，不是数字：Excel 和本表的公式都不计入它（按 0 计）。请删除后重新输入数字（单元格格式为“文本”时，先改为“常规”或“百分比”）。`
        : p.as === "na"
          ? `${at(p)}${cellWord(p.field).zh}“${p.text}”与“不适用”等词只差空格或全角字符，本表的公式不把它当作不适用（按 0 分计，仍计入满分）。请重新输入“不适用”。`
          : `${at(p)}${cellWord(p.field).zh}是错误值 ${p.text}：本表的公式不计入它，合计等单元格也会显示错误。请删除后重新输入。`,
    en: (p) =>
      p.as === "number"
        ? `${atEn(p)}the ${cellWord(p.field).en} "${p.text}" is text, not a number: neither Excel nor the sheet's formulas count it (it counts as 0). Delete it and type the number again (if the cell is formatted as Text, make it General or Percentage first).`
        : p.as === "na"
          ? `${atEn(p)}the ${cellWord(p.field).en} "${p.text}" differs from "不适用" (N/A) only by spaces or full-width letters, so the sheet's formulas do not take it as not applicable (it counts as 0, still within the maximum). Type "不适用" again.`
          : `${atEn(p)}the ${cellWord(p.field).en} is the error value ${p.text}: the sheet's formulas do not count it, and its totals show an error too. Delete it and type the entry again.`,
  },
  SS109: {
    name: "percent-shown-out-of-range",
    severity: "error",
    kind: "error",
    /** `shown`: what the cell shows (`150.0%`); `counted`: the percentage the sheet's formulas and StarScore count. */
    params: { shown: z.string(), counted: z.number() },
    zh: (p) => `${at(p)}得分比例单元格显示 ${p.shown}（超出 0%–100%），本表的公式和 StarScore 却按 ${p.counted}% 计：显示的与计分的不同。请重新输入 0%–100% 之间的百分比（如 95%）。`,
    en: (p) => `${atEn(p)}the percentage cell shows ${p.shown} (outside 0%–100%), while the sheet's formulas and StarScore count ${p.counted}%: what it shows is not what counts. Enter a percentage from 0% to 100% again (such as 95%).`,
  },
  SS110: {
    name: "partial-without-samples",
    severity: "warning",
    kind: "consistency",
    /** `share`: the partial credit given, as a fraction of the item's points; `source`: the rule's document. */
    params: { share: z.number(), source: z.string() },
    zh: (p) => `${at(p)}给了部分分（${percent(p.share)}），但没有样本记录。${p.source}：只有抽取多个样本验证的指标可按不符合样本的比例扣分，其余指标不符合即扣除全部分值。请填写样本数和不符合数，或给 0% / 100%。`,
    en: (p) => `${atEn(p)}partial credit (${percent(p.share)}) without a sample record. ${p.source}: only indicators checked on several samples lose points in proportion to the samples that do not conform; any other indicator that does not conform loses all its points. Enter the samples checked and how many did not conform, or give 0% / 100%.`,
  },
  SS111: {
    name: "sample-count-invalid",
    severity: "error",
    kind: "error",
    /** `text`: the count as typed. */
    params: { field: sampleField, text: z.string() },
    zh: (p) => `${at(p)}${SAMPLE_FIELD[p.field].zh}“${p.text}”不是 0 或正整数，样本记录未采用。请填写整数。`,
    en: (p) => `${atEn(p)}${SAMPLE_FIELD[p.field].en} "${p.text}" is not a whole number of 0 or more, so the sample record was not used. Enter a whole number.`,
  },
  SS112: {
    name: "no-samples-checked",
    severity: "error",
    kind: "error",
    params: {},
    zh: (p) => `${at(p)}样本数为 0，无法按比例计分，样本记录未采用。请填写实际抽查的样本数。`,
    en: (p) => `${atEn(p)}0 samples checked: no share can be worked out, so the sample record was not used. Enter how many samples were checked.`,
  },
  SS113: {
    name: "nonconforming-above-checked",
    severity: "error",
    kind: "error",
    params: { checked: z.number(), nonconforming: z.number() },
    zh: (p) => `${at(p)}不符合数 ${p.nonconforming} 大于样本数 ${p.checked}，样本记录未采用。请核对。`,
    en: (p) => `${atEn(p)}${p.nonconforming} nonconforming samples out of ${p.checked} checked is impossible, so the sample record was not used. Check both counts.`,
  },
  SS114: {
    name: "percent-disagrees-with-samples",
    severity: "error",
    kind: "error",
    /** `typed`: the figure as typed; `expected`: what the record gives, in the field's unit (a percentage, or points). */
    params: { field: z.enum(["percent", "score"]), typed: z.string(), checked: z.number(), nonconforming: z.number(), expected: z.number() },
    zh: (p) => `${at(p)}填写的${ENTRY_FIELD_WORDS[p.field].zh} ${p.typed} 与样本记录不符：${p.checked} 个样本中 ${p.nonconforming} 个不符合，应为 ${inUnit(p.field, p.expected)}。已按样本记录计分；请改正其中之一。`,
    en: (p) => `${atEn(p)}the ${ENTRY_FIELD_WORDS[p.field].en} entered, ${p.typed}, disagrees with the sample record: ${p.nonconforming} of ${p.checked} samples do not conform, which gives ${inUnit(p.field, p.expected)}. The sample record was counted; correct one of them.`,
  },
  SS115: {
    name: "left-out-without-reason",
    severity: "warning",
    kind: "consistency",
    params: {},
    zh: (p) => `${at(p)}删减（不适用）但未说明理由。CCT 6.3.6：只有因企业及其商品的特点而不适用的要求才可删减。请填写删减理由。`,
    en: (p) => `${atEn(p)}left out (not applicable) without a reason. CCT 6.3.6: a requirement may be left out only when it does not fit the organisation and its goods. Enter the reason.`,
  },
  SS116: {
    name: "whole-and-part-entered",
    severity: "warning",
    kind: "consistency",
    /** Clause ids: the whole clause and its lettered part. */
    params: { whole: z.string(), part: z.string() },
    zh: (p) => `${at(p)}条款 ${p.whole} 整条填写了一次，其分项 ${p.part} 又单独填写；分项的条目计分。请只保留一种写法。`,
    en: (p) => `${atEn(p)}clause ${p.whole} was entered as a whole and its part ${p.part} on its own; the part's entry counts. Keep one of them.`,
  },
  SS117: {
    name: "percent-shown-as-fraction",
    severity: "warning",
    kind: "consistency",
    /** `shown`: what a cell not formatted as a percentage shows (`0.95`, `1`); `counted`: the percentage it counts as. */
    params: { shown: z.string(), counted: z.number() },
    zh: (p) => `${at(p)}得分比例单元格显示 ${p.shown}（不是百分比格式），按 ${p.counted}% 计。若指 ${p.shown}%，请输入 ${p.shown}%；否则请输入 ${p.counted}%，使显示的与计分的一致。`,
    en: (p) => `${atEn(p)}the percentage cell shows ${p.shown} (not formatted as a percentage), which counts as ${p.counted}%. If ${p.shown}% is meant, enter ${p.shown}%; otherwise enter ${p.counted}%, so that what it shows is what counts.`,
  },
  SS118: {
    name: "samples-on-qualitative",
    severity: "warning",
    kind: "consistency",
    /** `why`: the scheme's reason the indicator is qualitative; `source`: the rule's document. */
    params: { why: z.string(), source: z.string() },
    zh: (p) => `${at(p)}本指标按定性评分，不按样本比例扣分（${p.source}；本方案的判断：${p.why}），样本记录未采用，按得分比例计分。请给 0% 或 100%，删除样本数和不符合数（样本情况可写入现场评审记录）。`,
    en: (p) => `${atEn(p)}this indicator is scored qualitatively, not in proportion to samples (${p.source}; this scheme's reading: ${p.why}), so the sample record was not used and the percentage counts. Give 0% or 100% and remove the sample counts (what the samples showed can go into the remark).`,
  },
  SS119: {
    name: "partial-on-qualitative",
    severity: "warning",
    kind: "consistency",
    /** `share`: the partial credit given, as a fraction of the item's points; `why`: the scheme's reason; `source`: the rule's document. */
    params: { share: z.number(), why: z.string(), source: z.string() },
    zh: (p) => `${at(p)}给了部分分（${percent(p.share)}），但本指标按定性评分（${p.source}：不符合则扣除该评价指标全部分值；本方案的判断：${p.why}）。请给 0% 或 100%；如确需部分分，请在备注中说明理由。`,
    en: (p) => `${atEn(p)}partial credit (${percent(p.share)}) on an indicator scored qualitatively (${p.source}: one that does not conform loses all its points; this scheme's reading: ${p.why}). Give 0% or 100%; if partial credit is right here, say why in the remark.`,
  },
  SS201: {
    name: "evidence-missing",
    severity: "warning",
    kind: "evidence",
    /** `required`: the evidence the scheme lists for the clause. */
    params: { required: z.array(z.string()) },
    zh: (p) => `${at(p)}证明材料清单为空。本条款需提供：${listOf(p.required)}。`,
    en: (p) => `${atEn(p)}the evidence list is empty. This clause requires: ${listOf(p.required)}.`,
  },
  SS202: {
    name: "material-missing",
    severity: "warning",
    kind: "evidence",
    /** The material as the scheme words it, and its place among the clause's materials (`line` of `of`, from 1). */
    params: { material: z.string(), line: z.number(), of: z.number() },
    zh: (p) => `${at(p)}未填写第 ${p.line} 项证明材料（共 ${p.of} 项）：${listOf([p.material])}。请在该行填写能证实它的文件名称或编号，或提交包中的文件路径。`,
    en: (p) => `${atEn(p)}material ${p.line} of ${p.of} is not named: ${listOf([p.material])}. On its line, name the document or record that shows it, or the file of the submission.`,
  },
  SS203: {
    name: "evidence-file-missing",
    severity: "error",
    kind: "evidence",
    /** The file as the evidence line names it (relative to the workbook's folder), the material, and whether the name points outside the submission (an absolute path, or `..` above it). */
    params: { file: z.string(), material: z.string(), outside: z.boolean() },
    zh: (p) =>
      `${at(p)}证明材料${p.material !== "" ? `“${listOf([p.material])}”` : ""}所列文件 ${p.file} ${p.outside ? "指向提交材料以外的位置（绝对路径或上级文件夹），审查时无法查看" : "不在提交的材料中"}。请补交该文件，或改正文件名（相对于本表所在文件夹，如 证明材料/客户清单.pdf）。`,
    en: (p) =>
      `${atEn(p)}the file ${p.file} named for ${p.material !== "" ? `"${listOf([p.material])}"` : "the evidence"} ${p.outside ? "points outside the submission (an absolute path or a parent folder), where a reviewer cannot see it" : "is not in the submission"}. Hand the file in, or correct its name (relative to the workbook's folder, such as evidence/customers.pdf).`,
  },
  SS204: {
    name: "evidence-file-empty",
    severity: "error",
    kind: "evidence",
    params: { file: z.string(), material: z.string() },
    zh: (p) => `${at(p)}证明材料${p.material !== "" ? `“${listOf([p.material])}”` : ""}所列文件 ${p.file} 是空文件（0 字节）。请提交有内容的文件。`,
    en: (p) => `${atEn(p)}the file ${p.file} named for ${p.material !== "" ? `"${listOf([p.material])}"` : "the evidence"} is empty (0 bytes). Hand in the file with its content.`,
  },
  SS205: {
    name: "evidence-file-not-its-type",
    severity: "error",
    kind: "evidence",
    /** `extension`: the file's extension, lower case; `found`: what its first bytes are, in words. */
    params: { file: z.string(), material: z.string(), extension: z.string(), found: z.string() },
    zh: (p) => `${at(p)}证明材料${p.material !== "" ? `“${listOf([p.material])}”` : ""}所列文件 ${p.file} 的扩展名是 .${p.extension}，内容却不是（看起来是${p.found}）。文件可能已损坏或被改名，请提交原文件。`,
    en: (p) => `${atEn(p)}the file ${p.file} named for ${p.material !== "" ? `"${listOf([p.material])}"` : "the evidence"} is named .${p.extension} but its content is not (it looks like: ${p.found}). It may be damaged or renamed; hand in the original.`,
  },
  SS301: {
    name: "conclusion-inconsistent",
    severity: "warning",
    kind: "consistency",
    contradicts: true,
    params: { conclusion: z.enum(CONCLUSIONS), value: z.number(), max: z.number() },
    zh: (p) => `${at(p)}结论“${CONCLUSION_WORDS[p.conclusion].zh}”与分数 ${p.value}（满分 ${p.max}）不一致。请核对结论或分数。`,
    en: (p) =>
      `${atEn(p)}conclusion "${CONCLUSION_WORDS[p.conclusion].zh}" (${CONCLUSION_WORDS[p.conclusion].en}) does not agree with score ${p.value} (of ${p.max}). Check the conclusion or the score.`,
  },
  SS302: {
    name: "nothing-applicable",
    severity: "error",
    kind: "error",
    params: {},
    zh: () => `所有条款都标为不适用，无法计算总分。请至少为一个条款评分。`,
    en: () => `Every clause is marked not applicable, so no total can be computed. Score at least one clause.`,
  },
  SS303: {
    name: "nonconformity",
    severity: "warning",
    kind: "outcome",
    params: {},
    zh: (p) => `${at(p)}判定为不符合。请整改并保留整改证据。`,
    en: (p) => `${atEn(p)}judged not to conform. Correct it and keep the evidence of the correction.`,
  },
  SS401: {
    name: "not-graded",
    severity: "warning",
    kind: "outcome",
    params: { count: z.number(), limit: z.number() },
    zh: (p) => `特别扣分项 ${p.count} 项，达到 ${p.limit} 项，不予评级（评级要求特别扣分项少于 ${p.limit} 项）。`,
    en: (p) => `${p.count} special deductions reach the limit of ${p.limit}: the organisation is not graded (grading needs fewer than ${p.limit}).`,
  },
  SS402: {
    name: "bonus-out-of-range",
    severity: "error",
    kind: "error",
    params: { value: z.number(), max: z.number(), counted: z.number() },
    zh: (p) => `特别加分“${p.value}”不在 0–${p.max} 分之间，按 ${p.counted} 分计。请改为不超过 ${p.max} 分。`,
    en: (p) => `Bonus "${p.value}" is not between 0 and ${p.max}; ${p.counted} was counted. Enter at most ${p.max}.`,
  },
  SS403: {
    name: "special-not-in-scheme",
    severity: "error",
    kind: "error",
    params: { scheme: z.string(), special: z.enum(["deduction", "bonus"]), count: z.number() },
    zh: (p) => `方案 ${p.scheme} 没有${SPECIAL[p.special].zh}，已填写的 ${p.count} 项未计入。请删除，或改用含${SPECIAL[p.special].zh}的方案。`,
    en: (p) => `Scheme ${p.scheme} has no ${SPECIAL[p.special].en}; the ${p.count} entered were not counted. Remove them or use a scheme that has them.`,
  },
  SS404: {
    name: "deduction-unknown-clause",
    severity: "warning",
    kind: "consistency",
    params: {},
    zh: (p) => `特别扣分项关联的条款 ${p.clause} 不在方案中。请核对条款号。`,
    en: (p) => `A special deduction names clause ${p.clause}, which the scheme does not have. Check the clause number.`,
  },
  SS405: {
    name: "special-not-the-applicants",
    severity: "warning",
    kind: "consistency",
    params: { special: z.enum(["deduction", "bonus"]), count: z.number() },
    zh: (p) => `${SPECIAL[p.special].zh}由审查员在评分表中评定，自评估不填；已填写的 ${p.count} 项未计入。请删除。`,
    en: (p) => `A self-assessment has no ${SPECIAL[p.special].en}: the auditor gives those on the audit sheet. The ${p.count} entered were not counted; remove them.`,
  },
  SS410: {
    name: "subsection-all-left-out",
    severity: "warning",
    kind: "outcome",
    params: { subsection: z.string(), count: z.number(), points: z.number() },
    zh: (p) => `${p.subsection} 的 ${p.count} 个条款（${p.points} 分）全部删减。整个小类不适用的情况少见，请核对删减理由。`,
    en: (p) => `All ${p.count} clauses of ${p.subsection} (${p.points} points) are left out. A whole subsection rarely fails to apply; check the reasons.`,
  },
  SS411: {
    name: "left-out-share-above-limit",
    severity: "warning",
    kind: "outcome",
    /** `share` and `limit`: fractions of the full marks. */
    params: { count: z.number(), points: z.number(), share: z.number(), limit: z.number() },
    zh: (p) => `删减了 ${p.count} 个条款共 ${p.points} 分，占满分的 ${percent(p.share)}，超过审核设定的上限 ${percent(p.limit)}。请核对删减理由。`,
    en: (p) => `${p.count} clauses worth ${p.points} points are left out, ${percent(p.share)} of the full marks, above the reviewer's limit of ${percent(p.limit)}. Check the reasons.`,
  },
  SS501: {
    name: "claimed-level-above",
    severity: "error",
    kind: "outcome",
    contradicts: true,
    /** Level names as the scheme writes them; `needs`: the claimed level's lowest total. */
    params: { claimed: z.string(), computed: z.string(), total: z.number(), needs: z.number() },
    zh: (p) => `申报级别“${p.claimed}”高于评定结果“${p.computed}”（总分 ${p.total.toFixed(2)}，${p.claimed}需 ${p.needs} 分）。请调整申报级别或补正评分。`,
    en: (p) => `The claimed level "${p.claimed}" is above the result "${p.computed}" (total ${p.total.toFixed(2)}; ${p.claimed} needs ${p.needs}). Lower the claim or correct the scores.`,
  },
  SS502: {
    name: "claimed-level-unknown",
    severity: "warning",
    kind: "consistency",
    params: { claimed: z.string(), levels: z.array(z.string()) },
    zh: (p) => `申报级别“${p.claimed}”不是本方案的级别（${p.levels.join("、")}）。请从中选择。`,
    en: (p) => `The claimed level "${p.claimed}" is not a level of this scheme (${p.levels.join(", ")}). Choose one of them.`,
  },
  SS601: {
    name: "prerequisite-missing",
    severity: "warning",
    kind: "outcome",
    /** The scheme's prerequisite: its header field and its own statement in both languages. */
    params: { header: z.string(), zh: z.string(), en: z.string() },
    zh: (p) => `未满足前提条件，不予评级：${p.zh}（表头“${p.header}”为空）`,
    en: (p) => `Prerequisite not met, so the result is not graded: ${p.en} (header field "${p.header}" is empty)`,
  },
  SS602: {
    name: "service-domain-unknown",
    severity: "warning",
    kind: "consistency",
    /** `domain`: the code as typed; `source`: the scheme's domain table. */
    params: { domain: z.string(), source: z.string() },
    zh: (p) => `表头“服务领域”中的“${p.domain}”不是${p.source}中的代码。请填写分组代码（如 SC-03）或专业代码（如 611）。`,
    en: (p) => `"${p.domain}" in the header field 服务领域 (service domain) is not a code of ${p.source}. Enter a group code (such as SC-03) or a 专业代码 (such as 611).`,
  },
  SS603: {
    name: "service-domain-not-covered",
    severity: "warning",
    kind: "consistency",
    /** The domain's code and name, its group (`SC-06 邮政和速递服务`) and the group codes the rule covers. */
    params: { code: z.string(), name: z.string(), group: z.string(), applies: z.array(z.string()) },
    zh: (p) => `服务领域 ${p.code} ${p.name}（${p.group}）不在本规则适用的认证领域（${p.applies.join("、")}）内。请核对服务领域，或按适用于该领域的认证规则评价。`,
    en: (p) => `Service domain ${p.code} ${p.name} (${p.group}) is not among the domains this rule applies to (${p.applies.join(", ")}). Check the domain, or assess under a rule that covers it.`,
  },
  SS701: {
    name: "sheet-total-differs",
    severity: "error",
    kind: "tamper",
    params: { sheet: z.number(), engine: z.number() },
    zh: (p) => `工作簿保存的总分 ${p.sheet.toFixed(2)} 与按条目重新计算的总分 ${p.engine.toFixed(2)} 不一致：工作簿已损坏或被改动。请用 Excel/WPS/LibreOffice 重新计算并保存，或核对公式。`,
    en: (p) => `The workbook's saved total ${p.sheet.toFixed(2)} differs from the ${p.engine.toFixed(2)} recomputed from its entries: the workbook is broken or was altered. Recalculate and save it, or check its formulas.`,
  },
  SS702: {
    name: "sheet-level-differs",
    severity: "error",
    kind: "tamper",
    /** The result as the workbook's cell holds it and as the engine names it. */
    params: { sheet: z.string(), engine: z.string() },
    zh: (p) => `工作簿保存的结果“${p.sheet}”与按条目重新计算的“${p.engine}”不一致。请重新计算并保存，或核对公式。`,
    en: (p) => `The workbook's saved result "${p.sheet}" differs from "${p.engine}" recomputed from its entries. Recalculate and save it, or check its formulas.`,
  },
  SS703: {
    name: "scheme-version-differs",
    severity: "warning",
    kind: "consistency",
    contradicts: true,
    params: { scheme: z.string(), sheetVersion: z.string(), version: z.string() },
    zh: (p) => `工作簿按方案 ${p.scheme} 的版本 ${p.sheetVersion} 布局，当前版本为 ${p.version}；已按当前版本计分。可在加载项中重新布局。`,
    en: (p) => `The workbook was laid out from version ${p.sheetVersion} of scheme ${p.scheme}; the current version is ${p.version}, which was used to score it. Re-lay it out in the add-in.`,
  },
  SS704: {
    name: "layout-outdated",
    severity: "info",
    kind: "consistency",
    params: { version: z.number(), current: z.number() },
    zh: (p) => `本表按旧版 StarScore 布局（布局版本 ${p.version}，当前为 ${p.current}）：没有填写说明，未填完时结果格显示“不合格/不通过”而非“未填完”。可在加载项中重新布局，或 starscore export 后 starscore new --from，已填内容按条款保留。`,
    en: (p) =>
      `This sheet has an older StarScore layout (layout ${p.version}, now ${p.current}): it has no filling instructions, and its result cells say fail rather than "incomplete" while entries are missing. Lay it out again in the add-in, or starscore export then starscore new --from; entries are kept by clause.`,
  },
  SS705: {
    name: "layout-before-report-fields",
    severity: "info",
    kind: "consistency",
    params: { version: z.number(), current: z.number() },
    zh: (p) =>
      `本评分表按旧版 StarScore 布局（布局版本 ${p.version}，当前为 ${p.current}）：没有“审查报告信息”栏（项目编号、认证机构、审查地址、联系人、审查范围、现场审查时间、审查组成员等），审查报告中这些内容留空待手写。需要时在加载项中重新布局，或 starscore export 后 starscore new --from，已填内容按条款保留（审查员、审查时间转为报告编制人、编制日期）。`,
    en: (p) =>
      `This audit sheet has an older StarScore layout (layout ${p.version}, now ${p.current}): it has no block for the report's information (project no., certification body, audit address, contact, scope, time on site, audit team), so the report leaves them blank to be written by hand. Lay it out again in the add-in, or starscore export then starscore new --from, to fill them in; entries are kept by clause (审查员 and 审查时间 become 报告编制人 and 编制日期).`,
  },
  SS801: {
    name: "metadata-missing",
    severity: "error",
    kind: "tamper",
    params: {},
    zh: () => `工作簿缺少 StarScore 布局元数据（隐藏工作表 StarScore_meta 被删除）。请使用 StarScore 重新生成表格。`,
    en: () => `The workbook's StarScore layout metadata (the hidden sheet StarScore_meta) is missing. Lay the form out again with StarScore.`,
  },
  SS802: {
    name: "metadata-invalid",
    severity: "error",
    kind: "tamper",
    /** `reason`: what the metadata reader found wrong (English, from the parser). */
    params: { reason: z.string() },
    zh: (p) => `StarScore 布局元数据无法使用（${p.reason}）。请使用 StarScore 重新生成表格。`,
    en: (p) => `The StarScore layout metadata cannot be used (${p.reason}). Lay the form out again with StarScore.`,
  },
  SS803: {
    name: "metadata-unknown-scheme",
    severity: "error",
    kind: "tamper",
    params: { scheme: z.string() },
    zh: (p) => `元数据指明的方案 ${p.scheme} 不存在。请核对提交的表格来源。`,
    en: (p) => `The metadata names scheme ${p.scheme}, which does not exist. Check where the workbook came from.`,
  },
  SS804: {
    name: "metadata-altered",
    severity: "error",
    kind: "tamper",
    params: { scheme: z.string() },
    zh: (p) => `元数据中的条款行位置与方案 ${p.scheme} 的标准布局不符。已按标准布局检查。`,
    en: (p) => `The metadata's clause rows differ from the standard layout of scheme ${p.scheme}; the standard layout was used.`,
  },
  SS805: {
    name: "layout-not-checkable",
    severity: "error",
    kind: "error",
    params: { version: z.number(), current: z.number() },
    zh: (p) =>
      `本表由旧版 StarScore 生成（布局版本 ${p.version}，当前为 ${p.current}），无法与当前布局逐格核对是否被改动，因此未计分。请申请人在加载项中重新布局（或 starscore export 旧表.xlsx -o a.json 后 starscore new --from a.json），已填内容按条款保留，重新计算保存后再提交。`,
    en: (p) =>
      `This workbook was made by an older StarScore (layout ${p.version}, now ${p.current}): it cannot be compared cell by cell with the current layout, so it was not scored. Ask the applicant to lay it out again in the add-in (or starscore export old.xlsx -o a.json, then starscore new --from a.json; entries are kept by clause), recalculate, save and submit it again.`,
  },
  SS806: {
    name: "form-not-expected",
    severity: "error",
    kind: "error",
    /** What the reviewer expects (`expectedRole` left out: whichever form of that scheme) and what the file's metadata says it is. */
    params: { expectedScheme: z.string(), expectedRole: RoleSchema.optional(), scheme: z.string(), role: RoleSchema },
    zh: (p) => `审核要求提交${form(p.expectedScheme, p.expectedRole, "zh")}，本文件是${form(p.scheme, p.role, "zh")}。请改交${form(p.expectedScheme, p.expectedRole, "zh")}。`,
    en: (p) => `The review expects ${form(p.expectedScheme, p.expectedRole, "en")}; this file is ${form(p.scheme, p.role, "en")}. Submit ${form(p.expectedScheme, p.expectedRole, "en")} instead.`,
  },
  SS811: {
    name: "clause-row-deleted",
    severity: "error",
    kind: "tamper",
    params: {},
    zh: (p) => `条款 ${p.clause} 的条款行被删除。请恢复原表格。`,
    en: (p) => `The row of clause ${p.clause} was deleted. Restore the original form.`,
  },
  SS812: {
    name: "clause-row-inserted",
    severity: "error",
    kind: "tamper",
    /** `text`: what the inserted row's clause cell holds. */
    params: { text: z.string() },
    zh: (p) => `条款区插入了不属于方案的行“${p.text}”。请删除该行。`,
    en: (p) => `A row that is not in the scheme ("${p.text}") was inserted among the clauses. Remove it.`,
  },
  SS813: {
    name: "clause-row-duplicated",
    severity: "error",
    kind: "tamper",
    params: { count: z.number() },
    zh: (p) => `条款 ${p.clause} 出现 ${p.count} 次（行被复制）。请删除重复的行。`,
    en: (p) => `clause ${p.clause} appears ${p.count} times (a row was copied). Remove the copies.`,
  },
  SS814: {
    name: "clause-rows-reordered",
    severity: "error",
    kind: "tamper",
    /** `row`: the sheet row; `expected` and `found`: the clauses the plan puts there and the sheet holds. */
    params: { row: z.number(), expected: z.string(), found: z.string() },
    zh: (p) => `条款行顺序被改动（第 ${p.row} 行应为 ${p.expected}，实为 ${p.found}）。请恢复原顺序。`,
    en: (p) => `The clause rows were reordered (row ${p.row} should hold ${p.expected} but holds ${p.found}). Restore the order.`,
  },
  SS815: {
    name: "points-changed",
    severity: "error",
    kind: "tamper",
    params: { found: z.string(), expected: z.string() },
    zh: (p) => `条款 ${p.clause} 的分值被改为 ${p.found}（方案为 ${p.expected}）。请恢复分值。`,
    en: (p) => `The points of clause ${p.clause} were changed to ${p.found} (the scheme says ${p.expected}). Restore them.`,
  },
  SS816: {
    name: "clause-text-altered",
    severity: "error",
    kind: "tamper",
    params: {},
    zh: (p) => `条款 ${p.clause} 的条款内容被改动。请恢复原文。`,
    en: (p) => `The text of clause ${p.clause} was altered. Restore the original wording.`,
  },
  SS817: {
    name: "formula-overwritten",
    severity: "error",
    kind: "tamper",
    /** `found`: the value typed over the formula ("" when the cell was cleared); `expected`: the formula. */
    params: { found: z.string(), expected: z.string() },
    zh: (p) => `公式单元格被改为固定值“${empty(p.found, "zh")}”（应为公式 ${p.expected}）。请恢复公式。`,
    en: (p) => `A formula cell was typed over with "${empty(p.found, "en")}" (it should hold ${p.expected}). Restore the formula.`,
  },
  SS818: {
    name: "formula-altered",
    severity: "error",
    kind: "tamper",
    params: { found: z.string(), expected: z.string() },
    zh: (p) => `公式被改动：现为 ${p.found}，应为 ${p.expected}。请恢复公式。`,
    en: (p) => `A formula was altered: it is ${p.found} but should be ${p.expected}. Restore it.`,
  },
  SS819: {
    name: "rows-hidden",
    severity: "error",
    kind: "tamper",
    params: { rows: z.array(z.number()) },
    zh: (p) => `条款区有隐藏的行（第 ${p.rows.join(", ")} 行）。请取消隐藏。`,
    en: (p) => `Rows are hidden among the clauses (rows ${p.rows.join(", ")}). Unhide them.`,
  },
  SS820: {
    name: "columns-hidden",
    severity: "error",
    kind: "tamper",
    /** Column letters. */
    params: { columns: z.array(z.string()) },
    zh: (p) => `隐藏了 ${p.columns.join(", ")} 列。请取消隐藏。`,
    en: (p) => `Columns ${p.columns.join(", ")} are hidden. Unhide them.`,
  },
  SS821: {
    name: "structure-altered",
    severity: "error",
    kind: "tamper",
    params: { found: z.string(), expected: z.string() },
    zh: (p) => `固定内容被改动：现为“${p.found}”，应为“${p.expected}”。请恢复。`,
    en: (p) => `Fixed content was altered: it is "${p.found}" but should be "${p.expected}". Restore it.`,
  },
  SS822: {
    name: "validation-removed",
    severity: "warning",
    kind: "consistency",
    /** `range`: the cells left unguarded, first to last (`评分表!G8:G20`); `cells`: how many. */
    params: { range: z.string(), cells: z.number(), change: z.enum(["removed", "changed", "mixed"]) },
    zh: (p) =>
      `${p.range}（${p.cells} 格）的数据验证被删除或放宽（${VALIDATION_CHANGE[p.change].zh}），这些单元格可以填入任意值；常见原因是从别的工作簿粘贴。每个值仍已逐一检查。如需恢复，请用 StarScore 重新布局本表。`,
    en: (p) =>
      `Data validation on ${p.range} (${p.cells} cells) was removed or weakened (${VALIDATION_CHANGE[p.change].en}), so any value can be typed there; pasting from another workbook does this. Every value was still checked. To restore it, lay the sheet out again with StarScore.`,
  },
  SS823: {
    name: "form-sheet-hidden",
    severity: "error",
    kind: "tamper",
    /**
     * The sheet StarScore laid out is hidden. `shown`: the visible copy a reviewer sees instead, which was scored
     * (null when there is none, and the hidden sheet was scored); `total`/`level`: what the hidden sheet's entries give.
     */
    params: { sheet: z.string(), state: sheetState, shown: z.string().nullable(), total: z.number().nullable(), level: z.string().nullable() },
    zh: (p) =>
      p.shown === null
        ? `StarScore 的表格“${p.sheet}”被${HIDDEN[p.state].zh}：审查人员在 Excel 中看不到它，而计分的正是它。请取消隐藏后重新提交。`
        : `StarScore 布局的工作表“${p.sheet}”被${HIDDEN[p.state].zh}，Excel 中看到的是另一张同样的表“${p.shown}”，已按看到的“${p.shown}”计分${p.total !== null ? `；隐藏的“${p.sheet}”按其条目得 ${p.total.toFixed(2)} 分${p.level !== null ? `（${p.level}）` : ""}` : ""}。请删除多余的表、取消隐藏后重新提交。`,
    en: (p) =>
      p.shown === null
        ? `The StarScore form "${p.sheet}" is ${HIDDEN[p.state].en}: a reviewer does not see it in Excel, yet it is what is scored. Unhide it and submit it again.`
        : `The sheet StarScore laid out, "${p.sheet}", is ${HIDDEN[p.state].en}; Excel shows another copy of the form, "${p.shown}", which was scored${p.total !== null ? `; the hidden "${p.sheet}" gives ${p.total.toFixed(2)}${p.level !== null ? ` (${p.level})` : ""} by its entries` : ""}. Delete the extra sheet, unhide the form and submit it again.`,
  },
  SS824: {
    name: "second-form-sheet",
    severity: "error",
    kind: "tamper",
    /** `scored`: the sheet scored (what a reviewer sees); `other`: another sheet that looks like the form, and what its entries give. */
    params: { scored: z.string(), other: z.string(), state: z.enum(["visible", "hidden", "veryHidden"]), total: z.number().nullable(), level: z.string().nullable() },
    zh: (p) =>
      `工作簿中另有一张与表格相同的工作表“${p.other}”（${p.state === "visible" ? "可见" : HIDDEN[p.state].zh}）${p.total !== null ? `，按其条目得 ${p.total.toFixed(2)} 分${p.level !== null ? `（${p.level}）` : ""}` : ""}；只按审查人员看到的“${p.scored}”计分。请删除多余的工作表后重新提交。`,
    en: (p) =>
      `The workbook holds another sheet that looks like the form, "${p.other}" (${p.state === "visible" ? "visible" : HIDDEN[p.state].en})${p.total !== null ? `, giving ${p.total.toFixed(2)}${p.level !== null ? ` (${p.level})` : ""} by its entries` : ""}; only "${p.scored}", the sheet a reviewer sees, was scored. Delete the extra sheet and submit it again.`,
  },
  SS825: {
    name: "entry-is-formula",
    severity: "warning",
    kind: "consistency",
    /**
     * An entry or header cell holds a formula: `field` (an entry field, or the header's name on the form), the
     * `formula`, what it `refers` to and the `target` named (another workbook's file, a defined name, cells).
     */
    params: { field: z.string(), formula: z.string(), refers: z.enum(["external", "name", "cell", "constant"]), target: z.string() },
    zh: (p) => `${at(p)}${cellWord(p.field).zh}不是填写的值，而是公式 ${p.formula}${REFERS[p.refers].zh(p.target)}。评审看到的应是填写人输入的值：请直接输入。`,
    en: (p) => `${atEn(p)}the ${cellWord(p.field).en} is not an entry but the formula ${p.formula}${REFERS[p.refers].en(p.target)}. A reviewer must see what was entered: type the value itself.`,
  },
  SS826: {
    name: "value-hidden",
    severity: "warning",
    kind: "consistency",
    /** How a filled cell hides its value: its number format (`format`, and what it then shows) or its text colour, that of its fill. */
    params: { field: z.string(), how: z.enum(["format", "colour"]), format: z.string(), shown: z.string() },
    zh: (p) =>
      p.how === "format"
        ? `${at(p)}${cellWord(p.field).zh}的数字格式“${p.format}”不显示它的值（${p.shown === "" ? "单元格看起来是空的" : `显示为“${p.shown}”`}），它却计入评分。请把单元格格式改回“常规”或“百分比”。`
        : `${at(p)}${cellWord(p.field).zh}的文字颜色与底色相同，看不见，它却计入评分。请把文字颜色改回“自动”（黑色）。`,
    en: (p) =>
      p.how === "format"
        ? `${atEn(p)}the ${cellWord(p.field).en}'s number format "${p.format}" does not show its value (${p.shown === "" ? "the cell looks empty" : `it shows "${p.shown}"`}), yet the value is scored. Set the cell's format back to General or Percentage.`
        : `${atEn(p)}the ${cellWord(p.field).en} is written in the colour of its fill, so it cannot be seen, yet it is scored. Set the font colour back to Automatic (black).`,
  },
  SS901: {
    name: "surveillance-late",
    severity: "warning",
    kind: "outcome",
    /** Surveillance `n` held on `audit` after its `deadline` (dates YYYY-MM-DD), set by `rule` with the scheme's `months`. */
    params: { n: z.number(), audit: z.string(), deadline: z.string(), rule: deadlineRule, months: z.number() },
    zh: (p) => `第 ${p.n} 次监督审核 ${p.audit} 晚于期限 ${p.deadline}（${deadlineRuleText(p.rule, p.months, "zh")}，CCT §8.1.1）。请核对审核日期，或说明特殊情况（§8.1.1 注）。`,
    en: (p) => `Surveillance audit ${p.n} on ${p.audit} is after its deadline ${p.deadline} (${deadlineRuleText(p.rule, p.months, "en")}, CCT §8.1.1). Check the date, or record the special circumstances (§8.1.1 note).`,
  },
  SS902: {
    name: "surveillance-missing",
    severity: "warning",
    kind: "outcome",
    params: { n: z.number(), deadline: z.string(), rule: deadlineRule, months: z.number(), today: z.string() },
    zh: (p) => `第 ${p.n} 次监督审核的期限 ${p.deadline} 已过（${deadlineRuleText(p.rule, p.months, "zh")}，CCT §8.1.1），截至 ${p.today} 没有审核记录。请填写审核日期，或安排审核。`,
    en: (p) => `Surveillance audit ${p.n} was due by ${p.deadline} (${deadlineRuleText(p.rule, p.months, "en")}, CCT §8.1.1) and there is no audit by ${p.today}. Enter its date, or plan the audit.`,
  },
  SS903: {
    name: "audit-before-certificate",
    severity: "warning",
    kind: "consistency",
    params: { audit: z.string(), issued: z.string() },
    zh: (p) => `审核日期 ${p.audit} 不晚于证书日期 ${p.issued}，不是获证后的监督审核，未计入。请核对日期。`,
    en: (p) => `The audit on ${p.audit} is not after the certificate's date ${p.issued}, so it is no surveillance audit and was not counted. Check the date.`,
  },
  SS904: {
    name: "audit-after-expiry",
    severity: "warning",
    kind: "consistency",
    params: { audit: z.string(), expires: z.string() },
    zh: (p) => `审核日期 ${p.audit} 晚于证书有效期 ${p.expires}，未计入本周期。请核对日期；再认证应在证书到期前进行（CCT §8.2）。`,
    en: (p) => `The audit on ${p.audit} is after the certificate expired on ${p.expires}, so it was not counted in this cycle. Check the date; recertification comes before expiry (CCT §8.2).`,
  },
  SS905: {
    name: "audit-date-unreadable",
    severity: "warning",
    kind: "consistency",
    /** `text`: the part of the audit dates, as typed, that is no date. */
    params: { text: z.string() },
    zh: (p) => `审核日期“${p.text}”不是可识别的日期，未计入证书周期。请写成 2026-03-01 这样的日期。`,
    en: (p) => `The audit date "${p.text}" is not a date that can be read, so it was not counted in the certificate cycle. Write dates such as 2026-03-01.`,
  },
  SS906: {
    name: "certificate-expired",
    severity: "error",
    kind: "outcome",
    /** The certificate expired on `expires` (its validity: `months`) and no recertification audit was held by `today`. */
    params: { expires: z.string(), today: z.string(), months: z.number() },
    zh: (p) =>
      `证书已于 ${p.expires} 到期（有效期 ${p.months / 12} 年，CCT §7.1），截至 ${p.today} 没有再认证审核（§8.2），证书已失效。如已进行再认证审核，请填写或标记其日期；否则须重新申请认证。`,
    en: (p) =>
      `The certificate expired on ${p.expires} (valid ${p.months / 12} years, CCT §7.1) and there is no recertification audit by ${p.today} (§8.2): it is no longer valid. If a recertification audit was held, enter or mark its date; otherwise certification must be applied for anew.`,
  },
});

export type FindingCode = keyof typeof CATALOGUE;

type ShapeOf<C extends FindingCode> = (typeof CATALOGUE)[C] extends Entry<infer Shape> ? Shape : never;

/** The data a finding of code `C` carries, inferred from its zod shape. */
export type ParamsOf<C extends FindingCode> = Data<ShapeOf<C>>;

/** The params argument of `finding(code, …)`: none for a code without params, else exactly its params. */
export type ParamsArg<C extends FindingCode> = keyof ShapeOf<C> extends never ? [] : [params: ParamsOf<C>];

/** The zod schema of a code's params (with the location's clause), to validate data from outside: the docs' examples. */
export function paramsSchema(code: FindingCode): z.ZodObject {
  return z.strictObject({ ...CATALOGUE[code].params, clause: z.string().optional() });
}

type Message = (p: object) => string;

/**
 * A code's message without the clause it opens with (条款 5.1.1：, Clause 5.1.1:), for a table whose own column
 * names the clause; the whole message when the clause is part of the sentence (SS404) or there is none.
 */
export function messageAfterClause(code: FindingCode, params: object & Where, lang: Lang): string {
  const whole = messageOf(code, params, lang);
  if (params.clause === undefined) return whole;
  const prefix = lang === "en" ? atEn(params) : at(params);
  const { clause: _clause, ...rest } = params;
  const bare = messageOf(code, rest, lang);
  if (whole !== prefix + bare) return whole;
  return lang === "en" ? bare.charAt(0).toUpperCase() + bare.slice(1) : bare;
}

/** A code's message for data that fits its params, in 简体中文 unless English is asked for. */
export function messageOf(code: FindingCode, params: object, lang: Lang): string {
  // Each entry's messages take that entry's params; callers pass a finding's own params (or validated examples).
  const entry = CATALOGUE[code] as { zh: Message; en: Message };
  return lang === "en" ? entry.en(params) : entry.zh(params);
}
