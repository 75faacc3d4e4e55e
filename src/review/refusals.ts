/**
 * Why a file handed in gets no verdict of its own but 无法读取, in the report's words, and the limits behind them:
 * the same for the CLI (reading files from disk, worker threads) and the workbench page (files chosen in a
 * browser, Web Workers), so a reviewer reads the same reason wherever the file was checked.
 */

/** The largest file read whole, in the CLI, the workbench and the pane: a workbook with pictures is a few MB; more is not a submission. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The largest .zip read (a submission checked as its folder, or given to a report): one with scanned evidence runs to a few hundred MB. */
export const MAX_ZIP_BYTES = 512 * 1024 * 1024;

/** A file larger than the cap, refused before it is read. */
export const tooLarge = (bytes: number, maxBytes = MAX_FILE_BYTES): string =>
  `文件过大（${Math.round(bytes / 1048576)} MB，上限 ${Math.round(maxBytes / 1048576)} MB）/ file too large`;

/** An entry named like a workbook that is a folder. */
export const IS_FOLDER = "是文件夹 / a folder";

/** The time one file may take, unless the reviewer says otherwise (`check --timeout`). */
export const FILE_TIME_LIMIT_MS = 20_000;

/** What a file that took too long is told, in `check`'s report and in `score`'s one line. */
export const timedOut = (ms: number): string => `超时（超过 ${ms / 1000} 秒）/ timed out`;

/** A file whose check stopped its worker (a fault in StarScore, not in the file): reported, and the run goes on. */
export const checkFailed = (message: string): string => `检查出错 / check failed (${message})`;

/** An entry that could not be opened, with the system's reason (a code such as EACCES, or the browser's error name). */
export const cannotOpen = (why: string): string => `无法打开 / cannot open (${why})`;

/** A folder the walk could not list. */
export const unreadableFolder = (why: string): string => `无法读取文件夹：${why}`;
