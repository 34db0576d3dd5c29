// Region pages and the home page (mkdocs.yml extra_javascript): while the visitor reads, fetch
// what the calculator will need (the Pyodide runtime and the memory snapshot, about 4 MB, and the
// calculator page's own files), so that opening it from here needs no download (issue 14). The
// worker (calculator/worker.js) then finds them in the browser's HTTP cache: the same URLs, named
// by their content and served as immutable, so the cached copies are used without asking the
// server.
//
// Only at idle time after the page has loaded, one file after another at the lowest priority
// (`<link rel="prefetch">`, which the browser finishes even if the visitor navigates away
// meanwhile; `fetch(…, {priority: "low"})` where prefetch links are not supported, as in Safari).
// Not on a connection that asks to save data (Save-Data, `navigator.connection.saveData`) or is
// 2G, not on pages that do not lead to the calculator, and only once per build (a note in
// localStorage, `jxjy-site/prefetched`: later visits would only read the cache again). Not on the
// calculator page itself: there the worker first checks that the browser can run Pyodide at all,
// before anything big is downloaded (worker.js).
// It also registers the site's service worker (sw.js), which keeps the pages for offline use.
//
// The state is on <html data-prefetch>: "skipped" (and why, in data-prefetch-reason), "started",
// "done" or "failed" (the benchmark and the tests read it).
const runtime = {}; // written by build.py (sitebuild/snapshot.py): where the runtime and the snapshot are

const root = document.documentElement;
const KEY = "jxjy-site/prefetched"; // not the visitor's data: where the calculator keeps that is jxjy-calculator/

function skip(reason) {
  root.dataset.prefetch = "skipped";
  root.dataset.prefetchReason = reason;
}

function fetchedBefore() {
  try {
    return localStorage.getItem(KEY) === runtime.snapshot.url;
  } catch {
    return false; // storage blocked: fetch anyway (from the HTTP cache, if it has them)
  }
}

/** Why not to fetch now, or "" when it is fine. */
function reasonToSkip() {
  if (!runtime.snapshot) return "no-snapshot";
  if (document.getElementById("calculator")) return "calculator";
  if (fetchedBefore()) return "done-before";
  if (!document.querySelector('.md-content a[href*="calculator/"]')) return "no-link";
  const connection = navigator.connection;
  if (connection && connection.saveData) return "save-data";
  if (connection && /(^|-)2g$/.test(connection.effectiveType || "")) return "slow-connection";
  return "";
}

/** What the calculator will request, in the order it needs them: [page files, big files]. The
 *  page's own files are revalidated when it opens (no-cache), so they are only worth a try
 *  (Firefox refuses to prefetch them at all); the big ones must all come in. */
function files() {
  const here = import.meta.url;
  const index = new URL(runtime.index, here).href;
  const big = [
    `${index}pyodide.mjs`,
    `${index}pyodide.asm.mjs`,
    `${index}${runtime.emptyStdlib}`,
    `${index}pyodide.asm.wasm`,
    new URL(runtime.snapshot.url, here).href,
  ];
  const page = ["./", "app.js", "calculator.css", "catalogue.json", "worker.js"].map((f) => new URL(f, here).href);
  return [page, big];
}

function viaLink(url) {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "prefetch";
    link.href = url;
    link.onload = resolve;
    link.onerror = () => reject(new Error(`prefetch of ${url} failed`));
    document.head.append(link);
  });
}

async function viaFetch(url) {
  const response = await fetch(url, { priority: "low" });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  // read to the end, without keeping it: only a complete response is stored in the cache
  const reader = response.body.getReader();
  while (!(await reader.read()).done);
}

async function prefetch() {
  const reason = reasonToSkip();
  if (reason) {
    skip(reason);
    return;
  }
  root.dataset.prefetch = "started";
  const [page, big] = files();
  try {
    const get = document.createElement("link").relList.supports("prefetch") ? viaLink : viaFetch;
    for (const url of page) await get(url).catch(() => {});
    for (const url of big) await get(url);
    root.dataset.prefetch = "done";
    try {
      localStorage.setItem(KEY, runtime.snapshot.url);
    } catch {
      // storage blocked: nothing to remember
    }
  } catch (err) {
    root.dataset.prefetch = "failed";
    console.warn(`calculator prefetch: ${err.message}`);
  }
}

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(new URL("../sw.js", import.meta.url)).catch((err) => {
    console.warn(`offline copy not available: ${err.message}`);
  });
}

function whenIdle(run) {
  const later = () => (window.requestIdleCallback ? requestIdleCallback(run, { timeout: 5000 }) : setTimeout(run, 1000));
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}

whenIdle(() => {
  registerServiceWorker();
  prefetch();
});
