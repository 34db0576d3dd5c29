// What the page says when the calculation program (Python in the worker) cannot start or stops:
// what happened, in plain words, and what the person can do. engine.js gives the reason; #result
// carries it in data-error (a stable id the tests read), the headline goes into #result-error and
// the advice, the retry button and the links into #engine-help. All text is set as text.
import { el } from "./dom.js";

// reason -> [what happened, advice in order]
export const FAILURES = {
  no_worker: ["这个浏览器不能在后台运行计算程序（不支持模块化的 Web Worker），通常是因为浏览器版本太旧。", ["other_browser", "wechat"]],
  no_wasm: ["这个浏览器关闭了计算程序需要的 WebAssembly 功能，无法在本机计算。", ["lockdown", "other_browser", "wechat"]],
  old_browser: ["这个浏览器版本太旧，缺少计算程序需要的功能。", ["update", "other_browser", "wechat"]],
  download: ["计算程序的文件没能下载下来：网络中断了，或网站暂时没有响应。", ["network"]],
  stalled: ["计算程序的文件下载停住了（30 秒没有进展），网络可能已经断开或很不稳定。", ["network"]],
  crashed: ["计算程序意外停止了。", ["retry", "memory"]],
  memory: ["计算程序内存不足，已经停止。", ["memory", "retry"]],
  start: ["计算程序没能启动。", ["retry", "other_browser"]],
};

const ADVICE = {
  retry: "点下面的“重新启动计算程序”再试一次。",
  network: "请检查网络连接（可以先打开别的网页试试），然后点下面的“重新启动计算程序”。",
  other_browser: "请用手机或电脑自带的浏览器，或其他较新的浏览器打开本页（见“浏览器支持”）。",
  wechat: "在微信里打开时：点右上角的“…”，选“在浏览器打开”。",
  lockdown: "iPhone、iPad 开启了“锁定模式”时会这样：在 Safari 中打开本站，点地址栏旁的“页面设置”按钮，选“网站设置”，关闭“锁定模式”，再刷新本页；也可以在“设置”→“隐私与安全性”→“锁定模式”中关闭锁定模式。",
  update: "请把浏览器更新到最新版本（iPhone、iPad 请更新 iOS/iPadOS），或换用其他浏览器。",
  memory: "如果反复出现，可能是手机内存不够：请关掉其他应用和网页后再试，或改用电脑。",
};

// Worth a retry: the same browser may well succeed the next time.
const RETRY = new Set(["download", "stalled", "crashed", "memory", "start"]);

export const EVALUATION_FAILED = "这份内容无法计算：计算程序内部出错。您填写的内容已保存；请检查最近的修改，或导出文件后反馈给我们。";

/** The headline for #result-error. */
export function failureHeadline(reason) {
  return `无法计算：${(FAILURES[reason] || FAILURES.start)[0]}`;
}

/**
 * Fill #engine-help for a failure.
 * @param {HTMLElement} box
 * @param {{reason: string, saved: boolean, worksheet: {href: string, name: string}|null,
 *          browsers: string, onRetry: () => void}} options
 */
export function showEngineHelp(box, { reason, saved, worksheet, browsers, onRetry }) {
  const advice = (FAILURES[reason] || FAILURES.start)[1];
  const list = el("ul", { class: "calc-engine-advice" });
  for (const key of advice) list.append(el("li", {}, ADVICE[key]));
  const keep = saved
    ? "您填写的内容都还在，并已保存在本浏览器中，刷新或稍后再打开都不会丢失。"
    : "您填写的内容还在页面上，但本浏览器不允许保存：请先用“导出文件”保存。";
  const children = [el("p", {}, keep), list];
  const actions = el("p", { class: "calc-actions" });
  if (RETRY.has(reason)) {
    const retry = el("button", { type: "button", class: "md-button md-button--primary", id: "engine-retry" }, "重新启动计算程序");
    retry.addEventListener("click", onRetry);
    actions.append(retry);
  }
  actions.append(el("a", { class: "md-button", href: browsers }, "浏览器支持"));
  children.push(actions);
  if (worksheet) {
    const link = el("a", { href: worksheet.href, id: "engine-worksheet" }, `${worksheet.name}手算表`);
    children.push(el("p", {}, "不用计算程序也能算：打开", link, "，打印后按表逐项填写，就能算出每年的学时是否达到要求。"));
  }
  box.replaceChildren(...children);
  box.hidden = false;
}

export function hideEngineHelp(box) {
  box.hidden = true;
  box.replaceChildren();
}
