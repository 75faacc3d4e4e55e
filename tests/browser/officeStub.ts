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
const book = new FakeWorkbook();
window.__book = book;
const stubs = window as unknown as Record<string, unknown>;
stubs.Office = {
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: params.get("lang") ?? "zh-CN",
    officeTheme: { bodyBackgroundColor: params.get("theme") === "dark" ? "#1f1f1f" : "#ffffff" },
  },
};
stubs.Excel = { run: book.run };
