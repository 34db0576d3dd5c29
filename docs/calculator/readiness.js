// The answer to the title application (职称申报), as calc words it, first on the result: the
// heading, the answer (calc's `verdict_label`) with how calc decides it folded beside it
// (MESSAGES.how_decided), the next step (calc's `next_step`) with what it needs right there — the
// facts to give (the same fields as in 职称申报), the years' requirements to enter, the plan's
// entries to add (as planned, `"planned": true`), or, for an application whose date is over, the
// same check for another year (`recheck`) — then the window's years, what is still missing, and
// the reasons and clauses, folded.
import { el } from "./dom.js";
import { withPhoneLink } from "./handoff.js";
import { shownNumber, typedNumber } from "./limits.js";
import { factField } from "./sections.js";
import { formField, term, words } from "./vocabulary.js";
import { badge } from "./years.js";

const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

/** A field of the target the verdict waits for (the degree …), as 职称申报 asks it. */
function targetField(name, scenario, onChange) {
  const spec = formField("target", name);
  const target = isObject(scenario.target) ? scenario.target : {};
  if (spec.type === "boolean") {
    const box = el("input", { type: "checkbox", name, checked: target[name] === true });
    box.addEventListener("change", () => {
      if (box.checked) target[name] = true;
      else delete target[name];
      onChange();
    });
    return el("label", { class: "calc-field calc-check" }, box, el("span", {}, spec.label));
  }
  const node = el("select", { name });
  node.append(el("option", { value: "" }, "请选择"), ...(spec.choices || []).map((c) => el("option", { value: c.value }, c.label)));
  node.value = typeof target[name] === "string" ? target[name] : "";
  node.addEventListener("change", () => {
    if (node.value) target[name] = node.value;
    else delete target[name];
    onChange();
  });
  return el("label", { class: "calc-field" }, el("span", { class: "calc-label" }, spec.label), node);
}

/** The requirement fields of one year (公需, 专业), writing scenario.requirements. */
function requirementFields(year, scenario, onChange) {
  const figures = isObject(scenario.requirements) && isObject(scenario.requirements[year]) ? scenario.requirements[year] : {};
  const row = el("div", { class: "calc-next-year", dataset: { year } }, el("span", { class: "calc-next-year-label" }, `${year}年`));
  for (const name of ["public", "professional"]) {
    const spec = formField("requirement", name);
    const input = el("input", { type: "text", name, inputmode: "decimal", maxlength: 24, value: shownNumber(figures[name]),
      "aria-label": `${year}年${spec.label}${term("required")}（${spec.unit}）` });
    input.addEventListener("input", () => {
      if (!isObject(scenario.requirements)) scenario.requirements = {};
      if (!isObject(scenario.requirements[year])) scenario.requirements[year] = {};
      const value = typedNumber(input.value);
      if (value === undefined) delete scenario.requirements[year][name];
      else scenario.requirements[year][name] = value;
      onChange();
    });
    row.append(el("label", { class: "calc-field" }, el("span", { class: "calc-label" }, spec.label),
      el("span", { class: "calc-with-unit" }, input, el("span", { class: "calc-unit" }, spec.unit))));
  }
  return row;
}

/**
 * The plan's one-click entries: each need's suggestion, added as planned; all at once when there
 * are several. A tap applies at once and only once: the buttons are spent until the next answer
 * (a second tap adds nothing; onAdd also skips an entry the list already holds).
 */
function planButtons(plan, onAdd) {
  const needs = (plan?.years || []).flatMap((y) => (y.needs || []).filter((n) => n.suggestion).map((n) => [y, n]));
  const buttons = [];
  const add = (entries) => {
    if (buttons.some((b) => b.disabled)) return;
    for (const b of buttons) b.disabled = true;
    onAdd(entries.map((need) => ({ ...need.suggestion.activity })));
  };
  buttons.push(...needs.map(([y, need]) => el("button", {
    type: "button", class: "md-button calc-plan-add", dataset: { year: y.year, category: need.category },
    on: { click: () => add([need]) },
  }, `添加到计划：${need.suggestion.text}`)));
  if (needs.length > 1) {
    buttons.unshift(el("button", {
      type: "button", class: "md-button md-button--primary calc-plan-all",
      on: { click: () => add(needs.map(([, need]) => need)) },
    }, `全部添加到计划（${needs.length} 项）`));
  }
  return buttons;
}

