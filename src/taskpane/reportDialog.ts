/**
 * The audit report, shown in an Office dialog (Office.context.ui.displayDialogAsync, DialogApi 1.1; the report
 * goes to it with dialog.messageChild, DialogApi 1.2), where the user prints it or saves it as PDF. A download
 * from the pane does nothing in Excel for Mac, whose WKWebView has no downloads (OfficeDev/office-js#2700, closed
 * by design), so success is reported only when the dialog says it shows the report.
 *
 * One dialog at a time: "A host window, such as a task pane, can only have one dialog box open at a time"
 * (error 12007, https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events), and
 * `dialog.close()` is asynchronous, so opening another right after it can fail the same way
 * (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-best-practices, "Opening another dialog
 * immediately after closing one"). So the dialog stays open and is reused: a second report goes to the dialog
 * already showing the first. It is forgotten when the user closes it (DialogEventReceived, 12006).
 *
 * The dialog says "ready" only once Office has confirmed its message handler (the callback of addHandlerAsync):
 * a message sent before that has no handler to receive it.
 */

/** Parts small enough for any platform's dialog messages; the dialog puts them back together. */
const PART = 30_000;
const SHOWN_WITHIN_MS = 20_000;
/** The dialog's answer when a report is on screen: `shown:<id>`. */
const SHOWN = "shown:";

interface Part {
  /** Which report the part belongs to: a reused dialog may get a second before the first is whole. */
  id: number;
  part: number;
  of: number;
  text: string;
}

export function reportParts(html: string, id = 0): string[] {
  const of = Math.max(1, Math.ceil(html.length / PART));
  return Array.from({ length: of }, (_, part) => JSON.stringify({ id, part, of, text: html.slice(part * PART, (part + 1) * PART) } satisfies Part));
}

/** Whether this Office can open the dialog and send it the report. */
export function canShowInDialog(): boolean {
  return typeof Office !== "undefined" && Office.context?.ui?.displayDialogAsync !== undefined && Office.context.requirements?.isSetSupported("DialogApi", "1.2") === true;
}

/** The dialog API refused or lost the dialog: `code` is Office's (12007: another dialog is open; 12006: closed by the user). */
export class DialogError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "DialogError";
  }
}

interface OpenDialog {
  dialog: Office.Dialog;
  /** Settles when the dialog has said it is ready (its handler is registered). */
  ready: Promise<void>;
  /** Reports sent and not yet shown, by id. */
  waiting: Map<number, { shown: () => void; failed: (e: Error) => void }>;
}

let current: OpenDialog | null = null;
let nextId = 1;

/** Opens the dialog page (this pane's page with ?report) and wires its messages. */
function openDialog(): Promise<OpenDialog> {
  const url = `${window.location.origin}${window.location.pathname}?report=1`;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 80, width: 60, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new DialogError(opened.error.code, opened.error.message));
        return;
      }
      const dialog = opened.value;
      let markReady: () => void = () => undefined;
      let notReady: (e: Error) => void = () => undefined;
      const ready = new Promise<void>((ok, fail) => {
        markReady = ok;
        notReady = fail;
      });
      const open: OpenDialog = { dialog, ready, waiting: new Map() };
      const timer = setTimeout(() => notReady(new Error("the report dialog did not say it is ready")), SHOWN_WITHIN_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        const message = "message" in arg ? arg.message : "";
        if (message === "ready") {
          clearTimeout(timer);
          markReady();
        } else if (message.startsWith(SHOWN)) {
          const id = Number(message.slice(SHOWN.length));
          open.waiting.get(id)?.shown();
          open.waiting.delete(id);
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        // Closed by the user (12006) or unloaded: forget it, and fail what it has not shown.
        const error = new DialogError("error" in arg ? arg.error : 12006, "the report dialog was closed");
        if (current === open) current = null;
        clearTimeout(timer);
        notReady(error);
        for (const w of open.waiting.values()) w.failed(error);
        open.waiting.clear();
      });
      current = open;
      resolve(open);
    });
  });
}

/** Shows the report in the dialog, opening it if none is open (and reusing the open one); resolves once it is shown. */
export async function showReportInDialog(html: string): Promise<void> {
  const open = current ?? (await openDialog());
  await open.ready;
  const id = nextId++;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      open.waiting.delete(id);
      reject(new Error("the report dialog did not confirm it shows the report"));
    }, SHOWN_WITHIN_MS);
    open.waiting.set(id, {
      shown: () => {
        clearTimeout(timer);
        resolve();
      },
      failed: (e) => {
        clearTimeout(timer);
        reject(e);
      },
    });
    for (const part of reportParts(html, id)) open.dialog.messageChild(part);
  });
}

/** Closes the report dialog if one is open (the self-test does, after showing one). Returns whether one was. */
export function closeReportDialog(): boolean {
  const open = current;
  if (open === null) return false;
  current = null;
  open.dialog.close();
  return true;
}

/** The dialog's side: once its handler is registered, asks for the report; puts each report together, shows it, and says so. */
export function receiveReport(): void {
  const reports = new Map<number, string[]>();
  const onMessage = (arg: { message: string }) => {
    const { id, part, of, text } = JSON.parse(arg.message) as Part;
    const parts = reports.get(id) ?? [];
    reports.set(id, parts);
    parts[part] = text;
    if (parts.filter((p) => p !== undefined).length < of) return;
    reports.delete(id);
    const doc = new DOMParser().parseFromString(parts.join(""), "text/html");
    document.documentElement.lang = doc.documentElement.lang;
    document.title = doc.title;
    for (const old of Array.from(document.head.querySelectorAll("style"))) old.remove();
    document.head.append(...Array.from(doc.head.querySelectorAll("style")));
    document.body.replaceChildren(...Array.from(doc.body.childNodes));
    Office.context.ui.messageParent(`${SHOWN}${id}`);
  };
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, onMessage, (registered) => {
    if (registered.status === Office.AsyncResultStatus.Succeeded) Office.context.ui.messageParent("ready");
    else document.body.textContent = `StarScore: ${registered.error.message}`;
  });
}
