#!/usr/bin/env node
// npm start: serves the task pane on https://localhost:3000 (webpack-dev-server with office-addin-dev-certs)
// and, where desktop Excel is installed (Windows, macOS), sideloads manifest.xml into it. Elsewhere (Linux)
// the server keeps running and this prints how to load the manifest into Excel on the web. The URL is printed
// once webpack has finished building the pane, so it can be opened as soon as it appears.
const path = require("node:path");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../webpack.config");
const { announceWhenBuilt } = require("./announce");
const { startMessage } = require("./startMessage");
const { sideload } = require("./sideload");

const root = path.join(__dirname, "..");
const manifest = path.join(root, "manifest.xml");

/** What sideloading into desktop Excel did, or null where there is none (or it failed: then the manual steps). */
function sideloaded() {
  try {
    return sideload(manifest);
  } catch (e) {
    console.warn(`Could not sideload into desktop Excel (${e.message}); load the manifest by hand as below.`);
    return null;
  }
}

async function main() {
  const config = await makeConfig({}, { mode: "development" });
  // The dev server's own "running at" lines come before the build is done, its build summary after our line: only
  // warnings and errors of either, and our line when the pane is ready.
  config.infrastructureLogging = { level: "warn" };
  config.devServer.devMiddleware = { ...config.devServer.devMiddleware, stats: "errors-warnings" };
  const compiler = webpack(config);
  announceWhenBuilt(
    compiler,
    () => console.log(startMessage({ origin: `https://${config.devServer.host}:${config.devServer.port}`, manifest, sideloaded: sideloaded() })),
    () => console.error("The build failed (above); the address is printed once a build succeeds. Fix the error and save."),
  );
  const server = new WebpackDevServer(config.devServer, compiler);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void server.stop().then(() => process.exit(0)));
  await server.start();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
