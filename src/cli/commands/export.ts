import { parseArgs } from "node:util";
import { scoreXlsx } from "../../xlsx/score";
import { loadSchemes } from "../schemeFiles";
import { readBytes, writeNew } from "../files";
import { UsageError, type Io } from "../io";

/** `starscore export <file.xlsx> [-o assessment.json] [--force]`: the workbook's entries as assessment JSON. */
export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { output: { type: "string", short: "o" }, force: { type: "boolean" } }, allowPositionals: true });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError("usage: starscore export <file.xlsx> [-o assessment.json] [--force]");
  const { assessment } = scoreXlsx(readBytes(file), loadSchemes());
  const json = `${JSON.stringify(assessment, null, 2)}\n`;
  if (values.output === undefined) io.out(json);
  else writeNew(values.output, json, values.force === true);
  return 0;
}
