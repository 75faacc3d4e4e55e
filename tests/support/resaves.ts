import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { honestWorkbook } from "./honest";
import { recalculateWithLibreOffice } from "./libreoffice";
import { unzip, zip } from "./zip";

/**
 * An honest StarScore workbook as a user's LibreOffice saves it (issue 19): as .ods and as .xls, and each of those
 * saved again as .xlsx; and a copy in which one percentage entry was typed as the text "90%" in LibreOffice's own
 * file (content.xml of the .ods, cached results cleared so that LibreOffice recalculates on loading it), saved as
 * .xlsx by LibreOffice. Three soffice runs in all.
 */
export interface Resaves {
  honest: string;
  ods: string;
  xls: string;
  /** honest → .ods → .xlsx, honest → .xls → .xlsx */
  viaOds: string;
  viaXls: string;
  /** The .xlsx LibreOffice saved from an .ods whose second percentage entry holds the text "90%". */
  textEntry: string;
}

/** The nth (from 0) percentage cell of LibreOffice's content.xml made a text cell holding `text`. */
function typeTextInto(content: string, nth: number, text: string): string {
  const cells = [...content.matchAll(/<table:table-cell\b[^>]*office:value-type="percentage"[^>]*>[\s\S]*?<\/table:table-cell>/g)];
  const cell = cells[nth];
  if (cell === undefined) throw new Error(`no percentage cell ${nth}`);
  const typed = cell[0].replace(/ office:value-type="percentage" office:value="[^"]*" calcext:value-type="percentage">[\s\S]*$/, ` office:value-type="string" calcext:value-type="string"><text:p>${text}</text:p></table:table-cell>`);
  return content.slice(0, cell.index) + typed + content.slice(cell.index + cell[0].length);
}

/** Formula cells without their cached results: LibreOffice computes what it finds no result for when loading. */
function withoutResults(content: string): string {
  return content.replace(/<table:table-cell\b([^>]*?table:formula="[^"]*"[^>]*?)(\/>|>[\s\S]*?<\/table:table-cell>)/g, (_, attrs: string) => {
    const bare = attrs.replace(/ office:(value|string-value|boolean-value|date-value|time-value)="[^"]*"/g, "").replace(/ (office|calcext):value-type="[^"]*"/g, "");
    return `<table:table-cell${bare}/>`;
  });
}

export async function libreOfficeResaves(dir: string): Promise<Resaves> {
  mkdirSync(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);
  const honest = at("honest.xlsx");
  writeFileSync(honest, await honestWorkbook(3));
  const staged = path.join(dir, "staged");
  mkdirSync(staged);
  copyFileSync(honest, path.join(staged, "via-ods.xlsx"));
  copyFileSync(honest, path.join(staged, "via-xls.xlsx"));
  recalculateWithLibreOffice([path.join(staged, "via-ods.xlsx")], staged, "ods");
  recalculateWithLibreOffice([path.join(staged, "via-xls.xlsx")], staged, "xls");
  const ods = path.join(staged, "via-ods.ods");
  const parts = unzip(readFileSync(ods)).filter((p) => !p.name.endsWith("/"));
  const edited = parts.map((p) => ({
    name: p.name,
    data: p.name === "content.xml" ? Buffer.from(withoutResults(typeTextInto(p.data.toString("utf8"), 1, "90%")), "utf8") : p.data,
    // OpenDocument's mimetype comes first and stored.
    deflate: p.name !== "mimetype",
  }));
  writeFileSync(path.join(staged, "text-entry.ods"), zip(edited));
  recalculateWithLibreOffice([ods, path.join(staged, "via-xls.xls"), path.join(staged, "text-entry.ods")], dir, "xlsx");
  return { honest, ods, xls: path.join(staged, "via-xls.xls"), viaOds: at("via-ods.xlsx"), viaXls: at("via-xls.xlsx"), textEntry: at("text-entry.xlsx") };
}
