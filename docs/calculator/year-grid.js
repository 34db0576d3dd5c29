// The year grid: one row per year with the 公需 and 专业 hours as the certificates print them, for
// the common case (issue 11). Which kinds its cells write is rule data (catalogue `grid`: a kind per
// category, its hours taken as stated). The grid is a view of scenario.activities: a cell is an
// activity {kind, year, hours} of the cell's kind, perhaps marked `"planned": true`, with nothing
// else in it (a title, a note or a second entry of the same year make it a card, activities.js);
// typing into an empty cell adds one, emptying a cell removes it. Rows hold the activity objects
// themselves, so removing a card elsewhere never points a row at another entry.
//
// Each cell of a year that can still take hours (the report's years[].open) has a 计划中 switch:
// one tap marks the hours planned (counted apart by calc, never as done), one tap marks them done.
//
// After each report a row shows the year's state in calc's words, and what it has planned; the
// years an application looks at are offered as rows (empty until typed into).
import { el } from "./dom.js";
import { shownNumber, typedNumber } from "./limits.js";
import { formField, words } from "./vocabulary.js";

const CATEGORIES = ["public", "professional"];
const CELL_KEYS = new Set(["kind", "year", "hours"]);

const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

/** Whether an activity is a plain cell of the grid: the cell's kind, a year, hours, nothing else. */
export function isCell(activity, grid) {
  if (!grid || !isObject(activity)) return false;
  const category = CATEGORIES.find((c) => grid[c].kind === activity.kind);
  if (!category) return false;
  if (activity.year === undefined || activity.hours === undefined) return false;
  return Object.keys(activity).every((key) => CELL_KEYS.has(key) || (key === "planned" && activity.planned === true));
}

/** What a screen reader hears for a cell's 计划中 switch. */
const planLabel = (year, category) => `${year}年${words().category[category]}：计划中（还没学完）`;

const blankRow = (year, extra = {}) => ({ year, cells: { public: null, professional: null }, plan: { public: false, professional: false }, ...extra });

export class YearGrid {
  /**
   * `container` holds the rows; `onChange()` after every edit; `activities()` the scenario's array
   * (changed in place); `defaultYear()` the year a new row starts with.
   */
  constructor(container, { onChange, activities, defaultYear }) {
    this.container = container;
    this.onChange = onChange;
    this.activities = activities;
    this.defaultYear = defaultYear;
    this.grid = null;
    this.rows = []; // {year: text, cells: {public, professional}: activity objects or null, node}
    this.owned = new Set();
    this.dismissed = new Set();
    this.years = new Map(); // the last report's years, by year
  }

  /** Whether an activity is shown in the grid (not as a card). */
  owns(activity) {
    return this.owned.has(activity);
  }

  /** Build the rows from the scenario's activities, for this catalogue's grid. */
  render(catalogue) {
    this.grid = catalogue?.grid || null;
    this.rows = [];
    this.owned = new Set();
    this.dismissed = new Set(); // years the person removed: not offered again
    if (this.grid) {
      const byYear = new Map();
      for (const activity of this.activities()) {
        if (!isCell(activity, this.grid)) continue;
        const category = CATEGORIES.find((c) => this.grid[c].kind === activity.kind);
        const key = String(activity.year);
        const row = byYear.get(key) || blankRow(key);
        if (row.cells[category]) continue; // a second entry of the year: a card
        row.cells[category] = activity;
        this.owned.add(activity);
        byYear.set(key, row);
      }
      this.rows = [...byYear.values()];
      this.sort();
    }
    this.draw();
  }

  sort() {
    const key = (row) => (/^\d+$/.test(row.year) ? Number(row.year) : Infinity);
    this.rows.sort((a, b) => key(a) - key(b));
  }

  draw() {
    const focused = document.activeElement;
    const keep = this.container.contains(focused) ? focused : null;
    this.container.replaceChildren();
    if (!this.grid) {
      this.container.append(el("p", { class: "calc-hint" }, "本地区没有逐年学时表，请在下方逐项添加。"));
      return;
    }
    const unit = this.grid.public.unit;
    const head = el("div", { class: "calc-grid-row calc-grid-head", "aria-hidden": "true" },
      el("span", {}, formField("activity", "year").label),
      ...CATEGORIES.map((c) => el("span", {}, `${words().category[c]}（${unit}）`)),
      el("span", {}));
    const list = el("ol", { class: "calc-grid-rows" });
    for (const row of this.rows) list.append(this.rowNode(row));
    this.container.append(head, list);
    if (keep && !this.container.contains(keep)) keep.blur();
  }

