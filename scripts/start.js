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
const { sideload } = require("./sideload");

const root = path.join(__dirname, "..");
const manifest = path.join(root, "manifest.xml");

function howToLoad() {
  let done;
  try {
    done = sideload(manifest);
  } catch (e) {
    console.warn(`Could not sideload into desktop Excel (${e.message}); load the manifest by hand as below.`);
    done = null;
  }
  return `
StarScore 星级评分 is served at https://localhost:3000/taskpane.html
工作台 Workbench (forms, check, report, cycle in the browser, no Excel needed): https://localhost:3000/
${done !== null ? `manifest.xml ${done}.` : `No desktop Excel on this system. To use the add-in in Excel on the web:
  1. Open a workbook at https://www.office.com (or your Microsoft 365 operated by 21Vianet portal).
  2. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and choose:
     ${manifest}
  3. Click "StarScore 星级评分" on the Home tab.`}
The browser must trust the development certificate (npx office-addin-dev-certs install).
Stop with Ctrl+C.`;
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
    () => console.log(howToLoad()),
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
