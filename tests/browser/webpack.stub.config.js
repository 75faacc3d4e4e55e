// Bundles the Office stub (tests/browser/officeStub.ts, which carries the in-memory Excel) for the browser test.
const path = require("node:path");

module.exports = {
  mode: "production",
  devtool: false,
  entry: path.resolve(__dirname, "officeStub.ts"),
  output: { path: path.resolve(__dirname, "..", "..", "dist-web-test"), filename: "office-stub.js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { configFile: path.resolve(__dirname, "..", "..", "tsconfig.web.json"), transpileOnly: true } }] },
  performance: { hints: false },
};
