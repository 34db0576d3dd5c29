// The results table: one row per person, in the spreadsheet's order, as calc gives it (the row's
// number, 姓名, 编号, 地区, 申报, the verdict as the calculator shows it: calc's label in the
// calculator's badge and colour, 下一步, the 问题 lines as the export words them) and a link that
// opens the row's scenario in the calculator; the filter by 结论 and the search by name or 编号;
// the counts above it; what concerns no one person below it. On a phone each row is a card
// (batch.css), each cell captioned with its column's heading (data-label). All text is set as text.
//
// The table shows the first PAGE rows that match, and a button for the next PAGE: a unit of 2,000
// drawn whole made the page's layout the longest work on the main thread (tasks of up to 0.75 s
// as the rows came in). A row is drawn when it is first shown; printing the table shows every
// row that matches first (showAll).
import { byId, el } from "../calculator/dom.js";
import { encodeScenario } from "../calculator/share.js";
import { nextTask } from "../calculator/tasks.js";
import { words } from "../calculator/vocabulary.js";
import { badge } from "../calculator/years.js";
import { batch } from "./state.js";

const PAGE = 100; // rows shown at first, and added by “显示后面的…”
const SLICE = 200; // rows drawn in one task when every row is shown (for print)

export const NONE = "none"; // the filter's value for the rows without an application (status null)
export const PROBLEMS = "problems"; // … for the rows with something to correct

/** The label of a filter's value: calc's status label, or its sentence for no application. */
function choiceLabel(key) {
  return key === NONE ? words().messages.no_target.replace(/。$/, "") : words().status[key];
}

/** A new file: no results, and the filter and the search start over. */
export function clearResults() {
  batch.rows = [];
  batch.rest = null;
  batch.limit = PAGE;
  batch.filter = "";
  batch.query = "";
  byId("batch-search").value = "";
  byId("batch-rows").replaceChildren();
  byId("batch-more").hidden = true;
  byId("batch-rest").hidden = true;
  byId("batch-results").hidden = true;
  byId("batch-print").replaceChildren();
}

export function showResults() {
  byId("batch-results").hidden = false;
}

function matches({ result }) {
  const { filter } = batch;
  if (filter === PROBLEMS ? result.errors.length === 0 : filter && (result.status ?? NONE) !== filter) return false;
  const query = batch.query.trim().toLowerCase();
  return !query || [result.name, result.id].some((text) => typeof text === "string" && text.toLowerCase().includes(query));
}

/** The scenario opened in the calculator: a #s= link (the scenario in the fragment, read only by
 * the browser that opens it: calculator/share.js). */
function calculatorLink(scenario) {
  return `${new URL(byId("batch").dataset.calculator, location.href).href}#s=${encodeScenario(scenario)}`;
}

function rowNode({ result, problems, scenario }, labels) {
  const cells = [
    String(result.row),
    result.name ?? "",
    result.id ?? "",
    result.region ?? "",
    result.target ?? "—",
    result.status ? badge(result.status, result.label) : result.label, // no application: the yearly check in words
    result.next_step ?? "",
    problems.length ? el("ul", { class: "batch-problems" }, problems.map((line) => el("li", {}, line))) : "",
    el("a", { href: calculatorLink(scenario), target: "_blank", rel: "noopener", class: "batch-open" }, "打开"),
  ];
  return el("tr", { dataset: { row: result.row, status: result.status ?? NONE } },
    cells.map((content, i) => el(i === 1 ? "th" : "td", { "data-label": labels[i], scope: i === 1 ? "row" : null }, content)));
}

function labels() {
  return [...byId("batch-table").tHead.rows[0].cells].map((cell) => cell.textContent);
}

/** A row's table row, drawn the first time it is shown. */
function nodeOf(row, headings) {
  row.node ??= rowNode(row, headings);
  return row.node;
}

/** One chunk's answer (worker: batch-check): its rows kept, and shown while the table has room. */
export function addRows({ results, problems, scenarios }) {
  const headings = labels();
  const body = byId("batch-rows");
  const added = document.createDocumentFragment();
  let shown = body.childElementCount;
  results.forEach((result, i) => {
    const row = { result, problems: problems[i], scenario: scenarios[i], node: null };
    batch.rows.push(row);
    if (shown < batch.limit && matches(row)) {
      added.append(nodeOf(row, headings));
      shown += 1;
    }
  });
  body.append(added);
  showCounts();
}

/** What concerns no one person (worker: batch-rest): a list under the table. */
export function showRest({ result, problems }) {
  batch.rest = result ? { result, problems } : null;
  byId("batch-rest-list").replaceChildren(...(problems || []).map((line) => el("li", {}, line)));
  byId("batch-rest").hidden = !result;
}

/** How many people have each verdict: [[key, count]] in the order they first come, and how many
 * rows have something to correct. */
function counts() {
  const found = new Map();
  let wrong = 0;
  for (const { result } of batch.rows) {
    const key = result.status ?? NONE;
    found.set(key, (found.get(key) || 0) + 1);
    if (result.errors.length) wrong += 1;
  }
  return { found: [...found], wrong };
}

/** The summary above the table and the filter's choices, with their counts. */
function showCounts() {
  const { found, wrong } = counts();
  const day = batch.today.split("-").map(Number);
  const parts = found.map(([key, n]) => `${choiceLabel(key)} ${n} 人`);
  byId("batch-summary").textContent = `共 ${batch.rows.length} 人（按 ${day[0]}年${day[1]}月${day[2]}日计算）：${parts.join("，")}`
    + (wrong ? `；${wrong} 人的行有需要修改的地方。` : "。");
  const select = byId("batch-filter");
  const choices = [["", `全部（${batch.rows.length} 人）`], ...found.map(([key, n]) => [key, `${choiceLabel(key)}（${n} 人）`])];
  if (wrong) choices.push([PROBLEMS, `有需要修改的地方（${wrong} 人）`]);
  select.replaceChildren(...choices.map(([value, label]) => el("option", { value }, label)));
  select.value = choices.some(([value]) => value === batch.filter) ? batch.filter : "";
  showShown();
}

function showShown() {
  const matching = matchingRows().length;
  const shown = byId("batch-rows").childElementCount;
  byId("batch-shown").textContent = matching === batch.rows.length ? "" : `显示 ${batch.rows.length} 人中的 ${matching} 人。`;
  const more = byId("batch-more");
  more.hidden = shown >= matching;
  more.textContent = `显示后面的 ${Math.min(PAGE, matching - shown)} 人（还有 ${matching - shown} 人）`;
}

/** The table again, from its first row: the filter or the search changed. */
export function applyFilter() {
  batch.limit = PAGE;
  const headings = labels();
  byId("batch-rows").replaceChildren(...matchingRows().slice(0, batch.limit).map((row) => nodeOf(row, headings)));
  showShown();
}

/** The next PAGE rows that match. */
export function showMore() {
  const from = batch.limit;
  batch.limit += PAGE;
  const headings = labels();
  byId("batch-rows").append(...matchingRows().slice(from, batch.limit).map((row) => nodeOf(row, headings)));
  showShown();
}

/** Every row that matches, drawn a slice a task (before the table is printed). */
export async function showAll() {
  const rows = matchingRows();
  const headings = labels();
  const body = byId("batch-rows");
  for (let from = body.childElementCount; from < rows.length; from += SLICE) {
    body.append(...rows.slice(from, from + SLICE).map((row) => nodeOf(row, headings)));
    await nextTask();
  }
  batch.limit = rows.length;
  showShown();
}

/** The rows the filter and the search let through, shown or not yet. */
export function matchingRows() {
  return batch.rows.filter(matches);
}
