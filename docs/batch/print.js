// Printing: the results table alone (every row the filter and the search let through), or one
// 自查表 per such person, each the calculator's printed sheet (calculator/print-summary.js) on an A4 page of
// its own. A sheet needs the person's whole report: calc computes them in the worker, a few at a
// time (the progress bar counts them), when the person asks to print; they are drawn into
// #batch-print, which only print shows (batch.css). #batch's data-print says which of the two a
// print gives.
import { creditsByActivity } from "../calculator/activities.js";
import { byId, el } from "../calculator/dom.js";
import { renderPrintSummary } from "../calculator/print-summary.js";
import { kindName, kindOf, policyName, regionCatalogue } from "../calculator/regions.js";
import { page } from "../calculator/state.js";
import { nextTask } from "../calculator/tasks.js";
import { isCell } from "../calculator/year-grid.js";
import { batch } from "./state.js";
import { matchingRows, showAll } from "./table.js";

const CHUNK = 10; // reports a request

/** Every row that matches the filter and the search, then print. */
export async function printTable() {
  await showAll();
  byId("batch").dataset.print = "table";
  window.print();
}

/** The year grid's cell an activity is (its year and category), for the sheet's wording. */
function gridPlace(activity) {
  const grid = regionCatalogue()?.grid;
  if (!isCell(activity, grid)) return null;
  return { year: activity.year, category: grid.public.kind === activity.kind ? "public" : "professional" };
}

/** A person's sheet: the calculator's, with whose it is (the row of the 人员 sheet) under its title. */
function sheet({ result, scenario }, reportText, today) {
  const report = JSON.parse(reportText);
  page.scenario = scenario; // regions.js names the region and kinds of the scenario it is given there
  const box = el("section", { class: "calc-print batch-sheet", "aria-label": "自查表" });
  renderPrintSummary(box, {
    report, scenario, kindName, kindOf, credited: creditsByActivity(report), place: gridPlace, today,
    policyName: regionCatalogue() ? policyName(scenario.policy) : String(scenario.policy ?? "—"),
  });
  box.querySelector("h2").after(el("p", { class: "calc-print-meta batch-sheet-who" },
    `姓名：${result.name ?? "—"}　编号：${result.id ?? "—"}　（人员表第 ${result.row} 行）`));
  return box;
}

/** One sheet per person shown, then print; resolves when the sheets are drawn and print was asked. */
export async function printSheets() {
  const rows = matchingRows();
  const run = batch.run;
  const box = byId("batch-print");
  box.replaceChildren();
  delete box.dataset.people;
  const today = new Date(`${batch.today}T12:00:00`);
  for (let from = 0; from < rows.length; from += CHUNK) {
    batch.progress.counting("正在准备自查表", from, rows.length);
    const chunk = rows.slice(from, from + CHUNK);
    const { reports } = await batch.engine.ask("batch-reports", {
      scenarios: chunk.map((row) => JSON.stringify(row.scenario)), today: batch.today,
    });
    if (run !== batch.run) return; // another file meanwhile
    box.append(...chunk.map((row, i) => sheet(row, reports[i], today)));
    await nextTask();
  }
  batch.progress.hide();
  box.dataset.people = String(rows.length);
  byId("batch").dataset.print = "sheets";
  window.print();
}
