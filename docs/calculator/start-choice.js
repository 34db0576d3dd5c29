// The start-up choice: what the form shows first. A share link's scenario (its text kept aside
// for calc when it is not a JSON object, refused when it cannot be used: the saved work is shown
// instead), else the work saved in this browser (moved to the history when it cannot be used; not
// calculated again when its last calculation never answered), else an empty form for ?policy=, or
// with no region yet (the region is asked first: region-choice.js). Whatever a link replaces goes to the history first (keep-work.js). State:
// page.scenario, rawText, blocked, held (state.js).
import { recompute } from "./calculation.js";
import { byId } from "./dom.js";
import { FROM_LINK, exportText, fileName, hasContent, parsedObject, scenarioText, usableScenario } from "./files.js";
import { holdReplacement, offerPrevious, readStored, repairedText, startEmpty, startOver } from "./keep-work.js";
import { showNotice } from "./notice.js";
import { canonical, policyName } from "./regions.js";
import { decodeShare } from "./share.js";
import { page } from "./state.js";
import { showError } from "./status.js";

const notice = (...args) => showNotice(byId("notice"), ...args);

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
  const { autosave } = page.parts;
  const text = autosave.loadText();
  if (!text) return { saved: null, text };
  const read = readStored(text);
  if (read.scenario) return { saved: read.scenario, text, repaired: read.repaired };
  // Saved by an earlier version of the page, or damaged: kept in the history, never shown.
  const kept = autosave.keep(text, "无法使用的保存内容").kept;
  return { saved: null, text, unusable: read.error, kept };
}

/** Choose what the form starts with, for the address (share.js readAddress: {share, policy}). */
export async function choose(address) {
  const { autosave } = page.parts;
  const { saved, text: savedText, repaired, unusable, kept } = readSaved();
  if (unusable) {
    if (!kept) autosave.held = true; // not overwritten until the user chooses
    notice(`之前保存在本浏览器中的内容无法使用：${unusable}`
      + (kept ? "它已存入下方“之前的内容”，本页从空白开始。" : "它太大，无法另存一份；为免丢失，本页暂不保存新的修改。"), kept ? null : [
      { label: "导出之前保存的内容", run: () => exportText(savedText, `之前的内容-${fileName({})}`) },
      { label: "清空并重新开始", run: () => startEmpty() },
    ], { dismiss: kept });
  } else if (repaired && repaired.length) {
    notice(`您之前保存的内容有几处格式不对，${repairedText(repaired)}`);
  }
  if (address.share !== null) {
    await chooseLink(address.share, saved);
    return;
  }
  if (saved) {
    page.scenario = saved;
    if (autosave.failedBefore(savedText)) holdAtStart();
    else offerLinkedRegion(address.policy, saved);
    return;
  }
  page.scenario.policy = address.policy || ""; // none: the region is asked first (region-choice.js)
}

async function chooseLink(share, saved) {
  const { autosave } = page.parts;
  // The link has been read: take it out of the address bar, so a reload shows the saved work
  // (with any edits) rather than the link's content again.
  history.replaceState(null, "", location.pathname + location.search);
  const link = await readShareLink(share);
  if (link.scenario) {
    const hadSaved = hasContent(saved);
    const keptSaved = autosave.keepSaved("打开分享链接之前");
    page.scenario = link.scenario;
    const what = `已打开分享链接中的内容。${repairedText(link.repaired)}`;
    if (keptSaved.kept) {
      autosave.save(page.scenario);
      if (hadSaved || link.repaired.length || keptSaved.dropped.length) offerPrevious(what, hadSaved, keptSaved);
    } else {
      holdReplacement(what, keptSaved);
    }
    autosave.arrived(scenarioText(page.scenario)); // the link's content: received until edited
    return;
  }
  if (saved) page.scenario = saved; // nothing is lost: the form shows the saved work
  if (link.error) {
    page.blocked = true;
    showError(`${link.error}${saved ? "下方是您之前保存的内容。" : ""}`);
  } else {
    page.rawText = link.rawText;
  }
}

/** The start-up guard: the last calculation of exactly this scenario never answered. */
function holdAtStart() {
  page.held = true;
  showError("上次打开本页时，保存的内容没有算完（页面出错或被关闭）。为免再次出错，这次没有自动计算。");
  notice("上次打开本页时，保存的内容没有算完。您可以继续计算，或者清空并重新开始（当前内容会存入“之前的内容”）。", [
    { label: "继续计算", run: () => { page.held = false; recompute(); } },
    { label: "清空并重新开始", run: () => startOver() },
  ], { dismiss: false });
}

/** ?policy= names another region than the saved work's: the saved work is shown, with the offer. */
function offerLinkedRegion(wanted, saved) {
  if (!wanted || !canonical(wanted) || canonical(wanted) === canonical(saved.policy)) return;
  notice(`已恢复您上次填写的内容（按${policyName(saved.policy)}规定计算）。链接指定的是${policyName(wanted)}。`, {
    label: `改按${policyName(wanted)}计算`,
    run: () => {
      const select = byId("policy");
      select.value = wanted;
      select.dispatchEvent(new Event("change"));
    },
  });
}
