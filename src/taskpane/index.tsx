import { createRoot } from "react-dom/client";
import { excelRun } from "../excel/session";
import { App } from "./App";
import { langOf } from "./i18n";
import { bundledSchemes } from "./schemes";
import css from "./taskpane.css";
import { receiveReport } from "./reportDialog";
import { isDark } from "./theme";

/**
 * Outside Excel — the page opened in a browser (Office.onReady answers with no host), or office.js not loaded at
 * all (offline, or blocked) — the pane has nothing to drive: the page says what StarScore is, how to put it into
 * Excel, and where the browser workbench is, instead of staying blank.
 */
function showOutside(officeJsMissing: boolean): void {
  const outside = document.getElementById("outside");
  if (outside === null) return;
  outside.hidden = false;
  const offline = document.getElementById("outside-offline");
  if (offline !== null) offline.hidden = !officeJsMissing;
  document.body.dataset.ready = "outside";
}

function start(): void {
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
}

if (typeof Office === "undefined") showOutside(true);
else
  void Office.onReady((info) => {
    if (info.host === null || info.host === undefined) showOutside(false);
    else start();
  });
