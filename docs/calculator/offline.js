// The site's service worker (sw.js at the site's root), registered at idle time once the
// calculator has shown its first result: from then on the calculator and the region pages open
// and compute offline (issue 14). Not earlier: its copies of the pages (about 0.15 MB) would share
// a slow connection with the runtime and snapshot the first result waits for. The region pages
// and the home page register it too (prefetch.js). The caller asks once (state.js: page.offline).
export function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const register = () => navigator.serviceWorker.register(new URL("../sw.js", import.meta.url)).catch((err) => {
    console.warn(`offline copy not available: ${err.message}`);
  });
  if (window.requestIdleCallback) requestIdleCallback(register, { timeout: 5000 });
  else setTimeout(register, 1000);
}
