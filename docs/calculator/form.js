// The form: the region select and its hint, the year grid and the cards (activities.js,
// year-grid.js), the folded sections (职称申报, 个人情况, 自填年度要求: sections.js), and the buttons
// under them, wired to what they do. A whole new scenario (an import, a restore, another tab's
// work) is shown through useScenario. State: page.scenario (state.js).
import { changed, recompute } from "./calculation.js";
import { Comparison } from "./compare.js";
import { byId, el } from "./dom.js";
import { exportScenario } from "./files.js";
import { wireHandoff } from "./handoff.js";
import { writeJson } from "./json-text.js";
import { forgetEverything, importFile, startOver } from "./keep-work.js";
import { showFailureHelp } from "./lifecycle.js";
import { askRegion, waitingForRegion } from "./region-choice.js";
import { canonical, kindName, knownPolicyOr, regionCatalogue } from "./regions.js";
import { activityName } from "./report.js";
import { addRequirement, renderPerson, renderRequirements, renderTarget } from "./sections.js";
import { wireSharePanel } from "./share-panel.js";
import { page } from "./state.js";
import { message } from "./vocabulary.js";

/** The year a new entry gets: the application's, else this year. */
export function defaultYear() {
  const year = page.scenario.target && page.scenario.target.year;
  return Number.isInteger(year) ? year : new Date().getFullYear();
}

/** An edit in the year grid; a cell removed moves the cards' indices: they are drawn again. */
export function gridChanged({ structure = false } = {}) {
  const { activities } = page.parts;
  if (structure) activities.render(activities.activities.length);
  changed();
}

export function fillPolicySelect() {
  const select = byId("policy");
  const { scenario } = page;
  select.replaceChildren();
  if (waitingForRegion()) select.append(el("option", { value: "", disabled: true }, "请选择地区"));
  for (const p of page.catalogue.policies) select.append(el("option", { value: p.id }, p.label));
  if (!canonical(scenario.policy) && !waitingForRegion()) {
    const shown = typeof scenario.policy === "string" ? scenario.policy : writeJson(scenario.policy ?? null);
    select.append(el("option", { value: shown }, message("region_unknown", { region: shown })));
  }
  select.value = waitingForRegion() ? "" : knownPolicyOr(select.lastElementChild.value);
  select.disabled = false;
  describePolicy();
  askRegion(); // region-choice.js: no region yet, the regions first
}

function describePolicy() {
  showFailureHelp(); // its worksheet link is the region's
  const cat = regionCatalogue();
  const chosen = byId("policy").value;
  byId("policy-hint").textContent = cat ? cat.kinds_text : chosen ? message("region_unknown_hint", { region: chosen }) : "";
  byId("grid-hint").textContent = cat?.grid?.text || "";
}

/** The year grid and the cards of the scenario's activities (the grid first: it takes its cells). */
export function showActivities(options) {
  const { activities, grid } = page.parts;
  const list = Array.isArray(page.scenario.activities) ? page.scenario.activities : [];
  activities.activities = list;
  grid.render(regionCatalogue());
  return activities.show(list, regionCatalogue(), options);
}

/** 职称申报, drawn for the region. */
export function renderTargetSection() {
  renderTarget(byId("target-fields"), page.scenario, regionCatalogue(), changed, defaultYear);
}

/** 个人情况 and 自填年度要求, drawn for the region. */
export function renderPersonAndRequirements() {
  renderPerson(byId("person-fields"), page.scenario, regionCatalogue(), changed, byId("person"));
  renderRequirements(byId("requirement-list"), page.scenario, byId("requirements"), changed);
}

/** 职称申报 and 个人情况 again (an answer changed what they ask). */
export function refreshFacts() {
  renderTargetSection();
  renderPerson(byId("person-fields"), page.scenario, regionCatalogue(), changed, byId("person"));
}

/** Replace the whole scenario (import, restore) and show it. */
export function useScenario(next, { save = true } = {}) {
  page.scenario = next;
  fillPolicySelect();
  showActivities();
  renderTargetSection();
  renderPersonAndRequirements();
  changed({ save });
}

/** The same record checked for another application year (the verdict's `recheck`, offered when
 * the application's date is over): the year set, the date left out, calculated at once. */
export function checkYear(year) {
  const { target } = page.scenario;
  if (!target || typeof target !== "object" || Array.isArray(target)) return;
  target.year = year;
  delete target.date;
  renderTargetSection();
  changed();
}

export function enterRequirement(year) {
  const details = byId("requirements");
  const list = byId("requirement-list");
  details.open = true;
  const existing = list.querySelector(`li[data-year="${year}"] input[name=public]`);
  if (existing) {
    existing.focus();
    return;
  }
  addRequirement(list, page.scenario, details, changed, () => year);
  list.lastElementChild?.querySelector("input[name=public]")?.focus();
}

export function wireForm() {
  const { activities, grid } = page.parts;
  const policySelect = byId("policy");
  policySelect.addEventListener("change", () => {
    page.scenario.policy = policySelect.value;
    askRegion();
    describePolicy();
    grid.render(regionCatalogue());
    activities.show(activities.activities, regionCatalogue());
    refreshFacts();
    changed();
  });
  byId("add-activity").addEventListener("click", () => activities.add());
  byId("add-year").addEventListener("click", () => grid.addRow());
  wireHandoff();
  selectPrefilledOnFocus(byId("calc-form"));
  selectPrefilledOnFocus(byId("report"));
  byId("add-requirement").addEventListener("click", () => addRequirement(byId("requirement-list"), page.scenario, byId("requirements"), changed, defaultYear));
  wireSharePanel({
    button: byId("make-share"), panel: byId("share-panel"), input: byId("share-url"), copy: byId("copy-share"), qrBox: byId("share-qr"),
    longBox: byId("share-long"), scenario: () => page.scenario, exportFile: () => exportScenario(page.scenario),
  });
  byId("start-over").addEventListener("click", startOver);
  byId("forget-all").addEventListener("click", forgetEverything);
  byId("export-file").addEventListener("click", () => exportScenario(page.scenario));
  byId("import-file").addEventListener("change", (event) => importFile(event.target));
  byId("print-button").addEventListener("click", () => window.print());
  new Comparison(byId("compare-result"), byId("compare"), {
    engine: () => page.engine,
    scenario: () => page.scenario,
    nameOf: (index) => activityName(page.scenario, index, kindName, (activity) => grid.place(activity)),
    after: () => recompute(),
  });
  for (const id of ["add-activity", "add-year", "export-file", "make-share", "print-button", "start-over", "import-file"]) byId(id).disabled = false;
  byId("calc-form").addEventListener("submit", (event) => event.preventDefault());
}

/**
 * A number field that already holds a value (a year filled in for the person, 2026) is selected
 * when it takes the focus, so typing replaces it: “2025” typed into “2026” is 2025, not 20262025.
 * The mouseup that follows a click would put the caret back: it is stopped once.
 */
function selectPrefilledOnFocus(root) {
  root.addEventListener("focusin", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.inputMode || !input.value) return;
    input.setSelectionRange(0, input.value.length);
    input.addEventListener("mouseup", (e) => e.preventDefault(), { once: true });
  });
}
