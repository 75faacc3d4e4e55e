/** The languages StarScore speaks: 简体中文 first, English when asked. The CLI, the reports and the pane share it. */
export type Lang = "zh" | "en";

/** A name as a label starts in English: with a capital (not graded → Not graded); 简体中文 is left as it is. */
export function asLabel(text: string, lang: Lang): string {
  return lang === "en" ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
