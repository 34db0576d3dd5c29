// One year of the report, as calc words it: its state (met, short, cannot tell, or as the title
// application judges it) with the label and the figures calc ships, what the planned entries add,
// and, folded, the hours against the requirement and the shortfall per category (report
// `shortfall`), where the requirement comes from, and every line explained (explain.js).
import { el } from "./dom.js";
import { lineItem } from "./explain.js";
import { shown, term, words } from "./vocabulary.js";

/** A badge: calc's label, the page's colour for the state or status (calculator.css .calc-<state>). */
export function badge(state, label) {
  return el("span", { class: `calc-badge calc-${state}` }, label);
}

function yearTable(year) {
  const req = year.required || {};
  const gap = year.shortfall || {};
  const rows = [["public", words().category.public], ["professional", words().category.professional], ["total", term("total")]];
  const body = el("tbody");
  for (const [key, label] of rows) {
    body.append(el("tr", { dataset: { category: key } },
      el("th", { scope: "row" }, label), el("td", {}, shown(year[key])), el("td", {}, shown(req[key])), el("td", {}, shown(gap[key]))));
  }
  return el("table", { class: "calc-table" },
    el("caption", { class: "calc-sr" }, `${year.year}年${term("hours")}与${term("required")}`),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, term("category")), el("th", { scope: "col" }, term("credited")),
      el("th", { scope: "col" }, term("required")), el("th", { scope: "col" }, term("shortfall")))),
    body);
}

/**
 * A year's section, short: its state (as the title application judges it, where that differs: an
 * age reduction, calc's `application`) and figures in one line, the planned hours apart, the
 * invitation to enter an unknown requirement; the table, the notes and every line folded.
 * `nameOf(index)` names an activity; `kindOf(id)` gives its catalogue entry;
 * `onEnterRequirement(year)` opens the form for the user's own figures.
 */
export function yearSection(year, { nameOf, kindOf, onEnterRequirement }) {
  const state = year.state;
  const shown = year.application || year;
  const box = el("section", { class: `calc-year-report calc-state-${shown.state}`, dataset: { year: year.year, state } });
  box.append(el("h3", {}, `${year.year}年 `, badge(shown.state, shown.state_label),
    el("span", { class: "calc-year-figures" }, shown.figures_text)));
  if (!year.application && state !== "met") box.append(el("p", { class: "calc-state" }, year.state_text));
  if (year.planned_text) box.append(el("p", { class: "calc-note calc-planned-note" }, year.planned_text));
  if (year.required_source !== "policy" && year.requirement_prompt) {
    box.append(el("div", { class: "calc-note calc-unknown-req" }, year.requirement_prompt,
      el("button", { type: "button", class: "calc-link-button", on: { click: () => onEnterRequirement(year.year) } }, `填写${year.year}年的要求`)));
  }
  const lines = year.lines || [];
  const more = el("details", { class: "calc-fold calc-year-more" }, el("summary", {}, `明细（${lines.length} 项）与依据`));
  box.append(more);
  more.append(yearTable(year));
  // A year with the user's own figures: calc's note (in year.notes, below) says so.
  if (year.required_source === "policy" && year.required_citation) {
    more.append(el("p", { class: "calc-cite" }, `${term("required_citation")}：${year.required_citation}`));
  }
  if (year.professional_full_text) more.append(el("p", { class: "calc-note" }, year.professional_full_text));
  for (const text of year.notes || []) more.append(el("p", { class: "calc-note" }, text));
  if (lines.length) {
    const item = (line) => lineItem(line, Number.isInteger(line.activity) ? nameOf(line.activity) : line.name || line.kind || "", kindOf(line.kind));
    const list = el("ul", { class: "calc-lines" }, lines.slice(0, LINES_SHOWN).map(item));
    more.append(list);
    if (lines.length > LINES_SHOWN) {
      // Hundreds of lines (a 500-activity file) paused the page for most of a second on every
      // calculation: the rest are drawn when asked for, a slice per task.
      const rest = el("button", { type: "button", class: "md-button calc-more-lines" }, `显示其余 ${lines.length - LINES_SHOWN} 条`);
      rest.addEventListener("click", async () => {
        rest.disabled = true;
        for (let at = LINES_SHOWN; at < lines.length; at += LINES_SHOWN) {
          list.append(...lines.slice(at, at + LINES_SHOWN).map(item));
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        rest.remove();
      });
      more.append(rest);
    }
  }
  return box;
}

const LINES_SHOWN = 30; // a year's lines drawn with the report; the rest on request
