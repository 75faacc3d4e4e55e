// A webpack plugin: the workbench's blank forms (forms/<scheme-id>-<role>.xlsx), written by scripts/make-forms.ts
// with the writer `starscore new` uses, emitted into the build wherever it goes (dist-web/, or --output-path).
const path = require("node:path");
const tsx = require("tsx/cjs/api");

class BlankForms {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("BlankForms", (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: "BlankForms", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        // Rebuilt when a scheme changes (npm start watches them).
        compilation.contextDependencies.add(path.resolve(__dirname, "..", "schemes"));
        const { blankForms } = tsx.require("./make-forms.ts", __filename);
        for (const f of await blankForms()) compilation.emitAsset(f.file, new sources.RawSource(f.bytes));
      });
    });
  }
}

module.exports = { BlankForms };