/** An application whose date is over: the same record checked for `recheck.year`, in one tap. */
function recheckButton(recheck, onRecheck) {
  return el("button", {
    type: "button", class: "md-button md-button--primary calc-recheck", dataset: { year: recheck.year },
    on: { click: () => onRecheck(recheck.year) },
  }, recheck.text);
}

/** What the next step needs, right under it. */
function stepFields(readiness, ctx) {
  const step = readiness.next_step;
  const { scenario, catalogue } = ctx;
  const box = el("div", { class: "calc-next-fields" });
  if (step.code === "fill_facts") {
    for (const fact of step.facts) {
      if (fact.part === "person") {
        const spec = (catalogue?.person || []).find((f) => f.name === fact.name);
        if (spec) box.append(factField(spec, scenario, ctx.onFact));
      } else {
        box.append(targetField(fact.name, scenario, ctx.onFact));
      }
    }
  } else if (step.code === "fill_requirements") {
    for (const year of step.years) box.append(requirementFields(year, scenario, ctx.onRequirement));
  } else if (step.code === "add_hours") {
    box.append(...planButtons(readiness.plan, ctx.onAdd));
  }
  if (readiness.recheck) box.append(recheckButton(readiness.recheck, ctx.onRecheck));
  return box.childElementCount ? box : null;
}

/**
 * The answer box. ctx: {scenario, catalogue, onFact(), onRequirement(), onAdd([activities]),
 * onRecheck(year)}.
 * Without an application (readiness null): what to choose to get one.
 */
export function readinessSection(readiness, ctx) {
  if (!readiness) {
    return el("section", { class: "calc-readiness", dataset: { status: "none" } },
      el("p", { class: "calc-verdict-heading" }, term("title_application")),
      el("p", { class: "calc-next" }, words().messages.no_target, "在上方“职称申报”中选择申报方式、级别和年度，这里会告诉您学时条件是否满足、下一步做什么。"));
  }
  const status = readiness.status;
  const planned = readiness.verdict_label !== readiness.status_label;
  const box = el("section", { class: "calc-readiness", dataset: { status }, "aria-labelledby": "verdict-heading" });
  box.append(el("h3", { class: "calc-verdict-heading", id: "verdict-heading" }, readiness.heading));
  box.append(el("p", { class: "calc-verdict-answer", id: "verdict-answer", tabindex: "-1" }, badge(planned ? "planned" : status, readiness.verdict_label)));
  // how calc decides where something is missing (why 无法判断), one tap away
  box.append(el("details", { class: "calc-fold calc-how-decided" }, el("summary", {}, "判断方法"),
    el("p", { class: "calc-note" }, words().messages.how_decided)));
  const next = el("div", { class: "calc-next", id: "next-step", dataset: { code: readiness.next_step.code } },
    el("p", {}, el("strong", {}, `${term("next_step")}：`), withPhoneLink(readiness.next_step.text, readiness.contact)));
  const fields = stepFields(readiness, ctx);
  if (fields) next.append(fields);
  box.append(next);

  if ((readiness.window_years || []).length) {
    box.append(el("p", { class: "calc-hint" }, readiness.window_text));
    box.append(el("ol", { class: "calc-window" }, readiness.window_years.map((y) =>
      el("li", { class: y.counted ? "calc-counted" : null, dataset: { year: y.year } },
        el("span", { class: "calc-window-year" }, `${y.year}年`), badge(y.state, y.state_label),
        y.counted ? el("span", { class: "calc-window-note" }, term("counted")) : null,
        y.shortfall_text ? el("span", { class: "calc-window-note" }, y.shortfall_text) : null))));
  }
  if (readiness.shortfall_text) box.append(el("p", { class: "calc-state" }, readiness.shortfall_text));
  if ((readiness.reasons || []).length) {
    box.append(el("details", { class: "calc-fold calc-reasons-box" },
      el("summary", {}, "为什么（逐年说明、依据和本站的理解）"),
      el("ul", { class: "calc-reasons" }, readiness.reasons.map((r) => el("li", {}, r))),
      (readiness.citations || []).length ? el("p", { class: "calc-cite" }, `${term("citation")}：${readiness.citations.join("；")}`) : null));
  }
  return box;
}
