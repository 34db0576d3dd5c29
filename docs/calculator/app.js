// The calculator page: builds the form from calculator/catalogue.json (written at build time by
// CPython's calc), keeps one scenario object that every edit changes, has it evaluated by calc in
// Pyodide (worker.js) after every change, and keeps it in this browser (storage.js). #result
// carries the report (data-report) and the state (data-status: loading, ready, error). All text
// is set as text, never as HTML.
import { ActivityList, creditsByActivity, nextTask } from "./activities.js";
import { Comparison } from "./compare.js";
import { el } from "./dom.js";
import { Engine } from "./engine.js";
import { exportScenario, readScenarioFile } from "./files.js";
import { hideNotice, showNotice } from "./notice.js";
import { renderPrintSummary } from "./print-summary.js";
import { StartProgress } from "./progress.js";
import { activityName, isUnusable, renderReport, summarySentence } from "./report.js";
import { addRequirement, renderPerson, renderRequirements, renderTarget } from "./sections.js";
import { decodeScenarioText, readAddress } from "./share.js";
import { wireSharePanel } from "./share-panel.js";
import { Autosave } from "./storage.js";
import { loadThemeOnDemand } from "./theme-on-demand.js";

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
let engine = null;
let lastReport = null;
let lastAnnounced = "";

const storageWarning = $("storage-warning");
const autosave = new Autosave((message) => {
  storageWarning.textContent = message || "";
  storageWarning.hidden = !message;
});
const progress = new StartProgress($("engine-status"), $("engine-text"));
const activities = new ActivityList($("activity-list"), { onChange: changed, defaultYear });

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
  return data.policies.find((p) => p.id === policyId)?.name || `未知地区“${policyId}”`;
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
  return kind ? kind.name : kindId ? `未知类型“${kindId}”` : "未选类型";
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

function showReport(reportText) {
  let report;
  try {
    report = JSON.parse(reportText);
  } catch {
    showError("计算结果无法读取。");
    return;
  }
  lastReport = report;
  result.dataset.report = reportText;
  renderReport($("report"), report, {
    scenario, kindName, kindOf,
    onEnterRequirement: enterRequirement,
    onAdd: (activity) => activities.addActivity(activity),
  });
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
  }
  const sentence = summarySentence(report);
  if (!isUnusable(report)) jumpText.textContent = sentence.replace(/^计算完成：/, "");
  if (sentence !== lastAnnounced) {
    lastAnnounced = sentence;
    $("announce").textContent = sentence;
  }
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
    report: lastReport, scenario, kindName, credited: creditsByActivity(lastReport),
    policyName: catalogue() ? policyName(scenario.policy) : String(scenario.policy ?? "—"),
  });
}
window.addEventListener("beforeprint", drawPrintSummary);

let queued = false;
function changed({ save = true } = {}) {
  rawText = null;
  blocked = false;
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
  if (blocked || !engine) return;
  let text = rawText;
  if (text === null) {
    try {
      text = JSON.stringify(scenario);
    } catch {
      showError("内容嵌套过深或无法处理，无法计算；请检查导入的文件。");
      return;
    }
  }
  engine.evaluate(text).then((reportText) => {
    if (reportText !== null) showReport(reportText);
  }, (err) => showError(err.message));
}

function engineState(state, message) {
  if (state === "ready") {
    progress.done("计算在您的浏览器中进行，填写的内容不会发送到任何服务器。");
    $("compare").disabled = false;
  } else {
    progress.done("");
    showError(message || "计算程序无法启动。");
  }
}

// ---- the form -------------------------------------------------------------------------------

function fillPolicySelect() {
  policySelect.replaceChildren();
  const names = Object.fromEntries(data.policies.map((p) => [p.id, p.name]));
  for (const p of data.policies) {
    const label = p.alias_of ? `${p.name}（按${names[p.alias_of] || p.alias_of}的规定）` : p.name;
    policySelect.append(el("option", { value: p.id }, label));
  }
  if (!canonical(scenario.policy)) {
    const shown = typeof scenario.policy === "string" ? scenario.policy : JSON.stringify(scenario.policy ?? null);
    policySelect.append(el("option", { value: shown }, `未知地区：${shown}`));
  }
  policySelect.value = typeof scenario.policy === "string" && canonical(scenario.policy) ? scenario.policy : policySelect.lastElementChild.value;
  policySelect.disabled = false;
  describePolicy();
}

function describePolicy() {
  const cat = catalogue();
  const hint = $("policy-hint");
  hint.textContent = cat
    ? `${cat.name}：共 ${(cat.kinds || []).length} 类学习和成果可以计入。`
    : "本站没有这个地区的规定，请从列表中选择一个地区。";
}

function renderSections() {
  showActivities();
  renderOtherSections();
}

function showActivities(options) {
  const listArray = Array.isArray(scenario.activities) ? scenario.activities : [];
  return activities.show(listArray, catalogue(), options);
}

