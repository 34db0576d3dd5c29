// Keeping the user's work: nothing the user entered is lost. A share link, an import, a restore,
// “清空并重新开始” or a choice between two tabs first keeps what it replaces in the history
// (“之前的内容”, storage.js, drawn by history-panel.js); when that cannot be kept (too large, or
// only by deleting the user's own older work, which is never done for a link's or a file's
// content), nothing is lost yet: the notice says why and what would go, offers each for export
// first, and the replacement is not saved until the user chooses. What went to make room (a
// link's or a file's content, never edited here) is said. Another tab's newer work is never
// overwritten without asking. Owns the notices that say so (#notice) and #file-message. State:
// page.scenario, held, blocked, rawText (state.js); the stored texts are storage.js's.
import { byId } from "./dom.js";
import {
  FROM_SAVED, exportScenario, exportText, fileName, hasContent, parsedObject, readScenarioFile, refusal, scenarioText,
  usableScenario,
} from "./files.js";
import { useScenario } from "./form.js";
import { hideNotice, showNotice } from "./notice.js";
import { page } from "./state.js";
import { HISTORY, KEPT, KEY } from "./storage.js";
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

/** After a share link or an import replaced the saved work (kept: keep's answer): say so, with
 * the way back, and what went to make room. */
export function offerPrevious(text, hadSaved, kept = KEPT) {
  if (!hadSaved) {
    notice(`${text}${droppedText(kept)}`);
    return;
  }
  notice(`${text}您之前在本浏览器中保存的内容已存入下方“之前的内容”。${droppedText(kept)}`, { label: "恢复之前的内容", run: () => restore(0) });
}

/** Entries of the history as its panel lines them (history-panel.js). */
function entryLine(entry) {
  return page.parts.history ? page.parts.history.line(entry) : entry.reason;
}

/** What a keep dropped to make room (links' and files' content, never edited here), said. */
export function droppedText(kept) {
  const received = kept.dropped.filter((e) => e.origin === "received");
  if (!received.length) return "";
  return `为腾出空间，“之前的内容”中较早的 ${received.length} 份来自分享链接或文件、未改动过的内容已删除：${received.map((e) => `“${entryLine(e)}”`).join("、")}。`;
}

/** Why a text could not be kept in the history (keep's answer), to follow its subject. */
function whyNotKept(kept) {
  if (kept.tooLarge) return "太大，无法另存到“之前的内容”中";
  const lines = kept.mustGo.map((e) => `“${entryLine(e)}”`).join("、");
  if (kept.origin === "received") {
    return `来自分享链接或文件，未改动过；要把它存入“之前的内容”，就得删除您自己的内容 ${lines}，所以没有存入`;
  }
  return `要存入“之前的内容”，得先删除其中较早的 ${kept.mustGo.length} 份您自己的内容：${lines}`;
}

/**
 * Something about to be replaced (`subject`: 当前的内容 …) could not be kept in the history
 * (kept: keep's answer): nothing is replaced yet. Says why and what would go, offers it and each
 * entry that would go for export first (the notice stays), then the choices: `then(kept)` once
 * the older own work named is deleted (never offered for a link's or a file's content), `anyway`
 * without keeping it, and `more`.
 */
function notKept(kept, { before = "", subject, after, exportLabel, exportIt, dropLabel, then, anyway, more = [] }) {
  const { autosave } = page.parts;
  const dropOwn = kept.mustGo.length && kept.origin === "own" ? { label: dropLabel, run: () => {
    const forced = autosave.keep(kept.text, kept.reason, kept.scenario, { force: true, taking: kept.taking });
    showHistory();
    if (forced.kept) then(forced);
    else notice(`${subject}仍然无法存入“之前的内容”：${whyNotKept(forced)}。`);
  } } : null;
  const exports = kept.mustGo.map((entry) => ({
    label: `导出：${entryLine(entry)}`, stay: true,
    run: () => exportText(entry.text, `之前的内容-${fileName({ policy: entry.policy })}`),
  }));
  notice(`${before}${subject}${whyNotKept(kept)}${after}`, [
    { label: exportLabel, stay: true, run: exportIt }, ...exports, dropOwn, anyway, ...more,
  ].filter(Boolean), { dismiss: false });
}

/**
 * The saved work could not be kept in the history: the new content (`what` says what it is) is
 * shown but not saved until the user chooses, so the saved work is never lost without a word.
 */
export function holdReplacement(what, kept) {
  const { autosave } = page.parts;
  autosave.held = true;
  const saveNew = () => {
    autosave.resume(page.scenario);
    showHistory();
  };
  notKept(kept, {
    before: what, subject: "您之前保存的内容", after: "。为免丢失，新内容暂未保存，以免覆盖之前的内容。",
    exportLabel: "导出之前的内容", exportIt: () => exportText(autosave.read(KEY) || "", `之前的内容-${fileName(page.scenario)}`),
    dropLabel: "删除它们并保存新内容", then: saveNew,
    anyway: { label: "保存新内容（不保留之前的内容）", run: saveNew },
    more: [{ label: "回到之前的内容", run: () => loadStored() }],
  });
}

