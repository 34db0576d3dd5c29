// Rendering a report (shared/contract/scenario.md) as text nodes, the answer first: errors, the
// values to check (warnings), the title application's answer and next step (readiness.js), each
// year in one line with its details folded (years.js, explain.js), the planner with the calendar,
// then the deadlines. While the person types into the next step's own fields, that answer box is
// kept as it is (a new report would redraw the field under their fingers); it is redrawn with
// the latest report once the focus leaves it.
import { el } from "./dom.js";
import { plannerSection } from "./planner.js";
import { readinessSection } from "./readiness.js";
import { words } from "./vocabulary.js";
import { yearSection } from "./years.js";

export function activityName(scenario, index, kindName, place = () => null) {
  const activity = scenario?.activities?.[index];
  const cell = place(activity); // a cell of the year grid: its year and column
  if (cell) return `${cell.year}年${words().category[cell.category]}（每年的学时）`;
  const own = activity && typeof activity.title === "string" && activity.title ? `「${activity.title}」` : "";
  return `第${index + 1}项 ${kindName(activity?.kind)}${own}`;
}

function renderErrors(errors, scenario, kindName, place) {
  const shown = errors.slice(0, 100);
  const list = el("ul", { class: "calc-errors" });
  for (const e of shown) {
    const where = Number.isInteger(e.activity) ? `${activityName(scenario, e.activity, kindName, place)}：` : "";
    list.append(el("li", {}, `${where}${e.message}`));
  }
  if (errors.length > shown.length) list.append(el("li", {}, `另有 ${errors.length - shown.length} 处，见各条目下的提示。`));
  return el("section", { class: "calc-error-list" }, el("h3", {}, "需要修改的地方"), list);
}

/** Values that are allowed but unlikely (calc's warnings): they count as entered. */
function renderWarnings(warnings) {
  return el("section", { class: "calc-warning-list" }, el("h3", {}, "请核对"),
    el("ul", { class: "calc-warnings" }, warnings.slice(0, 50).map((w) => el("li", {}, w.message))));
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
 * Fill `container` with the report. ctx: {scenario, catalogue, kindName(id), kindOf(id),
 * place(activity), untouched(index), onEnterRequirement(year), onAdd(activity), onFact(),
 * onRequirement(), redraw()} — redraw() draws the last report again (when the focus leaves a kept
 * answer box); untouched(index): a new card not left yet (activities.js), its missing kind unsaid.
 */
export function renderReport(container, report, ctx) {
  const { scenario, kindName } = ctx;
  const kept = keptAnswer(container);
  // everything but a kept answer box goes (removing it would take the focus from the person)
  for (const child of [...container.childNodes]) if (child !== kept) child.remove();
  const before = [];
  const after = [];
  const errors = report.errors || [];
  // a card just added has no kind yet: not said before the person has had a chance to choose one
  const said = errors.filter((e) => !(e.code === "kind_missing" && ctx.untouched?.(e.activity)));
  if (said.length) before.push(renderErrors(said, scenario, kindName, ctx.place));
  if ((report.warnings || []).length) before.push(renderWarnings(report.warnings));
  const nameOf = (index) => activityName(scenario, index, kindName, ctx.place);
  if ((report.years || []).length) {
    const years = el("section", { class: "calc-years" }, el("h3", {}, "逐年学时"));
    for (const year of report.years) {
      years.append(yearSection(year, { nameOf, kindOf: ctx.kindOf, onEnterRequirement: ctx.onEnterRequirement }));
    }
    after.push(years, plannerSection(report, { currentYear: calendarYear(report, scenario) }));
  } else if (!errors.length) {
    after.push(el("p", { class: "calc-hint" }, "填写每年的学时或添加学习、成果后，这里会显示每年的学时。"));
  }
  if ((report.deadlines || []).length) {
    after.push(el("details", { class: "calc-fold calc-deadlines" }, el("summary", {}, `截止时间（${report.deadlines.length}）`),
      el("ul", {}, report.deadlines.map((d) => el("li", {},
        el("time", { datetime: String(d.date).slice(0, 10) }, d.date), d.time ? ` ${d.time}` : "",
        d.who ? ` 【${d.who}】` : "", ` ${d.what}`,
        d.citation ? el("span", { class: "calc-cite" }, `（${d.citation}）`) : null)))));
  }
  const answer = kept || answerBox(report.readiness || null, ctx);
  if (!kept) container.append(answer);
  answer.before(...before);
  answer.after(...after);
}

/** The answer box, with a watch: a box whose next-step fields had the focus is redrawn when it leaves. */
function answerBox(readiness, ctx) {
  const box = readinessSection(readiness, ctx);
  box.addEventListener("focusout", (event) => {
    if (box.dataset.stale && !box.contains(event.relatedTarget)) {
      delete box.dataset.stale;
      setTimeout(() => ctx.redraw(), 0);
    }
  });
  return box;
}

/**
 * The answer box to keep: the person is typing into a text field of its next step (marked stale,
 * drawn again once the focus leaves it). A choice, a date or a button commits at once: the box is
 * drawn again now, and the focus put back on the same field if the new box has it, else on the
 * answer (so that a screen reader reads the new answer).
 */
function keptAnswer(container) {
  const box = container.querySelector(":scope > .calc-readiness");
  const active = document.activeElement;
  if (!box || !active || !box.querySelector("#next-step")?.contains(active)) return null;
  if (active instanceof HTMLInputElement && active.type === "text") {
    box.dataset.stale = "1";
    return box;
  }
  const name = active.getAttribute("name");
  queueMicrotask(() => {
    const same = name && container.querySelector(`#next-step [name="${CSS.escape(name)}"]`);
    (same || container.querySelector("#verdict-answer"))?.focus();
  });
  return null;
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
