#!/usr/bin/env node
"use strict";
// Node 22 keeps the compiled code of the modules a command loads (zod above all) in a cache on disk, so later
// starts skip compiling them; Node 20 has no such cache and starts as before.
require("node:module").enableCompileCache?.();
// The CLI is compiled to dist/ by `npm install` (the prepare script) or `npm run build:cli`.
let cli;
try {
  cli = require("../dist/src/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("starscore: not built yet — run `npm install` (or `npm run build:cli`) in the StarScore folder\n");
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
