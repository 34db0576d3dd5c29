// One report line, explained in calc's words: what it counts (`amount_text`), how it was
// computed (`note`), what the cap cut (`cap_cut_text`), the site's reading where the clause is
// ambiguous, and the citation; the clause's own words, the kind's rate and table (catalogue) and
// the cap open on demand. The page words nothing here itself: the terms are calc's too.
import { el } from "./dom.js";
import { term } from "./vocabulary.js";

/** <li> for one line; `name` names the activity, `kind` is its catalogue entry (or null). */
export function lineItem(line, name, kind) {
  const item = el("li", { class: "calc-line", dataset: { activity: line.activity ?? "", rule: line.rule || "" } });
  item.append(el("div", { class: "calc-line-head" },
    el("span", { class: "calc-line-name" }, name),
    el("strong", {}, line.amount_text)));
  if (line.cap_cut_text) item.append(el("p", { class: "calc-cut" }, line.cap_cut_text));
  if (line.note) item.append(el("p", { class: "calc-note" }, `${term("how")}：${line.note}`));
  if (line.reading) item.append(el("p", { class: "calc-reading" }, `${term("reading")}：${line.reading}`));
  item.append(el("p", { class: "calc-cite" }, `${term("citation")}：${line.citation || "—"}`));

  // The clause and the table are drawn when first opened: with hundreds of lines, drawing them
  // all up front was most of the report's nodes (and of a long main-thread pause).
  const more = el("details", { class: "calc-fold calc-line-more" }, el("summary", {}, `${term("quote")}与${term("rate")}`));
  more.addEventListener("toggle", () => {
    if (more.open && more.childElementCount === 1) fillMore(more, line, kind);
  });
  item.append(more);
  return item;
}

function fillMore(more, line, kind) {
  if (line.quote) more.append(el("blockquote", { class: "calc-quote" }, line.quote));
  if (kind?.rate) more.append(el("p", { class: "calc-note" }, `${term("rate")}：${kind.rate}`));
  if ((kind?.bands || []).length) {
    more.append(el("table", { class: "calc-table calc-bands" },
      el("caption", {}, term("bands")),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, term("case")), el("th", { scope: "col" }, term("hours")))),
      el("tbody", {}, kind.bands.map(([c, v]) => el("tr", {}, el("th", { scope: "row" }, c), el("td", {}, v))))));
  }
  more.append(el("p", { class: "calc-note" }, `${term("cap")}：${line.cap_text}。`));
  // (the rule's id, hefei/public_course, is for tools: data-rule on the line, never shown)
}
