// What `npm start` prints once the first build is done (scripts/start.js, through announce.js): where the add-in
// and the workbench are served, and how to load the add-in. Plain text from plain data, so a test reads it as
// people do (tests/addin/start.test.ts).

/**
 * `origin`: where the dev server serves (https://localhost:3000); `manifest`: manifest.xml's path; `sideloaded`:
 * what sideloading into desktop Excel did ("sideloaded into Excel"), or null where there is no desktop Excel.
 */
function startMessage({ origin, manifest, sideloaded }) {
  return `
StarScore 星级评分 is served at ${origin}/taskpane.html
工作台 Workbench (forms, check, report, cycle in the browser, no Excel needed): ${origin}/
${sideloaded !== null ? `manifest.xml ${sideloaded}.` : `No desktop Excel on this system. To use the add-in in Excel on the web:
  1. Open a workbook at https://www.office.com (or your Microsoft 365 operated by 21Vianet portal).
  2. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and choose:
     ${manifest}
  3. Click "StarScore 星级评分" on the Home tab.`}
The browser must trust the development certificate (npx office-addin-dev-certs install).
Stop with Ctrl+C.`;
}

module.exports = { startMessage };
