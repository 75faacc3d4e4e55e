/**
 * The open workbook's file as Office hands it to an add-in: `Office.context.document.getFileAsync` in the Office Open
 * XML ("compressed") format, read slice by slice, then closed. As the Office.js reference documents it
 * (https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1),
 * office.getfileoptions, office.file, office.slice):
 * - slices are at most 4194304 bytes (4 MB), the default too; a larger `sliceSize` fails ("Internal Error"), and on
 *   iPad the limit is 65536 (64 KB), so that is what we ask for: small slices cost a round trip each, and a
 *   submission is a few hundred KB;
 * - each slice's `data` is the bytes as an array of numbers;
 * - "No more than two documents are allowed to be in memory; otherwise the Document.getFileAsync operation will
 *   fail. Use the File.closeAsync method to close the file when you are finished": we close it whatever happens.
 * Failures seen in the field come back as AsyncResult errors (Permission Denied 7000 on some Excel builds,
 * OfficeDev/office-js#757; a network problem on the web after a rename, OfficeDev/office-js#98): a FileReadError
 * with Office's own message, never a crash.
 */

/** A slice size every platform accepts (iPad's limit). */
import { tooLarge } from "../review/refusals";
export const SLICE_BYTES = 65536;

export class FileReadError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
  ) {
    super(message);
    this.name = "FileReadError";
  }
}

type Callback<T> = (result: Office.AsyncResult<T>) => void;

function settle<T>(call: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    call((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new FileReadError(result.error?.message ?? "Office could not hand over the file", result.error?.code ?? null));
    }),
  );
}

/**
 * The workbook's file, every slice read in order into one buffer of the size Office announced; refused above
 * `maxBytes` before a slice is read. The file is closed even when a slice fails.
 */
export async function readSavedFile(document: Pick<Office.Document, "getFileAsync">, fileType: Office.FileType, maxBytes: number, sliceSize = SLICE_BYTES): Promise<Uint8Array> {
  const file = await settle<Office.File>((cb) => document.getFileAsync(fileType, { sliceSize }, cb));
  try {
    if (file.size > maxBytes) throw new FileReadError(tooLarge(file.size, maxBytes), null);
    const bytes = new Uint8Array(file.size);
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await settle<Office.Slice>((cb) => file.getSliceAsync(i, cb));
      const data = slice.data as ArrayLike<number>;
      if (slice.index !== i || at + data.length > file.size) throw new FileReadError(`文件分片不符（第 ${i + 1} 片）/ slice ${i} does not fit the file`, null);
      bytes.set(data, at);
      at += data.length;
    }
    if (at !== file.size) throw new FileReadError(`文件不完整（${at} / ${file.size} 字节）/ file incomplete`, null);
    return bytes;
  } finally {
    await settle<void>((cb) => file.closeAsync(cb)).catch(() => undefined);
  }
}
