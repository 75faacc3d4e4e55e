import { CLAIM_WORDS, INCOMPLETE_WORDS, NOT_APPLICABLE_WORDS } from "../scheme/words";
import { percentCellAsFraction } from "./percentCell";

/**
 * The workbook's formulas, named for what the sheet computes. Each takes A1 references and returns formula
 * text with English function names that Excel, WPS and LibreOffice all know; the engine (src/scoring) computes
 * the same figures, and tests/xlsx/libreoffice.test.ts proves the two agree to the cent.
 */

/** `OR(TRIM(G12)="不适用",…)`: true when the cell says the clause does not apply. */
export function saysNotApplicable(entry: string): string {
  return `OR(${NOT_APPLICABLE_WORDS.map((w) => `TRIM(${entry})="${w}"`).join(",")})`;
}

/** 适用分值: the item's points, or 0 when any of its entries says it does not apply. */
export function applicablePoints(entries: readonly string[], points: string): string {
  const notApplicable = entries.map(saysNotApplicable);
  return `=IF(${notApplicable.length === 1 ? notApplicable[0] : `OR(${notApplicable.join(",")})`},0,${points})`;
}

/**
 * 得分 / 具体得分: nothing when the item does not apply or its entry is not a number in 0…`upTo`; otherwise
 * `worth` (the points the entry earns).
 */
export function earnedPoints(applicable: string, entry: string, upTo: string | number, worth: string): string {
  return `=IF(${applicable}=0,0,IF(ISNUMBER(${entry}),IF(AND(${entry}>=0,${entry}<=${upTo}),${worth},0),0))`;
}

/**
 * 样本得分比例: (样本数 − 不符合数) ÷ 样本数 when the two make a sample record (whole numbers, at least one sample,
 * no more nonconforming than checked), else −1, a number no share can be, so a saved value is never an empty text
 * readers disagree on (CCT 附件2 评分要求 1; src/scoring/samples.ts reads a record alike).
 */
export function sampleShare(checked: string, nonconforming: string): string {
  const usable = `AND(${checked}>=1,${nonconforming}>=0,${nonconforming}<=${checked},INT(${checked})=${checked},INT(${nonconforming})=${nonconforming})`;
  return `=IF(AND(ISNUMBER(${checked}),ISNUMBER(${nonconforming})),IF(${usable},(${checked}-${nonconforming})/${checked},-1),-1)`;
}

/** 具体得分 with a sample record: the points times the record's share where it has one, else what the percentage earns. */
export function pointsForSamplesOrPercent(applicable: string, share: string, points: string, percentEarned: string): string {
  return `=IF(${applicable}=0,0,IF(${share}>=0,${points}*${share},${percentEarned.replace(/^=/, "")}))`;
}

/** The validation of a sample count: a whole number of 0 or more. */
export function wholeCount(cell: string): string {
  return `AND(ISNUMBER(${cell}),${cell}>=0,INT(${cell})=${cell})`;
}

/** A percentage entry's points: the item's points times the percentage as a fraction. */
export function pointsForPercent(points: string, percent: string): string {
  return `${points}*${percentCellAsFraction(percent)}`;
}

/** The validation of a 得分比例 cell: a number in 0…100, or a not-applicable word. */
export function percentOrNotApplicable(percent: string): string {
  return `OR(AND(ISNUMBER(${percent}),${percent}>=0,${percent}<=100),${NOT_APPLICABLE_WORDS.map((w) => `${percent}="${w}"`).join(",")})`;
}

/**
 * An entry cell as empty as the engine reads it: nothing, or nothing but spaces. Works on a cell and, inside
 * SUMPRODUCT, on a range.
 */
export function isBlankEntry(entry: string): string {
  return `LEN(TRIM(${entry}))=0`;
}

/** Highlight: the entry is empty. */
export function isEmpty(entry: string): string {
  return isBlankEntry(entry);
}

