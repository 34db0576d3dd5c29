// The last result, kept in this browser: a returning visitor sees it at once (issue 14), clearly
// marked as the last saved result, while Python starts and computes the fresh one, which then
// replaces it. It is shown only for the very scenario it was computed from, under the very rule
// data, on the very day: the record is keyed by a hash of the scenario's text, of the rule data's
// content hash (catalogue.json's rules_hash, computed at build time) and of the date calc computed
// as of (engine.js: localDate), so an edited scenario, a site with new rules or a result computed
// on another day (which years can still take hours depends on it) never shows it. #result then has data-status="stale" (not "ready": that still means the
// fresh report, and data-report is left alone until it comes).
//
// One record in localStorage (next to the autosaved scenario, storage.js): {key, report, at}, for
// a scenario with content (docs/privacy.md lists it). Where storage is blocked or full, nothing is
// kept and nothing is shown; nor for a report longer than LAST_RESULT_CHARS (calc/limits.py: 500
// projects of 26 years give 7 MB, which storage cannot hold and which took tens of ms to try).
import { limits } from "./limits.js";

const KEY = "jxjy-calculator/last-result";

/** A 53-bit hash of a string (cyrb53): a key, not a secret. */
function hash(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function store() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class LastResult {
  /**
   * @param {HTMLElement} result  #result
   * @param {HTMLElement} before  the element the note goes before (#report)
   */
  constructor(result, before) {
    this.result = result;
    this.before = before;
    this.rules = null;
    this.note = null;
  }

  key(scenarioText, today) {
    return this.rules ? hash(`${this.rules}\n${today}\n${scenarioText}`) : null;
  }

  /** The saved {report, at} for this scenario text under the current rules as of `today`, or null. */
  find(scenarioText, today) {
    const key = this.key(scenarioText, today);
    if (!key) return null;
    try {
      const saved = JSON.parse(store()?.getItem(KEY) || "null");
      return saved && saved.key === key && typeof saved.report === "string" ? saved : null;
    } catch {
      return null;
    }
  }

  /** Keep a fresh report (of a usable scenario, computed as of `today`) for the next visit. */
  remember(scenarioText, today, reportText) {
    const key = this.key(scenarioText, today);
    const storage = store();
    if (!key || !storage) return;
    try {
      if (reportText.length > limits().LAST_RESULT_CHARS) throw new RangeError("too long to keep");
      storage.setItem(KEY, JSON.stringify({ key, report: reportText, at: new Date().toISOString() }));
    } catch {
      try {
        storage.removeItem(KEY); // full, or too long: better no record than an old one
      } catch {
        // nothing to do
      }
    }
  }

  /** Delete the record (“删除本浏览器中保存的全部内容”). */
  forget() {
    try {
      store()?.removeItem(KEY);
    } catch {
      // nothing more can be done
    }
  }

  /** Mark what is shown as the last saved result. */
  mark(saved) {
    this.result.dataset.status = "stale";
    if (!this.note) {
      this.note = document.createElement("p");
      this.note.className = "calc-notice calc-stale";
      this.note.id = "result-stale";
      this.before.before(this.note);
    }
    this.note.textContent = `以下是上次保存的结果（${when(saved.at)}算出），正在按当前内容重新计算，完成后自动更新。`;
  }

  /** The fresh result is shown, or the scenario changed: the mark goes. */
  unmark() {
    this.note?.remove();
    this.note = null;
  }

  get shown() {
    return this.note !== null;
  }
}

function when(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "此前";
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())} `;
}
