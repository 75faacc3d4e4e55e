import { cannotOpen, MAX_FILE_BYTES, tooLarge } from "../review/refusals";
import { errorName } from "./walk";

/**
 * A file handed to the check, read as the CLI reads one: its bytes, or why not (larger than the CLI reads, or
 * changed or gone since it was chosen). The worker that checks the file calls it, not the page: in Chromium a chosen
 * file's size and its bytes each cost a round trip to the browser process (about 3 ms a file), which on the page's
 * own thread would stall every other file's hand-over.
 */
export async function readSubmitted(file: Blob): Promise<Uint8Array | string> {
  try {
    if (file.size > MAX_FILE_BYTES) return tooLarge(file.size);
    return new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return cannotOpen(errorName(e));
  }
}
