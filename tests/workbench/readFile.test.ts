import { MAX_FILE_BYTES } from "../../src/review/refusals";
import { readSubmitted } from "../../src/workbench/readFile";

/** The worker reads the file it checks, and refuses one as `starscore check` does. */
describe("readSubmitted", () => {
  it("gives a file's bytes", async () => {
    expect(await readSubmitted(new Blob([new Uint8Array([80, 75, 3, 4])]))).toEqual(new Uint8Array([80, 75, 3, 4]));
  });

  it("refuses a file larger than the CLI reads, without reading it", async () => {
    let read = false;
    const huge = { size: MAX_FILE_BYTES + 1, arrayBuffer: () => ((read = true), Promise.reject(new Error("read"))) } as unknown as Blob;
    expect(await readSubmitted(huge)).toBe("文件过大（64 MB，上限 64 MB）/ file too large");
    expect(read).toBe(false);
  });

  it("says a file changed since it was chosen cannot be opened, naming the browser's reason", async () => {
    const changed = { size: 10, arrayBuffer: () => Promise.reject(Object.assign(new Error("changed"), { name: "NotReadableError" })) } as unknown as Blob;
    expect(await readSubmitted(changed)).toBe("无法打开 / cannot open (NotReadableError)");
  });
});
