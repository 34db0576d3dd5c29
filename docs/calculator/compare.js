// The same activities under every region, side by side (for people who move): one card per
// region, which stack on a phone and stand side by side on a wide screen.
//
// calc does the whole comparison in one call (calc/compare.py through the page's one engine):
// it carries each entry over to every other region's rules (its counterpart kind there, the
// amount in that region's unit: 门, 学时, 天 …, a field that region asks for and this one does
// not: assumed, and said so), computes each region, and says in its own words what went over,
// what was converted or assumed, and what could not go over and why. This file only lays that
// out: each region's verdict (readiness.headline, or the report's summary_text without an
// application) with calc's next step (why it is undecided, what to do), its years (state and
// figures), calc's sentence on what went over, and the entries with calc's note, named as the
// form names them. An edit during the comparison
// supersedes it (its answer would be for old input). A long comparison (calc lists up to
// MAX_ACTIVITIES entries a region) is drawn a region per slice (issue 22); #compare-result is
// aria-busy from the click until every card is there.
import { clear, el } from "./dom.js";
import { withPhoneLink } from "./handoff.js";
import { inSlices } from "./tasks.js";
import { term } from "./vocabulary.js";
import { writeJson } from "./json-text.js";
import { badge } from "./years.js";

/** calc's comparison of `scenario`: the parsed result of calc.compare_json (a long one parsed by
 * the worker, engine.js), or null when superseded. */
export async function compareEverywhere(engine, scenario) {
  const answer = await engine.evaluate(writeJson(scenario), "compare");
  return answer === null ? null : answer.value ?? JSON.parse(answer.text);
}

function yearList(report) {
  const years = report.years || [];
  if (!years.length) return null;
  return el("ul", { class: "calc-cmp-years" }, years.map((y) =>
    el("li", { dataset: { year: y.year } }, el("span", { class: "calc-cmp-year" }, `${y.year}年`), " ",
      badge(y.state, y.state_label), " ", el("span", {}, y.figures_text))));
}

function noteList(region, nameOf) {
  const items = [];
  for (const note of region.notes || []) items.push(el("li", {}, note));
  for (const entry of region.entries || []) {
    if (entry.text) items.push(el("li", { dataset: { activity: entry.activity, state: entry.state } }, `${nameOf(entry.activity)}：${entry.text}`));
  }
  // what the region's rules refuse among what went over (rare: calc checks each entry on the way)
  const errors = region.report.errors || [];
  for (const e of errors.slice(0, 20)) items.push(el("li", { class: "calc-error" }, e.message));
  if (errors.length > 20) items.push(el("li", { class: "calc-error" }, `另有 ${errors.length - 20} 条`));
  return items.length ? el("ul", { class: "calc-cmp-notes" }, items) : null;
}

/** Why the verdict is what it is, and what to do (calc's next step: 无法判断 says on what it turns). */
function stepLine(readiness) {
  const step = readiness?.next_step;
  if (!step || step.code === "none") return null;
  return el("p", { class: "calc-cmp-step" }, el("strong", {}, `${term("next_step")}：`), withPhoneLink(step.text, readiness.contact));
}

/** One region's card. `nameOf(index)` names an entry as the form does. */
export function regionCard(region, nameOf) {
  const report = region.report || {};
  const verdict = report.readiness ? report.readiness.headline : report.summary_text;
  const titleId = `cmp-${region.policy}`;
  const notes = noteList(region, nameOf);
  const said = (region.entries || []).filter((e) => e.text).length + (region.notes || []).length;
  return el("section", { class: `calc-cmp-card${region.home ? " calc-cmp-home" : ""}`, dataset: { policy: region.policy }, "aria-labelledby": titleId },
    el("h4", { id: titleId }, region.name, region.home ? el("span", { class: "calc-cmp-here" }, "（当前地区）") : null),
    report.readiness ? el("p", { class: "calc-cmp-verdict" }, badge(report.readiness.status, report.readiness.status_label), " ", report.readiness.heading) : null,
    stepLine(report.readiness),
    verdict && !report.readiness ? el("p", { class: "calc-cmp-verdict" }, verdict) : null,
    yearList(report),
    el("p", { class: "calc-cmp-carried" }, region.carried_text),
    notes ? el("details", { class: "calc-cmp-more", open: !region.home && said <= 3 },
      el("summary", {}, `带入说明（${said} 条）`), notes) : null);
}

/** The cards of every region into `container`, the current one first, as many per task as fit
 * in a slice; resolves when drawn, or when a newer comparison took the container. */
function drawCards(container, regions, nameOf) {
  const cards = el("div", { class: "calc-cmp-cards" });
  container.append(cards);
  return inSlices(regions.length, (i) => cards.append(regionCard(regions[i], nameOf)), () => cards.isConnected);
}

export class Comparison {
  constructor(container, button, { engine, scenario, nameOf, after }) {
    this.container = container;
    this.button = button;
    this.get = { engine, scenario, nameOf };
    this.after = after;
    button.addEventListener("click", () => this.run());
  }

  async run() {
    const engine = this.get.engine();
    if (!engine) return;
    this.button.disabled = true;
    this.container.setAttribute("aria-busy", "true");
    clear(this.container).append(el("p", { role: "status" }, "正在按各地区规定计算…"));
    let result;
    try {
      result = await compareEverywhere(engine, this.get.scenario());
    } catch (err) {
      result = { failed: err.message };
    }
    this.button.disabled = false;
    setTimeout(this.after, 0); // the form's own calculation again, in a task of its own (this request took the engine's turn)
    const shown = clear(this.container).appendChild(el("div")); // this comparison's, until a newer one
    if (result === null) {
      shown.append(el("p", { role: "status" }, "内容有改动，对比已停止；请再点一次“对比各地区”。"));
    } else if (result.failed) {
      shown.append(el("p", { class: "calc-error", role: "alert" }, `无法对比：${result.failed}`));
    } else if (!(result.regions || []).length) {
      shown.append(el("ul", { class: "calc-errors", role: "alert" }, (result.errors || []).map((e) => el("li", {}, e.message))));
    } else {
      shown.append(el("p", { role: "status" }, `已按 ${result.regions.length} 个地区的规定计算同样的内容。各地的类型和单位不同：能对应的已换算带入，不能对应的没有带入，每个地区下面的“带入说明”逐条写明。`));
      await drawCards(shown, result.regions, this.get.nameOf);
    }
    if (shown.isConnected) this.container.removeAttribute("aria-busy");
  }
}
