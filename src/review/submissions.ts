/**
 * What a folder handed in holds, file by file: the one place for the rules that the CLI's folder walk
 * (cli/submitted.ts) and a browser's folder drop both apply, and for the words that say why a file is not checked.
 * Every file is accounted for: a spreadsheet by its name is read, and its content decides what it is (xlsx/sniff.ts
 * names the kinds below); any other file is listed as not checked, so the report's counts add up to the folder.
 * `name` is an entry's own name, without its folder.
 */

/** Names of spreadsheets and of the formats people save them in: read, and recognised by their content. */
const SPREADSHEET = /\.(xls[xmb]?|xlt[xm]?|et|ett|ods|ots|fods|numbers|csv|tsv)$/i;

/** Named like a workbook: a submission, or an entry that should have been one (a folder or a broken link so named). */
export const namedLikeWorkbook = (name: string): boolean => SPREADSHEET.test(name);

/** Excel's and WPS's lock file beside an open workbook (`~$name.xlsx`), or LibreOffice's (`.~lock.name.xlsx#`). */
export const isLockFile = (name: string): boolean => name.startsWith("~$") || /^\.~lock\..*#$/.test(name);

/** A file found in a folder that the check reads: named like a spreadsheet, and not a lock file. */
export const isSubmission = (name: string): boolean => namedLikeWorkbook(name) && !isLockFile(name);

/** A reason in both languages, as the report prints it after 无法读取： or 未检查： ("中文 / English"). */
export interface Reason {
  zh: string;
  en: string;
}
export const reasonText = (r: Reason): string => `${r.zh} / ${r.en}`;

/**
 * What a file is when it is not an Excel workbook StarScore can read, recognised by its content (xlsx/sniff.ts),
 * with what to do about it. The advice is the applicant's: a reviewer passes it on.
 */
export const FILE_KINDS = {
  empty: { zh: "空文件", en: "empty file" },
  xls: { zh: "旧版 Excel 97-2003 工作簿（.xls），无法核对。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后重新提交", en: "an old Excel 97-2003 workbook (.xls), which cannot be checked; save it as an Excel workbook (.xlsx) and submit it again" },
  xlsb: { zh: "Excel 二进制工作簿（.xlsb），无法核对。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后重新提交", en: "an Excel binary workbook (.xlsb), which cannot be checked; save it as an Excel workbook (.xlsx) and submit it again" },
  et: { zh: "WPS 表格文件（.et/.ett），无法核对。请在 WPS 中“另存为” Excel 工作簿（*.xlsx）后重新提交", en: "a WPS Spreadsheets file (.et/.ett), which cannot be checked; in WPS, save it as an Excel workbook (*.xlsx) and submit it again" },
  ods: { zh: "OpenDocument 表格（.ods，LibreOffice/WPS 等保存），无法核对。请“另存为” Excel 2007-365 工作簿（.xlsx）后重新提交", en: "an OpenDocument spreadsheet (.ods), which cannot be checked; save it as an Excel 2007-365 workbook (.xlsx) and submit it again" },
  fods: { zh: "OpenDocument 平面 XML 表格（.fods），无法核对。请“另存为” Excel 2007-365 工作簿（.xlsx）后重新提交", en: "a flat OpenDocument spreadsheet (.fods), which cannot be checked; save it as an Excel 2007-365 workbook (.xlsx) and submit it again" },
  numbers: { zh: "Apple Numbers 表格（.numbers），无法核对。请在 Numbers 中“导出为 Excel”（.xlsx）后重新提交", en: "an Apple Numbers spreadsheet, which cannot be checked; in Numbers, export it to Excel (.xlsx) and submit it again" },
  csv: { zh: "CSV 文本文件：没有公式，也没有 StarScore 的布局，无法核对。请提交原始的 .xlsx 工作簿", en: "a CSV text file: it has no formulas and no StarScore layout, so it cannot be checked; submit the original .xlsx workbook" },
  spreadsheetml: { zh: "Excel 2003 XML 表格，无法核对。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后重新提交", en: "an Excel 2003 XML spreadsheet, which cannot be checked; save it as an Excel workbook (.xlsx) and submit it again" },
  html: { zh: "网页（HTML）文件，不是 Excel 工作簿（常见于从网站导出的“xls”）。请在 Excel 中打开后“另存为” Excel 工作簿（.xlsx）", en: "a web page (HTML), not an Excel workbook (as some websites export \"xls\" files); open it in Excel and save it as an Excel workbook (.xlsx)" },
  encrypted: { zh: "工作簿已加密（设有打开密码），无法核对。请取消密码后重新提交", en: "the workbook is encrypted (it has an open password); remove the password and submit it again" },
  word: { zh: "Word/WPS 文字文档，不是 Excel 工作簿", en: "a Word/WPS text document, not an Excel workbook" },
  presentation: { zh: "演示文稿，不是 Excel 工作簿", en: "a presentation, not an Excel workbook" },
  zip: { zh: "压缩包，不是 Excel 工作簿。请解压后提交其中的工作簿", en: "an archive, not an Excel workbook; unpack it and submit the workbook inside" },
  pdf: { zh: "PDF 文件，不是 Excel 工作簿", en: "a PDF file, not an Excel workbook" },
  picture: { zh: "图片，不是 Excel 工作簿", en: "a picture, not an Excel workbook" },
  json: { zh: "StarScore 评分数据（JSON），不是 Excel 工作簿", en: "StarScore assessment data (JSON), not an Excel workbook" },
  text: { zh: "文本文件，不是 Excel 工作簿", en: "a text file, not an Excel workbook" },
  unknown: { zh: "不是 Excel 工作簿（.xlsx）", en: "not an Excel workbook (.xlsx)" },
} as const satisfies Record<string, Reason>;
export type FileKind = keyof typeof FILE_KINDS;

