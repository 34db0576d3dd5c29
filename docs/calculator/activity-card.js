// One activity's card: the controls for its kind, year and the kind's fields (from the region's
// catalogue: labels, captions, units, choices), and what calc says about the kind (its category,
// years, cap, clause and reading: catalogue words, rendered as they are). Edits change the
// activity in place and call onChange; nothing is rounded or dropped that the user did not edit.
// An entry of a year that can still take hours (the report's years[].open) has a 计划中 switch;
// a planned entry is marked done in one tap (已经完成).
import { checkbox, clear, el, field, select } from "./dom.js";
import { limits, shownNumber, typedNumber } from "./limits.js";
import { formField, message, term, words } from "./vocabulary.js";

const COMMON = new Set(["kind", "year", "title", "evidence", "planned"]);

/** Whether a kind's rule applies in a year (its years of validity, from the catalogue). */
export function validIn(valid, year) {
  if (!valid || !Number.isInteger(year)) return true;
  if (valid.from && year < valid.from) return false;
  if (valid.to && year > valid.to) return false;
  return true;
}

/** "2023 2024, 2025" -> [2023, 2024, 2025]; anything else is passed on as typed, for calc to report. */
export function parseYears(text) {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const parts = trimmed.split(/[\s,，、;；]+/).filter(Boolean);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : trimmed;
}

export class CardMaker {
  /** `onChange()` after every edit, `onRemove(index)` for the remove button. */
  constructor({ onChange, onRemove }) {
    this.onChange = onChange;
    this.onRemove = onRemove;
    this.catalogue = null;
    this.optionsFor = undefined; // the catalogue the cached kinds selects (optionsByYear) are for
    this.optionsByYear = new Map();
    this.openYears = new Set(); // the years the last report says can still take hours
  }

  kindById(id) {
    return (this.catalogue?.kinds || []).find((k) => k.id === id) || null;
  }

  /**
   * A card, compact on a phone: the kind, then the year and the one or two numbers that matter;
   * the optional fields, the title and evidence, and what calc says about the kind (category,
   * years, cap, clause, reading) folded under “更多”; 删除 at the card's foot, away from the year.
   */
  card(activity, index) {
    const item = el("li", { class: "calc-activity", dataset: { activity: index } });
    const head = el("div", { class: "calc-activity-head" });
    const body = el("div", { class: "calc-grid calc-activity-fields" });
    const credit = el("p", { class: "calc-activity-credit" });
    const errors = el("ul", { class: "calc-activity-errors calc-errors" });
    const more = el("details", { class: "calc-fold calc-activity-more" }, el("summary", {}, "更多：名称、证明材料、可选项和依据"));
    const moreFields = el("div", { class: "calc-grid" });
    const info = el("div", { class: "calc-activity-info" });
    more.append(moreFields, info);
    const foot = el("div", { class: "calc-activity-foot" });
    item.append(head, body, credit, errors, more, foot);

    if (!activity || typeof activity !== "object" || Array.isArray(activity)) {
      head.append(el("span", {}, "无法识别的条目（不是一个对象）"));
      more.remove();
      foot.append(this.removeButton(index, "无法识别的条目"));
      return item;
    }

    const kindSelect = this.kindSelect(activity);
    // Numbers are text inputs parsed as typed (limits.js typedNumber): an <input type=number>
    // gives "" for "1,000" (the entry silently dropped) and Infinity for "1e400".
    const yearInput = el("input", { type: "text", name: "year", inputmode: "numeric", maxlength: 12, class: "calc-year", value: shownNumber(activity.year) });
    const kindField = formField("activity", "kind");
    const yearField = formField("activity", "year");
    head.append(field(kindField.caption, kindSelect, { className: "calc-kind" }));
    const plannedMark = el("span", { class: "calc-badge calc-planned-badge" }, term("planned"));

    const renderBody = () => {
      clear(body);
      clear(moreFields);
      clear(info);
      clear(foot);
      const kind = this.kindById(activity.kind);
      body.append(field(yearField.caption, yearInput, { unit: yearField.unit, className: "calc-year-field" }));
      if (kind) {
        const main = new Set((kind.one_of || []).flat());
        for (const spec of kind.fields || []) {
          const given = activity[spec.name] !== undefined && activity[spec.name] !== spec.default;
          const shownFirst = spec.required || main.has(spec.name) || given;
          const control = this.fieldControl(activity, spec);
          control.classList.add("calc-kind-field");
          (shownFirst ? body : moreFields).append(control);
        }
        for (const text of kind.one_of_text || []) body.append(el("p", { class: "calc-hint calc-wide" }, text));
        this.describe(info, kind);
      }
      for (const name of ["title", "evidence"]) {
        const spec = formField("activity", name);
        const input = el("input", { type: "text", name, maxlength: limits().MAX_TEXT, value: typeof activity[name] === "string" ? activity[name] : "" });
        input.addEventListener("input", () => this.setText(activity, name, input.value));
        moreFields.append(field(spec.caption, input, { className: "calc-wide calc-kind-field", hint: spec.help }));
      }
      item.classList.toggle("calc-planned", activity.planned === true);
      if (activity.planned === true) {
        head.prepend(plannedMark);
        const done = el("input", { type: "checkbox", name: "done" });
        done.addEventListener("change", () => {
          if (done.checked) delete activity.planned;
          plannedMark.remove();
          renderBody();
          foot.querySelector("input[name=planned]")?.focus(); // the box's place: one tap back
          this.onChange();
        });
        foot.append(checkbox("已经完成（计入学时）", done));
      } else {
        const plan = el("input", { type: "checkbox", name: "planned" });
        plan.addEventListener("change", () => {
          if (!plan.checked) return;
          activity.planned = true;
          renderBody();
          foot.querySelector("input[name=done]")?.focus(); // the switch's place: one tap back
          this.onChange();
        });
        const planSwitch = checkbox("计划中（还没学完，不计入已完成的学时）", plan);
        planSwitch.classList.add("calc-plan-switch");
        planSwitch.hidden = !this.openYears.has(activity.year);
        foot.append(planSwitch);
      }
      foot.append(this.removeButton(index, kind ? kind.name : activity.kind));
    };

    kindSelect.addEventListener("change", () => {
      const next = this.kindById(kindSelect.value);
      const keep = new Set([...COMMON, ...(next?.fields || []).map((f) => f.name)]);
      for (const key of Object.keys(activity)) if (!keep.has(key)) delete activity[key];
      activity.kind = kindSelect.value;
      for (const spec of next?.fields || []) {
        if (spec.type === "boolean" && spec.required && activity[spec.name] === undefined) activity[spec.name] = false;
      }
      renderBody();
      this.onChange();
    });
    yearInput.addEventListener("input", () => {
      const year = typedNumber(yearInput.value);
      if (year === undefined) delete activity.year;
      else activity.year = year;
      this.markValidity(kindSelect, activity.year);
      this.onChange();
    });
    renderBody();
    return item;
  }

