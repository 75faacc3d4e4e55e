import { createRoot } from "react-dom/client";
import { excelRun } from "../excel/session";
import { App } from "./App";
import { langOf } from "./i18n";
import { bundledSchemes } from "./schemes";
import css from "./taskpane.css";
import { receiveReport } from "./reportDialog";
import { isDark } from "./theme";

void Office.onReady(() => {
  // The same page, opened by the pane as the audit report's dialog.
  if (new URLSearchParams(window.location.search).has("report")) {
    receiveReport();
    return;
  }
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
  const root = document.getElementById("root");
  if (root === null) return;
  createRoot(root).render(<App run={excelRun} lang={langOf(Office.context.displayLanguage)} dark={isDark(Office.context.officeTheme?.bodyBackgroundColor, window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false)} schemes={bundledSchemes()} />);
  document.body.dataset.ready = "true";
});
