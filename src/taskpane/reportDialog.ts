/**
 * The audit report, shown in an Office dialog (Office.context.ui.displayDialogAsync, DialogApi 1.1; the report
 * goes to it with dialog.messageChild, DialogApi 1.2), where the user prints it or saves it as PDF. A download
 * from the pane does nothing in Excel for Mac, whose WKWebView has no downloads (OfficeDev/office-js#2700, closed
 * by design), so the pane used to say "done" with nothing done. Success is now reported only when the dialog
 * says it shows the report.
 */

/** Parts small enough for any platform's dialog messages; the dialog puts them back together. */
const PART = 30_000;
const SHOWN_WITHIN_MS = 20_000;

interface Part {
  part: number;
  of: number;
  text: string;
}

export function reportParts(html: string): string[] {
  const of = Math.max(1, Math.ceil(html.length / PART));
  return Array.from({ length: of }, (_, part) => JSON.stringify({ part, of, text: html.slice(part * PART, (part + 1) * PART) } satisfies Part));
}

/** Whether this Office can open the dialog and send it the report. */
export function canShowInDialog(): boolean {
  return typeof Office !== "undefined" && Office.context?.ui?.displayDialogAsync !== undefined && Office.context.requirements?.isSetSupported("DialogApi", "1.2") === true;
}

/** Opens the dialog page (this pane's page with ?report) and sends it the report; resolves once it is shown. */
export function showReportInDialog(html: string): Promise<void> {
  const url = `${window.location.origin}${window.location.pathname}?report=1`;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 80, width: 60, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(opened.error.message));
        return;
      }
      const dialog = opened.value;
      const timer = setTimeout(() => reject(new Error("the report dialog did not confirm it shows the report")), SHOWN_WITHIN_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        const message = "message" in arg ? arg.message : null;
        if (message === "ready") for (const part of reportParts(html)) dialog.messageChild(part);
        else if (message === "shown") {
          clearTimeout(timer);
          resolve();
        } else if ("error" in arg) {
          clearTimeout(timer);
          reject(new Error(`the report dialog closed (${arg.error})`));
        }
      });
    });
  });
}

/** The dialog's side: asks for the report, puts its parts together, shows it, and says so. */
export function receiveReport(): void {
  const parts: string[] = [];
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg: { message: string }) => {
    const { part, of, text } = JSON.parse(arg.message) as Part;
    parts[part] = text;
    if (parts.filter((p) => p !== undefined).length < of) return;
    const doc = new DOMParser().parseFromString(parts.join(""), "text/html");
    document.documentElement.lang = doc.documentElement.lang;
    document.title = doc.title;
    document.head.append(...Array.from(doc.head.querySelectorAll("style")));
    document.body.replaceChildren(...Array.from(doc.body.childNodes));
    Office.context.ui.messageParent("shown");
  });
  Office.context.ui.messageParent("ready");
}
