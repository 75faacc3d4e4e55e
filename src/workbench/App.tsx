import { useEffect, useState } from "react";
import type { Scheme } from "../scheme/load";
import { CheckSection } from "./Check";
import { CycleSection } from "./Cycle";
import { FormsSection } from "./Forms";
import { STRINGS, type Lang } from "./i18n";
import { ReportSection } from "./Report";

/** The page's sections, each at its own address (#forms, #check, #report, #cycle); none is the overview. */
export const SECTIONS = ["forms", "check", "report", "cycle"] as const;
export type Section = (typeof SECTIONS)[number];

export const sectionOf = (hash: string): Section | null => (SECTIONS as readonly string[]).find((s) => `#${s}` === hash) as Section | undefined ?? null;

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return hash;
}

export function App({ schemes, initialLang, saveLang }: { schemes: readonly Scheme[]; initialLang: Lang; saveLang: (l: Lang) => void }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = STRINGS[lang];
  const section = sectionOf(useHash());
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = section === null ? t.title : `${t.nav[section]} · ${t.title}`;
  }, [lang, section, t]);
  const switchLang = () => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    saveLang(next);
    setLang(next);
  };
  return (
    <>
      <header className="bar">
        <a className="brand" href="#">
          {t.title}
        </a>
        <nav>
          {SECTIONS.map((s) => (
            <a key={s} href={`#${s}`} aria-current={s === section ? "page" : undefined}>
              {t.nav[s]}
            </a>
          ))}
        </nav>
        <button type="button" className="lang" onClick={switchLang} aria-label={t.switchLabel} lang={lang === "zh" ? "en" : "zh-CN"}>
          {t.switchTo}
        </button>
      </header>
      <main>
        <p className="private" role="note">
          {t.private}
        </p>
        {/* Sections stay mounted: a check in progress or its results survive a visit to another section. */}
        <div hidden={section !== null}>
          <Overview t={t} />
        </div>
        <div hidden={section !== "forms"}>
          <FormsSection t={t} lang={lang} schemes={schemes} />
        </div>
        <div hidden={section !== "check"}>
          <CheckSection t={t} lang={lang} schemes={schemes} shown={section === "check"} />
        </div>
        <div hidden={section !== "report"}>
          <ReportSection t={t} lang={lang} />
        </div>
        <div hidden={section !== "cycle"}>
          <CycleSection t={t} lang={lang} schemes={schemes} />
        </div>
      </main>
    </>
  );
}

function Overview({ t }: { t: (typeof STRINGS)[Lang] }) {
  const lines: [Section, string][] = [
    ["forms", t.homeForms],
    ["check", t.homeCheck],
    ["report", t.homeReport],
    ["cycle", t.homeCycle],
  ];
  return (
    <section aria-labelledby="overview">
      <h1 id="overview">{t.title}</h1>
      <p>{t.homeIntro}</p>
      <ul className="cards">
        {lines.map(([s, text]) => (
          <li key={s}>
            <a href={`#${s}`}>{t.nav[s]}</a>
            <p>{text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