  rowNode(row) {
    const yearLabel = formField("activity", "year").label;
    const year = el("input", {
      type: "text", name: "year", inputmode: "numeric", maxlength: 12, value: row.year, class: "calc-grid-year",
      "aria-label": yearLabel,
    });
    const cells = CATEGORIES.map((category) => {
      const activity = row.cells[category];
      const input = el("input", {
        type: "text", name: category, inputmode: "decimal", maxlength: 24, value: activity ? shownNumber(activity.hours) : "",
        "aria-label": `${row.year}年${words().category[category]}（${this.grid[category].unit}）`,
      });
      input.addEventListener("input", () => this.setHours(row, category, input.value));
      return input;
    });
    year.addEventListener("input", () => this.setYear(row, year.value, cells));
    const remove = el("button", {
      type: "button", class: "calc-remove calc-grid-remove", "aria-label": `删除${row.year}年这一行`,
      on: { click: () => this.remove(row) },
    }, "删除");
    // after the row's inputs (typing 公需, the next key, 专业 stays one step), under their cells
    const switches = CATEGORIES.map((category, i) => this.planSwitch(row, category, cells[i]));
    const state = el("p", { class: "calc-grid-state", "aria-live": "off" });
    const errors = el("ul", { class: "calc-errors calc-grid-errors" });
    const node = el("li", { class: "calc-grid-row", dataset: { year: row.year } }, year, ...cells, remove, ...switches, state, errors);
    row.node = node;
    this.describe(row);
    return node;
  }

  /** Whether a cell is planned: its activity's mark, or (empty) the switch set before typing. */
  planned(row, category) {
    const activity = row.cells[category];
    return activity ? activity.planned === true : row.plan[category];
  }

  /** The 计划中 switch of a cell, shown where the year is open (describe) or the cell planned. */
  planSwitch(row, category, input) {
    const box = el("input", {
      type: "checkbox", name: `${category}-planned`, checked: this.planned(row, category),
      "aria-label": planLabel(row.year, category),
    });
    box.addEventListener("change", () => this.setPlanned(row, category, box.checked, input));
    input.classList.toggle("calc-cell-planned", this.planned(row, category));
    return el("label", { class: `calc-grid-plan calc-grid-plan-${category}` }, box, el("span", { "aria-hidden": "true" }, "计划中"));
  }

  /** The switch: the cell's hours planned, or done (the mark removed). */
  setPlanned(row, category, planned, input) {
    const activity = row.cells[category];
    row.plan[category] = planned;
    input.classList.toggle("calc-cell-planned", planned);
    if (!activity) return; // an empty cell: its hours, once typed, are planned
    if (planned) activity.planned = true;
    else delete activity.planned;
    this.onChange({});
  }

  /** Type into a cell: the activity is made, changed or (emptied) removed. */
  setHours(row, category, text) {
    const value = typedNumber(text);
    const list = this.activities();
    let activity = row.cells[category];
    if (value === undefined) {
      if (activity) {
        const index = list.indexOf(activity);
        if (index >= 0) list.splice(index, 1);
        this.owned.delete(activity);
        row.cells[category] = null;
        row.plan[category] = activity.planned === true; // typed again, it is what it was
      }
    } else if (activity) {
      activity.hours = value;
    } else {
      activity = { kind: this.grid[category].kind, year: typedNumber(row.year) ?? row.year, hours: value };
      if (row.plan[category]) activity.planned = true;
      list.push(activity);
      this.owned.add(activity);
      row.cells[category] = activity;
    }
    this.onChange({ structure: value === undefined });
  }

  setYear(row, text, cells) {
    row.year = text.trim();
    const year = typedNumber(text);
    for (const category of CATEGORIES) {
      const activity = row.cells[category];
      if (!activity) continue;
      if (year === undefined) delete activity.year;
      else activity.year = year;
    }
    row.node.dataset.year = row.year;
    cells.forEach((input, i) => input.setAttribute("aria-label", `${row.year}年${words().category[CATEGORIES[i]]}（${this.grid[CATEGORIES[i]].unit}）`));
    row.node.querySelectorAll(".calc-grid-plan input").forEach((box, i) => box.setAttribute("aria-label", planLabel(row.year, CATEGORIES[i])));
    if (row.cells.public || row.cells.professional) this.onChange({});
  }

