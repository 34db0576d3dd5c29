// Search results in the order a reader wants them (issue 11): on a region's pages that region's
// results first; in every page's results each heading that matches shown, body text after.
//
// The theme (mkdocs-material) searches in a Web Worker (lunr) and shows the results grouped by
// page, best group first; in a group it shows the sections that score as high as the best one
// and folds the rest under “还有 N 个符合条件的结果”. Headings weigh 1,000 times body text in the
// index (mkdocs.yml), but two headings rarely score exactly alike, so a second matching heading
// (学术论文 under 论文、著作、专利…) was folded away with the body text.
//
// What this changes, in each answer of the search worker before the theme reads it:
// - on a page with <meta name="search-first" content="regions/qinghai/ regions/qinghai-worksheet/ …">
//   (overrides/main.html, from the page's front matter `search_first`, sitebuild/search.py), the
//   groups of those pages move to the front, each group keeping its place among them;
// - in every group, a section that scores at least a hundredth of the best one (a heading hit:
//   body text alone scores about a thousandth) is given the best score, so the theme shows every
//   matching heading, in the theme's own order, and folds only body-text hits.
//
// How: this classic script runs in <head>, before the theme's bundle creates its search worker
// (`new Worker(url)`, then listens to "message"). Worker is replaced by a function that, for the
// theme's search worker only, adds the first "message" listener, which reorders
// `data.data.items` (SearchItem[][]) in place: every listener of one message event gets the same
// data object. Any other worker is created as before. Should a theme upgrade change the message,
// the theme's own order stays (tests/browser/test_search.py checks the order).
(function () {
  "use strict";
  var Native = window.Worker;
  if (typeof Native !== "function") return;
  var base = new URL("../", document.currentScript.src); // the site's root: this is assets/search-first.js
  var HEADING_SHARE = 0.01;

  function pathOf(location) {
    return new URL(location, base).pathname;
  }

  var firstPaths = null;
  function regionPaths() {
    if (firstPaths === null) {
      var meta = document.querySelector('meta[name="search-first"]');
      firstPaths = meta ? meta.content.split(/\s+/).filter(Boolean).map(pathOf) : [];
    }
    return firstPaths;
  }

  function inRegion(group) {
    var item = group && group[0];
    return !!item && typeof item.location === "string" && regionPaths().indexOf(pathOf(item.location)) >= 0;
  }

  function showHeadings(group) {
    var top = group.length && typeof group[0].score === "number" ? group[0].score : 0;
    if (!(top > 0)) return;
    group.forEach(function (item) {
      if (typeof item.score === "number" && item.score >= top * HEADING_SHARE) item.score = top;
    });
  }

  function reorder(message) {
    var items = message && message.data && message.data.items;
    if (!Array.isArray(items)) return;
    items.forEach(function (group) { if (Array.isArray(group)) showHeadings(group); });
    var head = [];
    var tail = [];
    items.forEach(function (group) { (inRegion(group) ? head : tail).push(group); });
    items.splice.apply(items, [0, items.length].concat(head, tail));
  }

  function Worker(url, options) {
    var worker = options === undefined ? new Native(url) : new Native(url, options);
    if (/\/workers\/search\.[^/]*\.js(\?|$)/.test(String(url))) {
      worker.addEventListener("message", function (event) { reorder(event.data); });
    }
    return worker;
  }
  Worker.prototype = Native.prototype;
  window.Worker = Worker;
})();
