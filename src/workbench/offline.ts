/**
 * Offline after a reload: the service worker (sw.js, beside the page) keeps the page's files. Browsers allow one on
 * https and on localhost only; elsewhere the page still works while it stays open.
 *
 * Its first install copies the page's files, blank forms included, into the browser's cache: tenths of a CPU second
 * that a check started at once would lose on a two-core machine. So the page asks for it a few seconds after it
 * opens, and never while a check runs (`whileChecking`); a visit that only ever checks still gets it a few seconds
 * after the check ends, once the results are drawn (asked for at once, its install ran while the table was drawn:
 * 0.7 s between the check's end and its summary on a loaded two-core machine).
 */
const SETTLE_MS = 3000;

let checking = 0;
let wanted = false;

function register(): void {
  if (!wanted || checking > 0) return;
  wanted = false;
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register("sw.js").catch(() => undefined);
}

/** Asks for the service worker once the page has settled. */
export function keepOffline(): void {
  setTimeout(() => {
    wanted = true;
    register();
  }, SETTLE_MS);
}

/** Runs a check; the service worker's install waits until it ends. */
export async function whileChecking<T>(run: () => Promise<T>): Promise<T> {
  checking++;
  try {
    return await run();
  } finally {
    checking--;
    setTimeout(register, SETTLE_MS);
  }
}
