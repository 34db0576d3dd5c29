// The list of activity cards, one per entry of scenario.activities that the year grid does not show
// (the cards themselves: activity-card.js; the grid: year-grid.js), drawn a few per task so that
// no task is long (issue 5): the first ones at once, the rest in slices, up to CHUNK, then a
// button for the next CHUNK. The report's errors and credits are shown on the cards drawn, and on
// each card drawn later. A removed card leaves a line with 撤销 in its place until the next change
// of the list. A card just added is not told it has no kind (calc's kind_missing) before the person
// has had a chance to choose one: not until they choose, or the focus leaves the card.
import { el } from "./dom.js";
import { CardMaker } from "./activity-card.js";
import { nextTask } from "./tasks.js";

const CHUNK = 50; // cards drawn before "显示后面的条目" is offered
const STEP = 4; // cards drawn at once when a card must be there at once (the focus goes to it)
const SLICE_MS = 10; // otherwise cards are drawn in tasks of about this length (issue 5)
const LONG = 100; // a list longer than this is laid out only where it is seen (calculator.css: calc-long; a shorter one whole: innerText, WebDriver and tests read every card)

export class ActivityList {
  constructor(listEl, { onChange, defaultYear, owns = () => false, onSettled = () => {} }) {
    this.listEl = listEl;
    this.onChange = onChange;
    this.onSettled = onSettled; // a new card left untouched: its kind_missing may be said now
    this.defaultYear = defaultYear;
    this.owns = owns; // an activity the year grid shows: no card
    this.maker = new CardMaker({ onChange, onRemove: (index) => this.remove(index) });
    this.activities = [];
    this.cards = new Map(); // activity index -> its card (only the cards drawn so far)
    this.drawn = 0;
    this.more = null;
    this.drawing = 0; // increases with every render: a newer render stops an older one's steps
    this.errors = []; // the last report's errors and credits, for cards drawn after it came
    this.credited = creditsByActivity(null);
    this.fresh = new WeakSet(); // entries added by “添加一项” whose card the person has not left yet
    listEl.addEventListener("change", (event) => {
      if (event.target.name === "kind") this.settle(event.target.closest("[data-activity]"));
    });
    listEl.addEventListener("focusout", (event) => {
      const card = event.target.closest("[data-activity]");
      if (card && !card.contains(event.relatedTarget)) this.settle(card);
    });
  }

  /** Whether the entry at `index` is a new card the person has not left yet (its missing kind unsaid). */
  untouched(index) {
    return this.fresh.has(this.activities[index]);
  }

  /** The person chose a kind on a new card, or left it: what calc says of it is shown from now on. */
  settle(card) {
    const index = Number(card?.dataset.activity);
    if (!this.fresh.delete(this.activities[index])) return;
    this.decorateErrors(card, index);
    this.onSettled();
  }

  get catalogue() {
    return this.maker.catalogue;
  }

  /**
   * Show these activities (the scenario's own array, changed in place) under this catalogue.
   * The first `now` cards are drawn at once, the rest STEP per task up to CHUNK; the returned
   * promise resolves when they are all drawn (or a newer render took over).
   */
  show(activities, catalogue, { now = STEP } = {}) {
    this.activities = activities;
    this.maker.catalogue = catalogue;
    return this.render(now);
  }

  render(now = STEP) {
    this.listEl.replaceChildren();
    this.listEl.classList.toggle("calc-long", this.activities.length > LONG);
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
      if (this.owns(this.activities[index])) continue; // a cell of the year grid
      const card = this.maker.card(this.activities[index], index);
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
    for (let index = this.drawn; index < this.activities.length; index += 1) {
      if (!this.cards.has(index) && !this.owns(this.activities[index])) rest += 1;
    }
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
    const activity = { kind: "", year: this.defaultYear() };
    this.fresh.add(activity);
    return this.addActivity(activity, { focus: true });
  }

