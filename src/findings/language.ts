/** The languages StarScore speaks: 简体中文 first, English when asked. The CLI, the reports and the pane share it. */
export type Lang = "zh" | "en";
