// Stands in for office.js in the browser test: `Office` with onReady and the display language, and `Excel` as
// the in-memory Excel (tests/fakes/excel.ts), with the same semantics the adapter tests rely on. The test
// serves this in place of Microsoft's office.js URL, so the page loads exactly as it does in Excel.
import { FakeWorkbook } from "../fakes/excel";

declare global {
  interface Window {
    __book: FakeWorkbook;
  }
}

const params = new URLSearchParams(window.location.search);

type Handler = (arg: { message: string }) => void;

/**
 * Office's dialog API as a popup window: displayDialogAsync opens the URL with window.open (Playwright sees the
 * popup); messageChild / messageParent travel as window messages, in order, as Office delivers them.
 */
function dialogUi(): object {
  return {
    displayDialogAsync: (url: string, _options: object, callback: (r: object) => void) => {
      const child = window.open(url);
      const handlers: Handler[] = [];
      window.addEventListener("message", (e: MessageEvent<{ toParent?: string }>) => {
        if (e.source === child && e.data.toParent !== undefined) for (const h of handlers) h({ message: e.data.toParent });
      });
      const dialog = {
        addEventHandler: (_type: string, h: Handler) => handlers.push(h),
        messageChild: (message: string) => child?.postMessage({ toChild: message }, "*"),
        close: () => child?.close(),
      };
      callback({ status: "succeeded", value: dialog });
    },
    messageParent: (message: string) => (window.opener as Window | null)?.postMessage({ toParent: message }, "*"),
    addHandlerAsync: (_type: string, h: Handler) => {
      window.addEventListener("message", (e: MessageEvent<{ toChild?: string }>) => {
        if (e.data.toChild !== undefined) h({ message: e.data.toChild });
      });
    },
  };
}
const book = new FakeWorkbook();
window.__book = book;
const stubs = window as unknown as Record<string, unknown>;
stubs.Office = {
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogParentMessageReceived: "dialogParentMessageReceived" },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
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
  },
};
stubs.Excel = { run: book.run };
