import { scoreXlsx } from "../../xlsx/scoreWorkbook";
import { loadScheme } from "../schemeFiles";
import { readBytes, writeNew } from "../files";
import type { EXPORT } from "../commandLine";
import type { Io } from "../io";
import type { Parsed } from "../options";

/** `starscore export <file.xlsx> [-o assessment.json] [--force]`: the workbook's entries as assessment JSON. */
export async function exportCommand({ values, positionals: [file] }: Parsed<typeof EXPORT.options>, io: Io): Promise<number> {
  if (file === undefined) throw new Error("the declaration asks for one file");
  const { assessment } = scoreXlsx(readBytes(file), { get: loadScheme });
  const json = `${JSON.stringify(assessment, null, 2)}\n`;
  if (values.output === undefined) io.out(json);
  else writeNew(values.output, json, values.force === true);
  return 0;
}
