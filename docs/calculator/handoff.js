// A person the notice hands to their industry's own rules (青海 153号 六(八): 卫生、会计 …; calc's
// readiness.status `industry_rules`): no year is judged by the general figures, so the year grid
// (twelve numbers that change nothing) is folded away after the report says so, with calc's words
// on why (MESSAGES.handoff_grid) and calc's next step — what their authority needs — in its place;
// “仍要填写每年的学时” opens it again for good, with the report's years offered as rows. The
// authority's phone number (readiness.contact) is a tel: link wherever the next step is shown (here,
// the answer, the comparison's cards). State: page.lastReport, page.parts.grid (state.js); whether
// the person opened the grid is marked on #handoff.
import { byId, el } from "./dom.js";
import { page } from "./state.js";
import { message, term } from "./vocabulary.js";

/** calc's sentence with the contact's number in it as a tel: link (a phone dials it with a tap). */
export function withPhoneLink(text, contact) {
  const phone = contact && typeof contact.phone === "string" ? contact.phone : "";
  const at = phone ? text.indexOf(phone) : -1;
  if (at < 0) return [text];
  const link = el("a", { class: "calc-phone", href: `tel:${phone.replace(/[^\d+]/g, "")}` }, phone);
  return [text.slice(0, at), link, text.slice(at + phone.length)];
}

/** Fold the year grid away for a person handed to their authority, or show it (a fresh report). */
export function showHandoff(report) {
  const box = byId("handoff");
  const grid = byId("year-grid-box");
  const readiness = report?.readiness;
  const handed = readiness?.status === "industry_rules";
  if (!handed) {
    box.hidden = true;
    grid.hidden = false;
    delete box.dataset.opened; // another application: folded again if it hands the person over
    return;
  }
  byId("handoff-text").textContent = message("handoff_grid");
  byId("handoff-step").replaceChildren(el("strong", {}, `${term("next_step")}：`), ...withPhoneLink(readiness.next_step.text, readiness.contact));
  box.hidden = false;
  if (box.dataset.opened || grid.contains(document.activeElement)) return; // never folded under the person's fingers
  grid.hidden = true;
  byId("show-grid").hidden = false;
}

/** “仍要填写每年的学时”: the grid opened, and kept open while the report stays the same. */
export function wireHandoff() {
  const button = byId("show-grid");
  button.addEventListener("click", () => {
    byId("handoff").dataset.opened = "1";
    byId("year-grid-box").hidden = false;
    button.hidden = true;
    // the years the report lists (those the general rules would look at) offered as rows, as an
    // application's years are where the general rules judge them
    page.parts.grid.offerYears((page.lastReport?.years || []).map((y) => y.year));
    (byId("year-grid").querySelector("input[name=public]") || byId("add-year")).focus();
  });
}
