// Region pages and the home page (mkdocs.yml extra_javascript): while the visitor reads, fetch
// what the calculator will need, so that opening it from here gives the first result within about
// a second on a phone (issue 14). The worker (calculator/worker.js) then finds the Pyodide runtime
// and the memory snapshot in the browser's HTTP cache: the same URLs, which are named by their
// content and served as immutable, so the cached copies are used without asking the server.
//
// Only at idle time after the page has loaded, one file after another at the lowest priority
// (`<link rel="prefetch">`, which the browser finishes even if the visitor navigates away meanwhile;
// `fetch(…, {priority: "low"})` where prefetch links are not supported, as in Safari). Not on a
// connection that asks to save data (Save-Data, `navigator.connection.saveData`) or is 2G, not
// on pages that do not lead to the calculator, and only once per build (a note in localStorage).
// It also registers the site's service worker (sw.js), which keeps the pages for offline use.
//
// The state is on <html data-prefetch>: "skipped" (and why, in data-prefetch-reason), "started",
// "done" or "failed" (the benchmark and the tests read it).
const runtime = {}; // written by build.py (sitebuild/snapshot.py): where the runtime and the snapshot are

const root = document.documentElement;
const KEY = "jxjy-calculator/prefetched";

function skip(reason) {
  root.dataset.prefetch = "skipped";
  root.dataset.prefetchReason = reason;
}

/** Why not to fetch now, or "" when it is fine. */
function reasonToSkip() {
  if (document.getElementById("calculator")) return "calculator"; // the page itself loads it all
  if (!document.querySelector('.md-content a[href*="calculator/"]')) return "no-link";
  const connection = navigator.connection;
  if (connection && connection.saveData) return "save-data";
  if (connection && /(^|-)2g$/.test(connection.effectiveType || "")) return "slow-connection";
  if (!runtime.snapshot) return "no-snapshot";
  try {
    if (localStorage.getItem(KEY) === runtime.snapshot.url) return "done-before";
  } catch {
    // storage blocked: fetch anyway (the HTTP cache makes a second time cheap)
  }
  return "";
}

/** What the calculator will request, in the order it needs them. */
function files() {
  const here = import.meta.url;
  const index = new URL(runtime.index, here).href;
  return [
    new URL("./", here).href, // the calculator page (revalidated when opened: then only a 304)
    new URL("app.js", here).href,
    new URL("calculator.css", here).href,
    new URL("catalogue.json", here).href,
    new URL("worker.js", here).href,
    `${index}pyodide.mjs`,
    `${index}pyodide.asm.mjs`,
    `${index}${runtime.emptyStdlib}`,
    `${index}pyodide.asm.wasm`,
    new URL(runtime.snapshot.url, here).href,
  ];
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
  const get = document.createElement("link").relList.supports("prefetch") ? viaLink : viaFetch;
  try {
    for (const url of files()) await get(url);
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
