// The calculator page: builds the form from calculator/catalogue.json (written at build time by
// CPython's calc), keeps one scenario object that every edit changes, has it evaluated by calc in
// Pyodide (worker.js) after every change, and keeps it in this browser (storage.js). #result
// carries the report (data-report) and the state (data-status: loading, ready, error; stale while
// the last saved result is shown, last-result.js). All text is set as text, never as HTML.
//
// Nothing the user entered is lost: a share link, an import, a restore or “清空并重新开始” first
// keeps what it replaces in the history (“之前的内容”, storage.js); when that cannot be kept, the
// replacement is not saved until the user chooses. Another tab's newer work is never overwritten
// without asking; a saved scenario whose last calculation never answered is not calculated again
// at start without asking.
import { ActivityList, creditsByActivity } from "./activities.js";
import { Comparison } from "./compare.js";
import { el } from "./dom.js";
import { Engine, EngineFailure, localDate } from "./engine.js";
import { failureHeadline, hideEngineHelp, showEngineHelp } from "./engine-failure.js";
import { FROM_LINK, FROM_SAVED, exportScenario, exportText, fileName, parsedObject, readScenarioFile, refusal, usableScenario } from "./files.js";
import { HistoryPanel } from "./history-panel.js";
import { LastResult } from "./last-result.js";
import { useLimits } from "./limits.js";
import { hideNotice, showNotice } from "./notice.js";
import { registerServiceWorker } from "./offline.js";
import { renderPrintSummary } from "./print-summary.js";
import { StartProgress } from "./progress.js";
import { activityName, isUnusable, renderReport, summarySentence } from "./report.js";
import { addRequirement, renderPerson, renderRequirements, renderTarget } from "./sections.js";
import { decodeShare, readAddress } from "./share.js";
import { wireSharePanel } from "./share-panel.js";
import { Autosave, HISTORY, KEY } from "./storage.js";
import { nextTask } from "./tasks.js";
import { loadThemeOnDemand } from "./theme-on-demand.js";
import { message, useVocabulary } from "./vocabulary.js";
import { YearGrid } from "./year-grid.js";

const $ = (id) => document.getElementById(id);
const root = $("calculator");
const result = $("result");
const errorBox = $("result-error");
const policySelect = $("policy");
const jumpText = $("result-jump-text"); // the phone's result bar (overrides/calculator.html)
const noticeBox = $("notice");

let data = { policies: [], catalogues: {} };
let scenario = { version: 1, policy: "", activities: [] };
let rawText = null; // a share link's text that is not a JSON object: evaluated as it is, once
let blocked = false; // a share link that could not be read: nothing to evaluate until an edit
let held = false; // the start-up guard: the saved scenario is not calculated until the user says so
let pendingText = null; // the text sent before Python was ready (the guard marks it once it is)
let engine = null;
let lastReport = null;
let lastAnnounced = "";

const storageWarning = $("storage-warning");
const autosave = new Autosave((message) => {
  storageWarning.textContent = message || "";
  storageWarning.hidden = !message;
}, anotherTabSaved);
let historyPanel = null;
const progress = new StartProgress($("engine-status"), $("engine-text"));
const lastResult = new LastResult(result, $("report"));
const activities = new ActivityList($("activity-list"), { onChange: changed, defaultYear, owns: (a) => grid.owns(a) });
// The year grid shows the plain 公需/专业 entries of the activities' own array (year-grid.js).
const grid = new YearGrid($("year-grid"), {
  onChange: gridChanged, activities: () => activities.activities, defaultYear,
});

/** An edit in the year grid; a cell removed moves the cards' indices: they are drawn again. */
function gridChanged({ structure = false } = {}) {
  if (structure) activities.render(activities.activities.length);
  changed();
}

function defaultYear() {
  const year = scenario.target && scenario.target.year;
  return Number.isInteger(year) ? year : new Date().getFullYear();
}

// calc.policies() lists each id with its name; an alias has alias_of (the policy it follows).
function canonical(policyId) {
  const found = data.policies.find((p) => p.id === policyId);
  return found ? found.alias_of || found.id : null;
}

function policyName(policyId) {
  return data.policies.find((p) => p.id === policyId)?.name || message("region_unknown", { region: policyId });
}

