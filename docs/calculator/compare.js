// The same activities under every region, side by side (for people who move). Each region is a
// separate evaluation by calc through the page's one engine, one after another; an edit during
// the comparison stops it (its answers would be for old input).
import { clear, el } from "./dom.js";
import { term } from "./vocabulary.js";
import { badge } from "./years.js";

/** Evaluate `scenario` under each policy id; resolves with [{id, name, report}] or null when superseded. */
export async function evaluateEverywhere(engine, scenario, policies) {
  const results = [];
  for (const p of policies) {
    const text = JSON.stringify({ ...scenario, policy: p.id });
    const reportText = await engine.evaluate(text);
    if (reportText === null) return null;
    results.push({ id: p.id, name: p.name, report: JSON.parse(reportText) });
  }
  return results;
}

function cell(year) {
  if (!year) return el("td", { class: "calc-cmp-none" }, "—");
  return el("td", {}, badge(year.state, year.state_label), el("br"), year.figures_text);
}

/** The comparison table. `nameOf(index)` names an activity of the scenario. */
export function comparisonTable(results, nameOf) {
  const years = [...new Set(results.flatMap((r) => (r.report.years || []).map((y) => y.year)))].sort((a, b) => a - b);
  const head = el("tr", {}, el("th", { scope: "col" }, "地区"),
    years.map((y) => el("th", { scope: "col" }, `${y}年`)),
    el("th", { scope: "col" }, term("title_application")), el("th", { scope: "col" }, "不能计入的条目"));
  const body = el("tbody");
  for (const r of results) {
    const byYear = new Map((r.report.years || []).map((y) => [y.year, y]));
    const errors = r.report.errors || [];
    const problems = errors.length
      ? el("ul", { class: "calc-errors" }, errors.slice(0, 20).map((e) =>
        el("li", {}, Number.isInteger(e.activity) ? `${nameOf(e.activity)}：${e.message}` : e.message)),
      errors.length > 20 ? el("li", {}, `另有 ${errors.length - 20} 条`) : null)
      : "无";
    const verdict = r.report.readiness ? r.report.readiness.status_label : "未选择申报";
    body.append(el("tr", { dataset: { policy: r.id } },
      el("th", { scope: "row" }, r.name),
      years.map((y) => cell(byYear.get(y))),
      el("td", {}, verdict),
      el("td", {}, problems)));
  }
  return el("div", { class: "calc-cmp-scroll", tabindex: 0, role: "region", "aria-label": "各地区对比表（可横向滚动）" },
    el("table", { class: "calc-table calc-cmp" }, el("thead", {}, head), body));
}

export class Comparison {
  constructor(container, button, { engine, scenario, policies, nameOf, after }) {
    this.container = container;
    this.button = button;
    this.get = { engine, scenario, policies, nameOf };
    this.after = after;
    button.addEventListener("click", () => this.run());
  }

  async run() {
    const engine = this.get.engine();
    if (!engine) return;
    this.button.disabled = true;
    clear(this.container).append(el("p", { role: "status" }, "正在按各地区规定计算…"));
    let results;
    try {
      results = await evaluateEverywhere(engine, this.get.scenario(), this.get.policies());
    } catch (err) {
      results = { error: err.message };
    }
    this.button.disabled = false;
    clear(this.container);
    if (results === null) {
      this.container.append(el("p", { role: "status" }, "内容有改动，对比已停止；请再点一次“对比各地区”。"));
    } else if (results.error) {
      this.container.append(el("p", { class: "calc-error", role: "alert" }, `无法对比：${results.error}`));
    } else {
      this.container.append(
        el("p", { role: "status" }, `已按 ${results.length} 个地区的规定计算同样的内容。各地的类型不同：某地没有的类型不能计入，列在最后一栏。`),
        comparisonTable(results, this.get.nameOf));
    }
    this.after();
  }
}
