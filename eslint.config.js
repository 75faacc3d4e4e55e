// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");
const officeAddins = require("eslint-plugin-office-addins");

/** The pure core: scheme model, scoring, checks, sheet layout, reports. Data in, data out. */
const CORE = ["src/scheme/**", "src/scoring/**", "src/checks/**", "src/sheets/**", "src/report/**"];

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-web/**", "dist-web-test/**", "node_modules/**", "coverage/**", "docs/**", "bench/out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Office.js code: the add-in rules (no sync in a loop, load before read, …).
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly" } },
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "error"])),
  },
  {
    // The core must not reach an adapter: no Office.js, exceljs, React, UI kit or file system.
    files: CORE,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["fs", "node:fs", "fs/promises", "node:fs/promises", "path", "node:path", "child_process", "node:child_process", "exceljs", "react", "react-dom", "worker_threads", "node:worker_threads"].map((name) => ({
            name,
            message: "The core (scheme, scoring, checks, sheets, report) is pure: data in, data out. Do I/O in an adapter (src/cli, src/xlsx, src/excel).",
          })),
          patterns: [
            { group: ["@fluentui/*", "office-*", "@microsoft/office-js*"], message: "The core must not depend on the UI or Office.js." },
            { group: ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**"], message: "The core must not import an adapter; adapters import the core." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "Office", message: "No Office.js in the core." }, { name: "Excel", message: "No Office.js in the core." }],
    },
  },
);
