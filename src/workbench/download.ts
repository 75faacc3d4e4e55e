/** Saving and printing what the page made, without a server: a Blob to the browser's downloads, HTML to its print dialog. */

/** Hands `data` to the browser as a download named `name` (from a blob: URL of this origin: nothing is sent anywhere). */
export function download(name: string, data: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const HTML = "text/html;charset=utf-8";
export const CSV = "text/csv;charset=utf-8";
export const JSON_TYPE = "application/json;charset=utf-8";

/**
 * Prints a self-contained HTML document (a report, a notice) through the browser's print dialog, where "Save as
 * PDF" is one of the printers: laid out in a hidden frame on this page, so its own print CSS (A4) applies.
 */
export function printHtml(html: string): void {
  const frame = document.createElement("iframe");
  frame.setAttribute("aria-hidden", "true");
  frame.style.cssText = "position:fixed;width:0;height:0;border:0;left:-9999px";
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.append(frame);
}

/** A file name from what the page shows (a path in a folder): no folder separators, no characters Windows refuses. */
// eslint-disable-next-line no-control-regex
export const fileSafe = (name: string): string => name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_");
