// The workbench's service worker: keeps the page usable offline after a reload. The build (scripts/offline-plugin.js)
// writes in the page's files and a version from their names; a new build is a new cache, and the old one goes.
// Only the workbench's own files are answered from the cache; every other request (the pane, office.js) is left
// to the network, untouched.
const FILES = []; // FILES
const VERSION = "dev"; // VERSION
const CACHE = `starscore-workbench-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("starscore-workbench-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const scope = () => new URL(self.registration.scope);

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const base = scope();
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return;
  const file = url.pathname.slice(base.pathname.length);
  if (request.mode === "navigate" && (file === "" || file === "index.html")) {
    // The page itself: the network first, so a new build shows as soon as it is hosted; the cached copy offline.
    event.respondWith(
      fetch(request).catch(() => caches.match("index.html", { cacheName: CACHE }).then((r) => r ?? Response.error())),
    );
    return;
  }
  if (FILES.includes(file)) {
    // Scripts, workers and forms have the build in their names (or are made by it): the cached copy is the one.
    event.respondWith(caches.match(file, { cacheName: CACHE }).then((r) => r ?? fetch(request)));
  }
});