  /** Add a row (the year after the last one, or the default year) and focus its year. */
  addRow() {
    const years = this.rows.map((r) => Number(r.year)).filter(Number.isInteger);
    const year = years.length ? Math.max(...years) + 1 : this.defaultYear();
    const row = blankRow(String(year));
    this.rows.push(row);
    this.draw();
    row.node.querySelector("input[name=year]").focus();
  }

  /** Offer rows for the years an application looks at that have none yet (never while typing in the grid). */
  offerYears(years) {
    if (!this.grid || this.container.contains(document.activeElement)) return false;
    const have = new Set(this.rows.map((r) => r.year));
    const missing = years.filter((y) => !have.has(String(y)) && !this.dismissed.has(String(y)));
    // an empty row offered for an earlier application goes when the application changes
    const before = this.rows.length;
    this.rows = this.rows.filter((r) => r.cells.public || r.cells.professional || years.includes(Number(r.year)) || !r.offered);
    if (!missing.length && this.rows.length === before) return false;
    for (const y of missing) this.rows.push(blankRow(String(y), { offered: true }));
    this.sort();
    this.draw();
    return true;
  }

  /** Remove a row (both its cells): a line with 撤销 takes its place until the grid is drawn again. */
  remove(row) {
    const list = this.activities();
    const removed = [];
    for (const category of CATEGORIES) {
      const activity = row.cells[category];
      if (!activity) continue;
      const index = list.indexOf(activity);
      if (index >= 0) {
        removed.push({ activity, index });
        list.splice(index, 1);
      }
      this.owned.delete(activity);
    }
    const at = this.rows.indexOf(row);
    this.rows.splice(at, 1);
    this.dismissed.add(row.year);
    this.draw();
    if (removed.length) this.onChange({ structure: true });
    const undo = el("button", { type: "button", class: "calc-link-button", on: { click: () => {
      for (const { activity, index } of removed.sort((a, b) => a.index - b.index)) {
        list.splice(Math.min(index, list.length), 0, activity);
        this.owned.add(activity);
      }
      this.rows.splice(Math.min(at, this.rows.length), 0, row);
      this.dismissed.delete(row.year);
      this.draw();
      if (removed.length) this.onChange({ structure: true });
      row.node.querySelector("input[name=year]").focus();
    } } }, "撤销");
    const line = el("li", { class: "calc-removed", role: "status" }, `已删除${row.year}年这一行。`, undo);
    const rows = this.container.querySelector(".calc-grid-rows");
    rows?.insertBefore(line, rows.children[at] || null);
    undo.focus();
  }

  /** The report's words for each row: the year's state and figures, and the errors of its cells. */
  showReport(report) {
    this.years = new Map((report?.years || []).map((y) => [String(y.year), y]));
    this.errors = [...(report?.errors || []), ...(report?.warnings || [])];
    for (const row of this.rows) this.describe(row);
  }

  describe(row) {
    const node = row.node;
    if (!node) return;
    const state = node.querySelector(".calc-grid-state");
    const year = this.years.get(row.year);
    const shown = year ? year.application || year : null;
    state.replaceChildren();
    if (year) {
      state.dataset.state = shown.state;
      state.append(el("span", { class: `calc-badge calc-${shown.state}` }, shown.state_label), " ", shown.figures_text);
      if (year.planned_text) state.append(el("span", { class: "calc-grid-planned" }, year.planned_text));
    }
    // 计划中: where the year can still take hours, or the cell is planned already (to mark it done)
    node.querySelectorAll(".calc-grid-plan").forEach((label, i) => {
      label.hidden = !(year?.open === true || this.planned(row, CATEGORIES[i]));
    });
    const list = this.activities();
    const errors = node.querySelector(".calc-grid-errors");
    errors.replaceChildren();
    for (const category of CATEGORIES) {
      const index = row.cells[category] ? list.indexOf(row.cells[category]) : -1;
      for (const e of (this.errors || []).filter((x) => x.activity === index && index >= 0)) {
        errors.append(el("li", {}, `${words().category[category]}：${e.message}`));
      }
    }
  }

  /** The row and category of an activity shown in the grid (for naming it in messages). */
  place(activity) {
    for (const row of this.rows) {
      for (const category of CATEGORIES) if (row.cells[category] === activity) return { year: row.year, category };
    }
    return null;
  }
}
