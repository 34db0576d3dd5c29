// The calculator page: builds the form from calculator/catalogue.json (written at build time by
// CPython's calc), keeps one scenario object that every edit changes, and has it evaluated by
// calc in Pyodide (worker.js) after every change. #result carries the report (data-report) and
// the state (data-status: loading, ready, error). All text is set as text, never as HTML.
import { ActivityList } from "./activities.js";
import { el } from "./dom.js";
import { Engine } from "./engine.js";
import { isUnusable, renderReport } from "./report.js";
import { addRequirement, renderPerson, renderRequirements, renderTarget } from "./sections.js";
import { decodeScenarioText, readAddress, shareUrl } from "./share.js";

const $ = (id) => document.getElementById(id);
const root = $("calculator");
const result = $("result");
const errorBox = $("result-error");
const engineStatus = $("engine-status");
const policySelect = $("policy");

let data = { policies: [], catalogues: {} };
let scenario = { version: 1, policy: "", activities: [] };
let rawText = null; // a share link's text that is not a JSON object: evaluated as it is, once
let blocked = false; // a share link that could not be read: nothing to evaluate until an edit
let engine = null;

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

function catalogue() {
  const id = canonical(scenario.policy);
  return id ? data.catalogues[id] || null : null;
}

function kindName(kindId) {
  const kind = (catalogue()?.kinds || []).find((k) => k.id === kindId);
  return kind ? kind.name : kindId ? `未知类型“${kindId}”` : "未选类型";
}

// ---- status and report ----------------------------------------------------------------------

function showError(message) {
  result.dataset.status = "error";
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function showReport(reportText) {
  let report;
  try {
    report = JSON.parse(reportText);
  } catch {
    showError("计算结果无法读取。");
    return;
  }
  result.dataset.report = reportText;
  renderReport($("report"), report, scenario, kindName);
  activities.showErrors(report.errors);
  activities.showCredits(report);
  if (isUnusable(report)) {
    const first = (report.errors || [])[0];
    showError(`无法计算：${first ? first.message : "输入无法使用"}`);
  } else {
    errorBox.hidden = true;
    errorBox.textContent = "";
    result.dataset.status = "ready";
  }
}

let queued = false;
function changed() {
  rawText = null;
  blocked = false;
  if (Array.isArray(activities.activities) && scenario.activities !== activities.activities) {
    scenario.activities = activities.activities;
  }
  if (queued) return;
  queued = true;
  setTimeout(() => {
    queued = false;
    recompute();
  }, 0);
}

function recompute() {
  if (blocked || !engine) return;
  const text = rawText !== null ? rawText : JSON.stringify(scenario);
  engine.evaluate(text).then((reportText) => {
    if (reportText !== null) showReport(reportText);
  }, (err) => showError(err.message));
}

function engineState(state, message) {
  if (state === "ready") {
    engineStatus.textContent = "计算在您的浏览器中进行，填写的内容不会发送到任何服务器。";
  } else {
    engineStatus.textContent = "";
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
  const listArray = Array.isArray(scenario.activities) ? scenario.activities : [];
  activities.show(listArray, catalogue());
  renderTarget($("target-fields"), scenario, catalogue(), $("target"), changed, defaultYear);
  renderPerson($("person-fields"), scenario, changed);
  renderRequirements($("requirement-list"), scenario, $("requirements"), changed);
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
  $("make-share").addEventListener("click", () => {
    const input = $("share-url");
    input.value = shareUrl(location, scenario);
    input.parentElement.hidden = false;
    input.focus();
    input.select();
    if (navigator.clipboard) navigator.clipboard.writeText(input.value).catch(() => {});
  });
  $("calc-form").addEventListener("submit", (event) => event.preventDefault());
}

// ---- start ----------------------------------------------------------------------------------

function readShareLink(share) {
  const decoded = decodeScenarioText(share);
  if (decoded.error) {
    blocked = true;
    showError(decoded.error);
    return;
  }
  let value;
  try {
    value = JSON.parse(decoded.text);
  } catch {
    rawText = decoded.text; // calc answers with its own error report
    return;
  }
  if (value && typeof value === "object" && !Array.isArray(value)) scenario = value;
  else rawText = decoded.text;
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
  const address = readAddress(location);
  const fresh = scenario;
  if (address.share !== null) readShareLink(address.share);
  if (scenario === fresh) scenario.policy = address.policy || data.policies[0]?.id || "";
  fillPolicySelect();
  renderSections();
  wireForm();
  recompute();
}

start();
