// The region first: the calculator opened with no region chosen or remembered (no ?policy=, no
// share link, no work saved in this browser) asks for it before anything else — the regions of
// calc's catalogue as large buttons, the rest of the form out of sight — and waits: #result has
// data-status="waiting" and nothing is computed (there is nothing to compute yet). Choosing one
// is choosing it in the region select (form.js does the rest). State: page.scenario, rawText
// (state.js); the waiting mark is on #calculator (data-waiting), the status on #result.
import { byId, el } from "./dom.js";
import { page } from "./state.js";

/** No region yet: the scenario names none and no link's text waits to be judged. */
export function waitingForRegion() {
  return page.rawText === null && page.scenario.policy === "";
}

/** Ask for the region while none is chosen; stop asking once one is (each whole scenario shown, each choice). */
export function askRegion() {
  const root = byId("calculator");
  const result = byId("result");
  const box = byId("region-choice");
  if (!waitingForRegion()) {
    delete root.dataset.waiting;
    box.hidden = true;
    if (result.dataset.status === "waiting") result.dataset.status = "loading"; // calc is asked next
    return;
  }
  if (!box.querySelector("button")) {
    box.querySelector(".calc-region-buttons").append(...page.catalogue.policies.map((p) => el("button", {
      type: "button", class: "md-button md-button--primary calc-region-button", dataset: { policy: p.id }, on: { click: () => choose(p.id) },
    }, p.label)));
  }
  root.dataset.waiting = "";
  box.hidden = false;
  if (result.dataset.status === "error") return; // a link that could not be opened says so, above the regions
  result.dataset.status = "waiting";
  byId("result-jump-text").textContent = "请先选择地区";
}

function choose(policyId) {
  const select = byId("policy");
  select.value = policyId;
  select.dispatchEvent(new Event("change"));
  byId("policy").focus(); // the region's select: the choice made, and where to change it
}
