// The optional parts of the scenario: the title application (target), the person, and the
// requirements the user supplies for years the notices do not cover.
import { checkbox, clear, el, field, select } from "./dom.js";
import { shownNumber, typedNumber } from "./limits.js";
import { VOCABULARY, formField } from "./vocabulary.js";

const choices = (spec) => (spec.choices || []).map((c) => [c.value, c.label]);

/** Set or delete obj[name]; delete the object from its parent when it becomes empty. */
function put(obj, name, value) {
  if (value === undefined) delete obj[name];
  else obj[name] = value;
}

const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

/**
 * The facts about the person that the region's rules use (catalogue.person, from the rule data:
 * name, label, type, choices, default, help). A fact the scenario holds that this region does not
 * use stays in the scenario untouched (another region may use it); it is not asked for here.
 */
export function renderPerson(container, scenario, catalogue, onChange) {
  clear(container);
  const facts = catalogue?.person || [];
  if (!facts.length) {
    container.append(el("p", { class: "calc-hint" }, catalogue?.person_text || VOCABULARY.messages.no_person_facts));
    return;
  }
  const person = () => {
    if (!isObject(scenario.person)) scenario.person = {};
    return scenario.person;
  };
  const current = isObject(scenario.person) ? scenario.person : {};
  const changed = (name, value) => {
    put(person(), name, value);
    if (Object.keys(scenario.person).length === 0) delete scenario.person;
    onChange();
  };
  for (const spec of facts) {
    const value = current[spec.name];
    const hint = spec.help || null;
    if (spec.type === "boolean") {
      const box = el("input", { type: "checkbox", name: spec.name, checked: value === true });
      box.addEventListener("change", () => changed(spec.name, box.checked ? true : undefined));
      const item = checkbox(spec.label, box);
      container.append(hint ? el("div", { class: "calc-field" }, item, el("span", { class: "calc-hint" }, hint)) : item);
    } else if (spec.type === "choice") {
      const node = select(spec.name, choices(spec), { placeholder: spec.unset_label, value: value ?? "" });
      node.addEventListener("change", () => changed(spec.name, node.value || undefined));
      container.append(field(spec.label, node, { hint }));
    } else if (spec.type === "date") {
      const node = el("input", { type: "date", name: spec.name, value: typeof value === "string" ? value : "" });
      node.addEventListener("input", () => changed(spec.name, node.value || undefined));
      container.append(field(spec.label, node, { hint }));
    } else {
      const node = el("input", { type: "text", name: spec.name, inputmode: "numeric", maxlength: 12, value: shownNumber(value) });
      node.addEventListener("input", () => changed(spec.name, typedNumber(node.value)));
      container.append(field(spec.label, node, { unit: formField("target", "year").unit, hint }));
    }
  }
}

export function renderTarget(container, scenario, catalogue, details, onChange, defaultYear) {
  clear(container);
  const target = isObject(scenario.target) ? scenario.target : null;
  if (target) details.open = true;
  const spec = (name) => formField("target", name); // calc's labels of the target's fields
  const typeSelect = select("type", choices(spec("type")), { placeholder: "不检查", value: target?.type ?? "" });
  container.append(field(spec("type").caption, typeSelect));
  const rest = el("div", { class: "calc-grid calc-wide", hidden: !target });
  container.append(rest);

  const update = (name, value) => {
    if (!isObject(scenario.target)) return;
    put(scenario.target, name, value);
    onChange();
  };
  const levelSelect = select("level", choices(spec("level")), { value: target?.level ?? "" });
  levelSelect.addEventListener("change", () => update("level", levelSelect.value || undefined));
  const year = el("input", { type: "text", name: "year", inputmode: "numeric", maxlength: 12, value: shownNumber(target?.year) });
  year.addEventListener("input", () => update("year", typedNumber(year.value)));
  const date = el("input", { type: "date", name: "date", value: typeof target?.date === "string" ? target.date : "" });
  date.addEventListener("input", () => update("date", date.value || undefined));
  const degree = select("degree", choices(spec("degree")), { placeholder: "未填", value: target?.degree ?? "" });
  degree.addEventListener("change", () => update("degree", degree.value || undefined));
  const deputy = el("input", { type: "checkbox", name: "has_deputy_senior", checked: target?.has_deputy_senior === true });
  deputy.addEventListener("change", () => update("has_deputy_senior", deputy.checked ? true : undefined));
  const deputyField = spec("has_deputy_senior");
  rest.append(
    field(spec("level").caption, levelSelect),
    field(spec("year").caption, year, { unit: spec("year").unit }),
    field(spec("date").caption, date, { hint: spec("date").help }),
    field(spec("degree").caption, degree),
    el("div", { class: "calc-field" }, checkbox(deputyField.label, deputy), el("span", { class: "calc-hint" }, deputyField.help)),
  );

  typeSelect.addEventListener("change", () => {
    if (!typeSelect.value) {
      delete scenario.target;
      rest.hidden = true;
    } else {
      if (!isObject(scenario.target)) {
        scenario.target = { type: typeSelect.value, level: levelSelect.value || undefined, year: typedNumber(year.value) ?? defaultYear() };
        for (const k of Object.keys(scenario.target)) if (scenario.target[k] === undefined) delete scenario.target[k];
        year.value = String(scenario.target.year);
      }
      scenario.target.type = typeSelect.value;
      rest.hidden = false;
    }
    onChange();
  });
}

