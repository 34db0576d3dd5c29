// The parts of the scenario beside the activities: the title application (target) with the facts
// its verdict depends on, the person's other facts, and the requirements the user supplies for
// years the notices do not cover.
import { dateField } from "./date-field.js";
import { checkbox, clear, el, field, select } from "./dom.js";
import { shownNumber, typedNumber } from "./limits.js";
import { formField } from "./vocabulary.js";

const choices = (spec) => (spec.choices || []).map((c) => [c.value, c.label]);

/** Set or delete obj[name]; delete the object from its parent when it becomes empty. */
function put(obj, name, value) {
  if (value === undefined) delete obj[name];
  else obj[name] = value;
}

const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

/** The person object of the scenario, made (or repaired) when a fact is set. */
function personOf(scenario) {
  if (!isObject(scenario.person)) scenario.person = {};
  return scenario.person;
}

/**
 * One person fact as a form field (catalogue.person: name, label, type, choices, default, help),
 * reading and writing scenario.person; used in the title application, in “其他个人情况”, and
 * where the verdict asks for it (readiness.js).
 */
export function factField(spec, scenario, onChange) {
  const current = isObject(scenario.person) ? scenario.person : {};
  const value = current[spec.name];
  const hint = spec.help || null;
  const changed = (v) => {
    put(personOf(scenario), spec.name, v);
    if (Object.keys(scenario.person).length === 0) delete scenario.person;
    onChange();
  };
  if (spec.type === "boolean") {
    const box = el("input", { type: "checkbox", name: spec.name, checked: value === true });
    box.addEventListener("change", () => changed(box.checked ? true : undefined));
    const item = checkbox(spec.label, box);
    return hint ? el("div", { class: "calc-field calc-wide" }, item, el("span", { class: "calc-hint" }, hint)) : item;
  }
  if (spec.type === "choice") {
    const node = select(spec.name, choices(spec), { placeholder: spec.unset_label, value: value ?? "" });
    node.addEventListener("change", () => changed(node.value || undefined));
    return field(spec.label, node, { hint });
  }
  if (spec.type === "date") {
    // as typed (date-field.js; calc reads it): a person fact's date may be a year and month
    return dateField(spec.label, `person.${spec.name}`, value, changed, { month: true, hint });
  }
  const node = el("input", { type: "text", name: spec.name, inputmode: "numeric", maxlength: 12, value: shownNumber(value) });
  node.addEventListener("input", () => changed(typedNumber(node.value)));
  return field(spec.label, node, { unit: formField("target", "year").unit, hint });
}

/**
 * The facts about the person that the region's rules use outside the title application
 * (catalogue.person, `asked` person); the others are asked inside it (renderTarget). A fact the
 * scenario holds that this region does not use stays in the scenario untouched (another region
 * may use it); it is not asked for here. `box` (the section) is hidden when there is none.
 */
export function renderPerson(container, scenario, catalogue, onChange, box = null) {
  clear(container);
  const facts = (catalogue?.person || []).filter((f) => f.asked === "person");
  if (box) box.hidden = !facts.length;
  for (const spec of facts) container.append(factField(spec, scenario, onChange));
}

/**
 * The title application: 申报方式 (不检查: no application), 级别, 年度, then what this region's
 * verdict depends on — the target's optional fields its rules use (catalogue target_fields: the
 * date for an age, the degree, 已取得副高级) and the person facts asked here (`asked` title;
 * those only an exemption uses, folded).
 */
