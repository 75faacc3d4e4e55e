import { messageAfterClause, messageOf } from "../findings/catalogue";
import type { Lang } from "../findings/language";
import type { CheckedFinding } from "./verdict";

/**
 * One finding as a line of a table that has its own clause and cell columns: the code, the clause and the cell
 * once each, and the message (what is wrong, what to do) without them, in the language asked for. The reviewers'
 * report, the 补正通知, the workbench page and the pane show findings this way.
 */
export interface FindingLine {
  code: CheckedFinding["code"];
  severity: CheckedFinding["severity"];
  clause: string | null;
  cell: string | null;
  text: string;
}

export function findingLine(f: CheckedFinding, lang: Lang): FindingLine {
  return { code: f.code, severity: f.severity, clause: f.clause, cell: f.cell, text: messageAfterClause(f.code, f.params, lang) };
}

/**
 * What is wrong, in one sentence: the message's first sentence (the rest says what to do), with the clause, and
 * the cell unless the sentence names it already. 条款 5.2.1：分数 9 超出本条款的范围 0–4 分（评分表!H12）
 */
export function findingHeadline(f: CheckedFinding, lang: Lang): string {
  const sentence = firstSentence(messageOf(f.code, f.params, lang), lang);
  if (f.cell === null || sentence.includes(f.cell)) return sentence;
  return lang === "en" ? `${sentence} (${f.cell})` : `${sentence}（${f.cell}）`;
}

const OPEN = new Set(["（", "(", "“", "《", "「"]);
const CLOSE = new Set(["）", ")", "”", "》", "」"]);

/**
 * The first sentence, without its full stop: up to the first 。 (or, in English, ". ") outside brackets and
 * quotes (a value as typed may hold one), so "总分 81.96" or "（…。）" never cut it short. The whole text when it is one sentence.
 */
export function firstSentence(text: string, lang: Lang): string {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (lang === "en" ? c === "." && (i + 1 === text.length || text.charAt(i + 1) === " ") : c === "。")) return text.slice(0, i);
  }
  return text.replace(/[。.]$/u, "");
}
