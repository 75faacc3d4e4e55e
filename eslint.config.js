// @ts-check
const path = require("node:path");
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");
const officeAddins = require("eslint-plugin-office-addins");
const { builtinModules } = require("node:module");

/**
 * The pure core, floor by floor from the ground up: each folder may import the floors below it, never one
 * above, and never an adapter (src/excel, src/xlsx, src/taskpane, src/cli). docs/architecture.md explains them.
 */
const FLOORS = ["scheme", "findings", "scoring", "sheets", "review", "report"];

/** What no core file may import: Office.js, exceljs, React, the UI kit, the file system, workers. */
const PURE_PATHS = ["fs", "node:fs", "fs/promises", "node:fs/promises", "path", "node:path", "child_process", "node:child_process", "exceljs", "react", "react-dom", "worker_threads", "node:worker_threads"].map((name) => ({
  name,
  message: "The core (scheme, findings, scoring, sheets, review, report) is pure: data in, data out. Do I/O in an adapter (src/cli, src/xlsx, src/excel).",
}));
const PURE_PATTERNS = [
  { group: ["@fluentui/*", "office-*", "@microsoft/office-js*"], message: "The core must not depend on the UI or Office.js." },
  { group: ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**"], message: "The core must not import an adapter; adapters import the core." },
];

/** One no-restricted-imports block per core floor: the adapters and every floor above it are out of reach. */
function floor(name, index) {
  const below = FLOORS.slice(0, index);
  const above = FLOORS.slice(index + 1);
  const upward = above.length === 0 ? [] : [{
    group: above.map((f) => `**/${f}/**`),
    message: `src/${name} stands on ${below.length === 0 ? "nothing else in the core" : below.map((f) => `src/${f}`).join(", ")}: it must not import ${above.map((f) => `src/${f}`).join(", ")} (floors: ${FLOORS.join(" → ")}). Move the shared piece down a floor.`,
  }];
  return {
    files: [`src/${name}/**`],
    rules: { "no-restricted-imports": ["error", { paths: PURE_PATHS, patterns: [...PURE_PATTERNS, ...upward] }] },
  };
}

/**
 * The reader (src/xlsx: zip, XML, worksheets, the check of a file's bytes) is one code path for Node and the
 * browser: no Node module, no Node global, no adapter. The exceptions, by name: write.ts writes with exceljs for
 * the CLI and stays Node-only (docs/architecture.md, "The browser-safe reader").
 */
const NODE_ONLY_IN_XLSX = ["src/xlsx/write.ts"];
const NODE_GLOBALS = ["Buffer", "process", "global", "require", "__dirname", "__filename", "setImmediate"];

/** Rules for code that runs in a browser: no Node module (by either name), none of `adapters`, no Node global. */
function browserSafe(message, adapters, globalsToo = []) {
  return {
    "no-restricted-imports": [
      "error",
      {
        paths: [...builtinModules, "exceljs"].map((name) => ({ name, message })),
        patterns: [{ regex: "^node:", message }, adapters],
      },
    ],
    "no-restricted-globals": ["error", ...[...NODE_GLOBALS, ...globalsToo].map((name) => ({ name, message }))],
  };
}

const READER_MESSAGE = "src/xlsx reads a package with one code path in Node and the browser: bytes are a Uint8Array, text comes from TextDecoder; file access belongs in the CLI adapter (src/cli).";
const reader = {
  files: ["src/xlsx/**"],
  ignores: NODE_ONLY_IN_XLSX,
  rules: {
    ...browserSafe(READER_MESSAGE, {
      group: ["**/cli/**", "**/excel/**", "**/taskpane/**", ...NODE_ONLY_IN_XLSX.map((f) => `./${path.basename(f, ".ts")}`)],
      message: `${READER_MESSAGE} (It imports no adapter, nor ${NODE_ONLY_IN_XLSX.join(", ")}.)`,
    }),
    // A Buffer in a signature alone is caught too: the browser hands the reader a Uint8Array.
    "@typescript-eslint/no-restricted-types": ["error", { types: { Buffer: { message: READER_MESSAGE, fixWith: "Uint8Array" } } }],
  },
};

/**
 * The workbench page (src/workbench) runs in a browser on the reviewer's machine: the core and the browser-safe
 * reader, no Node module or global, no CLI, no Office.js, nothing that writes with exceljs.
 */
const WORKBENCH_MESSAGE = "src/workbench runs in a browser: the core and the browser-safe reader only (docs/architecture.md).";
const workbench = {
  files: ["src/workbench/**"],
  languageOptions: { globals: { ...globals.browser } },
  rules: browserSafe(WORKBENCH_MESSAGE, { group: ["**/cli/**", "**/excel/**", ...NODE_ONLY_IN_XLSX.map((f) => `**/${f.replace(/^src\//, "").replace(/\.ts$/, "")}`)], message: WORKBENCH_MESSAGE }, ["Office", "Excel"]),
};

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
  ...FLOORS.map(floor),
  reader,
  workbench,
  {
    // No Office.js globals in the core either.
    files: FLOORS.map((f) => `src/${f}/**`),
    rules: {
      "no-restricted-globals": ["error", { name: "Office", message: "No Office.js in the core." }, { name: "Excel", message: "No Office.js in the core." }],
    },
  },
);
