// Registers a manifest with desktop Excel for the current user, as Microsoft documents for development:
// Windows reads the manifests named under HKCU\Software\Microsoft\Office\16.0\WEF\Developer
// (https://learn.microsoft.com/office/dev/add-ins/testing/test-debug-office-add-ins — "Sideload on Windows"),
// Excel for Mac the ones in its container's Documents/wef folder ("Sideload on Mac"). Done here in a few lines
// instead of with office-addin-debugging, whose dependencies pull a native module (keytar) into `npm install`.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const MAC_WEF = path.join(os.homedir(), "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef");

/** The add-in id the manifest declares: the name its registration goes by, so a re-run replaces it. */
function manifestId(manifest) {
  const id = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(manifest, "utf8"))?.[1];
  if (id === undefined) throw new Error(`${manifest} has no <Id>`);
  return id.trim();
}

/** Sideloads into desktop Excel where it is installed; returns what it did, or null where there is none. */
function sideload(manifest) {
  const id = manifestId(manifest);
  if (process.platform === "win32") {
    execFileSync("reg", ["add", "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", "/v", id, "/t", "REG_SZ", "/d", path.resolve(manifest), "/f"], { stdio: "ignore" });
    return "registered for Excel on Windows: open Excel, then Home → Add-ins → StarScore 星级评分";
  }
  if (process.platform === "darwin" && fs.existsSync(path.dirname(path.dirname(MAC_WEF)))) {
    fs.mkdirSync(MAC_WEF, { recursive: true });
    fs.copyFileSync(manifest, path.join(MAC_WEF, `${id}.manifest.xml`));
    return "copied into Excel for Mac's wef folder: open Excel, then Home → Add-ins → StarScore 星级评分";
  }
  return null;
}

module.exports = { sideload };
