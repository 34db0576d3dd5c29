// The title application (职称申报) verdict, as calc words it: the headline with its status, the
// window's years with their state and shortfall, what is still missing, and the reasons and
// clauses (exemptions, reductions, each year).
import { el } from "./dom.js";
import { term } from "./vocabulary.js";
import { badge } from "./years.js";

export function readinessSection(readiness) {
  const status = readiness.status;
  const box = el("section", { class: "calc-readiness", dataset: { status } });
  box.append(el("h3", {}, `${readiness.heading}：`, badge(status, readiness.status_label)));

  if (readiness.window_text) box.append(el("p", {}, readiness.window_text));
  if ((readiness.window_years || []).length) {
    box.append(el("ol", { class: "calc-window" }, readiness.window_years.map((y) =>
      el("li", { class: y.counted ? "calc-counted" : null, dataset: { year: y.year } },
        el("span", { class: "calc-window-year" }, `${y.year}年`), badge(y.state, y.state_label),
        y.counted ? el("span", { class: "calc-window-note" }, term("counted")) : null,
        y.shortfall_text ? el("span", { class: "calc-window-note" }, y.shortfall_text) : null))));
  }
  if (readiness.shortfall_text) box.append(el("p", { class: "calc-state" }, readiness.shortfall_text));
  if ((readiness.reasons || []).length) {
    box.append(el("details", { class: "calc-reasons-box", open: status !== "ready" },
      el("summary", {}, "为什么（逐年说明、免除或减免的理由）"),
      el("ul", { class: "calc-reasons" }, readiness.reasons.map((r) => el("li", {}, r)))));
  }
  if ((readiness.citations || []).length) box.append(el("p", { class: "calc-cite" }, `${term("citation")}：${readiness.citations.join("；")}`));
  return box;
}