function catalogue() {
  const id = canonical(scenario.policy);
  return id ? data.catalogues[id] || null : null;
}

function kindOf(kindId) {
  return (catalogue()?.kinds || []).find((k) => k.id === kindId) || null;
}

function kindName(kindId) {
  const kind = kindOf(kindId);
  return kind ? kind.name : kindId ? message("kind_unknown", { kind: kindId }) : "未选类型";
}

function isScenarioObject(value) {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

// ---- status and report ----------------------------------------------------------------------

function showError(message) {
  result.dataset.status = "error";
  errorBox.textContent = message;
  errorBox.hidden = false;
  jumpText.textContent = "无法计算，请查看结果区的提示。";
}

/** Show a report: calc's fresh one, or (saved: {report, at}) the last saved one, marked as such. */
function showReport(reportText, saved = null) {
  let report;
  try {
    report = JSON.parse(reportText);
  } catch {
    showError("计算结果无法读取。");
    return;
  }
  drawReport(report);
  if (saved) {
    lastResult.mark(saved);
    jumpText.textContent = `上次的结果：${summarySentence(report).replace(/^计算完成：/, "")}（正在更新）`;
    return;
  }
  lastResult.unmark();
  lastReport = report;
  result.dataset.report = reportText;
  grid.showReport(report);
  const windowYears = report.readiness?.window || [];
  grid.offerYears(windowYears.length ? windowYears : grid.rows.length ? [] : [defaultYear()]);
  activities.showErrors(report.errors);
  activities.showCredits(report);
  printSummaryLater();
  if (isUnusable(report)) {
    const first = (report.errors || [])[0];
    showError(`无法计算：${first ? first.message : "输入无法使用"}`);
  } else {
    errorBox.hidden = true;
    errorBox.textContent = "";
    result.dataset.status = "ready";
    delete result.dataset.error;
    registerServiceWorker(); // once, at idle time after the first result: the pages for offline use
  }
  const sentence = summarySentence(report);
  if (!isUnusable(report)) jumpText.textContent = report.brief_text || sentence.replace(/^计算完成：/, "");
  if (sentence !== lastAnnounced) {
    lastAnnounced = sentence;
    $("announce").textContent = sentence;
  }
}

/** Draw a report into the result (again, for redraw(): the answer box the person was typing in). */
function drawReport(report) {
  renderReport($("report"), report, {
    scenario, kindName, kindOf, catalogue: catalogue(),
    place: (activity) => grid.place(activity),
    onEnterRequirement: enterRequirement,
    onAdd: (added) => {
      for (const activity of added) activities.addActivity(activity);
    },
    onFact: () => {
      renderTarget($("target-fields"), scenario, catalogue(), changed, defaultYear);
      renderPerson($("person-fields"), scenario, catalogue(), changed, $("person"));
      changed();
    },
    onRequirement: () => {
      renderRequirements($("requirement-list"), scenario, $("requirements"), changed);
      changed();
    },
    redraw: () => lastReport && drawReport(lastReport),
  });
}

// The one-page print summary is hidden on screen: it is drawn in a task of its own after the
// report (keeping each task short), and again right before printing if that task has not run.
let printPending = false;
function printSummaryLater() {
  if (printPending) return;
  printPending = true;
  setTimeout(drawPrintSummary, 0);
}

function drawPrintSummary() {
  if (!printPending || !lastReport) return;
  printPending = false;
  renderPrintSummary($("print-summary"), {
    report: lastReport, scenario, kindName, kindOf, credited: creditsByActivity(lastReport),
    place: (activity) => grid.place(activity),
    policyName: catalogue() ? policyName(scenario.policy) : String(scenario.policy ?? "—"),
  });
}
window.addEventListener("beforeprint", drawPrintSummary);

let queued = false;
function changed({ save = true } = {}) {
  rawText = null;
  blocked = false;
  if (lastResult.shown) withdrawSavedResult();
  if (Array.isArray(activities.activities) && scenario.activities !== activities.activities) {
    scenario.activities = activities.activities;
  }
  if (save) autosave.save(scenario);
  if (queued) return;
  queued = true;
  setTimeout(() => {
    queued = false;
    recompute();
  }, 0);
}

function recompute() {
  if (blocked || held || !engine) return;
  let text = rawText;
  if (text === null) {
    try {
      text = JSON.stringify(scenario);
    } catch {
      showError(refusal("input_too_deep", { source: "填写的内容", outcome: "input_outcome_calculate" }));
      return;
    }
  }
  // The start-up guard: the text being calculated is remembered until its answer comes (from
  // when Python is ready: a page closed while Python starts says nothing about the scenario).
  if (engine.start) autosave.calculating(text);
  else pendingText = text;
  const today = localDate(); // read at each request (engine.js)
  engine.evaluate(text, "evaluate", today).then((reportText) => {
    if (reportText === null) return;
    pendingText = null;
    autosave.calculated();
    showReport(reportText);
    if (result.dataset.status === "ready" && (rawText !== null || hasContent(scenario))) lastResult.remember(text, today, reportText);
  }, (err) => {
    // Python did not start, or stopped while idle: not the scenario's doing. (Stopped in a
    // calculation, it may be: the start-up guard keeps the text, and asks before the next start.)
    if (engine.failed && !(err instanceof EngineFailure && err.inCalculation)) autosave.calculated();
    if (!(err instanceof EngineFailure)) showError(err.message); // a failure is engineState's to show
  });
}

// The last saved result is shown until calc answers (last-result.js); it no longer fits once the
// scenario changes.
function showSavedResult() {
  const text = rawText ?? scenarioText();
  const saved = text && lastReport === null && lastResult.find(text, localDate());
  if (saved) showReport(saved.report, saved);
}

function withdrawSavedResult() {
  lastResult.unmark();
  $("report").replaceChildren();
  if (result.dataset.status === "stale") result.dataset.status = "loading";
  jumpText.textContent = "正在计算…";
}

// ---- the calculation program's state (engine.js) ---------------------------------------------

const engineHelp = $("engine-help");

function engineState(state, info = {}) {
  if (state === "ready" && pendingText !== null) autosave.calculating(pendingText);
  if (state === "progress") {
    progress.update(info);
  } else if (state === "ready") {
    progress.done("计算在您的浏览器中进行，填写的内容不会发送到任何服务器。");
    $("compare").disabled = false;
  } else if (state === "failed") {
    progress.done("");
    $("compare").disabled = true;
    showError(failureHeadline(info.reason));
    result.dataset.error = info.reason;
    showFailureHelp();
  }
}

/** The advice under a failure; drawn again when the region is known or changes (its worksheet). */
function showFailureHelp() {
  const reason = result.dataset.error;
  if (!reason) return;
  showEngineHelp(engineHelp, {
    reason,
    saved: autosave.store !== null,
    worksheet: worksheetFor(scenario.policy),
    browsers: root.dataset.browsers,
    onRetry: restartEngine,
  });
}

/** The printable worksheet of the chosen region (an alias has its policy's), if there is one. */
function worksheetFor(policyId) {
  const id = canonical(policyId);
  return id ? { href: `${root.dataset.regions}${id}-worksheet/`, name: policyName(id) } : null;
}

function restartEngine() {
  hideEngineHelp(engineHelp);
  delete result.dataset.error;
  errorBox.hidden = true;
  errorBox.textContent = "";
  result.dataset.status = "loading";
  jumpText.textContent = "计算程序启动中…";
  progress.restart();
  engine.restart();
  recompute();
}

// ---- the form -------------------------------------------------------------------------------

function fillPolicySelect() {
  policySelect.replaceChildren();
  for (const p of data.policies) policySelect.append(el("option", { value: p.id }, p.label));
  if (!canonical(scenario.policy)) {
    const shown = typeof scenario.policy === "string" ? scenario.policy : JSON.stringify(scenario.policy ?? null);
    policySelect.append(el("option", { value: shown }, message("region_unknown", { region: shown })));
  }
  policySelect.value = typeof scenario.policy === "string" && canonical(scenario.policy) ? scenario.policy : policySelect.lastElementChild.value;
  policySelect.disabled = false;
  describePolicy();
}

function describePolicy() {
  showFailureHelp(); // its worksheet link is the region's
  const cat = catalogue();
  const hint = $("policy-hint");
  hint.textContent = cat ? cat.kinds_text : message("region_unknown_hint", { region: policySelect.value });
  $("grid-hint").textContent = cat?.grid?.text || "";
}

function renderSections() {
  showActivities();
  renderOtherSections();
}

/** The year grid and the cards of the scenario's activities (the grid first: it takes its cells). */
function showActivities(options) {
  const listArray = Array.isArray(scenario.activities) ? scenario.activities : [];
  activities.activities = listArray;
  grid.render(catalogue());
  return activities.show(listArray, catalogue(), options);
}

function renderOtherSections() {
  renderTarget($("target-fields"), scenario, catalogue(), changed, defaultYear);
  renderPerson($("person-fields"), scenario, catalogue(), changed, $("person"));
  renderRequirements($("requirement-list"), scenario, $("requirements"), changed);
}

/** Replace the whole scenario (import, restore) and show it. */
function useScenario(next, { save = true } = {}) {
  scenario = next;
  fillPolicySelect();
  renderSections();
  changed({ save });
}

function enterRequirement(year) {
  const details = $("requirements");
  details.open = true;
  const existing = $("requirement-list").querySelector(`li[data-year="${year}"] input[name=public]`);
  if (existing) {
    existing.focus();
    return;
  }
  addRequirement($("requirement-list"), scenario, details, changed, () => year);
  $("requirement-list").lastElementChild?.querySelector("input[name=public]")?.focus();
}

// ---- keeping the user's work: history, other tabs, start again ------------------------------

function scenarioText(value = scenario) {
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
}

function hasContent(value) {
  return isScenarioObject(value) && Object.keys(value).some((k) => !["version", "policy", "activities"].includes(k)
    || (k === "activities" && Array.isArray(value.activities) && value.activities.length > 0));
}

function repairedText(repaired) {
  return repaired && repaired.length ? `已修正：${repaired.join("；")}。` : "";
}

function showHistory() {
  historyPanel?.render();
}

/** After a share link or an import replaced the saved work: say so, with the way back. */
function offerPrevious(text, hadSaved) {
  if (!hadSaved) {
    showNotice(noticeBox, text);
    return;
  }
  showNotice(noticeBox, `${text}您之前在本浏览器中保存的内容已存入下方“之前的内容”。`, { label: "恢复之前的内容", run: () => restore(0) });
}

/**
 * The saved work could not be kept in the history (larger than it may hold): the new content is
 * shown but not saved until the user chooses, so the saved work is never lost without a word.
 */
function holdReplacement(what) {
  autosave.held = true;
  showNotice(noticeBox, `${what}您之前保存的内容太大，无法另存一份，所以新内容暂未保存，以免覆盖之前的内容。`, [
    { label: "保存新内容（替换之前的内容）", run: () => { autosave.resume(scenario); } },
    { label: "回到之前的内容", run: () => loadStored() },
    { label: "导出之前的内容", run: () => exportText(autosave.read(KEY) || "", `之前的内容-${fileName(scenario)}`) },
  ], { dismiss: false });
}

/** Show what is saved in this browser now (another tab's work, or the work before a replacement). */
function loadStored() {
  const text = autosave.adopt();
  const read = readStored(text);
  if (read.scenario) useScenario(read.scenario, { save: false });
  showHistory();
}

/** A saved or kept text as a scenario for the form: {scenario, repaired} or {error}. */
function readStored(text) {
  if (!text) return { error: message("input_nothing_saved") };
  const value = parsedObject(text);
  return value.error ? { error: refusal(value.error, FROM_SAVED) } : usableScenario(value.scenario, FROM_SAVED);
}

/** Restore entry `index` of the history; what is shown now takes its place there. */
function restore(index) {
  const entry = autosave.history()[index];
  if (!entry) return;
  const read = readStored(entry.text);
  if (read.error) {
    showNotice(noticeBox, `这一份内容无法恢复：${read.error}可以用“导出”把它保存为文件。`);
    return;
  }
  autosave.take(index);
  const current = scenarioText();
  if (current && hasContent(scenario) && !autosave.keep(current, "恢复其他内容之前", scenario)) {
    autosave.keep(entry.text, entry.reason); // put back: nothing changes
    showNotice(noticeBox, "当前的内容太大，无法另存一份，所以没有恢复。请先用“导出文件”保存当前的内容。");
    showHistory();
    return;
  }
  held = false;
  autosave.held = false;
  autosave.known = autosave.read(KEY);
  useScenario(read.scenario);
  showHistory();
  showNotice(noticeBox, `已恢复 ${historyPanel ? historyPanel.line(entry) : "之前的内容"}。${repairedText(read.repaired)}刚才的内容已存入“之前的内容”。`);
}

/** “清空并重新开始”: the current work goes to the history, the form starts empty. */
function startOver() {
  const current = scenarioText();
  if (current && hasContent(scenario) && !autosave.keep(current, "清空之前", scenario)) {
    showNotice(noticeBox, "当前的内容太大，无法另存到“之前的内容”中，清空后将无法恢复。请先用“导出文件”保存。", {
      label: "仍然清空", run: () => startEmpty(),
    });
    return;
  }
  startEmpty();
  showNotice(noticeBox, hasContent(JSON.parse(current || "{}")) ? "已清空。刚才的内容已存入“之前的内容”，可以随时恢复。" : "已清空。");
}

function startEmpty() {
  const policy = typeof scenario.policy === "string" && canonical(scenario.policy) ? scenario.policy : data.policies[0]?.id || "";
  held = false;
  blocked = false;
  rawText = null;
  autosave.held = false;
  autosave.known = autosave.read(KEY);
  autosave.calculated();
  useScenario({ version: 1, policy, activities: [] });
  showHistory();
}

/** “删除本浏览器中保存的全部内容” (docs/privacy.md): the scenario, the history, the guard, the last result. */
function forgetEverything() {
  showNotice(noticeBox, "将删除本计算器保存在此浏览器中的全部内容（当前内容和“之前的内容”），删除后无法恢复。", [
    { label: "确认删除", run: () => {
      autosave.forgetAll();
      lastResult.forget();
      startEmpty();
      autosave.forgetAll(); // the empty form was saved by startEmpty: nothing stays
      showNotice(noticeBox, "已删除本计算器在此浏览器中保存的全部内容。");
    } },
  ]);
}

/** Another tab saved other work (the `storage` event, or found before a save). */
function anotherTabSaved() {
  showNotice(noticeBox, "您在另一个标签页（或窗口）中也打开了计算器，并保存了不同的内容。为免互相覆盖，本页的修改暂停自动保存。请选择：", [
    { label: "载入另一页的内容", run: () => {
      const mine = scenarioText();
      if (mine && hasContent(scenario)) autosave.keep(mine, "载入另一标签页的内容之前", scenario);
      loadStored();
    } },
    { label: "保留本页的内容", run: () => {
      const theirs = autosave.read(KEY);
      if (theirs) autosave.keep(theirs, "被另一标签页的内容替换之前");
      autosave.resume(scenario);
      showHistory();
    } },
  ], { dismiss: false });
}

function watchOtherTabs() {
  window.addEventListener("storage", (event) => {
    if (event.key === HISTORY) showHistory();
    if ((event.key === KEY || event.key === null) && !autosave.held && autosave.changedElsewhere()) {
      autosave.held = true;
      anotherTabSaved();
    }
  });
}

async function importFile(input) {
  const message = $("file-message");
  const file = input.files && input.files[0];
  input.value = "";
  if (!file) return;
  const read = await readScenarioFile(file, data.policies);
  if (read.error) {
    message.textContent = read.error;
    message.hidden = false;
    return;
  }
  message.hidden = true;
  message.textContent = "";
  const hadSaved = !!autosave.read(KEY) && hasContent(readStored(autosave.read(KEY)).scenario);
  const kept = autosave.changedElsewhere() || autosave.keepSaved("导入文件之前");
  const count = Array.isArray(read.scenario.activities) ? read.scenario.activities.length : 0;
  const what = `已导入“${file.name}”（${count} 项）。${repairedText(read.repaired)}有问题的条目会在下方逐条提示，其余照常计算。`;
  held = false;
  useScenario(read.scenario, { save: kept });
  showHistory();
  if (kept) offerPrevious(what, hadSaved);
  else holdReplacement(what);
}

function wireForm() {
  policySelect.addEventListener("change", () => {
    scenario.policy = policySelect.value;
    describePolicy();
    grid.render(catalogue());
    activities.show(activities.activities, catalogue());
    renderTarget($("target-fields"), scenario, catalogue(), changed, defaultYear);
    renderPerson($("person-fields"), scenario, catalogue(), changed, $("person"));
    changed();
  });
  const add = $("add-activity");
  add.addEventListener("click", () => activities.add());
  add.disabled = false;
  $("add-year").addEventListener("click", () => grid.addRow());
  $("add-year").disabled = false;
  selectPrefilledOnFocus($("calc-form"));
  selectPrefilledOnFocus($("report"));
  $("add-requirement").addEventListener("click", () => addRequirement($("requirement-list"), scenario, $("requirements"), changed, defaultYear));
  wireSharePanel({
    button: $("make-share"), panel: $("share-panel"), input: $("share-url"), copy: $("copy-share"), qrBox: $("share-qr"),
    longBox: $("share-long"), scenario: () => scenario, exportFile: () => exportScenario(scenario),
  });
  $("start-over").addEventListener("click", startOver);
  $("forget-all").addEventListener("click", forgetEverything);
  $("export-file").addEventListener("click", () => exportScenario(scenario));
  $("import-file").addEventListener("change", (event) => importFile(event.target));
  $("print-button").addEventListener("click", () => window.print());
  new Comparison($("compare-result"), $("compare"), {
    engine: () => engine,
    scenario: () => scenario,
    policies: () => data.policies.filter((p) => !p.alias_of),
    nameOf: (index) => activityName(scenario, index, kindName, (activity) => grid.place(activity)),
    after: () => recompute(),
  });
  for (const id of ["export-file", "make-share", "print-button", "start-over"]) $(id).disabled = false;
  $("import-file").disabled = false;
  $("calc-form").addEventListener("submit", (event) => event.preventDefault());
}

/**
 * A number field that already holds a value (a year filled in for the person, 2026) is selected
 * when it takes the focus, so typing replaces it: “2025” typed into “2026” is 2025, not 20262025.
 * The mouseup that follows a click would put the caret back: it is stopped once.
 */
function selectPrefilledOnFocus(root) {
  root.addEventListener("focusin", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.inputMode || !input.value) return;
    input.setSelectionRange(0, input.value.length);
    input.addEventListener("mouseup", (e) => e.preventDefault(), { once: true });
  });
}

