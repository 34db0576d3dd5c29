// Keeping the user's work: nothing the user entered is lost. A share link, an import, a restore,
// “清空并重新开始” or a choice between two tabs first keeps what it replaces in the history
// (“之前的内容”, storage.js, drawn by history-panel.js); when that cannot be kept, the replacement
// is not saved until the user chooses. Another tab's newer work is never overwritten without
// asking. Owns the notices that say so (#notice) and #file-message. State: page.scenario, held,
// blocked, rawText (state.js); the stored texts are storage.js's.
import { byId } from "./dom.js";
import {
  FROM_SAVED, exportText, fileName, hasContent, parsedObject, readScenarioFile, refusal, scenarioText, usableScenario,
} from "./files.js";
import { useScenario } from "./form.js";
import { hideNotice, showNotice } from "./notice.js";
import { page } from "./state.js";
import { HISTORY, KEY } from "./storage.js";
import { waitingForRegion } from "./region-choice.js";
import { knownPolicyOr } from "./regions.js";
import { message } from "./vocabulary.js";

const notice = (...args) => showNotice(byId("notice"), ...args);

export function repairedText(repaired) {
  return repaired && repaired.length ? `已修正：${repaired.join("；")}。` : "";
}

export function showHistory() {
  page.parts.history?.render();
}

/** A saved or kept text as a scenario for the form: {scenario, repaired} or {error}. */
export function readStored(text) {
  if (!text) return { error: message("input_nothing_saved") };
  const value = parsedObject(text);
  return value.error ? { error: refusal(value.error, FROM_SAVED) } : usableScenario(value.scenario, FROM_SAVED);
}

/** After a share link or an import replaced the saved work: say so, with the way back. */
export function offerPrevious(text, hadSaved) {
  if (!hadSaved) {
    notice(text);
    return;
  }
  notice(`${text}您之前在本浏览器中保存的内容已存入下方“之前的内容”。`, { label: "恢复之前的内容", run: () => restore(0) });
}

/**
 * The saved work could not be kept in the history (larger than it may hold): the new content is
 * shown but not saved until the user chooses, so the saved work is never lost without a word.
 */
export function holdReplacement(what) {
  const { autosave } = page.parts;
  autosave.held = true;
  notice(`${what}您之前保存的内容太大，无法另存一份，所以新内容暂未保存，以免覆盖之前的内容。`, [
    { label: "保存新内容（替换之前的内容）", run: () => { autosave.resume(page.scenario); } },
    { label: "回到之前的内容", run: () => loadStored() },
    { label: "导出之前的内容", run: () => exportText(autosave.read(KEY) || "", `之前的内容-${fileName(page.scenario)}`) },
  ], { dismiss: false });
}

/** Show what is saved in this browser now (another tab's work, or the work before a replacement). */
function loadStored() {
  const read = readStored(page.parts.autosave.adopt());
  if (read.scenario) useScenario(read.scenario, { save: false });
  showHistory();
}

/** Restore entry `index` of the history; what is shown now takes its place there. */
export function restore(index) {
  const { autosave, history } = page.parts;
  const entry = autosave.history()[index];
  if (!entry) return;
  const read = readStored(entry.text);
  if (read.error) {
    notice(`这一份内容无法恢复：${read.error}可以用“导出”把它保存为文件。`);
    return;
  }
  autosave.take(index);
  const current = scenarioText(page.scenario);
  if (current && hasContent(page.scenario) && !autosave.keep(current, "恢复其他内容之前", page.scenario)) {
    autosave.keep(entry.text, entry.reason); // put back: nothing changes
    notice("当前的内容太大，无法另存一份，所以没有恢复。请先用“导出文件”保存当前的内容。");
    showHistory();
    return;
  }
  page.held = false;
  autosave.held = false;
  autosave.known = autosave.read(KEY);
  useScenario(read.scenario);
  showHistory();
  notice(`已恢复 ${history ? history.line(entry) : "之前的内容"}。${repairedText(read.repaired)}刚才的内容已存入“之前的内容”。`);
}