export function renderTarget(container, scenario, catalogue, onChange, defaultYear) {
  clear(container);
  const target = isObject(scenario.target) ? scenario.target : null;
  const spec = (name) => formField("target", name); // calc's labels of the target's fields
  const typeSelect = select("type", choices(spec("type")), { placeholder: "不检查", value: target?.type ?? "" });
  container.append(field(spec("type").caption, typeSelect));
  const rest = el("div", { class: "calc-grid calc-wide calc-target-rest", hidden: !target });
  container.append(rest);

  const update = (name, value) => {
    if (!isObject(scenario.target)) return;
    put(scenario.target, name, value);
    onChange();
  };
  const levelSelect = select("level", choices(spec("level")), { value: target?.level ?? "" });
  levelSelect.addEventListener("change", () => update("level", levelSelect.value || undefined));
  // the year as a list (one choice on a phone, no typing): the years around now, and whatever the
  // scenario holds (a year typed into a file is shown as it is, for calc to judge)
  const now = new Date().getFullYear();
  const years = [];
  for (let y = now + 2; y >= now - 10; y -= 1) years.push([y, String(y)]);
  if (target?.year !== undefined && !years.some(([y]) => String(y) === String(target.year))) years.unshift([target.year, String(target.year)]);
  const year = select("year", years, { placeholder: null, value: target?.year ?? defaultYear() });
  year.addEventListener("change", () => update("year", typedNumber(year.value)));
  rest.append(field(spec("level").caption, levelSelect), field(spec("year").caption, year, { unit: spec("year").unit }));

  // the target's optional fields, for the applications whose rules use them (catalogue target_fields)
  const optional = el("div", { class: "calc-grid calc-wide calc-target-optional" });
  rest.append(optional);
  const drawOptional = () => {
    clear(optional);
    const now = isObject(scenario.target) ? scenario.target : {};
    const asked = (name) => (catalogue?.target_fields || []).some((f) => f.name === name
      && f.types.includes(now.type) && f.levels.includes(now.level)) || (now[name] !== undefined && now[name] !== false);
    if (asked("date")) {
      optional.append(dateField(spec("date").caption, "target.date", now.date, (text) => update("date", text), { hint: spec("date").help }));
    }
    if (asked("degree")) {
      const degree = select("degree", choices(spec("degree")), { placeholder: "未填", value: now.degree ?? "" });
      degree.addEventListener("change", () => update("degree", degree.value || undefined));
      optional.append(field(spec("degree").caption, degree));
    }
    if (asked("has_deputy_senior")) {
      const deputy = el("input", { type: "checkbox", name: "has_deputy_senior", checked: now.has_deputy_senior === true });
      deputy.addEventListener("change", () => update("has_deputy_senior", deputy.checked ? true : undefined));
      const deputyField = spec("has_deputy_senior");
      optional.append(el("div", { class: "calc-field calc-wide" }, checkbox(deputyField.label, deputy), el("span", { class: "calc-hint" }, deputyField.help)));
    }
    optional.hidden = !optional.childElementCount;
  };
  drawOptional();
  levelSelect.addEventListener("change", drawOptional);
  const facts = catalogue?.person || [];
  for (const fact of facts.filter((f) => f.asked === "title")) {
    const node = factField(fact, scenario, onChange);
    if (fact.help) node.classList.add("calc-wide"); // its explanation needs the width
    rest.append(node);
  }
  const rare = facts.filter((f) => f.asked === "title_more");
  if (rare.length) {
    const open = rare.some((f) => isObject(scenario.person) && scenario.person[f.name] !== undefined);
    rest.append(el("details", { class: "calc-fold calc-wide calc-more-facts", open },
      el("summary", {}, "可能免除或只作参考的情形（多数人不涉及）"),
      el("div", { class: "calc-grid" }, rare.map((f) => factField(f, scenario, onChange)))));
  }

  typeSelect.addEventListener("change", () => {
    if (!typeSelect.value) {
      delete scenario.target;
      rest.hidden = true;
    } else {
      if (!isObject(scenario.target)) {
        scenario.target = { type: typeSelect.value, level: levelSelect.value || undefined, year: typedNumber(year.value) ?? defaultYear() };
        if (!Number.isInteger(scenario.target.year) && typeof scenario.target.year !== "string") scenario.target.year = defaultYear();
        for (const k of Object.keys(scenario.target)) if (scenario.target[k] === undefined) delete scenario.target[k];
        year.value = String(scenario.target.year);
      }
      scenario.target.type = typeSelect.value;
      rest.hidden = false;
    }
    drawOptional();
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
