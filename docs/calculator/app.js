// The calculator page: builds the form from calculator/catalogue.json (written at build time by
// CPython's calc), keeps one scenario that every edit changes, has it evaluated by calc in
// Pyodide (worker.js) after every change, and keeps it in this browser (storage.js). #result
// carries the report (data-report) and the state (data-status: loading, ready, error; stale while
// the last saved result is shown, last-result.js).
//
// This file starts the page; each job has a module of its own, and they share one state object
// (state.js: page), which no other module duplicates:
//   lifecycle.js    the calculation program's lifecycle (start, progress, failure, restart)
//   start-choice.js the start-up choice: a share link, the saved work, or an empty form
//   keep-work.js    keeping the user's work: history, other tabs, import, start again
//   form.js         the form and its buttons; a whole new scenario shown
//   calculation.js  every change saved and calculated
//   status.js       status and report drawing (#result, the result bar, the print summary)
//   regions.js      the regions and kinds of calc's catalogue, by name
import { ActivityList } from "./activities.js";
import { changed, recompute } from "./calculation.js";
import { byId } from "./dom.js";
import {
  defaultYear, fillPolicySelect, gridChanged, renderPersonAndRequirements, renderTargetSection, showActivities, wireForm,
} from "./form.js";
import { HistoryPanel } from "./history-panel.js";
import { anotherTabSaved, restore, showHistory, watchOtherTabs } from "./keep-work.js";
import { exportText, fileName } from "./files.js";
import { LastResult } from "./last-result.js";
import { startEngine } from "./lifecycle.js";
import { hideNotice } from "./notice.js";
import { StartProgress } from "./progress.js";
import { policyName } from "./regions.js";
import { readAddress } from "./share.js";
import { choose } from "./start-choice.js";
import { page } from "./state.js";
import { drawPrintSummary, redrawReport, showError, showSavedResult } from "./status.js";
import { Autosave } from "./storage.js";
import { nextTask } from "./tasks.js";
import { loadThemeOnDemand } from "./theme-on-demand.js";
import { YearGrid } from "./year-grid.js";

/** The page's working parts, made once (state.js: page.parts); the history panel once the
 * catalogue has come (it states calc's limits). */
function makeParts() {
  const warning = byId("storage-warning");
  const autosave = new Autosave((text) => {
    warning.textContent = text || "";
    warning.hidden = !text;
  }, anotherTabSaved);
  // The year grid shows the plain 公需/专业 entries of the activities' own array (year-grid.js).
  const grid = new YearGrid(byId("year-grid"), {
    onChange: gridChanged, activities: () => page.parts.activities.activities, defaultYear,
  });
  page.parts = {
    autosave,
    grid,
    activities: new ActivityList(byId("activity-list"), {
      onChange: changed, defaultYear, owns: (a) => grid.owns(a), onSettled: redrawReport,
    }),
    lastResult: new LastResult(byId("result"), byId("report")),
    progress: new StartProgress(byId("engine-status"), byId("engine-text")),
    history: null,
  };
}

/** calc's catalogue: the regions, their kinds, calc's words and limits (state.js: page.catalogue). */
async function loadCatalogue(root) {
  const response = await fetch(root.dataset.catalogue);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const data = await response.json();
  page.catalogue = { ...page.catalogue, ...data };
  page.parts.lastResult.rules = data.rules_hash || null;
}

async function start() {
  const root = byId("calculator");
  makeParts();
  startEngine(root); // first: Python boots while the form is built
  try {
    await loadCatalogue(root);
  } catch (err) {
    showError(`地区和规则目录无法载入：${err.message}`);
    return;
  }
  const { autosave } = page.parts;
  autosave.migrateOldCopy();
  page.parts.history = new HistoryPanel({
    list: byId("history-list"), count: byId("history-count"), hint: byId("history-hint"), autosave,
    policyName,
    onRestore: restore,
    onExport: (entry) => exportText(entry.text, `之前的内容-${fileName({ policy: entry.policy })}`),
  });
  watchOtherTabs();
  // In short tasks (issue 5: the form usable within 0.5 s, no main-thread task over 50 ms): the
  // region and the add button first, the calculation requested at once, then the cards a few at
  // a time, then the closed sections.
  await choose(readAddress(location));
  if (!page.held && !page.blocked && byId("result").dataset.status === "loading") showSavedResult();
  showHistory();
  fillPolicySelect();
  const drawn = showActivities({ now: 0 });
  wireForm();
  recompute();
  await drawn;
  await nextTask();
  renderTargetSection();
  await nextTask();
  renderPersonAndRequirements();
}

// A share link opened while the calculator is already open changes only the fragment: start over
// with it (the work so far is saved, and kept in the history, “之前的内容”).
window.addEventListener("hashchange", () => {
  if (readAddress(location).share !== null) location.reload();
});
window.addEventListener("beforeprint", drawPrintSummary);

loadThemeOnDemand();
hideNotice(byId("notice"));
start();
