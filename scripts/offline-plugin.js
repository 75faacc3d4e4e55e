// A webpack plugin: the workbench's service worker (sw.js, from src/workbench/sw.js) with the list of the page's
// files written in, and a version made from their contents, so a new build replaces the cached one. The pane's
// files are not listed: the service worker leaves them to the network.
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const SOURCE = path.resolve(__dirname, "..", "src", "workbench", "sw.js");

/** The files the page needs offline: itself, its scripts and workers, its forms, its icon. Not the pane's. */
const forWorkbench = (name) => name === "index.html" || name.startsWith("forms/") || name === "assets/icon-32.png" || (name.endsWith(".js") && !/^(taskpane|commands)\./.test(name));

class OfflineWorkbench {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("OfflineWorkbench", (compilation) => {
      // After every other asset (pages, scripts, forms) is in place.
      compilation.hooks.processAssets.tap({ name: "OfflineWorkbench", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        compilation.fileDependencies.add(SOURCE);
        const files = Object.keys(compilation.assets).filter(forWorkbench).sort();
        const hash = createHash("sha256");
        for (const f of files) hash.update(f).update(compilation.assets[f].source());
        const code = fs
          .readFileSync(SOURCE, "utf8")
          .replace("const FILES = []; // FILES", `const FILES = ${JSON.stringify(files)};`)
          .replace('const VERSION = "dev"; // VERSION', `const VERSION = ${JSON.stringify(hash.digest("hex").slice(0, 16))};`);
        compilation.emitAsset("sw.js", new sources.RawSource(code));
      });
    });
  }
}

module.exports = { OfflineWorkbench };