// ---- start ----------------------------------------------------------------------------------

/** A share link's scenario: {scenario, repaired} to use, {rawText} for calc to judge, or {error}. */
async function readShareLink(share) {
  const decoded = await decodeShare(share);
  if (decoded.error) return { error: decoded.error };
  const value = parsedObject(decoded.text);
  if (value.error) return { rawText: decoded.text }; // not a JSON object: calc answers with its own error report
  return usableScenario(value.scenario, FROM_LINK);
}

/** What is saved in this browser, checked: a scenario to show, or a notice why not. */
function readSaved() {
  const text = autosave.loadText();
  if (!text) return { saved: null, text };
  const read = readStored(text);
  if (read.scenario) return { saved: read.scenario, text, repaired: read.repaired };
  // Saved by an earlier version of the page, or damaged: kept in the history, never shown.
  const kept = autosave.keep(text, "无法使用的保存内容");
  return { saved: null, text, unusable: read.error, kept };
}

async function choose(address) {
  const { saved, text: savedText, repaired, unusable, kept } = readSaved();
  if (unusable) {
    if (!kept) autosave.held = true; // not overwritten until the user chooses
    showNotice(noticeBox, `之前保存在本浏览器中的内容无法使用：${unusable}`
      + (kept ? "它已存入下方“之前的内容”，本页从空白开始。" : "它太大，无法另存一份；为免丢失，本页暂不保存新的修改。"), kept ? null : [
      { label: "导出之前保存的内容", run: () => exportText(savedText, `之前的内容-${fileName({})}`) },
      { label: "清空并重新开始", run: () => startEmpty() },
    ], { dismiss: kept });
  } else if (repaired && repaired.length) {
    showNotice(noticeBox, `您之前保存的内容有几处格式不对，${repairedText(repaired)}`);
  }
  if (address.share !== null) {
    // The link has been read: take it out of the address bar, so a reload shows the saved work
    // (with any edits) rather than the link's content again.
    history.replaceState(null, "", location.pathname + location.search);
    const link = await readShareLink(address.share);
    if (link.scenario) {
      const hadSaved = hasContent(saved);
      const keptSaved = autosave.keepSaved("打开分享链接之前");
      scenario = link.scenario;
      const what = `已打开分享链接中的内容。${repairedText(link.repaired)}`;
      if (keptSaved) {
        autosave.save(scenario);
        if (hadSaved || link.repaired.length) offerPrevious(what, hadSaved);
      } else {
        holdReplacement(what);
      }
      return;
    }
    if (saved) scenario = saved; // nothing is lost: the form shows the saved work
    if (link.error) {
      blocked = true;
      showError(`${link.error}${saved ? "下方是您之前保存的内容。" : ""}`);
    } else {
      rawText = link.rawText;
    }
    return;
  }
  if (saved) {
    scenario = saved;
    if (autosave.failedBefore(savedText)) {
      // The start-up guard: the last calculation of exactly this scenario never answered.
      held = true;
      showError("上次打开本页时，保存的内容没有算完（页面出错或被关闭）。为免再次出错，这次没有自动计算。");
      showNotice(noticeBox, "上次打开本页时，保存的内容没有算完。您可以继续计算，或者清空并重新开始（当前内容会存入“之前的内容”）。", [
        { label: "继续计算", run: () => { held = false; recompute(); } },
        { label: "清空并重新开始", run: () => startOver() },
      ], { dismiss: false });
      return;
    }
    const wanted = address.policy;
    if (wanted && canonical(wanted) && canonical(wanted) !== canonical(saved.policy)) {
      showNotice(noticeBox, `已恢复您上次填写的内容（按${policyName(saved.policy)}规定计算）。链接指定的是${policyName(wanted)}。`, {
        label: `改按${policyName(wanted)}计算`,
        run: () => {
          policySelect.value = wanted;
          policySelect.dispatchEvent(new Event("change"));
        },
      });
    }
    return;
  }
  scenario.policy = address.policy || data.policies[0]?.id || "";
}

