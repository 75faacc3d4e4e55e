/**
 * The in-memory Office's document file: `Office.context.document.getFileAsync` as the Office.js reference
 * documents it for Excel, and stricter where it is silent. The browser test's Office stub hands this to the pane
 * (tests/browser/officeStub.ts); a test puts the workbook's bytes as last saved in `saved`.
 *
 * Documented (learn.microsoft.com/javascript/api/office):
 * - office.document, getFileAsync: "Returns the entire document file in slices of up to 4194304 bytes (4 MB). For
 *   add-ins on iPad, file slice is supported up to 65536 (64 KB). Note that specifying file slice size of above
 *   permitted limit will result in an "Internal Error" failure." Excel takes Office.FileType.Compressed and Pdf.
 * - office.getfileoptions, sliceSize: "The size of the slices in bytes. The maximum (and the default) is 4194304."
 * - office.file, closeAsync: "No more than two documents are allowed to be in memory; otherwise the
 *   Document.getFileAsync operation will fail. Use the File.closeAsync method to close the file when you are
 *   finished with the file."
 * - office.slice, data: "Files in the "compressed" format will return a byte array"; `index` zero-based, `size`.
 * - Every callback comes later, never inside the call (the Common API is asynchronous).
 *
 * Stricter where the documents are silent:
 * - one file open at a time, not two: a second getFileAsync before closeAsync fails;
 * - a slice asked for after closeAsync, or out of range, fails; closing twice fails;
 * - a slice size that is not a whole number of bytes above 0 fails, as one above the limit does;
 * - a workbook never saved has no file to hand over: getFileAsync fails (`saved` null);
 * - `platform = "ipad"` enforces the 64 KB limit.
 */

export const MAX_SLICE = 4194304;
export const MAX_SLICE_IPAD = 65536;

type Result<T> = { status: "succeeded"; value: T } | { status: "failed"; error: { code: number; name: string; message: string } };
type Callback<T> = (result: Result<T>) => void;

const INTERNAL = { code: 5001, name: "Internal Error", message: "An internal error has occurred." };
const later = <T>(callback: Callback<T> | undefined, result: Result<T>) => setTimeout(() => callback?.(result), 0);
const failed = (message: string, code = INTERNAL.code, name = INTERNAL.name) => ({ status: "failed" as const, error: { code, name, message } });

export interface FakeSlice {
  data: number[];
  index: number;
  size: number;
}

export interface FakeFile {
  size: number;
  sliceCount: number;
  getSliceAsync: (index: number, callback?: Callback<FakeSlice>) => void;
  closeAsync: (callback?: Callback<void>) => void;
}

export class FakeDocument {
  /** The workbook's file as last saved; null for a workbook never saved. */
  saved: Uint8Array | null = null;
  platform: "desktop" | "ipad" = "desktop";
  /** What the add-in asked for, for the tests: each getFileAsync's slice size, each slice index, each close. */
  readonly log: string[] = [];
  private open: { closed: boolean } | null = null;

  getFileAsync = (fileType: string, optionsOrCallback?: { sliceSize?: number } | Callback<FakeFile>, maybeCallback?: Callback<FakeFile>): void => {
    const options = typeof optionsOrCallback === "function" ? {} : (optionsOrCallback ?? {});
    const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback;
    const sliceSize = options.sliceSize ?? MAX_SLICE;
    this.log.push(`getFileAsync ${fileType} ${sliceSize}`);
    const limit = this.platform === "ipad" ? MAX_SLICE_IPAD : MAX_SLICE;
    if (fileType !== "compressed") return void later(callback, failed(`The fake hands over the compressed file only, not "${fileType}".`));
    if (!Number.isInteger(sliceSize) || sliceSize <= 0 || sliceSize > limit) return void later(callback, failed(`sliceSize ${sliceSize} is outside 1–${limit}.`));
    if (this.open !== null && !this.open.closed) return void later(callback, failed("A file is already open: close it with File.closeAsync first."));
    if (this.saved === null) return void later(callback, failed("The workbook has not been saved."));
    const bytes = this.saved.slice();
    const state = { closed: false };
    this.open = state;
    const file: FakeFile = {
      size: bytes.length,
      sliceCount: Math.ceil(bytes.length / sliceSize),
      getSliceAsync: (index, cb) => {
        this.log.push(`getSliceAsync ${index}`);
        if (state.closed) return void later(cb, failed("The file is closed."));
        if (!Number.isInteger(index) || index < 0 || index >= file.sliceCount) return void later(cb, failed(`No slice ${index} of ${file.sliceCount}.`));
        const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
        later(cb, { status: "succeeded", value: { data, index, size: data.length } });
      },
      closeAsync: (cb) => {
        this.log.push("closeAsync");
        if (state.closed) return void later(cb, failed("The file is already closed."));
        state.closed = true;
        later(cb, { status: "succeeded", value: undefined });
      },
    };
    later(callback, { status: "succeeded", value: file });
  };

  /** True while a file handed over has not been closed. */
  get fileOpen(): boolean {
    return this.open !== null && !this.open.closed;
  }
}
