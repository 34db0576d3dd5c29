// One year of the report: three states (met, not met, cannot tell) with the shortfall per
// category, where the requirement comes from, and every line explained (explain.js).
import { el } from "./dom.js";
import { hours } from "./labels.js";
import { lineItem } from "./explain.js";

export const STATE = {
  met: { label: "已达标", cls: "calc-met" },
  short: { label: "未达标", cls: "calc-short" },
  unknown: { label: "无法判断", cls: "calc-unknown" },
};

export function yearState(year) {
  return year.met === true ? "met" : year.met === false ? "short" : "unknown";
}

export function badge(state) {
  return el("span", { class: `calc-badge ${STATE[state].cls}` }, STATE[state].label);
}

export function gaps(year) {
  const req = year.required || {};
  const out = {};
  for (const key of ["public", "professional"]) {
    const need = req[key];
    out[key] = need === null || need === undefined ? null : Math.max(0, Math.round((need - (year[key] || 0)) * 10) / 10);
  }
  return out;
}

function yearTable(year) {
  const req = year.required || {};
  const rows = [["public", "公需科目"], ["professional", "专业科目"], ["total", "合计"]];
  const body = el("tbody");
  for (const [key, label] of rows) {
    const have = year[key];
    const need = req[key];
    const gap = need === null || need === undefined || have === null || have === undefined ? "—"
      : Math.max(0, need - have) === 0 ? "0" : hours(need - have);
    body.append(el("tr", { dataset: { category: key } },
      el("th", { scope: "row" }, label), el("td", {}, hours(have)), el("td", {}, hours(need)), el("td", {}, gap)));
  }
  return el("table", { class: "calc-table" },
    el("caption", { class: "calc-sr" }, `${year.year}年学时与要求`),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "类别"), el("th", { scope: "col" }, "已计学时"),
      el("th", { scope: "col" }, "要求"), el("th", { scope: "col" }, "还差"))),
    body);
}

function stateSentence(year) {
  const state = yearState(year);
  if (state === "met") {
    if (year.complete) return "该年度视为已完成全部学时。";
    return "公需科目和专业科目都已达到要求。";
  }
  if (state === "short") {
    const g = gaps(year);
    const parts = [];
    if (g.public) parts.push(`公需科目还差 ${hours(g.public)} 学时`);
    if (g.professional) parts.push(`专业科目还差 ${hours(g.professional)} 学时`);
    return `${parts.join("，") || "尚未达到要求"}。`;
  }
  if (year.annual === false) return "通知对这些年度不按每年学时判断（见下方说明）。";
  if (!year.required) return "本站收录的通知没有规定该年度的学时要求，所以无法判断。";
  return "无法判断。";
}

/**
 * A year's section. `nameOf(index)` names an activity; `kindOf(id)` gives its catalogue entry;
 * `onEnterRequirement(year)` opens the form for the user's own figures.
 */
export function yearSection(year, { nameOf, kindOf, onEnterRequirement }) {
  const state = yearState(year);
  const box = el("section", { class: `calc-year-report calc-state-${state}`, dataset: { year: year.year, state } });
  box.append(el("h3", {}, `${year.year}年 `, badge(state)));
  box.append(el("p", { class: "calc-state" }, stateSentence(year)));
  box.append(yearTable(year));
  // A year with the user's own figures: calc's note (in year.notes, below) says so.
  if (year.required_source === "policy" && year.required_citation) {
    box.append(el("p", { class: "calc-cite" }, `年度要求依据：${year.required_citation}`));
  } else if (!year.required && year.annual !== false) {
    box.append(el("div", { class: "calc-note calc-unknown-req" },
      "如您手头有当年的通知，可以填写当年的要求：",
      el("button", { type: "button", class: "calc-link-button", on: { click: () => onEnterRequirement(year.year) } }, `填写${year.year}年的要求`)));
  }
  if (year.professional_full) box.append(el("p", { class: "calc-note" }, "该年度专业科目学时已整体认定（按规定视为完成全年专业科目要求）。"));
  for (const text of year.notes || []) box.append(el("p", { class: "calc-note" }, text));
  const lines = year.lines || [];
  if (lines.length) {
    const item = (line) => lineItem(line, Number.isInteger(line.activity) ? nameOf(line.activity) : line.name || line.kind || "", kindOf(line.kind));
    const list = el("ul", { class: "calc-lines" }, lines.slice(0, LINES_SHOWN).map(item));
    box.append(list);
    if (lines.length > LINES_SHOWN) {
      // Hundreds of lines (a 500-activity file) paused the page for most of a second on every
      // calculation: the rest are drawn when asked for, a slice per task.
      const more = el("button", { type: "button", class: "md-button calc-more-lines" }, `显示其余 ${lines.length - LINES_SHOWN} 条`);
      more.addEventListener("click", async () => {
        more.disabled = true;
        for (let at = LINES_SHOWN; at < lines.length; at += LINES_SHOWN) {
          list.append(...lines.slice(at, at + LINES_SHOWN).map(item));
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        more.remove();
      });
      box.append(more);
    }
  }
  return box;
}

const LINES_SHOWN = 30; // a year's lines drawn with the report; the rest on request
