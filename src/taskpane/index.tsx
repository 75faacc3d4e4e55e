import { createRoot } from "react-dom/client";
import { excelRun } from "../excel/session";
import { App } from "./App";
import { langOf } from "./i18n";
import { bundledSchemes } from "./schemes";
import css from "./taskpane.css";

/** Office's theme background is dark: follow it with Fluent's dark theme. */
function isDark(): boolean {
  const bg = Office.context.officeTheme?.bodyBackgroundColor;
  if (bg === undefined || !/^#?[0-9a-f]{6}$/i.test(bg)) return false;
  const n = parseInt(bg.replace("#", ""), 16);
  const luminance = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luminance < 128;
}

void Office.onReady(() => {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
  const root = document.getElementById("root");
  if (root === null) return;
  createRoot(root).render(<App run={excelRun} lang={langOf(Office.context.displayLanguage)} dark={isDark()} schemes={bundledSchemes()} />);
  document.body.dataset.ready = "true";
});
