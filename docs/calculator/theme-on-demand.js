// The theme's own script (mkdocs-material's bundle: search, back-to-top, header title) on the
// calculator page, loaded when the user reaches for search rather than at start.
//
// Why: evaluating that bundle takes one uninterrupted main-thread task of about 0.2 s on a slow
// machine, and as an ordinary script at the end of the body it also holds back the calculator's
// own modules; with it the form became usable about half a second later (docs/performance.md).
// Nothing the calculator needs depends on it: the navigation drawer of small screens is plain
// CSS, links are links. Search is the one feature that needs it, so it is loaded on the first
// sign of wanting search: the search button or field touched, focused or clicked, or the theme's
// keyboard shortcuts ("/", "s", "f" outside a field).
//
// The template (overrides/calculator.html) puts the theme's script elements inside
// <template id="theme-scripts">, where they are inert; only their src is read here, and a new
// script element is made with it (same origin, allowed by the page's Content-Security-Policy).
// The bundle starts its work on DOMContentLoaded, which has passed by then: it is dispatched
// again for it once the script has run (nothing else on this page listens for it).

const SHORTCUTS = new Set(["/", "s", "f"]);

/** Load the theme's bundle, then let it start as if the page had just loaded. */
function loadTheme() {
  const template = document.getElementById("theme-scripts");
  const sources = template
    ? [...template.content.querySelectorAll("script[src]")].filter((s) => s.type !== "module").map((s) => s.getAttribute("src"))
    : [];
  const loading = sources.reduce((previous, src) => previous.then(() => addScript(src)), Promise.resolve()).then(() => {
    document.dispatchEvent(new Event("DOMContentLoaded"));
    document.documentElement.dataset.theme = "loaded"; // for the tests
    const query = document.querySelector("[data-md-component=search-query]");
    const open = document.getElementById("__search")?.checked;
    if (query && (open || document.activeElement === query)) {
      // the theme searches on focus: what was typed while it loaded is searched now
      query.blur();
      query.focus();
    }
  });
  loading.catch(() => {}); // search stays unavailable; the calculator is not affected
  return loading;
}

function addScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", resolve, { once: true });
    script.addEventListener("error", () => reject(new Error(`cannot load ${src}`)), { once: true });
    document.body.append(script);
  });
}

function isField(target) {
  return target instanceof Element && !!target.closest("input, select, textarea, [contenteditable]");
}

/** Load the theme's script on the first sign that the user wants search. */
export function loadThemeOnDemand() {
  // The theme hides its search box on pages without script ("no-js", which its bundle removes):
  // here there is script, and the search box must be there to be reached for.
  document.documentElement.classList.replace("no-js", "js");
  const toggle = document.getElementById("__search");
  let loading = null; // the one load, whichever sign of wanting search comes first
  const wants = () => (loading ??= loadTheme());
  for (const node of document.querySelectorAll("label[for=__search], [data-md-component=search-query], .md-search")) {
    for (const type of ["pointerdown", "focusin", "click"]) node.addEventListener(type, wants, { once: true, passive: true });
  }
  toggle?.addEventListener("change", () => {
    // the search button of small screens opens the search box (CSS): typing goes there at once
    if (toggle.checked) document.querySelector("[data-md-component=search-query]")?.focus();
    wants();
  }, { once: true });
  const onKey = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isField(event.target) || !SHORTCUTS.has(event.key)) return;
    event.preventDefault();
    if (toggle) toggle.checked = true;
    document.querySelector("[data-md-component=search-query]")?.focus();
    document.removeEventListener("keydown", onKey);
    wants();
  };
  document.addEventListener("keydown", onKey);
}
