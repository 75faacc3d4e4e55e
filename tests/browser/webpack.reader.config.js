// Bundles the reader for a Web Worker (tests/browser/readerWorker.ts) as the browser runs it: target webworker,
// no Node polyfills (webpack 5 brings none, and node: false drops its __dirname/global shims), so a Node module or
// global anywhere in the reading path fails the build or the test. `--env out=<folder>` says where it goes.
const path = require("node:path");

module.exports = (env = {}) => ({
  // Development: no minifier, so the test's one bundle builds in seconds; no devtool, so no eval.
  mode: "development",
  devtool: false,
  target: "webworker",
  node: false,
  entry: path.resolve(__dirname, "readerWorker.ts"),
  output: { path: env.out ?? path.resolve(__dirname, "..", "..", "dist-web-test", "reader"), filename: "reader-worker.js" },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      { test: /\.ts$/, loader: "ts-loader", options: { configFile: path.resolve(__dirname, "..", "..", "tsconfig.web.json"), transpileOnly: true } },
      { test: /\.ya?ml$/, loader: path.resolve(__dirname, "..", "..", "scripts", "yaml-loader.js") },
    ],
  },
  performance: { hints: false },
});
