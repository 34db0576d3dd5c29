// Rendering a report (shared/contract/scenario.md) as text nodes, the answer first: errors, the
// values to check (warnings), the title application's answer and next step (readiness.js), each
// year in one line with its details folded (years.js, explain.js), the planner with the calendar,
// then the deadlines. Every report redraws the answer — verdict, badges, window, next step — in
// place: while the person is in one of the next step's own fields, that field (and its row)
// stays as it is, with the focus and the caret, and everything around it is the new report's
// (answerInPlace); a field the new next step no longer asks for goes once the focus leaves it.
// Folded parts the person opened stay open. The years are drawn as many per task as fit in a
// slice (tasks.js): 500 projects of 26 years (issue 22) are not drawn in one long task.
import { el } from "./dom.js";
import { plannerSection } from "./planner.js";
import { readinessSection } from "./readiness.js";
import { inSlices } from "./tasks.js";
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

/** The year whose deadlines the calendar shows: the application year, else the year of the
 * report's `today`, else the latest with any. */
function calendarYear(report, scenario) {
  const target = scenario?.target?.year;
  if (Number.isInteger(target)) return target;
  const now = Number(String(report.today || "").slice(0, 4)) || new Date().getFullYear();
  const years = (report.deadlines || []).map((d) => Number(String(d.date).slice(0, 4))).filter(Number.isInteger);
  return years.includes(now) || !years.length ? now : Math.max(...years);
}

/**
 * Fill `container` with the report. ctx: {scenario, catalogue, kindName(id), kindOf(id),
 * place(activity), untouched(index), onEnterRequirement(year), onAdd(activity), onFact(),
 * onRequirement(), onRecheck(year)} — untouched(index): a new card not left yet (activities.js),
 * its missing kind unsaid. Resolves true when every year is drawn (in this task when they fit in
 * a slice), false when `current()` turned false first (a newer drawing began).
 */
export function renderReport(container, report, ctx, current = () => true) {
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
  const years = el("section", { class: "calc-years" }, el("h3", {}, "逐年学时"));
  if ((report.years || []).length) {
    after.push(years, plannerSection(report, { currentYear: calendarYear(report, scenario) }));
  } else if (!errors.length) {
    after.push(el("p", { class: "calc-hint" }, "填写每年的学时或添加学习、成果后，这里会显示每年的学时。"));
  }
  if ((report.deadlines || []).length) {
    after.push(el("details", { class: "calc-fold calc-deadlines" }, el("summary", {}, `截止时间（${report.deadlines.length}）`),
      el("ul", {}, report.deadlines.map((d) => el("li", {},
        el("time", { datetime: String(d.date).slice(0, 10) }, d.date), d.time ? ` ${d.time}` : "",
        d.who ? ` 【${d.who}】` : "", ` ${d.what}`, d.passed ? "（已过）" : "",
        d.citation ? el("span", { class: "calc-cite" }, `（${d.citation}）`) : null)))));
  }
  const fresh = answerBox(report.readiness || null, ctx);
  // (no next step in the new answer, no application: nothing to keep)
  const answer = kept && fresh.querySelector("#next-step") ? answerInPlace(kept, fresh) : fresh;
  if (answer !== kept) {
    kept?.remove();
    container.append(answer);
  }
  answer.before(...before);
  answer.after(...after);
  const each = { nameOf, kindOf: ctx.kindOf, onEnterRequirement: ctx.onEnterRequirement };
  return inSlices((report.years || []).length, (i) => years.append(yearSection(report.years[i], each)), current);
}

/** The answer box, with a watch: a field the next step no longer asks for, kept while it had
 * the focus, goes when the focus leaves the box (the rest of the box is the latest report's). */
function answerBox(readiness, ctx) {
  const box = readinessSection(readiness, ctx);
  box.addEventListener("focusout", (event) => {
    if (!box.dataset.stale || box.contains(event.relatedTarget)) return;
    delete box.dataset.stale;
    const orphan = box.querySelector(".calc-next-fields > .calc-asked-no-more");
    const fields = orphan?.parentElement;
    orphan?.remove();
    if (fields && !fields.childElementCount) fields.remove();
  });
  return box;
}

const FIELD = "input, select, textarea";

/**
 * The answer box to update in place: the person is in a field of its next step (typing, or
 * choosing). Otherwise the box is drawn anew; where something of it had the focus (a button that
 * goes with the old answer, the answer itself), the focus is put back on the same field if the
 * new box has it, else on the answer (so that a screen reader reads the new answer). Folds the
 * person opened are opened again in the new box.
 */
function keptAnswer(container) {
  const box = container.querySelector(":scope > .calc-readiness");
  if (!box) return null;
  const active = document.activeElement;
  const focused = !!active && box.contains(active);
  if (focused && box.querySelector("#next-step")?.contains(active) && active.matches(FIELD)) return box;
  const open = openFolds(box);
  const name = focused ? active.getAttribute("name") : null;
  queueMicrotask(() => {
    reopen(container.querySelector(":scope > .calc-readiness"), open);
    if (!focused) return;
    const same = name && container.querySelector(`#next-step [name="${CSS.escape(name)}"]`);
    (same || container.querySelector("#verdict-answer"))?.focus();
  });
  return null;
}

const openFolds = (box) => new Set([...box.querySelectorAll("details[open]")].map((d) => d.className));

function reopen(box, open) {
  for (const d of box?.querySelectorAll("details") || []) if (open.has(d.className)) d.open = true;
}

/** What identifies a part of the next step's fields from one report to the next: its year and
 * the names of its fields. */
const partKey = (node) => `${node.dataset?.year || ""}|${[...node.querySelectorAll("[name]")].map((n) => n.name).join(",")}`;

/**
 * The new answer (`fresh`) drawn into the kept box around the field being used: every part of
 * the box is the fresh one's but that field's own part of the next step's fields (a year's
 * requirement row, a fact's field), which stays where it is — never moved, so the focus and the
 * caret stay too. When the new next step does not ask for it any more it stays until the focus
 * leaves the box or the next report comes (stale: answerBox).
 */
function answerInPlace(box, fresh) {
  const active = document.activeElement;
  const next = box.querySelector("#next-step");
  const fields = next.querySelector(".calc-next-fields");
  const part = [...fields.children].find((child) => child.contains(active));
  reopen(fresh, openFolds(box));
  box.dataset.status = fresh.dataset.status;
  // around the next step: the fresh box's parts
  const freshNext = fresh.querySelector("#next-step");
  const around = [...fresh.children];
  const at = around.indexOf(freshNext);
  for (const child of [...box.children]) if (child !== next) child.remove();
  next.before(...around.slice(0, at));
  next.after(...around.slice(at + 1));
  // the next step: its code and sentence new, its fields new around the one in use
  next.dataset.code = freshNext.dataset.code;
  const freshFields = freshNext.querySelector(".calc-next-fields");
  for (const child of [...next.children]) if (child !== fields) child.remove();
  fields.before(...[...freshNext.children].filter((child) => child !== freshFields));
  for (const child of [...fields.children]) if (child !== part) child.remove();
  const parts = freshFields ? [...freshFields.children] : [];
  const same = parts.findIndex((node) => partKey(node) === partKey(part));
  if (same >= 0) {
    part.before(...parts.slice(0, same));
    part.after(...parts.slice(same + 1));
    part.classList.remove("calc-asked-no-more");
    delete box.dataset.stale;
  } else {
    part.after(...parts);
    part.classList.add("calc-asked-no-more");
    box.dataset.stale = "1";
  }
  return box;
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
