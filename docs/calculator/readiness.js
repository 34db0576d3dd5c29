// The title application (职称申报) verdict: which years of the window count, which are short and
// by how much, exemptions and reductions with their reasons and clauses.
import { el } from "./dom.js";
import { READINESS, hours } from "./labels.js";
import { badge, yearState } from "./years.js";

export function readinessSection(readiness, report) {
  const status = readiness.status;
  const box = el("section", { class: "calc-readiness", dataset: { status } });
  box.append(el("h3", {}, `职称申报${readiness.target ? `（${readiness.target}）` : ""}：`,
    el("span", { class: `calc-badge calc-${status}` }, READINESS[status] || status)));

  const byYear = new Map((report.years || []).map((y) => [y.year, y]));
  const counted = new Set(readiness.years_counted || []);
  const short = new Map((readiness.shortfall || []).map((s) => [s.year, s]));
  if ((readiness.window || []).length) {
    const need = readiness.years_needed ? `需要其中 ${readiness.years_needed} 个年度达标` : "";
    box.append(el("p", {}, `可计入的年度：${readiness.window[0]}—${readiness.window[readiness.window.length - 1]}年${need ? `，${need}` : ""}；已计入 ${counted.size} 个。`));
    const list = el("ol", { class: "calc-window" });
    for (const y of readiness.window) {
      const year = byYear.get(y);
      const state = year ? yearState(year) : "unknown";
      const s = short.get(y);
      const parts = [];
      if (s?.public) parts.push(`公需差 ${hours(s.public)}`);
      if (s?.professional) parts.push(`专业差 ${hours(s.professional)}`);
      list.append(el("li", { class: counted.has(y) ? "calc-counted" : null, dataset: { year: y } },
        el("span", { class: "calc-window-year" }, `${y}年`), badge(state),
        counted.has(y) ? el("span", { class: "calc-window-note" }, "计入") : null,
        parts.length ? el("span", { class: "calc-window-note" }, parts.join("，")) : null));
    }
    box.append(list);
  } else if (readiness.years_needed) {
    box.append(el("p", {}, `需要达标年度数：${readiness.years_needed}`));
  }
  if ((readiness.shortfall || []).length) {
    box.append(el("p", { class: "calc-state" }, "尚缺：",
      readiness.shortfall.map((s) => {
        const parts = [];
        if (s.public) parts.push(`公需科目 ${hours(s.public)} 学时`);
        if (s.professional) parts.push(`专业科目 ${hours(s.professional)} 学时`);
        return `${s.year}年${parts.join("、") || "未达标"}；`;
      }).join("")));
  }
  if ((readiness.reasons || []).length) {
    box.append(el("details", { class: "calc-reasons-box", open: status !== "ready" },
      el("summary", {}, "为什么（逐年说明、免除或减免的理由）"),
      el("ul", { class: "calc-reasons" }, readiness.reasons.map((r) => el("li", {}, r)))));
  }
  if ((readiness.citations || []).length) box.append(el("p", { class: "calc-cite" }, `依据：${readiness.citations.join("；")}`));
  return box;
}
