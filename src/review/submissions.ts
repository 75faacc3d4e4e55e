/**
 * Which entries of a folder handed in are submissions: the one place for the rules that the CLI's folder walk
 * (cli/submitted.ts) and a browser's folder drop both apply. `name` is an entry's own name, without its folder.
 */

/** What a spreadsheet program saves as an Excel workbook that StarScore reads: .xlsx, .xlsm (any case). */
const WORKBOOK = /\.xls[xm]$/i;

/** Named like a workbook: a submission, or an entry that should have been one (a folder or a broken link so named). */
export const namedLikeWorkbook = (name: string): boolean => WORKBOOK.test(name);

/** Excel's lock file beside a workbook open in Excel ("~$name.xlsx"): a few bytes naming the user, not a submission. */
export const isLockFile = (name: string): boolean => name.startsWith("~$");

/** A file found in a folder that the check reads: named like a workbook, and not Excel's lock file. */
export const isSubmission = (name: string): boolean => namedLikeWorkbook(name) && !isLockFile(name);

/** What the folder walk does with an entry it finds in a folder: walk into it, check it, or pass it by. */
export type WalkStep = "walk" | "check" | "skip";

/**
 * The folder walk's rule for one entry, the same in the CLI (cli/submitted.ts) and the workbench page: a folder is
 * walked into unless it is named like a workbook (then it is a submission that cannot be opened), a submission
 * is checked, anything else is passed by.
 */
export function walkStep(name: string, isFolder: boolean): WalkStep {
  if (isFolder && !namedLikeWorkbook(name)) return "walk";
  return isSubmission(name) ? "check" : "skip";
}

/** The order the walk visits a folder's entries in (by UTF-16 code units, as the report and the JSON list them). */
export const walkOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
