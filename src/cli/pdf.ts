import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "./io";

/** Debian's chromium; `STARSCORE_CHROMIUM` names another (a Chrome or Chromium binary). */
export function chromiumPath(): string {
  return process.env["STARSCORE_CHROMIUM"] ?? "/usr/bin/chromium";
}

/** Fails with one line when the browser is not there, before anything is written. */
export function checkChromium(): string {
  const bin = chromiumPath();
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new UsageError(`--pdf needs Chromium, not found at ${bin}: install it (apt-get install chromium), set STARSCORE_CHROMIUM to a Chrome or Chromium binary, or leave out --pdf`);
  }
  return bin;
}

/**
 * Prints an HTML document to PDF with headless Chromium (A4 from the page's own @page rules, no header or
 * footer of the browser's). A fresh profile in a temporary folder, removed afterwards; nothing is fetched.
 */
export async function htmlToPdf(html: string, timeoutMs = 120_000): Promise<Buffer> {
  const bin = checkChromium();
  const work = mkdtempSync(path.join(tmpdir(), "starscore-pdf-"));
  try {
    const input = path.join(work, "report.html");
    const output = path.join(work, "report.pdf");
    writeFileSync(input, html);
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--no-pdf-header-footer",
      `--user-data-dir=${path.join(work, "profile")}`,
      `--print-to-pdf=${output}`,
      pathToFileURL(input).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(bin, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error === null) return resolve();
        const last = String(stderr).trim().split("\n").filter((l) => l.trim() !== "").pop() ?? error.message;
        reject(new UsageError(`Chromium could not print the PDF (${error.killed ? `no answer in ${timeoutMs / 1000} s` : last})`));
      });
    });
    let pdf: Buffer;
    try {
      pdf = readFileSync(output);
    } catch {
      throw new UsageError("Chromium ended without writing the PDF");
    }
    if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") throw new UsageError("Chromium wrote something that is not a PDF");
    return pdf;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
