// A visible notice with an optional action button (e.g. “恢复之前的内容”), replacing any earlier one.
import { clear, el } from "./dom.js";

export function showNotice(box, text, action = null) {
  clear(box);
  box.append(el("span", {}, text));
  if (action) {
    box.append(" ", el("button", {
      type: "button", class: "calc-link-button",
      on: { click: () => { hideNotice(box); action.run(); } },
    }, action.label));
  }
  box.append(" ", el("button", { type: "button", class: "calc-link-button", "aria-label": "关闭提示", on: { click: () => hideNotice(box) } }, "知道了"));
  box.hidden = false;
}

export function hideNotice(box) {
  clear(box);
  box.hidden = true;
}
