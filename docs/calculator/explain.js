// One report line, explained: what it counts, how it was computed (rate or band), the cap and how
// much it cut, the clause's own words, the site's reading where the clause is ambiguous, and the
// citation. The essentials stay visible; the clause and the rule's table open on demand.
import { el } from "./dom.js";
import { CATEGORY, hours } from "./labels.js";

export function capCut(line) {
  const has = line.uncapped !== undefined && line.uncapped !== null && line.hours !== null && line.hours !== undefined;
  return has ? Math.round((Number(line.uncapped) - Number(line.hours)) * 10) / 10 : 0;
}

function capText(kind) {
  const cap = kind?.cap;
  if (!cap || cap.per_year === undefined || cap.per_year === null) return null;
  return `每年最多 ${hours(cap.per_year)} 学时（同一类型当年所有条目合计）`;
}

/** <li> for one line; `name` names the activity, `kind` is its catalogue entry (or null). */
export function lineItem(line, name, kind) {
  const cut = capCut(line);
  // a line outside both categories (视同完成, 不计学时): its note says what it does
  const amount = CATEGORY[line.category] ? `${CATEGORY[line.category]} ${hours(line.hours)}学时`
    : line.hours ? `${hours(line.hours)}学时` : "不直接计学时";
  const item = el("li", { class: "calc-line", dataset: { activity: line.activity ?? "", rule: line.rule || "" } });
  item.append(el("div", { class: "calc-line-head" },
    el("span", { class: "calc-line-name" }, name),
    el("strong", {}, amount)));
  if (cut > 0) {
    item.append(el("p", { class: "calc-cut" },
      `按规则应计 ${hours(line.uncapped)} 学时，因上限少计 ${hours(cut)} 学时`,
      capText(kind) ? `（上限：${capText(kind)}）` : "", "。"));
  }
  if (line.note) item.append(el("p", { class: "calc-note" }, `计算：${line.note}`));
  if (line.reading) item.append(el("p", { class: "calc-reading" }, `本站理解：${line.reading}`));
  item.append(el("p", { class: "calc-cite" }, `依据：${line.citation || "—"}`));

  // The clause and the table are drawn when first opened: with hundreds of lines, drawing them
  // all up front was most of the report's nodes (and of a long main-thread pause).
  const more = el("details", { class: "calc-line-more" }, el("summary", {}, "条款原文与折算标准"));
  more.addEventListener("toggle", () => {
    if (more.open && more.childElementCount === 1) fillMore(more, line, kind, cut);
  });
  item.append(more);
  return item;
}

function fillMore(more, line, kind, cut) {
  if (line.quote) more.append(el("blockquote", { class: "calc-quote" }, line.quote));
  if (kind?.rate) more.append(el("p", { class: "calc-note" }, `折算标准：${kind.rate}`));
  if ((kind?.bands || []).length) {
    more.append(el("table", { class: "calc-table calc-bands" },
      el("caption", {}, "折算表"),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "情形"), el("th", { scope: "col" }, "学时"))),
      el("tbody", {}, kind.bands.map(([c, v]) => el("tr", {}, el("th", { scope: "row" }, c), el("td", {}, v))))));
  }
  const cap = capText(kind);
  more.append(el("p", { class: "calc-note" }, cap ? `上限：${cap}；本条${cut > 0 ? `削减 ${hours(cut)} 学时` : "未受上限影响"}。` : "上限：无。"));
  more.append(el("p", { class: "calc-rule" }, `规则编号 ${line.rule || "—"}`));
}