  /**
   * The plan's entries (calc's suggestions), each added once: an entry the list already holds as
   * it is (a second tap before the new answer came) is not added again; one change for them all.
   */
  addOnce(entries) {
    const held = new Set(this.activities.map((a) => JSON.stringify(a)));
    const fresh = entries.filter((a) => !held.has(JSON.stringify(a)));
    for (const activity of fresh) this.addActivity(activity, { quiet: true });
    if (fresh.length) this.onChange();
    return fresh.length;
  }

  /** Append an activity (from the form or the planner) and show its card. */
  addActivity(activity, { focus = false, quiet = false } = {}) {
    this.activities.push(activity);
    const index = this.activities.length - 1;
    const card = this.maker.card(activity, index);
    this.cards.set(index, card);
    if (this.drawn === index) this.drawn = index + 1;
    this.listEl.append(card);
    if (focus) card.querySelector("select[name=kind]").focus();
    if (!quiet) this.onChange();
    return card;
  }

  /** Remove an entry: its card gives way to a line with 撤销, which puts it back where it was. */
  remove(index) {
    const [removed] = this.activities.splice(index, 1);
    this.render(this.activities.length); // every card at once: the undo line goes between them
    this.onChange({ structure: true });
    const name = removed && typeof removed === "object" ? this.maker.kindById(removed.kind)?.name || "" : "";
    const year = removed && Number.isInteger(removed.year) ? `${removed.year}年` : "";
    const undo = el("button", { type: "button", class: "calc-link-button", on: { click: () => {
      this.activities.splice(Math.min(index, this.activities.length), 0, removed);
      this.render(this.activities.length);
      this.onChange({ structure: true });
      this.cards.get(index)?.querySelector("select[name=kind]")?.focus();
    } } }, "撤销");
    const line = el("li", { class: "calc-removed", role: "status" }, `已删除${year}${name ? `“${name}”` : "一项"}。`, undo);
    const after = [...this.cards.keys()].filter((i) => i >= index).sort((a, b) => a - b)[0];
    const before = after === undefined ? this.more : this.cards.get(after);
    this.listEl.insertBefore(line, before || null);
    undo.focus(); // 撤销 at once, by keyboard too
  }

  /** Show the report's errors next to the activities they concern. */
  showErrors(errors) {
    this.errors = errors || [];
    this.cards.forEach((card, index) => this.decorateErrors(card, index));
  }

  /** Show the hours each activity was credited with (from the report's lines), and the 计划中
   * switch on the cards of the years that can still take hours (the report's years[].open). */
  showCredits(report) {
    this.credited = creditsByActivity(report);
    this.maker.openYears = new Set((report?.years || []).filter((y) => y.open === true).map((y) => y.year));
    this.cards.forEach((card, index) => this.decorateCredits(card, index));
  }

  decorate(card, index) {
    this.decorateErrors(card, index);
    this.decorateCredits(card, index);
  }

  decorateErrors(card, index) {
    const untold = this.untouched(index) ? "kind_missing" : null;
    this.maker.showErrors(card, this.activities[index], this.errors.filter((e) => e.activity === index && e.code !== untold));
  }

  decorateCredits(card, index) {
    this.maker.showCredits(card, this.credited.get(index) || []);
    this.maker.showPlanSwitch(card, this.activities[index]);
  }
}

/**
 * The report's lines grouped by the activity they credit: get(index) -> [{...line, year, planned}]
 * (a planned entry's lines are the year's `planned_lines`, counted apart). Only the lines of the
 * activities asked for are copied: a big report has thousands (500 projects × 26 years, issue 22),
 * and the cards drawn or the print summary ask for a few dozen.
 */
export function creditsByActivity(report) {
  const found = new Map(); // index -> [line, year, planned, line, year, planned, …]
  for (const year of report?.years || []) {
    for (const [lines, planned] of [[year.lines || [], false], [year.planned_lines || [], true]]) {
      for (const line of lines) {
        const list = found.get(line.activity);
        if (list) list.push(line, year.year, planned);
        else found.set(line.activity, [line, year.year, planned]);
      }
    }
  }
  return {
    get(index) {
      const list = found.get(index) || [];
      const lines = [];
      for (let at = 0; at < list.length; at += 3) lines.push({ ...list[at], year: list[at + 1], planned: list[at + 2] });
      return lines;
    },
  };
}
