#!/usr/bin/env node
// npm start: serves the task pane on https://localhost:3000 (webpack-dev-server with office-addin-dev-certs)
// and, where desktop Excel is installed, sideloads manifest.xml into it. On Linux there is no desktop Excel:
// the server keeps running and this prints how to load the manifest into Excel on the web.
const { spawn } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const server = spawn(path.join(root, "node_modules", ".bin", "webpack"), ["serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
server.on("exit", (code) => process.exit(code ?? 0));

setTimeout(() => {
  if (process.platform === "win32" || process.platform === "darwin") {
    spawn(path.join(root, "node_modules", ".bin", "office-addin-debugging"), ["start", "manifest.xml", "desktop", "--app", "excel", "--no-debug"], { cwd: root, stdio: "inherit" });
    return;
  }
  console.log(`
StarScore 星级评分 is served at https://localhost:3000/taskpane.html
No desktop Excel on this system. To use the add-in in Excel on the web:
  1. Open a workbook at https://www.office.com (or your Microsoft 365 operated by 21Vianet portal).
  2. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and choose:
     ${path.join(root, "manifest.xml")}
  3. Click "StarScore 星级评分" on the Home tab.
The browser must trust the development certificate (npx office-addin-dev-certs install).
Stop with Ctrl+C.`);
}, 8000);

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