export function renderRequirements(list, scenario, details, onChange) {
  clear(list);
  const reqs = isObject(scenario.requirements) ? scenario.requirements : null;
  if (reqs && Object.keys(reqs).length) details.open = true;
  for (const [yearKey, figures] of Object.entries(reqs || {})) {
    list.append(requirementRow(list, scenario, yearKey, figures, details, onChange));
  }
}

export function addRequirement(list, scenario, details, onChange, defaultYear) {
  if (!isObject(scenario.requirements)) scenario.requirements = {};
  let year = defaultYear();
  while (String(year) in scenario.requirements) year -= 1;
  scenario.requirements[String(year)] = {};
  list.append(requirementRow(list, scenario, String(year), scenario.requirements[String(year)], details, onChange));
  onChange();
}

function requirementRow(list, scenario, initialKey, figures, details, onChange) {
  let key = initialKey;
  const values = isObject(figures) ? figures : {};
  const row = el("li", { class: "calc-grid calc-requirement", dataset: { year: key } });
  const year = el("input", { type: "text", name: "year", inputmode: "numeric", maxlength: 12, value: key });
  const pub = el("input", { type: "text", name: "public", inputmode: "decimal", maxlength: 24, value: shownNumber(values.public) });
  const pro = el("input", { type: "text", name: "professional", inputmode: "decimal", maxlength: 24, value: shownNumber(values.professional) });
  // The entries are reached afresh at every edit and repaired when not an object (a file may hold
  // null, a number or a list there): typing never throws and never loses the figure typed.
  const entries = () => {
    if (!isObject(scenario.requirements)) scenario.requirements = {};
    return scenario.requirements;
  };
  year.addEventListener("input", () => {
    const typed = typedNumber(year.value);
    const next = typed === undefined ? "" : String(typed);
    if (!next || next === key || next in entries()) return;
    entries()[next] = entries()[key];
    delete entries()[key];
    key = next;
    row.dataset.year = key;
    onChange();
  });
  const setFigure = (name, input) => {
    if (!isObject(entries()[key])) entries()[key] = {};
    put(entries()[key], name, typedNumber(input.value));
    onChange();
  };
  pub.addEventListener("input", () => setFigure("public", pub));
  pro.addEventListener("input", () => setFigure("professional", pro));
  const remove = el("button", {
    type: "button", class: "calc-remove", "aria-label": "删除这一年度",
    on: {
      click: () => {
        delete entries()[key];
        if (Object.keys(entries()).length === 0) delete scenario.requirements;
        row.remove();
        onChange();
      },
    },
  }, "删除");
  const spec = (name) => formField("requirement", name); // calc's labels of a requirement's fields
  row.append(field(spec("year").label, year, { unit: spec("year").unit }), field(spec("public").label, pub, { unit: spec("public").unit }),
    field(spec("professional").label, pro, { unit: spec("professional").unit }), remove);
  return row;
}