/** Highlight: the entry is empty while its item still counts (`owed` > 0): a row 未填项数 counts. */
export function isEmptyWhileOwed(entry: string, owed: string): string {
  return `AND(${isBlankEntry(entry)},${owed}>0)`;
}

/**
 * 未填项数: the item rows that owe an entry and have one empty, as the engine counts them (ScoreCard.unfilled).
 * `owed`: a range of each row's applicable points (a row owes entries where it is above 0), or null where every
 * row owes one; `entries`: the ranges of which any one empty leaves the row unfilled; `also`: further conditions
 * per row (a sample record that gives no share).
 */
export function unfilledRows(owed: string | null, entries: readonly string[], also: readonly string[] = []): string {
  const empty = entries.map((r) => `(${isBlankEntry(r)})`);
  const factors = [
    ...(owed !== null ? [`(${owed}>0)`] : []),
    empty.length === 1 ? (empty[0] as string) : `((${empty.join("+")})>0)`,
    ...also.map((c) => `(${c})`),
  ];
  return `=SUMPRODUCT(${factors.length === 1 ? `--${factors[0]}` : factors.join("*")})`;
}

/** `"未填完（"&n&" 项未填）"`: the result while entries are missing, as resultName writes it. */
function incomplete(unfilled: string): string {
  return `"${INCOMPLETE_WORDS.zh.before}"&${unfilled}&"${INCOMPLETE_WORDS.zh.after}"`;
}

/** Highlight: the entry is a number outside 0…`max`. */
export function isOutOfRange(entry: string, max: string | number): string {
  return `AND(ISNUMBER(${entry}),OR(${entry}<0,${entry}>${max}))`;
}

/** Highlight: a material's line is empty while its item counts (`owed` > 0) and the line asks for a material. */
export function isEvidenceMissing(evidence: string, owed: string, required: string): string {
  return `AND(ISBLANK(${evidence}),${owed}>0,${required}<>"")`;
}

/** 应填证明材料 on an item's first row: 1 while the item counts (its 适用分值 above 0), else 0; its material lines refer to it. */
export function materialOwed(applicable: string): string {
  return `=IF(${applicable}>0,1,0)`;
}

/** A subtotal over item rows. */
export function sumOf(range: string): string {
  return `=SUM(${range})`;
}

/** 折算得分: raw ÷ applicable maximum × full marks (0 when nothing applies). */
export function rescaledTotal(raw: string, applicableMax: string, fullMarks: number): string {
  return `=IF(${applicableMax}=0,0,${raw}/${applicableMax}*${fullMarks})`;
}

/** 特别扣分项项数: a row counts when its clause or its reason is filled, as the reader counts it. */
export function filledRows(clauses: string, reasons: string): string {
  return `=SUMPRODUCT(--(((${clauses}<>"")+(${reasons}<>""))>0))`;
}

/** The bonus as counted: a number capped to 0…max (text counts as 0). */
export function cappedBonus(bonus: string, max: number): string {
  return `MIN(${max},MAX(0,N(${bonus})))`;
}

/** 总分: the rescaled total less deductions plus bonus, kept within 0…full marks, rounded to 2 decimals. */
export function total(rescaled: string, deductionPoints: string, bonus: string, fullMarks: number): string {
  return `=ROUND(MIN(${fullMarks},MAX(0,${rescaled}-${deductionPoints}+${bonus})),2)`;
}

/** Something that stops grading, as a condition that holds when it stops it and one that holds when it does not. */
export interface GradingCondition {
  stops: string;
  allows: string;
}

/** Grading stops when the special deductions reach their limit. */
export function deductionsBelow(count: string, limit: number): GradingCondition {
  return { stops: `${count}>=${limit}`, allows: `${count}<${limit}` };
}

/** Grading stops while a prerequisite's header cell is empty. */
export function headerFilled(cell: string): GradingCondition {
  return { stops: `LEN(TRIM(${cell}))=0`, allows: `LEN(TRIM(${cell}))>0` };
}