function renderOtherSections() {
  renderTarget($("target-fields"), scenario, catalogue(), $("target"), changed, defaultYear);
  renderPerson($("person-fields"), scenario, changed);
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

function offerPrevious(text) {
  const previous = autosave.loadPrevious();
  if (!previous) {
    showNotice(noticeBox, text);
    return;
  }
  showNotice(noticeBox, `${text}您之前在本浏览器中保存的内容已另存一份。`, {
    label: "恢复之前的内容",
    run: () => {
      autosave.keepPrevious(); // so the restore itself can be undone the same way
      useScenario(previous);
    },
  });
}

async function importFile(input) {
  const message = $("file-message");
  const file = input.files && input.files[0];
  input.value = "";
  if (!file) return;
  const read = await readScenarioFile(file);
  if (read.error) {
    message.textContent = read.error;
    message.hidden = false;
    return;
  }
  message.hidden = true;
  message.textContent = "";
  autosave.keepPrevious();
  useScenario(read.scenario);
  const count = Array.isArray(read.scenario.activities) ? read.scenario.activities.length : 0;
  offerPrevious(`已导入“${file.name}”（${count} 项）。有问题的条目会在下方逐条提示，其余照常计算。`);
}

function wireForm() {
  policySelect.addEventListener("change", () => {
    scenario.policy = policySelect.value;
    describePolicy();
    activities.show(activities.activities, catalogue());
    renderTarget($("target-fields"), scenario, catalogue(), $("target"), changed, defaultYear);
    changed();
  });
  const add = $("add-activity");
  add.addEventListener("click", () => activities.add());
  add.disabled = false;
  $("add-requirement").addEventListener("click", () => addRequirement($("requirement-list"), scenario, $("requirements"), changed, defaultYear));
  wireSharePanel({
    button: $("make-share"), panel: $("share-panel"), input: $("share-url"), copy: $("copy-share"), qrBox: $("share-qr"),
    scenario: () => scenario,
  });
  $("export-file").addEventListener("click", () => exportScenario(scenario));
  $("import-file").addEventListener("change", (event) => importFile(event.target));
  $("print-button").addEventListener("click", () => window.print());
  new Comparison($("compare-result"), $("compare"), {
    engine: () => engine,
    scenario: () => scenario,
    policies: () => data.policies.filter((p) => !p.alias_of),
    nameOf: (index) => activityName(scenario, index, kindName),
    after: () => recompute(),
  });
  for (const id of ["export-file", "make-share", "print-button"]) $(id).disabled = false;
  $("import-file").disabled = false;
  $("calc-form").addEventListener("submit", (event) => event.preventDefault());
}

// ---- start ----------------------------------------------------------------------------------

/** A share link's scenario: {scenario} to use, {rawText} for calc to judge, or {error}. */
function readShareLink(share) {
  const decoded = decodeScenarioText(share);
  if (decoded.error) return { error: decoded.error };
  let value;
  try {
    value = JSON.parse(decoded.text);
  } catch {
    return { rawText: decoded.text }; // calc answers with its own error report
  }
  return isScenarioObject(value) ? { scenario: value } : { rawText: decoded.text };
}

function choose(address) {
  const saved = autosave.load();
  if (address.share !== null) {
    // The link has been read: take it out of the address bar, so a reload shows the saved work
    // (with any edits) rather than the link's content again.
    history.replaceState(null, "", location.pathname + location.search);
    const link = readShareLink(address.share);
    if (link.scenario) {
      if (saved) autosave.keepPrevious();
      scenario = link.scenario;
      autosave.save(scenario);
      if (saved) offerPrevious("已打开分享链接中的内容。");
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
  // The worker starts first: Python boots while the form is built.
  try {
    engine = new Engine(new URL(root.dataset.worker, location.href).href, engineState);
  } catch (err) {
    showError(`计算程序无法启动：${err.message}`);
  }
  try {
    const response = await fetch(root.dataset.catalogue);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = await response.json();
  } catch (err) {
    showError(`地区和规则目录无法载入：${err.message}`);
    return;
  }
  // In short tasks (issue 5: the form usable within 0.5 s, no main-thread task over 50 ms): the
  // region and the add button first, the calculation requested at once, then the cards a few at
  // a time, then the closed sections.
  choose(readAddress(location));
  fillPolicySelect();
  const drawn = showActivities({ now: 0 });
  wireForm();
  recompute();
  await drawn;
  await nextTask();
  renderTarget($("target-fields"), scenario, catalogue(), $("target"), changed, defaultYear);
  await nextTask();
  renderPerson($("person-fields"), scenario, changed);
  renderRequirements($("requirement-list"), scenario, $("requirements"), changed);
}

// A share link opened while the calculator is already open changes only the fragment: start over
// with it (the work so far is saved, and kept aside as “之前的内容”).
window.addEventListener("hashchange", () => {
  if (readAddress(location).share !== null) location.reload();
});

loadThemeOnDemand();
hideNotice(noticeBox);
start();
