import type { Lang } from "../findings/language";
import { readSavedFile } from "../excel/savedFile";
import { baseName } from "../review/notice";
import { MAX_FILE_BYTES } from "../review/refusals";
import type { FileCheck } from "../review/verdict";
import type { Scheme } from "../scheme/load";

/**
 * The open workbook, checked as a reviewer checks a submission: its file as Excel hands it over (as last saved),
 * then the same `checkBytes` as `starscore check` and the workbench. The reader (zip, XML, inflater) is loaded
 * the first time it is used, so the pane opens without it.
 */
export async function checkSavedWorkbook(schemes: ReadonlyMap<string, Scheme>, lang: Lang, unnamed: string): Promise<FileCheck> {
  const bytes = await readSavedFile(Office.context.document, Office.FileType.Compressed, MAX_FILE_BYTES);
  const { checkBytes } = await import(/* webpackChunkName: "reader" */ "../xlsx/check");
  const url = Office.context.document.url;
  return checkBytes(url !== null && url !== undefined && url !== "" ? baseName(url) : unnamed, bytes, schemes, lang);
}