/** The words a points sheet's result cells show. */
export interface ResultWords {
  notGraded: string;
  fail: string;
  pass: string;
  notPass: string;
}

/**
 * 级别: 未填完（n 项未填） while `unfilled` rows owe an entry; else not graded, below the pass mark, or the level
 * the scale printed on the sheet gives the total.
 */
export function levelOf(
  applicableMax: string,
  totalCell: string,
  passMark: number,
  conditions: readonly GradingCondition[],
  scale: { mins: string; names: string },
  words: ResultWords,
  unfilled: string,
): string {
  const stops = [`${applicableMax}=0`, ...conditions.map((c) => c.stops)].join(",");
  return `=IF(${unfilled}>0,${incomplete(unfilled)},IF(OR(${stops}),"${words.notGraded}",IF(${totalCell}<${passMark},"${words.fail}",LOOKUP(${totalCell},${scale.mins},${scale.names}))))`;
}

/** 结论: 未填完（n 项未填） while entries are missing; passed when graded and the total reaches the pass mark. */
export function passedOf(applicableMax: string, totalCell: string, passMark: number, conditions: readonly GradingCondition[], words: ResultWords, unfilled: string): string {
  const holds = [`${applicableMax}>0`, ...conditions.map((c) => c.allows), `${totalCell}>=${passMark}`].join(",");
  return `=IF(${unfilled}>0,${incomplete(unfilled)},IF(AND(${holds}),"${words.pass}","${words.notPass}"))`;
}

/**
 * 申报级别核对: whether the claimed level is above the result, as the engine's SS501 says — weighed only once the
 * form is filled, and only for a claim naming a level of the scale exactly (the header's list offers no other).
 */
export function claimCheck(claim: string, unfilled: string, level: string, scale: { mins: string; names: string }): string {
  const named = `TRIM(${claim})`;
  const w = CLAIM_WORDS;
  const above = `SUMIF(${scale.names},${named},${scale.mins})>SUMIF(${scale.names},${level},${scale.mins})`;
  return (
    `=IF(${isBlankEntry(claim)},"${w.none}",IF(COUNTIF(${scale.names},${named})=0,"${w.unknown}",IF(${unfilled}>0,"${w.pending}",` +
    `IF(COUNTIF(${scale.names},${level})=0,"${w.above}",IF(${above},"${w.above}","${w.fine}")))))`
  );
}

/** A checklist's count of one conclusion, read as the engine reads it (spaces around it do not count). */
export function countOf(range: string, word: string): string {
  return `=SUMPRODUCT(--(TRIM(${range})="${word}"))`;
}

/** A checklist's count of rows marked not applicable, in any of the words. */
export function countNotApplicable(range: string): string {
  return `=SUMPRODUCT(${NOT_APPLICABLE_WORDS.map((w) => `(TRIM(${range})="${w}")`).join("+")})`;
}

/**
 * A checklist's result: 未填完（n 项未填） while conclusions are missing; else all conform when every row says 符合
 * or does not apply (a conclusion no one can read is neither, as in the engine).
 */
export function checklistResult(unfilled: string, conform: string, notApplicable: string, rows: number, words: { yes: string; no: string }): string {
  return `=IF(${unfilled}>0,${incomplete(unfilled)},IF(${conform}+${notApplicable}=${rows},"${words.yes}","${words.no}"))`;
}

/** A result as the line under the header shows it: `"级别："&F90`. */
export function labelled(label: string, cell: string): string {
  return `="${label}"&${cell}`;
}

/**
 * The total as the line under the header shows it: `"总分 "&FIXED(F88,2)&" / 100"`. FIXED's third argument is left
 * out: LibreOffice saves TRUE as 1, and the reviewers' check compares formulas as saved.
 */
export function labelledTotal(label: string, cell: string, fullMarks: number): string {
  return `="${label}"&FIXED(${cell},2)&" / ${fullMarks}"`;
}
