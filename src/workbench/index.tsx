// The workbench page (dist-web/index.html): blank forms, the reviewers' check, the audit report and the certificate
// cycle, running in the browser on this machine. No office.js: it works outside Office, and offline once loaded.
import { createRoot } from "react-dom/client";
import { bundledSchemes } from "../taskpane/schemes";
import { App } from "./App";
import { browserLang, type Lang } from "./i18n";
import { keepOffline } from "./offline";
import css from "./workbench.css";

/** The reader's choice of language, kept in this browser only. */
const LANG_KEY = "starscore.lang";

function savedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return v === "zh" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

function saveLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage refused (a private window): the switch still holds for this visit.
  }
}

const style = document.createElement("style");
style.textContent = css;
document.head.appendChild(style);
const root = document.getElementById("root");
if (root !== null) {
  const lang = new URLSearchParams(window.location.search).get("lang");
  createRoot(root).render(<App schemes={bundledSchemes()} initialLang={lang === "en" || lang === "zh" ? lang : (savedLang() ?? browserLang(navigator.languages))} saveLang={saveLang} />);
  document.body.dataset.ready = "true";
  keepOffline();
}