  removeButton(index, name) {
    return el("button", { type: "button", class: "calc-remove", "aria-label": `删除：${name || "这一项"}`, on: { click: () => this.onRemove(index) } }, "删除");
  }

  kindSelect(activity) {
    const node = this.kindOptions(activity.year).cloneNode(true);
    const kinds = this.catalogue?.kinds || [];
    if (activity.kind && !kinds.some((k) => k.id === activity.kind)) {
      node.append(el("option", { value: String(activity.kind) }, message("kind_unknown", { kind: activity.kind })));
    }
    node.value = activity.kind ? String(activity.kind) : "";
    return node;
  }

  /** The kinds select for a year, made once per catalogue and year and cloned for each card. */
  kindOptions(year) {
    if (this.optionsFor !== this.catalogue) {
      this.optionsFor = this.catalogue;
      this.optionsByYear = new Map();
    }
    const key = typeof year === "number" || typeof year === "string" ? `${typeof year}:${year}` : "none";
    let node = this.optionsByYear.get(key);
    if (!node) {
      node = el("select", { name: "kind", required: true });
      node.append(el("option", { value: "" }, "请选择类型"));
      // the catalogue's menu: the kinds grouped by where their hours go, with calc's labels
      for (const group of this.catalogue?.menu || []) {
        const members = group.kinds.map((id) => this.kindById(id)).filter(Boolean);
        node.append(el("optgroup", { label: group.label },
          members.map((kind) => el("option", { value: kind.id, dataset: { name: kind.name } }, kind.name))));
      }
      this.markValidity(node, year);
      this.optionsByYear.set(key, node);
    }
    return node;
  }

  /** Mark the kinds that do not apply in this year with when they do (calc's `valid_label`). */
  markValidity(kindSelect, year) {
    for (const option of kindSelect.querySelectorAll("option[data-name]")) {
      const kind = this.kindById(option.value);
      const ok = !kind || !kind.valid_label || validIn(kind.valid, year);
      option.textContent = ok ? option.dataset.name : `${option.dataset.name}（${kind.valid_label}）`;
    }
  }

