// Stands in for office.js in the browser test: `Office` with onReady and the display language, and `Excel` as
// the in-memory Excel (tests/fakes/excel.ts), with the same semantics the adapter tests rely on. The test
// serves this in place of Microsoft's office.js URL, so the page loads exactly as it does in Excel.
import { FakeWorkbook } from "../fakes/excel";
import { FakeDocument } from "../fakes/officeDocument";

declare global {
  interface Window {
    __book: FakeWorkbook;
    /** The workbook's file as Office hands it over (getFileAsync): a test puts the bytes as last saved in `saved`. */
    __document: FakeDocument;
  }
}

const params = new URLSearchParams(window.location.search);

type Handler = (arg: { message: string }) => void;
type EventHandler = (arg: { error: number }) => void;

/**
 * Office's dialog API as a popup window: displayDialogAsync opens the URL with window.open (Playwright sees the
 * popup); messageChild / messageParent travel as window messages, in order, as Office delivers them. As strict as
 * the documentation:
 * - one dialog at a time: while one is open, displayDialogAsync fails with 12007, "A dialog box is already opened
 *   from this host window" (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events);
 * - `close()` is asynchronous ("It doesn't take a callback parameter", the Office.Dialog reference; dialog best
 *   practices, "Opening another dialog immediately after closing one"): the popup goes a moment later, and until
 *   then the dialog still counts as open;
 * - the user closing the popup raises DialogEventReceived with 12006;
 * - the dialog's handler (addHandlerAsync) is registered asynchronously and confirmed by its callback; a message
 *   that arrives before that has no handler and is lost.
 */
function dialogUi(): object {
  let open: Window | null = null;
  return {
    displayDialogAsync: (url: string, _options: object, callback: (r: object) => void) => {
      if (open !== null && !open.closed) {
        callback({ status: "failed", error: { code: 12007, message: "A dialog box is already opened from this host window." } });
        return;
      }
      const child = window.open(url);
      open = child;
      const messages: Handler[] = [];
      const events: EventHandler[] = [];
      let closedByPane = false;
      window.addEventListener("message", (e: MessageEvent<{ toParent?: string }>) => {
        if (e.source === child && e.data.toParent !== undefined) for (const h of messages) h({ message: e.data.toParent });
      });
      const watch = setInterval(() => {
        if (child === null || !child.closed) return;
        clearInterval(watch);
        if (!closedByPane) for (const h of events) h({ error: 12006 });
      }, 50);
      const dialog = {
        addEventHandler: (type: string, h: Handler & EventHandler) => (type === "dialogEventReceived" ? events : messages).push(h),
        messageChild: (message: string) => child?.postMessage({ toChild: message }, "*"),
        close: () => {
          closedByPane = true;
          setTimeout(() => child?.close(), 100);
        },
      };
      callback({ status: "succeeded", value: dialog });
    },
    messageParent: (message: string) => (window.opener as Window | null)?.postMessage({ toParent: message }, "*"),
    addHandlerAsync: (_type: string, h: Handler, callback?: (r: object) => void) => {
      setTimeout(() => {
        window.addEventListener("message", (e: MessageEvent<{ toChild?: string }>) => {
          if (e.data.toChild !== undefined) h({ message: e.data.toChild });
        });
        callback?.({ status: "succeeded" });
      }, 100);
    },
  };
}
const book = new FakeWorkbook();
// ?platform=web: Excel on the web's events (no onChanged for a dropdown pick, none for selecting the selected cell).
if (params.get("platform") === "web") book.platform = "web";
window.__book = book;
const fileOfBook = new FakeDocument();
window.__document = fileOfBook;
const stubs = window as unknown as Record<string, unknown>;
stubs.Office = {
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  FileType: { Compressed: "compressed", Pdf: "pdf", Text: "text" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived", DialogParentMessageReceived: "dialogParentMessageReceived" },
  // ?host=none: the page opened in a browser, outside Office, where onReady answers with no host.
  onReady: (callback?: (info: { host: string | null; platform: string | null }) => void) => {
    const info = params.get("host") === "none" ? { host: null, platform: null } : { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: params.get("lang") ?? "zh-CN",
    // Excel on the web gives no officeTheme (office-js#6134): ?theme=none leaves it undefined.
    officeTheme: params.get("theme") === "none" ? undefined : { bodyBackgroundColor: params.get("theme") === "dark" ? "#1f1f1f" : "#ffffff" },
    diagnostics: { host: "Excel", platform: "OfficeOnline", version: "in-memory Excel (tests/fakes/excel.ts)" },
    // ?dialog=none: an Office without DialogApi 1.2, where the report falls back to a download.
    requirements: { isSetSupported: (set: string) => !(set === "DialogApi" && params.get("dialog") === "none") },
    ui: dialogUi(),
    document: { url: params.get("url") ?? null, getFileAsync: fileOfBook.getFileAsync },
  },
};
stubs.Excel = { run: book.run };
