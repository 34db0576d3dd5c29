// Status and report drawing: what #result says and shows. It owns #result's data-status
// (loading, stale, ready, computing, error) and data-report, #result-error, the phone's result bar
// (#result-jump-text), the screen reader's announcement (#announce), the drawn report (report.js),
// the last saved result while the fresh one comes (last-result.js) and the hidden print summary.
// All text is set as text, never as HTML. A big report's years are drawn in slices (report.js,
// issue 22): #report is aria-busy meanwhile, and data-report and `ready` come once it is drawn
// whole, so they still mean the fresh report. State: page.lastReport, drawing, redraw,
// lastAnnounced, printPending, offline (state.js).
import { changed } from "./calculation.js";
import { showDatesRead } from "./date-field.js";
import { byId } from "./dom.js";
import { localDate } from "./engine.js";
import { scenarioText } from "./files.js";
import { checkYear, defaultYear, enterRequirement, refreshFacts } from "./form.js";
import { showHandoff } from "./handoff.js";
import { registerServiceWorker } from "./offline.js";
import { renderPrintSummary } from "./print-summary.js";
import { kindName, kindOf, policyName, regionCatalogue } from "./regions.js";
import { isUnusable, renderReport, summarySentence } from "./report.js";
import { renderRequirements } from "./sections.js";
import { page } from "./state.js";

const result = () => byId("result");
const jumpText = (text) => {
  byId("result-jump-text").textContent = text; // the phone's result bar (overrides/calculator.html)
};

export function showError(message) {
  result().dataset.status = "error";
  const box = byId("result-error");
  box.textContent = message;
  box.hidden = false;
  jumpText("无法计算，请查看结果区的提示。");
}

/** The error goes (a fresh report, or a new start of the calculation program). */
export function clearError() {
  const box = byId("result-error");
  box.hidden = true;
  box.textContent = "";
}

/** An edit is being calculated: `computing` until its report is drawn (data-report stays the
 * previous one). Not while Python starts (loading) or has stopped (data-error). */
export function showComputing() {
  const node = result();
  if (!node.dataset.error && ["ready", "error"].includes(node.dataset.status)) node.dataset.status = "computing";
}

/** The calculation program starts again: the result waits for it. */
export function showRestarting() {
  delete result().dataset.error;
  clearError();
  result().dataset.status = "loading";
  jumpText("计算程序启动中…");
}

/**
 * Show a report: calc's fresh one, or (saved: {report, at}) the last saved one, marked as such.
 * `value` is the report already parsed (a long answer, engine.js). Resolves true once it is drawn
 * whole, false when a newer drawing took its place first (or it could not be read).
 */
export async function showReport(reportText, saved = null, value = null) {
  let report = value;
  if (report === null) {
    try {
      report = JSON.parse(reportText);
    } catch {
      showError("计算结果无法读取。");
      return false;
    }
  }
  const { grid, activities, lastResult } = page.parts;
  const drawing = (page.drawing += 1);
  page.redraw = false;
  if (!(await drawReport(report, () => page.drawing === drawing))) return false;
  if (page.redraw) drawAgain(report); // the form changed how it is shown meanwhile (redrawReport)
  if (saved) {
    lastResult.mark(saved);
    jumpText(`上次的结果：${summarySentence(report).replace(/^计算完成：/, "")}（正在更新）`);
    return true;
  }
  lastResult.unmark();
  page.lastReport = report;
  result().dataset.report = reportText;
  grid.showReport(report);
  const windowYears = report.readiness?.window || [];
  grid.offerYears(windowYears.length ? windowYears : grid.rows.length ? [] : [defaultYear()]);
  activities.showErrors(report.errors);
  activities.showCredits(report);
  showDatesRead(report); // date-field.js: each date as calc read it, beside its field
  showHandoff(report); // handoff.js: the year grid folded away for a person handed to their authority
  printSummaryLater();
  const sentence = summarySentence(report);
  if (isUnusable(report)) {
    const first = (report.errors || [])[0];
    showError(`无法计算：${first ? first.message : "输入无法使用"}`);
  } else {
    clearError();
    result().dataset.status = "ready";
    delete result().dataset.error;
    if (!page.offline) registerServiceWorker(); // once, at idle time after the first result: the pages for offline use
    page.offline = true;
    jumpText(report.brief_text || sentence.replace(/^计算完成：/, ""));
  }
  if (sentence !== page.lastAnnounced) {
    page.lastAnnounced = sentence;
    byId("announce").textContent = sentence;
  }
  return true;
}

/** Draw a report into the result; `current()` is false once a newer drawing has begun. Resolves
 * when drawn (at once for a report that fits in a slice), or stopped (false). */
async function drawReport(report, current = () => true) {
  const { grid, activities } = page.parts;
  const box = byId("report");
  box.setAttribute("aria-busy", "true");
  const drawn = await renderReport(box, report, {
    scenario: page.scenario, kindName, kindOf, catalogue: regionCatalogue(),
    place: (activity) => grid.place(activity),
    untouched: (index) => activities.untouched(index),
    onEnterRequirement: enterRequirement,
    onAdd: (added) => {
      activities.addOnce(added); // at once, and once: the same path as typing (calculation.js)
      byId("verdict-answer")?.focus(); // the answer that changes, for a screen reader too
    },
    onRecheck: checkYear,
    onFact: () => {
      refreshFacts();
      changed();
    },
    onRequirement: () => {
      renderRequirements(byId("requirement-list"), page.scenario, byId("requirements"), changed);
      changed();
    },
  }, current);
  if (drawn) box.removeAttribute("aria-busy");
  return drawn;
}

/** The last fresh report drawn again (the form changed how it is shown, not what it is); while a
 * report is being drawn, again once it is. */
export function redrawReport() {
  if (byId("report").hasAttribute("aria-busy")) page.redraw = true;
  else if (page.lastReport) drawAgain(page.lastReport);
}

function drawAgain(report) {
  page.redraw = false;
  const drawing = (page.drawing += 1);
  drawReport(report, () => page.drawing === drawing);
}

// The one-page print summary is hidden on screen: it is drawn in a task of its own after the
// report (keeping each task short), and again right before printing if that task has not run.
function printSummaryLater() {
  if (page.printPending) return;
  page.printPending = true;
  setTimeout(drawPrintSummary, 0);
}

export function drawPrintSummary() {
  if (!page.printPending || !page.lastReport) return;
  page.printPending = false;
  const { scenario, lastReport } = page;
  renderPrintSummary(byId("print-summary"), {
    report: lastReport, scenario, kindName, kindOf, credited: page.parts.activities.credited, // lastReport's (showReport)
    place: (activity) => page.parts.grid.place(activity),
    policyName: regionCatalogue() ? policyName(scenario.policy) : String(scenario.policy ?? "—"),
  });
}

// The last saved result is shown until calc answers (last-result.js); it no longer fits once the
// scenario changes.
export function showSavedResult() {
  const text = page.rawText ?? scenarioText(page.scenario);
  const saved = text && page.lastReport === null && page.parts.lastResult.find(text, localDate());
  if (saved) showReport(saved.report, saved);
}

export function withdrawSavedResult() {
  page.drawing += 1; // a saved result still being drawn stops
  byId("report").removeAttribute("aria-busy");
  page.parts.lastResult.unmark();
  byId("report").replaceChildren();
  if (result().dataset.status === "stale") result().dataset.status = "loading";
  jumpText("正在计算…");
}