  /** What calc says about the kind: category, years, cap, what to fill in, the clause, the reading. */
  describe(info, kind) {
    const facts = [kind.category_label];
    if (kind.valid_label) facts.push(`${term("valid")}：${kind.valid_text}`);
    if (kind.cap) facts.push(`${term("cap")}：${kind.cap_text}`);
    info.append(el("p", { class: "calc-hint" }, facts.join(" · ")));
    if (kind.citation) info.append(el("p", { class: "calc-cite" }, `${term("citation")}：${kind.citation}`));
    if (kind.quote) info.append(el("blockquote", { class: "calc-quote" }, kind.quote));
    if (kind.reading) info.append(el("p", { class: "calc-reading" }, `${term("reading")}：${kind.reading}`));
  }

  setText(activity, name, value) {
    if (value === "") delete activity[name];
    else activity[name] = value;
    this.onChange();
  }

  fieldControl(activity, spec) {
    const value = activity[spec.name];
    const set = (v) => {
      if (v === undefined) delete activity[spec.name];
      else activity[spec.name] = v;
      this.onChange();
    };

    if (spec.type === "choice") {
      const choices = spec.choices || [];
      const node = select(spec.name, choices.map((c) => [c.value, c.label]), { placeholder: "请选择" });
      const match = choices.find((c) => c.value === value);
      node.value = match ? String(match.value) : "";
      node.addEventListener("change", () => {
        const chosen = choices.find((c) => String(c.value) === node.value);
        set(chosen ? chosen.value : undefined);
      });
      return field(spec.caption, node, { unit: spec.unit });
    }

    if (spec.type === "boolean") {
      // a box that is ticked unless the user says otherwise (`filed`: default true) leaves the
      // field out while ticked, and writes false when unticked
      const ticked = spec.default === true;
      const node = el("input", { type: "checkbox", name: spec.name, checked: value === true || (value === undefined && ticked) });
      node.addEventListener("change", () => set(node.checked ? (ticked ? undefined : true) : spec.required || ticked ? false : undefined));
      const item = checkbox(spec.label, node);
      return spec.help ? el("div", { class: "calc-field" }, item, el("span", { class: "calc-hint" }, spec.help)) : item;
    }

    if (spec.type === "years") {
      const node = el("input", { type: "text", name: spec.name, inputmode: "numeric", placeholder: "如 2023 2024 2025" });
      if (Array.isArray(value)) node.value = value.join(" ");
      node.addEventListener("input", () => set(parseYears(node.value)));
      return field(spec.caption, node, { hint: "各年份之间用空格或逗号分开" });
    }

    if (spec.type === "text") {
      const node = el("input", { type: "text", name: spec.name, maxlength: limits().MAX_TEXT, value: typeof value === "string" ? value : "" });
      node.addEventListener("input", () => set(node.value === "" ? undefined : node.value));
      return field(spec.caption, node, {});
    }

    // number or integer: typed as text, parsed as a person writes numbers (limits.js)
    const node = el("input", {
      type: "text", name: spec.name, inputmode: spec.type === "integer" ? "numeric" : "decimal", maxlength: 24,
      value: shownNumber(value),
    });
    node.addEventListener("input", () => set(typedNumber(node.value)));
    return field(spec.caption, node, { unit: spec.unit });
  }

  /** The label of a field an error names (an activity field: the kind's, or the format's). */
  fieldLabel(activity, name) {
    const kind = activity && this.kindById(activity.kind);
    const spec = kind && (kind.fields || []).find((f) => f.name === name);
    if (spec) return spec.label;
    const common = (words().fields.activity || []).find((f) => f.name === name);
    return common ? common.label : name;
  }

  /** The report's errors about this activity, under its card. */
  showErrors(card, activity, errors) {
    const list = card.querySelector(".calc-activity-errors");
    if (!list) return;
    clear(list);
    for (const error of errors) {
      const where = error.field ? `（${this.fieldLabel(activity, error.field)}）` : "";
      list.append(el("li", {}, `${error.message}${where}`));
    }
  }

  /** The 计划中 switch shown where the entry's year can still take hours (this.openYears). */
  showPlanSwitch(card, activity) {
    const planSwitch = card.querySelector(".calc-plan-switch");
    if (planSwitch) planSwitch.hidden = !(activity && this.openYears.has(activity.year));
  }

  /** What the report credits this activity with (calc's `credit_text` of each of its lines). */
  showCredits(card, lines) {
    const out = card.querySelector(".calc-activity-credit");
    if (!out) return;
    clear(out);
    if (!lines.length) return;
    const planned = lines.every((l) => l.planned);
    out.append(`${term(planned ? "planned" : "credit")}：${lines.map((l) => l.credit_text).join("；")}`);
  }
}
