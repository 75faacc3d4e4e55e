// The manifest for where the task pane is hosted: manifest.xml names the development server
// (https://localhost:3000); a build for a real host puts every URL under that host's location and, for an
// organisation hosting its own copy, gives the add-in its own id (two add-ins with one id cannot both be deployed).
const DEV_ORIGIN = "https://localhost:3000";

/** The hosting location as a URL ending in "/"; https only, because Office loads add-ins over https alone. */
function hostingBase(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--env url takes an https URL such as https://addins.example.org/starscore/, not "${url}"`);
  }
  if (u.protocol !== "https:") throw new Error(`--env url must be https (Office loads add-ins over https only), not "${url}"`);
  if (u.search !== "" || u.hash !== "") throw new Error(`--env url must be a plain location without ?query or #fragment, not "${url}"`);
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  return u;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** manifest.xml rewritten for `url` (and `id`, when given). */
function hostedManifest(xml, url, id) {
  const base = hostingBase(url);
  let out = xml.split(`${DEV_ORIGIN}/`).join(base.href).split(DEV_ORIGIN).join(base.origin);
  if (id !== undefined) {
    if (!GUID.test(id)) throw new Error(`--env id takes a GUID such as 3f1c9a52-7d0e-4b8a-9c61-2e5d4f7a8b90, not "${id}"`);
    out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${id.toLowerCase()}</Id>`);
  }
  return out;
}

module.exports = { hostedManifest, hostingBase, DEV_ORIGIN };
