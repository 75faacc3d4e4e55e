import { FileReadError, readSavedFile, SLICE_BYTES } from "../../src/excel/savedFile";
import { FakeDocument, MAX_SLICE, type FakeFile } from "./officeDocument";

/**
 * The in-memory Office's getFileAsync holds to what the Office.js reference says (slices of at most 4 MB, the
 * default too; a byte array per slice; close the file when done) and is stricter where it is silent; the pane's
 * reader of the saved file reads every slice once, in order, and always closes the file.
 */
const office = globalThis as unknown as { Office?: unknown };
beforeAll(() => {
  office.Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } };
});
afterAll(() => {
  delete office.Office;
});

const COMPRESSED = "compressed" as unknown as Office.FileType;
const asDocument = (d: FakeDocument) => d as unknown as Pick<Office.Document, "getFileAsync">;
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);

type Result<T> = { status: string; value?: T; error?: { message: string } };
const call = <T>(f: (cb: (r: Result<T>) => void) => void) => new Promise<Result<T>>((resolve) => f(resolve));

describe("the in-memory Office's document file", () => {
  it("hands the saved file over in slices of the size asked for, 4 MB by default, never more", async () => {
    const doc = new FakeDocument();
    doc.saved = bytes(MAX_SLICE + 10);
    const whole = await call<FakeFile>((cb) => doc.getFileAsync("compressed", cb));
    expect([whole.status, whole.value?.sliceCount, whole.value?.size]).toEqual(["succeeded", 2, MAX_SLICE + 10]);
    const last = await call<{ data: number[]; index: number; size: number }>((cb) => whole.value?.getSliceAsync(1, cb));
    expect([Array.isArray(last.value?.data), last.value?.index, last.value?.size]).toEqual([true, 1, 10]);
    await call((cb) => whole.value?.closeAsync(cb));
    const tooBig = await call((cb) => doc.getFileAsync("compressed", { sliceSize: MAX_SLICE + 1 }, cb));
    expect(tooBig.status).toBe("failed");
    doc.platform = "ipad";
    expect((await call((cb) => doc.getFileAsync("compressed", { sliceSize: 65537 }, cb))).status).toBe("failed");
  });

  it("answers later, never inside the call", () => {
    const doc = new FakeDocument();
    doc.saved = bytes(10);
    let answered = false;
    doc.getFileAsync("compressed", () => (answered = true));
    expect(answered).toBe(false);
  });

  it("is stricter where the documents are silent: one file open at a time, nothing after close, no unsaved workbook", async () => {
    const doc = new FakeDocument();
    expect((await call((cb) => doc.getFileAsync("compressed", cb))).status).toBe("failed");
    doc.saved = bytes(100);
    const file = (await call<FakeFile>((cb) => doc.getFileAsync("compressed", { sliceSize: 40 }, cb))).value as FakeFile;
    expect((await call((cb) => doc.getFileAsync("compressed", cb))).status).toBe("failed");
    expect((await call((cb) => file.getSliceAsync(3, cb))).status).toBe("failed");
    await call((cb) => file.closeAsync(cb));
    expect(doc.fileOpen).toBe(false);
    expect((await call((cb) => file.getSliceAsync(0, cb))).status).toBe("failed");
    expect((await call((cb) => file.closeAsync(cb))).status).toBe("failed");
    expect((await call((cb) => doc.getFileAsync("pdf", cb))).status).toBe("failed");
  });
});

describe("reading the saved file for the 审核 tab", () => {
  it("reads every slice once, in order, into the file's bytes, and closes it", async () => {
    const doc = new FakeDocument();
    doc.saved = bytes(3 * SLICE_BYTES + 123);
    const got = await readSavedFile(asDocument(doc), COMPRESSED, 64 * 1024 * 1024);
    expect(got).toEqual(doc.saved);
    expect(doc.log).toEqual([`getFileAsync compressed ${SLICE_BYTES}`, "getSliceAsync 0", "getSliceAsync 1", "getSliceAsync 2", "getSliceAsync 3", "closeAsync"]);
    expect(doc.fileOpen).toBe(false);
  });

  it("says why when Office refuses, refuses a file above the cap before reading it, and closes the file whatever happens", async () => {
    const unsaved = new FakeDocument();
    await expect(readSavedFile(asDocument(unsaved), COMPRESSED, 1000)).rejects.toThrow(FileReadError);
    const big = new FakeDocument();
    big.saved = bytes(2000);
    await expect(readSavedFile(asDocument(big), COMPRESSED, 1000)).rejects.toThrow(/文件过大/);
    expect(big.log).toEqual([`getFileAsync compressed ${SLICE_BYTES}`, "closeAsync"]);
    expect(big.fileOpen).toBe(false);
    // A second check after the first is refused: the file was closed, so Office hands it over again.
    big.saved = bytes(500);
    await expect(readSavedFile(asDocument(big), COMPRESSED, 1000)).resolves.toHaveLength(500);
  });
});
