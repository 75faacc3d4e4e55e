#!/usr/bin/env node
// npm start: serves the task pane on https://localhost:3000 (webpack-dev-server with office-addin-dev-certs)
// and, where desktop Excel is installed (Windows, macOS), sideloads manifest.xml into it. Elsewhere (Linux)
// the server keeps running and this prints how to load the manifest into Excel on the web.
const { spawn } = require("node:child_process");
const path = require("node:path");
const { sideload } = require("./sideload");

const root = path.join(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const server = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
server.on("exit", (code) => process.exit(code ?? 0));

let done;
try {
  done = sideload(manifest);
} catch (e) {
  console.warn(`Could not sideload into desktop Excel (${e.message}); load the manifest by hand as below.`);
  done = null;
}

setTimeout(() => {
  console.log(`
StarScore 星级评分 is served at https://localhost:3000/taskpane.html
${done !== null ? `manifest.xml ${done}.` : `No desktop Excel on this system. To use the add-in in Excel on the web:
  1. Open a workbook at https://www.office.com (or your Microsoft 365 operated by 21Vianet portal).
  2. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and choose:
     ${manifest}
  3. Click "StarScore 星级评分" on the Home tab.`}
The browser must trust the development certificate (npx office-addin-dev-certs install).
Stop with Ctrl+C.`);
}, 8000);

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