/** Show what is saved in this browser now (another tab's work, or the work before a replacement). */
function loadStored() {
  const read = readStored(page.parts.autosave.adopt());
  if (read.scenario) useScenario(read.scenario, { save: false });
  showHistory();
}

/** Restore entry `index` of the history; what is shown now takes its place there. */
export function restore(index) {
  const { autosave } = page.parts;
  const entry = autosave.history()[index];
  if (!entry) return;
  const read = readStored(entry.text);
  if (read.error) {
    notice(`这一份内容无法恢复：${read.error}可以用“导出”把它保存为文件。`);
    return;
  }
  const current = scenarioText(page.scenario);
  const mine = !!current && hasContent(page.scenario);
  const restored = (kept) => {
    page.held = false;
    autosave.held = false;
    autosave.known = autosave.read(KEY);
    if (entry.origin === "received") autosave.arrived(scenarioText(read.scenario)); // still unedited
    useScenario(read.scenario);
    showHistory();
    notice(`已恢复 ${entryLine(entry)}。${repairedText(read.repaired)}${mine ? "刚才的内容已存入“之前的内容”。" : ""}${droppedText(kept)}`);
  };
  if (!mine) {
    autosave.take(index);
    restored(KEPT);
    return;
  }
  const kept = autosave.keep(current, "恢复其他内容之前", page.scenario, { taking: index });
  if (kept.kept) {
    restored(kept);
    return;
  }
  notKept(kept, {
    subject: "当前的内容", after: "，所以没有恢复。请先用“导出文件”保存当前的内容。",
    exportLabel: "导出当前的内容", exportIt: () => exportScenario(page.scenario),
    dropLabel: "删除它们并恢复", then: restored, more: [{ label: "不恢复", run: () => {} }],
  });
}

/** “清空并重新开始”: the current work goes to the history, the form starts empty. */
export function startOver() {
  const current = scenarioText(page.scenario);
  if (!current || !hasContent(page.scenario)) {
    startEmpty();
    notice("已清空。");
    return;
  }
  const cleared = (kept) => {
    startEmpty();
    notice(`已清空。刚才的内容已存入“之前的内容”，可以随时恢复。${droppedText(kept)}`);
  };
  const kept = page.parts.autosave.keep(current, "清空之前", page.scenario);
  if (kept.kept) {
    cleared(kept);
    return;
  }
  notKept(kept, {
    subject: "当前的内容", after: "，清空后将无法恢复。请先用“导出文件”保存。",
    exportLabel: "导出当前的内容", exportIt: () => exportScenario(page.scenario),
    dropLabel: "删除它们并清空", then: cleared,
    anyway: { label: "仍然清空", run: () => startEmpty() }, more: [{ label: "不清空", run: () => {} }],
  });
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
      const kept = mine && hasContent(page.scenario) ? autosave.keep(mine, "载入另一标签页的内容之前", page.scenario) : KEPT;
      if (kept.kept) {
        loadStored();
        return;
      }
      notKept(kept, {
        subject: "本页的内容", after: "。载入另一页的内容之前，请先导出本页的内容。",
        exportLabel: "导出本页的内容", exportIt: () => exportScenario(page.scenario),
        dropLabel: "删除它们并载入另一页的内容", then: loadStored,
        anyway: { label: "仍然载入另一页的内容", run: loadStored }, more: [{ label: "先不选", run: anotherTabSaved }],
      });
    } },
    { label: "保留本页的内容", run: () => {
      const theirs = autosave.read(KEY);
      const keepMine = () => {
        autosave.resume(page.scenario);
        showHistory();
      };
      const kept = theirs ? autosave.keep(theirs, "被另一标签页的内容替换之前") : KEPT;
      if (kept.kept) {
        keepMine();
        return;
      }
      notKept(kept, {
        subject: "另一页的内容", after: "。保留本页的内容之前，请先导出另一页的内容。",
        exportLabel: "导出另一页的内容", exportIt: () => exportText(theirs, `另一页的内容-${fileName(page.scenario)}`),
        dropLabel: "删除它们并保留本页的内容", then: keepMine,
        anyway: { label: "仍然保留本页的内容", run: keepMine }, more: [{ label: "先不选", run: anotherTabSaved }],
      });
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
  // (another tab saved since: the save below stops and asks which to keep)
  const kept = autosave.changedElsewhere() ? KEPT : autosave.keepSaved("导入文件之前");
  const count = Array.isArray(read.scenario.activities) ? read.scenario.activities.length : 0;
  const what = `已导入“${file.name}”（${count} 项）。${repairedText(read.repaired)}有问题的条目会在下方逐条提示，其余照常计算。`;
  page.held = false;
  useScenario(read.scenario, { save: kept.kept });
  autosave.arrived(scenarioText(page.scenario)); // the file's content: received until edited
  showHistory();
  if (kept.kept) offerPrevious(what, hadSaved, kept);
  else holdReplacement(what, kept);
}
