// The site's service worker: after a first visit, the calculator and the region pages open and
// compute with the network off (issue 14). Registered at idle time by calculator/app.js (after
// the first result) and calculator/prefetch.js (the other pages).
//
// It keeps a copy of every page and of the files the pages use (FILES, listed by the build:
// sitebuild/offline.py) and answers from the copy only when the network does not answer. It does
// not touch the Pyodide runtime and the memory snapshot (pyodide/): those are named by their
// content and served as immutable, so the browser's HTTP cache keeps them and serves them without
// the network; and the wasm must come from the HTTP cache, not from a service worker, for
// Chromium to reuse the code it compiled on the last visit (measured: a service worker serving
// pyodide.asm.wasm made every visit compile it again, docs/performance.md).
const VERSION = "dev"; // written by the build: a hash of FILES and of the files themselves
const FILES = []; // written by the build: site-relative paths
const CACHE = `jxjy-offline-${VERSION}`;
const scope = new URL(self.registration.scope);
const RUNTIME = new URL("pyodide/", scope).pathname;

self.addEventListener("install", (event) => {
  // Where the browser can (Chromium's static routing), requests for the runtime do not even start
  // this worker, and the others race the network against it: online, the network answers as if
  // there were no service worker (measured: a warm start of the calculator was some 0.1-0.3 s
  // slower when every request waited for it); offline, the copy does.
  if (event.addRoutes && self.URLPattern) {
    const under = (path) => new URLPattern({ pathname: `${path}*` });
    event.waitUntil((async () => {
      await event.addRoutes([{ condition: { urlPattern: under(RUNTIME) }, source: "network" }]).catch(() => {});
      await event.addRoutes([{ condition: { urlPattern: under(scope.pathname) }, source: "race-network-and-fetch-handler" }]).catch(() => {});
    })());
  }
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((path) => new URL(path, scope).href));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("jxjy-offline-") && name !== CACHE) await caches.delete(name);
    }
    if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || url.pathname.startsWith(RUNTIME)) return;
  event.respondWith(networkFirst(event));
});

async function networkFirst(event) {
  const { request } = event;
  try {
    const response = (await event.preloadResponse) || (await fetch(request));
    if (response.ok && response.type === "basic") event.waitUntil(keep(request, response.clone()));
    return response;
  } catch (err) {
    const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    throw err;
  }
}

/** Keep the latest copy; unchanged files (same Last-Modified) are not written again. */
async function keep(request, response) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const modified = response.headers.get("Last-Modified");
  if (cached && modified && cached.headers.get("Last-Modified") === modified) return;
  await cache.put(request, response);
}
