import { CATALOGUE } from "../findings/catalogue";
import type { Lang } from "../findings/language";
import { findingHeadline } from "./findingLine";
import { VERDICT_EN, VERDICT_ORDER, type CheckedFinding, type FileCheck, type Verdict } from "./verdict";

/**
 * Why a file got its verdict, for the row a reviewer reads first. The four verdicts stay as they are (the CLI's
 * exit code, `--json` and `--csv` carry them); the cause tells apart what one verdict lumps together: 不一致 for a
 * form that was altered, for a claimed level above the result (SS501: the applicant over-claims; nothing was
 * edited), or for entries that contradict each other; 需补正 for the wrong scheme or form (SS806) or for entries
 * to complete; 通过 with warnings or clean.
 */
export type Cause = "unreadable" | "not-checked" | "altered" | "claim-above" | "contradiction" | "not-expected" | "to-complete" | "warnings" | "clean";

/** Worst first within each verdict, as the report and the workbench's table order their rows. */
export const CAUSE_ORDER: readonly Cause[] = ["unreadable", "not-checked", "altered", "claim-above", "contradiction", "not-expected", "to-complete", "warnings", "clean"];

/** The label beside the verdict; null where the verdict says it all. */
export const CAUSE_WORDS: Record<Cause, { zh: string; en: string } | null> = {
  unreadable: null,
  "not-checked": null,
  altered: { zh: "表格被改动", en: "form altered" },
  "claim-above": { zh: "申报级别高于评定结果", en: "claimed level above the result" },
  // SS107, SS301, SS703: the reason names which (entries against each other, or an older layout).
  contradiction: null,
  "not-expected": { zh: "不是要求的方案或表格", en: "not the scheme or form expected" },
  "to-complete": null,
  warnings: { zh: "有提示", en: "with warnings" },
  clean: null,
};

const isAltered = (f: CheckedFinding) => CATALOGUE[f.code].kind === "tamper";
const isClaim = (f: CheckedFinding) => f.code === "SS501";
const contradicts = (f: CheckedFinding) => CATALOGUE[f.code].contradicts === true;
const isNotExpected = (f: CheckedFinding) => f.code === "SS806";
const toComplete = (f: CheckedFinding) => f.severity === "error" || CATALOGUE[f.code].kind === "missing" || CATALOGUE[f.code].kind === "evidence";
const isWarning = (f: CheckedFinding) => f.severity === "warning";

/** A finding that makes a file 不一致 or 需补正 (what a 补正通知 asks to correct), rather than a warning beside its verdict. */
export const decidesVerdict = (f: CheckedFinding): boolean => isAltered(f) || contradicts(f) || toComplete(f);

/** Each cause with the findings that make it, in CAUSE_ORDER (review/verdict.ts decides the verdict by the same kinds). */
const TESTS: [Cause, (f: CheckedFinding) => boolean][] = [
  ["altered", isAltered],
  ["claim-above", isClaim],
  ["contradiction", contradicts],
  ["not-expected", isNotExpected],
  ["to-complete", toComplete],
  ["warnings", isWarning],
];

/** The cause of a file's verdict and the finding that decides it (none for a clean or unreadable file). */
export function causeOf(r: FileCheck): { cause: Cause; finding: CheckedFinding | null } {
  if (r.verdict === "无法读取") return { cause: "unreadable", finding: null };
  if (r.verdict === "未检查") return { cause: "not-checked", finding: null };
  for (const [cause, test] of TESTS) {
    const f = r.findings.find(test);
    if (f !== undefined) return { cause, finding: f };
  }
  return { cause: "clean", finding: null };
}

/**
 * The file's main reason in words, for its row in the report and the workbench's table: the deciding finding's
 * first sentence with its clause and cell, and how many more there are; an unreadable file's reason; null when
 * nothing was found.
 */
export function mainReason(r: FileCheck, lang: Lang): string | null {
  if (r.reason !== null) return reasonIn(r.reason, lang);
  const { finding } = causeOf(r);
  if (finding === null) return null;
  const more = r.findings.length - 1;
  const headline = findingHeadline(finding, lang);
  if (more === 0) return headline;
  return lang === "en" ? `${headline}; ${more} more` : `${headline}；另有 ${more} 项`;
}

/**
 * A reason written in both languages (`已加密 / encrypted workbook`, as the reader and the folder walk give
 * them), in the language asked for: the side after the last "/ " is the English when it has no Chinese and the
 * side before it has some. Any other reason is given whole.
 */
export function reasonIn(reason: string, lang: Lang): string {
  const at = reason.lastIndexOf("/ ");
  if (at < 0) return reason;
  const zh = reason.slice(0, at).trim();
  const en = reason.slice(at + 2).trim();
  if (!HAN.test(zh) || HAN.test(en) || en === "") return reason;
  return lang === "en" ? en : zh;
}

const HAN = /\p{Script=Han}/u;

/**
 * Files by name as a Chinese reader orders them, the same wherever the report is made: a collation named here, not
 * the machine's locale (the CLI's and a browser's differ, and so would the CSV's rows).
 */
const byName = new Intl.Collator("zh-CN").compare;

/** Files worst first: by verdict (无法读取, 不一致, 需补正, 通过, then 未检查 for what is no spreadsheet), then by cause, then by name. */
export function worstFirst(results: readonly FileCheck[]): FileCheck[] {
  const rank = (r: FileCheck) => VERDICT_ORDER.indexOf(r.verdict) * CAUSE_ORDER.length + CAUSE_ORDER.indexOf(causeOf(r).cause);
  return [...results].sort((a, b) => rank(a) - rank(b) || byName(a.file, b.file));
}

/**
 * `共 84 个文件：无法读取 15，不一致 35，需补正 3，通过 31` — the summary line of the terminal, the report and the
 * workbench. Files no spreadsheet (未检查) and the evidence files accounted for under their workbooks (证明材料) are
 * counted when the folder held some, so the counts add up to the files handed in.
 */
export function summaryLine(results: readonly FileCheck[], lang: Lang): string {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const evidence = results.reduce((n, r) => n + (r.evidenceFiles?.length ?? 0), 0);
  const shown = VERDICT_ORDER.filter((v) => v !== "未检查" || count(v) > 0);
  const total = results.length + evidence;
  return lang === "en"
    ? `${total} files: ${[...shown.map((v) => `${VERDICT_EN[v]} ${count(v)}`), ...(evidence > 0 ? [`evidence ${evidence}`] : [])].join(", ")}`
    : `共 ${total} 个文件：${[...shown.map((v) => `${v} ${count(v)}`), ...(evidence > 0 ? [`证明材料 ${evidence}`] : [])].join("，")}`;
}
