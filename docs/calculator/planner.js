// The planner, from the report's readiness.plan as calc words it: the least extra hours that make
// the title application's years enough (`plan_text`), per year and category the gap and the kinds
// that can still supply it, and the year's deadlines; then the calendar of the year's deadlines.
// The one-click entries calc suggests are offered with the next step (readiness.js).
import { el } from "./dom.js";
import { deadlineCalendar } from "./calendar.js";
import { term, words } from "./vocabulary.js";

function yearPlan(y) {
  const part = el("div", { class: "calc-plan-year", dataset: { year: y.year } });
  part.append(el("h4", {}, `${y.year}年`));
  for (const need of y.needs || []) {
    part.append(el("p", {}, need.text));
    const options = y.options?.[need.category] || [];
    if (options.length) {
      part.append(el("details", { class: "calc-fold calc-plan-options" },
        el("summary", {}, need.options_label),
        el("ul", {}, options.map((o) => el("li", {}, o.text)))));
    } else if (need.empty_text) {
      part.append(el("p", { class: "calc-warning" }, need.empty_text));
    }
  }
  const personal = y.deadlines || [];
  if (personal.length) {
    part.append(el("p", { class: "calc-note" }, `${term("deadlines")}：`, personal.map((d) => `${d.date} ${d.what}`).join("；")));
  }
  return part;
}

/** The planner section; `currentYear` is the calendar's year. */
export function plannerSection(report, { currentYear }) {
  const readiness = report.readiness;
  const plan = readiness?.plan;
  const box = el("section", { class: "calc-planner" }, el("h3", {}, "补学计划"));
  if (readiness) {
    box.append(el("p", { class: plan && (plan.years || []).length ? "calc-state" : null }, readiness.plan_text));
    for (const y of plan?.years || []) box.append(yearPlan(y));
  } else {
    box.append(el("p", { class: "calc-hint" }, "在“职称申报”中选择申报方式、级别和年度，这里会算出最少还需补多少学时、可以补哪些类型。"));
  }
  const calendar = deadlineCalendar(report.deadlines || [], currentYear, report.today);
  if (calendar) {
    box.append(el("details", { class: "calc-fold calc-calendar-box" }, el("summary", {}, `${currentYear}年的截止时间（日历）`), calendar));
  } else {
    // the notices give deadlines for their own years only: say so rather than show nothing
    box.append(el("p", { class: "calc-note calc-no-deadlines" }, `${currentYear}年：${words().messages.no_deadlines}`,
      (report.deadlines || []).length ? words().messages.other_deadlines : ""));
  }
  return box;
}