async function start() {
  // The worker starts first: Python boots while the form is built. (Engine reports anything
  // that stops it through engineState, never by throwing.)
  engine = new Engine(new URL(root.dataset.worker, location.href).href, engineState);
  try {
    const response = await fetch(root.dataset.catalogue);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = await response.json();
    lastResult.rules = data.rules_hash || null;
  } catch (err) {
    showError(`地区和规则目录无法载入：${err.message}`);
    return;
  }
  useLimits(data.limits);
  useVocabulary(data.vocabulary);
  autosave.migrateOldCopy();
  historyPanel = new HistoryPanel({
    list: $("history-list"), count: $("history-count"), hint: $("history-hint"), autosave,
    policyName,
    onRestore: restore,
    onExport: (entry) => exportText(entry.text, `之前的内容-${fileName({ policy: entry.policy })}`),
  });
  watchOtherTabs();
  // In short tasks (issue 5: the form usable within 0.5 s, no main-thread task over 50 ms): the
  // region and the add button first, the calculation requested at once, then the cards a few at
  // a time, then the closed sections.
  await choose(readAddress(location));
  if (!held && !blocked && result.dataset.status === "loading") showSavedResult();
  showHistory();
  fillPolicySelect();
  const drawn = showActivities({ now: 0 });
  wireForm();
  recompute();
  await drawn;
  await nextTask();
  renderTarget($("target-fields"), scenario, catalogue(), changed, defaultYear);
  await nextTask();
  renderPerson($("person-fields"), scenario, catalogue(), changed, $("person"));
  renderRequirements($("requirement-list"), scenario, $("requirements"), changed);
}

// A share link opened while the calculator is already open changes only the fragment: start over
// with it (the work so far is saved, and kept in the history, “之前的内容”).
window.addEventListener("hashchange", () => {
  if (readAddress(location).share !== null) location.reload();
});

loadThemeOnDemand();
hideNotice(noticeBox);
start();