/** “清空并重新开始”: the current work goes to the history, the form starts empty. */
export function startOver() {
  const current = scenarioText(page.scenario);
  if (current && hasContent(page.scenario) && !page.parts.autosave.keep(current, "清空之前", page.scenario)) {
    notice("当前的内容太大，无法另存到“之前的内容”中，清空后将无法恢复。请先用“导出文件”保存。", {
      label: "仍然清空", run: () => startEmpty(),
    });
    return;
  }
  startEmpty();
  notice(hasContent(JSON.parse(current || "{}")) ? "已清空。刚才的内容已存入“之前的内容”，可以随时恢复。" : "已清空。");
}

export function startEmpty() {
  const { autosave } = page.parts;
  const policy = waitingForRegion() ? "" : knownPolicyOr(); // still no region: still asked first
  page.held = false;
  page.blocked = false;
  page.rawText = null;
  autosave.held = false;
  autosave.known = autosave.read(KEY);
  autosave.calculated();
  useScenario({ version: 1, policy, activities: [] });
  showHistory();
}

/** “删除本浏览器中保存的全部内容” (docs/privacy.md): the scenario, the history, the guard, the last result. */
export function forgetEverything() {
  const { autosave, lastResult } = page.parts;
  notice("将删除本计算器保存在此浏览器中的全部内容（当前内容和“之前的内容”），删除后无法恢复。", [
    { label: "确认删除", run: () => {
      autosave.forgetAll();
      lastResult.forget();
      startEmpty();
      autosave.forgetAll(); // the empty form was saved by startEmpty: nothing stays
      notice("已删除本计算器在此浏览器中保存的全部内容。");
    } },
  ]);
}

/** Another tab saved other work (the `storage` event, or found before a save). */
export function anotherTabSaved() {
  const { autosave } = page.parts;
  notice("您在另一个标签页（或窗口）中也打开了计算器，并保存了不同的内容。为免互相覆盖，本页的修改暂停自动保存。请选择：", [
    { label: "载入另一页的内容", run: () => {
      const mine = scenarioText(page.scenario);
      if (mine && hasContent(page.scenario)) autosave.keep(mine, "载入另一标签页的内容之前", page.scenario);
      loadStored();
    } },
    { label: "保留本页的内容", run: () => {
      const theirs = autosave.read(KEY);
      if (theirs) autosave.keep(theirs, "被另一标签页的内容替换之前");
      autosave.resume(page.scenario);
      showHistory();
    } },
  ], { dismiss: false });
}

export function watchOtherTabs() {
  const { autosave } = page.parts;
  window.addEventListener("storage", (event) => {
    if (event.key === HISTORY) showHistory();
    if ((event.key === KEY || event.key === null) && !autosave.held && autosave.changedElsewhere()) {
      autosave.held = true;
      anotherTabSaved();
    }
  });
}

export async function importFile(input) {
  const { autosave } = page.parts;
  const box = byId("file-message");
  const file = input.files && input.files[0];
  input.value = "";
  if (!file) return;
  const read = await readScenarioFile(file, page.catalogue.policies);
  if (read.error) {
    hideNotice(byId("notice")); // an earlier import's “已导入” would say the opposite of what happened
    box.textContent = read.error;
    box.hidden = false;
    return;
  }
  box.hidden = true;
  box.textContent = "";
  const hadSaved = !!autosave.read(KEY) && hasContent(readStored(autosave.read(KEY)).scenario);
  const kept = autosave.changedElsewhere() || autosave.keepSaved("导入文件之前");
  const count = Array.isArray(read.scenario.activities) ? read.scenario.activities.length : 0;
  const what = `已导入“${file.name}”（${count} 项）。${repairedText(read.repaired)}有问题的条目会在下方逐条提示，其余照常计算。`;
  page.held = false;
  useScenario(read.scenario, { save: kept });
  showHistory();
  if (kept) offerPrevious(what, hadSaved);
  else holdReplacement(what);
}
