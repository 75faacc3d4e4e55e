// Builds the task pane (React 18 + Fluent UI v9) into dist-web/ with the manifest beside it. `npm run build` for
// production (manifest for https://localhost:3000); `npm run build -- --env url=https://host/path/ [--env id=<guid>]`
// for hosting at that location (see README.md, "Deploy for your organisation"); `npm start` serves it over https on
// localhost:3000. office.js comes from Microsoft: its worldwide CDN by default, or the URL given by
// OFFICE_JS_URL / `--env officeJs=<url>`, or `--env china` for Microsoft 365 operated by 21Vianet.
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { hostedManifest, DEV_ORIGIN } = require("./scripts/hosted-manifest");
const { BlankForms } = require("./scripts/forms-plugin");
const { OfflineWorkbench } = require("./scripts/offline-plugin");

const WORLDWIDE = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHINA = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

/** Copies assets/ (the icons the manifest names) and the manifest for its host into the build, so dist-web is complete to host. */
class CopyAssets {
  constructor(manifest) {
    this.manifest = manifest;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("CopyAssets", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "CopyAssets", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const dir = path.resolve(__dirname, "assets");
        for (const f of fs.readdirSync(dir)) compilation.emitAsset(`assets/${f}`, new sources.RawSource(fs.readFileSync(path.join(dir, f))));
        compilation.emitAsset("manifest.xml", new sources.RawSource(this.manifest));
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const officeJsUrl = env.officeJs ?? process.env.OFFICE_JS_URL ?? (env.china ? CHINA : WORLDWIDE);
  const officeJsOrigin = new URL(officeJsUrl).origin;
  const manifest = hostedManifest(fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8"), env.url ?? `${DEV_ORIGIN}/`, env.id);
  const html = (template, filename, chunks) => new HtmlWebpackPlugin({ template, filename, chunks, templateParameters: { officeJsUrl, officeJsOrigin }, minify: production });
  const config = {
    mode: production ? "production" : "development",
    // No eval-based source maps: the page's CSP forbids eval, in development too.
    devtool: production ? false : "source-map",
    // The workbench (index.html: forms, check, report, cycle in the browser) opens at the location's root.
    entry: { taskpane: "./src/taskpane/index.tsx", commands: "./src/taskpane/commands.ts", workbench: "./src/workbench/index.tsx" },
    output: { path: path.resolve(__dirname, "dist-web"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: "ts-loader", exclude: /node_modules/, options: { configFile: "tsconfig.web.json", transpileOnly: true } },
        { test: /\.ya?ml$/, loader: path.resolve(__dirname, "scripts/yaml-loader.js") },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    plugins: [new CopyAssets(manifest), html("./src/taskpane/taskpane.html", "taskpane.html", ["taskpane"]), html("./src/taskpane/commands.html", "commands.html", ["commands"]), html("./src/taskpane/help.html", "help.html", []), html("./src/workbench/index.html", "index.html", ["workbench"]), new BlankForms(), new OfflineWorkbench()],
    performance: { hints: false },
    // Terser as webpack sets it (two passes), but without moving functions into their callers (inline, reduce_funcs)
    // or collapsing single-use variables into the expressions that use them. Together those rebuild the long
    // functions the reader was split into small ones for (the XML tokenizer's tag methods, the tamper rules' parts;
    // issue 19), and Chromium's V8 then optimises the check's hot code later. The workbench checked 300 files in
    // 3.34 s with them and 2.64 s without (medians of 8 paired runs in one browser; either alone made no difference),
    // the bundles 0.2–0.6% larger. Dead code is still removed.
    optimization: { minimizeOptions: { javascript: { compress: { passes: 2, inline: false, reduce_funcs: false, collapse_vars: false } } } },
  };
  if (!production) {
    const devCerts = require("office-addin-dev-certs");
    let https;
    try {
      https = await devCerts.getHttpsServerOptions();
    } catch (e) {
      console.warn(`office-addin-dev-certs could not provide a trusted certificate (${e.message}); serving with a self-signed one.`);
      https = true;
    }
    config.devServer = {
      port: 3000,
      host: "localhost",
      server: https === true ? "https" : { type: "https", options: https },
      static: [{ directory: path.resolve(__dirname, "assets"), publicPath: "/assets" }],
      headers: { "Access-Control-Allow-Origin": "https://localhost:3000" },
      client: false,
      hot: false,
      liveReload: false,
    };
  }
  return config;
};
