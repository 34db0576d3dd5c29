// The activity cards: one per entry of scenario.activities, with a form generated from the
// region's kinds catalogue (fields, units, choices, years of validity). Edits change the
// scenario in place and call onChange; nothing is rounded or dropped that the user did not edit.
import { checkbox, clear, el, field, select } from "./dom.js";
import { CATEGORY, hours, validIn, validityText } from "./labels.js";
import { LIMITS, shownNumber, typedNumber } from "./limits.js";

const CHUNK = 50; // cards drawn before "显示后面的条目" is offered
const STEP = 4; // cards drawn at once when a card must be there at once (the focus goes to it)
const SLICE_MS = 10; // otherwise cards are drawn in tasks of about this length (issue 5)
const COMMON = new Set(["kind", "year", "title", "evidence"]);
const GROUPS = [["public", "公需科目"], ["professional", "专业科目"], [null, "其他（整年认定、免修或不计学时）"]];

/** Let the browser handle input (and draw, when a frame is due) before going on. */
export function nextTask() {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === "function") return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class ActivityList {
  constructor(listEl, { onChange, defaultYear }) {
    this.listEl = listEl;
    this.onChange = onChange;
    this.defaultYear = defaultYear;
    this.catalogue = null;
    this.activities = [];
    this.cards = new Map(); // activity index -> its card (only the cards drawn so far)
    this.drawn = 0;
    this.more = null;
    this.drawing = 0; // increases with every render: a newer render stops an older one's steps
    this.errors = []; // the last report's errors and credits, for cards drawn after it came
    this.credited = new Map();
    this.optionsFor = undefined; // the catalogue the cached kinds selects (optionsByYear) are for
    this.optionsByYear = new Map();
  }

  /**
   * Show these activities (the scenario's own array, changed in place) under this catalogue.
   * The first `now` cards are drawn at once, the rest STEP per task up to CHUNK; the returned
   * promise resolves when they are all drawn (or a newer render took over).
   */
  show(activities, catalogue, { now = STEP } = {}) {
    this.activities = activities;
    this.catalogue = catalogue;
    return this.render(now);
  }

  kindById(id) {
    return (this.catalogue?.kinds || []).find((k) => k.id === id) || null;
  }

  render(now = STEP) {
    clear(this.listEl);
    this.cards = new Map();
    this.more = null;
    this.drawn = 0;
    return this.drawUpTo(CHUNK, now);
  }

  /**
   * Draw the cards up to index `until` (exclusive): `now` of them in this task, then as many per
   * task as fit in SLICE_MS (at least one), so that no task is long on a slow phone either.
   */
  async drawUpTo(until, now = STEP) {
    const drawing = ++this.drawing;
    this.draw(Math.min(until, this.drawn + now), true);
    while (this.drawing === drawing && this.drawn < Math.min(until, this.activities.length)) {
      await nextTask();
      if (this.drawing !== drawing) return;
      const started = performance.now();
      do this.draw(Math.min(until, this.drawn + 1), true);
      while (this.drawn < Math.min(until, this.activities.length) && performance.now() - started < SLICE_MS);
    }
    if (this.drawing === drawing) this.updateMore(false);
  }

  draw(end, stepping) {
    end = Math.min(this.activities.length, end);
    const fragment = document.createDocumentFragment();
    for (let index = this.drawn; index < end; index += 1) {
      if (this.cards.has(index)) continue; // added since (planner, add button): already shown at the end
      const card = this.card(this.activities[index], index);
      this.cards.set(index, card);
      this.decorate(card, index);
      fragment.append(card);
    }
    this.drawn = Math.max(this.drawn, end);
    if (!this.more && this.rest() > 0) {
      // the place the next cards go, before any added since; a button once drawing stops
      this.more = el("li", { class: "calc-more" }, el("button", { type: "button", class: "md-button", on: { click: () => this.showNext() } }));
      this.listEl.append(this.more);
    }
    if (this.more) this.listEl.insertBefore(fragment, this.more);
    else this.listEl.append(fragment);
    this.updateMore(stepping);
  }

  /** The button under the cards: draw the next CHUNK, the focus on the first of them. */
  showNext() {
    const first = this.drawn;
    this.drawUpTo(first + CHUNK);
    this.cards.get(first)?.querySelector("select[name=kind]")?.focus();
  }

  rest() {
    let rest = 0;
    for (let index = this.drawn; index < this.activities.length; index += 1) if (!this.cards.has(index)) rest += 1;
    return rest;
  }

  updateMore(stepping) {
    if (!this.more) return;
    const rest = this.rest();
    if (rest > 0) {
      this.more.hidden = stepping; // more is on its way: no button for it
      this.more.firstChild.textContent = `显示后面的条目（还有 ${rest} 项）`;
    } else {
      this.more.remove();
      this.more = null;
    }
  }

  add() {
    const last = this.activities[this.activities.length - 1];
    const year = last && Number.isInteger(last.year) ? last.year : this.defaultYear();
    return this.addActivity({ kind: "", year }, { focus: true });
  }

  /** Append an activity (from the form or the planner) and show its card. */
  addActivity(activity, { focus = false } = {}) {
    this.activities.push(activity);
    const index = this.activities.length - 1;
    const card = this.card(activity, index);
    this.cards.set(index, card);
    if (this.drawn === index) this.drawn = index + 1;
    this.listEl.append(card);
    if (focus) card.querySelector("select[name=kind]").focus();
    this.onChange();
    return card;
  }

  remove(index) {
    this.activities.splice(index, 1);
    const next = Math.min(index, this.activities.length - 1);
    this.render(next + 1); // the card that takes the focus is drawn at once
    this.onChange();
    (this.cards.get(next)?.querySelector("select[name=kind]") || document.getElementById("add-activity"))?.focus();
  }

  /** Show the report's errors next to the activities they concern. */
  showErrors(errors) {
    this.errors = errors || [];
    this.cards.forEach((card, index) => this.decorateErrors(card, index));
  }

  /** Show the hours each activity was credited with (from the report's lines). */
  showCredits(report) {
    this.credited = creditsByActivity(report);
    this.cards.forEach((card, index) => this.decorateCredits(card, index));
  }

  decorate(card, index) {
    this.decorateErrors(card, index);
    this.decorateCredits(card, index);
  }

  decorateErrors(card, index) {
    const list = card.querySelector(".calc-activity-errors");
    if (!list) return;
    clear(list);
    for (const error of this.errors) {
      if (error.activity !== index) continue;
      const where = error.field ? `（${this.fieldLabel(this.activities[index], error.field)}）` : "";
      list.append(el("li", {}, `${error.message}${where}`));
    }
  }

  decorateCredits(card, index) {
    const out = card.querySelector(".calc-activity-credit");
    if (!out) return;
    clear(out);
    const lines = this.credited.get(index) || [];
    if (!lines.length) return;
    const parts = lines.map((l) => {
      const cut = l.uncapped !== undefined && l.uncapped !== null && l.uncapped !== l.hours ? `（未计上限前 ${hours(l.uncapped)}）` : "";
      const category = CATEGORY[l.category] || "";
      return `${l.year}年${category}${hours(l.hours)}学时${cut}`;
    });
    out.append(`已计：${parts.join("；")}`);
  }

  fieldLabel(activity, name) {
    if (name === "year") return "年度";
    if (name === "kind") return "类型";
    const kind = activity && this.kindById(activity.kind);
    const spec = kind && (kind.fields || []).find((f) => f.name === name);
    return spec ? spec.label : name;
  }

  card(activity, index) {
    const item = el("li", { class: "calc-activity", dataset: { activity: index } });
    const head = el("div", { class: "calc-activity-head" });
    const body = el("div", { class: "calc-grid calc-activity-fields" });
    const info = el("div", { class: "calc-activity-info" });
    const credit = el("p", { class: "calc-activity-credit" });
    const errors = el("ul", { class: "calc-activity-errors calc-errors" });
    item.append(head, body, info, credit, errors);

    if (!activity || typeof activity !== "object" || Array.isArray(activity)) {
      head.append(el("span", { class: "calc-activity-number" }, `第${index + 1}项`),
        el("span", {}, "无法识别的条目（不是一个对象）"), this.removeButton(index));
      return item;
    }

    const kindSelect = this.kindSelect(activity);
    // Numbers are text inputs parsed as typed (limits.js typedNumber): an <input type=number>
    // gives "" for "1,000" (the entry silently dropped) and Infinity for "1e400".
    const yearInput = el("input", { type: "text", name: "year", inputmode: "numeric", maxlength: 12, class: "calc-year", value: shownNumber(activity.year) });
    head.append(
      el("span", { class: "calc-activity-number" }, `第${index + 1}项`),
      field("类型", kindSelect, { className: "calc-kind" }),
      field("年度", yearInput, { unit: "年", className: "calc-year-field" }),
      this.removeButton(index),
    );

    const renderBody = () => {
      clear(body);
      clear(info);
      const kind = this.kindById(activity.kind);
      if (kind) {
        for (const spec of kind.fields || []) body.append(this.fieldControl(activity, spec, kind));
        this.describe(info, kind, activity.year);
      } else if (activity.kind) {
        info.append(el("p", { class: "calc-hint" }, `本地区没有“${activity.kind}”这一类型，请重新选择。`));
      }
      const title = el("input", { type: "text", name: "title", maxlength: LIMITS.MAX_TEXT, value: typeof activity.title === "string" ? activity.title : "" });
      title.addEventListener("input", () => this.setText(activity, "title", title.value));
      const evidence = el("input", { type: "text", name: "evidence", maxlength: LIMITS.MAX_TEXT, value: typeof activity.evidence === "string" ? activity.evidence : "" });
      evidence.addEventListener("input", () => this.setText(activity, "evidence", evidence.value));
      body.append(field("名称或备注（可选）", title, { className: "calc-wide" }),
        field("证明材料（可选）", evidence, { className: "calc-wide", hint: "如证书、结业证明、发表的期刊" }));
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
      const kind = this.kindById(activity.kind);
      clear(info);
      if (kind) this.describe(info, kind, activity.year);
      this.onChange();
    });
    renderBody();
    return item;
  }

  removeButton(index) {
    return el("button", { type: "button", class: "calc-remove", "aria-label": `删除第${index + 1}项`, on: { click: () => this.remove(index) } }, "删除");
  }

  kindSelect(activity) {
    const node = this.kindOptions(activity.year).cloneNode(true);
    const kinds = this.catalogue?.kinds || [];
    if (activity.kind && !kinds.some((k) => k.id === activity.kind)) {
      node.append(el("option", { value: String(activity.kind) }, `未知类型：${activity.kind}`));
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
      const kinds = this.catalogue?.kinds || [];
      for (const [category, label] of GROUPS) {
        const members = kinds.filter((k) => (k.category ?? null) === category);
        if (!members.length) continue;
        const group = el("optgroup", { label });
        for (const kind of members) group.append(el("option", { value: kind.id, dataset: { name: kind.name } }, kind.name));
        node.append(group);
      }
      this.markValidity(node, year);
      this.optionsByYear.set(key, node);
    }
    return node;
  }

  /** Append the years of validity to the kinds that do not apply in this year. */
  markValidity(kindSelect, year) {
    for (const option of kindSelect.querySelectorAll("option[data-name]")) {
      const kind = this.kindById(option.value);
      const ok = !kind || validIn(kind.valid, year);
      option.textContent = ok ? option.dataset.name : `${option.dataset.name}（${validityText(kind.valid)}适用）`;
    }
  }

  describe(info, kind, year) {
    const facts = [CATEGORY[kind.category] || "不计入公需或专业学时"];
    const validity = validityText(kind.valid);
    if (validity) facts.push(`适用：${validity}`);
    if (kind.cap && kind.cap.per_year !== undefined && kind.cap.per_year !== null) facts.push(`上限：每年${hours(kind.cap.per_year)}学时`);
    info.append(el("p", { class: "calc-hint" }, facts.join(" · ")));
    if (!validIn(kind.valid, year)) {
      info.append(el("p", { class: "calc-warning" }, `该类型${validity}适用，${year}年不能计入。`));
    }
    for (const group of kind.one_of || []) {
      const names = group.map((n) => (kind.fields || []).find((f) => f.name === n)?.label || n);
      info.append(el("p", { class: "calc-hint" }, `${names.join("、")}至少填写一项。`));
    }
    if (kind.citation) info.append(el("p", { class: "calc-cite" }, `依据：${kind.citation}`));
    if (kind.quote) info.append(el("blockquote", { class: "calc-quote" }, kind.quote));
    if (kind.reading) info.append(el("p", { class: "calc-reading" }, `本站理解：${kind.reading}`));
  }

  setText(activity, name, value) {
    if (value === "") delete activity[name];
    else activity[name] = value;
    this.onChange();
  }

  fieldControl(activity, spec, kind) {
    const value = activity[spec.name];
    const optional = !spec.required && !(kind.one_of || []).some((g) => g.includes(spec.name));
    const label = optional ? `${spec.label}（可选）` : spec.label;
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
      return field(label, node, { unit: spec.unit });
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
      return field(label, node, { hint: "各年份之间用空格或逗号分开" });
    }

    if (spec.type === "text") {
      const node = el("input", { type: "text", name: spec.name, maxlength: LIMITS.MAX_TEXT, value: typeof value === "string" ? value : "" });
      node.addEventListener("input", () => set(node.value === "" ? undefined : node.value));
      return field(label, node, {});
    }

    // number or integer: typed as text, parsed as a person writes numbers (limits.js)
    const node = el("input", {
      type: "text", name: spec.name, inputmode: spec.type === "integer" ? "numeric" : "decimal", maxlength: 24,
      value: shownNumber(value),
    });
    node.addEventListener("input", () => set(typedNumber(node.value)));
    return field(label, node, { unit: spec.unit });
  }
}

/** "2023 2024, 2025" -> [2023, 2024, 2025]; anything else is passed on as typed, for calc to report. */
export function parseYears(text) {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const parts = trimmed.split(/[\s,，、;；]+/).filter(Boolean);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : trimmed;
}

/** The report's lines grouped by the activity they credit: index -> [{...line, year}]. */
export function creditsByActivity(report) {
  const credited = new Map();
  for (const year of report?.years || []) {
    for (const line of year.lines || []) {
      const list = credited.get(line.activity) || [];
      list.push({ ...line, year: year.year });
      credited.set(line.activity, list);
    }
  }
  return credited;
}
