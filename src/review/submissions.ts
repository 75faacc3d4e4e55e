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

/** The largest file read whole, in the CLI, the workbench and the pane: a workbook with pictures is a few MB; more is not a submission. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
