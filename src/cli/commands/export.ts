import { scoreXlsx } from "../../xlsx/scoreWorkbook";
import { loadScheme } from "../schemeFiles";
import { WorkbookError } from "../../xlsx/saved";
import { readBytes, shownName, writeNew } from "../files";
import type { EXPORT } from "../commandLine";
import type { Io } from "../io";
import type { Parsed } from "../options";

/** `starscore export <file.xlsx> [-o assessment.json] [--force]`: the workbook's entries as assessment JSON. */
export async function exportCommand({ values, positionals: [file] }: Parsed<typeof EXPORT.options>, io: Io): Promise<number> {
  if (file === undefined) throw new Error("the declaration asks for one file");
  let assessment;
  try {
    ({ assessment } = scoreXlsx(readBytes(file), { get: loadScheme }, file));
  } catch (e) {
    if (e instanceof WorkbookError) throw new WorkbookError(`${shownName(file)}: 无法读取：${e.message}`);
    throw e;
  }
  const json = `${JSON.stringify(assessment, null, 2)}\n`;
  if (values.output === undefined) io.out(json);
  else writeNew(values.output, json, values.force === true);
  return 0;
}
