// “之前的内容”: the history of earlier states kept in this browser (storage.js), each with its date
// and a one-line summary (region, number of items, what replaced it), to restore or export at any
// time — also after a reload, and whatever the current scenario is.
import { clear, el } from "./dom.js";
import { limits } from "./limits.js";

function when(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return "日期不详";
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export class HistoryPanel {
  /**
   * @param {{list: Element, count: Element, autosave: import("./storage.js").Autosave,
   *   policyName: (id: string|null) => string, onRestore: (index: number) => void,
   *   onExport: (entry: object) => void}} options
   */
  constructor({ list, count, hint, autosave, policyName, onRestore, onExport }) {
    Object.assign(this, { list, count, autosave, policyName, onRestore, onExport });
    hint.textContent = `打开分享链接、导入文件、恢复或清空时，被替换的内容保存在这里，可以随时恢复或导出：`
      + `只在本浏览器中，最近 ${limits().HISTORY_STATES} 份，合计不超过 ${limits().HISTORY_CHARS / 10_000} 万字（更早的自动删除）。`;
  }

  /** One line: when, region, items, and what replaced it. */
  line(entry) {
    const region = entry.policy ? this.policyName(entry.policy) : "未选地区";
    return `${when(entry.at)} · ${region} · ${Number(entry.count) || 0} 项 · ${entry.reason || ""}`;
  }

  render() {
    const entries = this.autosave.history();
    this.count.textContent = String(entries.length);
    clear(this.list);
    if (!entries.length) {
      this.list.append(el("li", { class: "calc-hint" }, "暂无。打开分享链接、导入文件、恢复或清空时，被替换的内容会保存在这里。"));
      return;
    }
    entries.forEach((entry, index) => {
      const line = this.line(entry);
      this.list.append(el("li", { class: "calc-history-entry" },
        el("span", { class: "calc-history-line" }, line),
        el("span", { class: "calc-history-actions" },
          el("button", { type: "button", class: "calc-link-button", "aria-label": `恢复：${line}`, on: { click: () => this.onRestore(index) } }, "恢复"),
          el("button", { type: "button", class: "calc-link-button", "aria-label": `导出：${line}`, on: { click: () => this.onExport(entry) } }, "导出"))));
    });
  }
}
