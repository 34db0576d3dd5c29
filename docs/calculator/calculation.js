// Every change, calculated: an edit is saved at once (storage.js) and calc is asked for the new
// report in the next task (edits of one task ask once), as of today's date (engine.js); #result
// says `computing` from the edit until the new report is drawn. While a
// calculation runs, its text is remembered (the start-up guard: a scenario whose calculation
// never answered is not calculated again at start without asking). State: page.scenario,
// rawText, blocked, held, pendingText, queued (state.js).
import { EngineFailure, localDate } from "./engine.js";
import { hasContent, refusal } from "./files.js";
import { waitingForRegion } from "./region-choice.js";
import { writeJson } from "./json-text.js";
import { page } from "./state.js";
import { showComputing, showError, showReport, withdrawSavedResult } from "./status.js";

/** The scenario changed (an edit, or a new one shown): save it, and calculate it soon. */
export function changed({ save = true } = {}) {
  const { autosave, activities, lastResult } = page.parts;
  page.rawText = null;
  page.blocked = false;
  if (lastResult.shown) withdrawSavedResult();
  if (Array.isArray(activities.activities) && page.scenario.activities !== activities.activities) {
    page.scenario.activities = activities.activities;
  }
  if (save) autosave.save(page.scenario);
  if (!page.held && page.engine && !page.engine.failed) showComputing(); // the answer is on its way
  if (page.queued) return;
  page.queued = true;
  setTimeout(() => {
    page.queued = false;
    recompute();
  }, 0);
}

/** Ask calc for the report of what is shown now (unless the start-up guard or a bad link holds it). */
export function recompute() {
  const { engine } = page;
  const { autosave, lastResult } = page.parts;
  if (page.blocked || page.held || !engine || waitingForRegion()) return; // no region yet: nothing to compute
  let text = page.rawText;
  if (text === null) {
    try {
      text = writeJson(page.scenario); // a number beyond a double as written (json-text.js)
    } catch {
      showError(refusal("input_too_deep", { source: "填写的内容", outcome: "input_outcome_calculate" }));
      return;
    }
  }
  // The start-up guard: the text being calculated is remembered until its answer comes (from
  // when Python is ready: a page closed while Python starts says nothing about the scenario).
  if (engine.start) autosave.calculating(text);
  else page.pendingText = text;
  const today = localDate(); // read at each request (engine.js)
  engine.evaluate(text, "evaluate", today).then(async (answer) => {
    if (answer === null) return;
    page.pendingText = null;
    autosave.calculated();
    if (!(await showReport(answer.text, null, answer.value))) return; // a newer one took its place
    const usable = page.rawText !== null || hasContent(page.scenario);
    if (document.getElementById("result").dataset.status === "ready" && usable) lastResult.remember(text, today, answer.text);
  }, (err) => {
    // Python did not start, or stopped while idle: not the scenario's doing. (Stopped in a
    // calculation, it may be: the start-up guard keeps the text, and asks before the next start.)
    if (engine.failed && !(err instanceof EngineFailure && err.inCalculation)) autosave.calculated();
    if (!(err instanceof EngineFailure)) showError(err.message); // a failure is lifecycle.js's to show
  });
}
