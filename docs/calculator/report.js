// Rendering a report (shared/contract/scenario.md) as text nodes: errors first, then the title
// application verdict and the planner, then each year (years.js) with every line explained
// (explain.js), then the deadlines.
import { clear, el } from "./dom.js";
import { plannerSection } from "./planner.js";
import { readinessSection } from "./readiness.js";
import { yearSection } from "./years.js";

export function activityName(scenario, index, kindName) {
  const activity = scenario?.activities?.[index];
  const own = activity && typeof activity.title === "string" && activity.title ? `「${activity.title}」` : "";
  return `第${index + 1}项 ${kindName(activity?.kind)}${own}`;
}

function renderErrors(errors, scenario, kindName) {
  const shown = errors.slice(0, 100);
  const list = el("ul", { class: "calc-errors" });
  for (const e of shown) {
    const where = Number.isInteger(e.activity) ? `${activityName(scenario, e.activity, kindName)}：` : "";
    list.append(el("li", {}, `${where}${e.message}`));
  }
  if (errors.length > shown.length) list.append(el("li", {}, `另有 ${errors.length - shown.length} 处，见各条目下的提示。`));
  return el("section", { class: "calc-error-list" }, el("h3", {}, "需要修改的地方"), list);
}

/** The year whose deadlines the calendar shows: the application year, else this year, else the latest with any. */
function calendarYear(report, scenario) {
  const target = scenario?.target?.year;
  if (Number.isInteger(target)) return target;
  const now = new Date().getFullYear();
  const years = (report.deadlines || []).map((d) => Number(String(d.date).slice(0, 4))).filter(Number.isInteger);
  return years.includes(now) || !years.length ? now : Math.max(...years);
}

/**
 * Fill `container` with the report. ctx: {scenario, kindName(id), kindOf(id), onEnterRequirement(year), onAdd(activity)}.
 */
export function renderReport(container, report, ctx) {
  const { scenario, kindName } = ctx;
  clear(container);
  const errors = report.errors || [];
  if (errors.length) container.append(renderErrors(errors, scenario, kindName));
  if (report.readiness) container.append(readinessSection(report.readiness));
  if ((report.years || []).length) {
    container.append(plannerSection(report, { onAdd: ctx.onAdd, currentYear: calendarYear(report, scenario) }));
  }
  const nameOf = (index) => activityName(scenario, index, kindName);
  for (const year of report.years || []) {
    container.append(yearSection(year, { nameOf, kindOf: ctx.kindOf, onEnterRequirement: ctx.onEnterRequirement }));
  }
  if (!(report.years || []).length && !errors.length) {
    container.append(el("p", { class: "calc-hint" }, "添加学习或成果后，这里会显示每年的学时。"));
  }
  if ((report.deadlines || []).length) {
    container.append(el("section", { class: "calc-deadlines" }, el("h3", {}, "截止时间"),
      el("ul", {}, report.deadlines.map((d) => el("li", {},
        el("time", { datetime: String(d.date).slice(0, 10) }, d.date), d.time ? ` ${d.time}` : "",
        d.who ? ` 【${d.who}】` : "", ` ${d.what}`,
        d.citation ? el("span", { class: "calc-cite" }, `（${d.citation}）`) : null)))));
  }
}

/** Whether the report says the scenario as a whole cannot be used (not an object, unknown region, version). */
export function isUnusable(report) {
  const errors = report.errors || [];
  return (report.years || []).length === 0 && errors.some((e) => e.activity === null || e.activity === undefined);
}

/** One sentence for screen readers after each calculation (calc's `summary_text`). */
export function summarySentence(report) {
  if (isUnusable(report)) return "无法计算，请查看错误提示。";
  return `计算完成：${report.summary_text}。`;
}
