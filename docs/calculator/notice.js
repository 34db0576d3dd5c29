// A visible notice with optional action buttons (e.g. “恢复之前的内容”), replacing any earlier one.
// `actions` is one {label, run} or a list of them; each button closes the notice and runs, but
// one marked `stay` (an export offered before a choice) leaves it open.
import { clear, el } from "./dom.js";

export function showNotice(box, text, actions = null, { dismiss = true } = {}) {
  clear(box);
  box.append(el("span", {}, text));
  for (const action of [actions].flat().filter(Boolean)) {
    box.append(" ", el("button", {
      type: "button", class: "calc-link-button",
      on: { click: () => { if (!action.stay) hideNotice(box); action.run(); } },
    }, action.label));
  }
  if (dismiss) {
    box.append(" ", el("button", { type: "button", class: "calc-link-button", "aria-label": "关闭提示", on: { click: () => hideNotice(box) } }, "知道了"));
  }
  box.hidden = false;
}

export function hideNotice(box) {
  clear(box);
  box.hidden = true;
}
