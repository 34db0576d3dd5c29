// The calculation program's lifecycle, as the page shows it: the worker is made first at start
// (engine.js), its start is shown while it lasts (progress.js), “对比各地区” waits until it is
// ready, and when it cannot start or stops, #result says why (data-error, engine-failure.js) with
// the advice and the region's printable worksheet, and “重新启动计算程序” starts a new one and asks
// for the calculation again. State: page.engine, pendingText (state.js).
import { recompute } from "./calculation.js";
import { byId } from "./dom.js";
import { Engine } from "./engine.js";
import { failureHeadline, hideEngineHelp, showEngineHelp } from "./engine-failure.js";
import { askRegion, waitingForRegion } from "./region-choice.js";
import { worksheetFor } from "./regions.js";
import { page } from "./state.js";
import { showError, showRestarting } from "./status.js";

/** Start the worker (Python boots while the form is built). Engine reports anything that stops
 * it through engineState, never by throwing. */
export function startEngine(root) {
  page.engine = new Engine(new URL(root.dataset.worker, location.href).href, engineState);
}

function engineState(state, info = {}) {
  const { autosave, progress } = page.parts;
  if (state === "ready" && page.pendingText !== null) autosave.calculating(page.pendingText);
  if (state === "progress") {
    progress.update(info);
  } else if (state === "ready") {
    progress.done("计算在您的浏览器中进行，填写的内容不会发送到任何服务器。");
    byId("compare").disabled = false;
  } else if (state === "failed") {
    progress.done("");
    byId("compare").disabled = true;
    showError(failureHeadline(info.reason));
    byId("result").dataset.error = info.reason;
    showFailureHelp();
  }
}

/** The advice under a failure; drawn again when the region is known or changes (its worksheet). */
export function showFailureHelp() {
  const reason = byId("result").dataset.error;
  if (!reason) return;
  const root = byId("calculator");
  showEngineHelp(byId("engine-help"), {
    reason,
    saved: page.parts.autosave.store !== null,
    worksheet: worksheetFor(page.scenario.policy, root.dataset.regions),
    browsers: root.dataset.browsers,
    onRetry: restartEngine,
  });
}

function restartEngine() {
  hideEngineHelp(byId("engine-help"));
  showRestarting();
  page.parts.progress.restart();
  page.engine.restart();
  if (waitingForRegion()) askRegion(); // nothing to compute yet: back to asking for the region
  else recompute();
}