/**
 * What a file's name says it is, for files the check does not read: evidence and other documents. A file a workbook
 * names as evidence is accounted for under that workbook (review/evidenceFiles.ts, `accountFor`), so a file listed
 * with one of these reasons is one no form names.
 */
const UNNAMED = { zh: "没有表格把它列为证明材料", en: "no form names it as evidence" };
const unnamed = (zh: string, en: string, after = { zh: "未检查内容", en: "its content was not checked" }): Reason => ({ zh: `${zh}，${UNNAMED.zh}，${after.zh}`, en: `${en}; ${UNNAMED.en}; ${after.en}` });
const BY_NAME: [RegExp, Reason][] = [
  [/\.pdf$/i, unnamed("PDF 文件", "a PDF file")],
  [/\.(png|jpe?g|gif|bmp|tiff?|webp|hei[cf])$/i, unnamed("图片", "a picture")],
  [/\.(docx?|docm|dotx?|wps|wpt|rtf|odt)$/i, unnamed("文字文档", "a text document")],
  [/\.(pptx?|dps|odp)$/i, unnamed("演示文稿", "a presentation")],
  [/\.(zip|rar|7z|tar|gz|tgz)$/i, unnamed("压缩包", "an archive", { zh: "未解压检查。如含工作簿，请解压后再检查", en: "not unpacked; if it holds workbooks, unpack it and check them" })],
  [/\.json$/i, { zh: "StarScore 评分数据（JSON），不是提交的工作簿，未检查", en: "StarScore assessment data (JSON), not a submitted workbook; not checked" }],
];
const LOCK: Reason = { zh: "表格程序的锁定文件（工作簿打开时自动生成），不是提交的文件", en: "a spreadsheet program's lock file (made while a workbook is open), not a submission" };
const OTHER: Reason = unnamed("不是表格文件", "not a spreadsheet");

/**
 * What the walk does with an entry of a folder: read it and check it; walk into it; refuse it with the reason
 * (无法读取); or list it as not checked, saying what it is (未检查).
 */
export type FolderEntry = { action: "read" } | { action: "walk" } | { action: "refuse"; reason: string } | { action: "list"; reason: string };

/**
 * The walk's one rule, by an entry's name and whether it is a folder. A folder named like a spreadsheet is read
 * (and refused as a folder), except a Numbers document, which a Mac saves as a folder.
 */
export function folderEntry(name: string, folder = false): FolderEntry {
  if (folder) {
    if (/\.numbers$/i.test(name)) return { action: "refuse", reason: reasonText(FILE_KINDS.numbers) };
    return namedLikeWorkbook(name) ? { action: "read" } : { action: "walk" };
  }
  if (isSubmission(name)) return { action: "read" };
  if (isLockFile(name)) return { action: "list", reason: reasonText(LOCK) };
  const known = BY_NAME.find(([pattern]) => pattern.test(name));
  return { action: "list", reason: reasonText(known?.[1] ?? OTHER) };
}

/** What a name's extension claims, for the content recognition's advice: `.et` and `.xls` share one container. */
export function claimedKind(name: string): "et" | "xlsb" | "ods" | "numbers" | "csv" | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "et" || ext === "ett") return "et";
  if (ext === "xlsb") return "xlsb";
  if (ext === "ods" || ext === "ots" || ext === "fods") return "ods";
  if (ext === "numbers") return "numbers";
  if (ext === "csv" || ext === "tsv") return "csv";
  return null;
}

/** The order the walk visits a folder's entries in (by UTF-16 code units, as the report and the JSON list them). */
export const walkOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
