// The reader as a browser runs it: a Web Worker that checks the files it is sent with checkBytes, the schemes
// bundled from their YAML. tests/browser/reader.test.ts bundles it (webpack, target webworker, no Node polyfills).
import type { FileCheck } from "../../src/review/verdict";
import { bundledSchemes } from "../../src/taskpane/schemes";
import { checkBytes } from "../../src/xlsx/check";

const schemes = new Map(bundledSchemes().map((s) => [s.id, s]));

self.onmessage = (event: MessageEvent<{ name: string; bytes: Uint8Array }>) => {
  const { name, bytes } = event.data;
  const result: FileCheck = checkBytes(name, bytes, schemes);
  self.postMessage(result);
};
