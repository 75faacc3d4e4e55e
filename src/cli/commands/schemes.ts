import { loadSchemes } from "../schemeFiles";
import { renderTable } from "../table";
import type { Parsed } from "../options";
import type { SCHEMES } from "../commandLine";
import { lang, type Io } from "../io";

/** `starscore schemes [--json]`: id, title, full marks, number of items, levels. */
export function schemesCommand({ values }: Parsed<typeof SCHEMES.options>, io: Io): number {
  const l = lang(values.lang);
  const schemes = [...loadSchemes().values()];
  if (values.json === true) {
    io.out(
      JSON.stringify(
        schemes.map((s) => ({
          id: s.id,
          version: s.version,
          kind: s.kind,
          title: s.title,
          titleEn: s.titleEn,
          fullMarks: s.fullMarks ?? null,
          items: s.items.length,
          levels: (s.levels ?? []).map((lv) => ({ name: lv.name, nameEn: lv.nameEn, min: lv.min, stars: lv.stars })),
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  const rows = [[l === "zh" ? "方案" : "Scheme", l === "zh" ? "名称" : "Title", l === "zh" ? "满分" : "Marks", l === "zh" ? "条目" : "Items", l === "zh" ? "级别" : "Levels"]];
  for (const s of schemes) {
    rows.push([
      s.id,
      l === "zh" ? s.title : s.titleEn,
      s.fullMarks === undefined ? "-" : String(s.fullMarks),
      String(s.items.length),
      (s.levels ?? []).map((lv) => `${lv.min} ${l === "zh" ? lv.name : lv.nameEn}`).join(" · ") || (l === "zh" ? "符合/不符合" : "conform / not conform"),
    ]);
  }
  io.out(renderTable(rows, ["l", "l", "r", "r", "l"]));
  return 0;
}

