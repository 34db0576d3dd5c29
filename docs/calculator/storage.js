// What the calculator keeps in this browser (docs/privacy.md lists it):
//
// - the scenario being edited, saved after every change, so a reload keeps every entry;
// - a short history of earlier states (HISTORY_STATES of them, HISTORY_CHARS
//   characters in all): whatever a share link, an import, a restore, a "start again" or another
//   tab replaced, each with its date, a one-line summary and its origin: "received" (a share
//   link's or a file's content, never edited here) or "own" (anything else). To make room, the
//   oldest received entries go first; the user's own work never goes unless the user says so
//   (keep says what would have to go, and keeps nothing);
// - the fingerprint of the last share link's or file's content as it came (received), so that
//   its entry can say "received" when it is kept unedited;
// - while a calculation runs, a fingerprint of the scenario being calculated (the start-up guard:
//   if the page never got an answer for it, the next start asks before calculating it again).
//
// Two tabs: before every save the stored text is compared with what this page last read or wrote;
// when another tab has saved since (also announced by the `storage` event), nothing is written
// until the user chooses (onConflict), so newer work is never overwritten without asking.
//
// When storage is blocked (private mode, WeChat settings) or full, the page says so visibly and
// keeps working; export still saves the work to a file.
import { writeJson } from "./json-text.js";
import { limits } from "./limits.js";

export const KEY = "jxjy-calculator/scenario";
export const HISTORY = "jxjy-calculator/history";
export const STARTING = "jxjy-calculator/calculating";
export const RECEIVED = "jxjy-calculator/received";
const OLD_PREVIOUS = "jxjy-calculator/previous"; // the single spare copy of earlier versions

const BLOCKED = "此浏览器不允许本页保存数据（例如无痕/隐私模式）：刷新或关闭页面后，填写的内容会丢失。请用“导出文件”保存到手机或电脑上。";
const FULL = "浏览器存储空间已满，最近的修改没能自动保存：刷新或关闭页面后可能丢失。请用“导出文件”保存到手机或电脑上。";

const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

/** A short fingerprint of a text (FNV-1a), to recognise the scenario a start-up failed on. */
export function fingerprint(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

/** What keep() answers when it kept the text and dropped nothing. */
export const KEPT = Object.freeze({ kept: true, dropped: [], mustGo: [], tooLarge: false });

const isReceived = (entry) => entry.origin === "received";
const chars = (entries) => entries.reduce((sum, e) => sum + e.text.length, 0);

/**
 * Room for `entry` at the head of `list` within the limits: the received entries that go to
 * make it (oldest first), and the own work that would still have to go (oldest first).
 */
function room(entry, list, { HISTORY_STATES, HISTORY_CHARS }) {
  const rest = list.slice();
  const over = () => rest.length + 1 > HISTORY_STATES || chars(rest) + entry.text.length > HISTORY_CHARS;
  const dropped = [];
  for (let i = rest.length - 1; i >= 0 && over(); i -= 1) {
    if (isReceived(rest[i])) dropped.push(...rest.splice(i, 1));
  }
  const mustGo = [];
  while (over() && rest.length) mustGo.push(rest.pop());
  return { rest, dropped, mustGo };
}

/** {policy, count} of a scenario, for the history's one-line summary. */
function summarize(scenario) {
  return {
    policy: isObject(scenario) && typeof scenario.policy === "string" ? scenario.policy.slice(0, 40) : null,
    count: isObject(scenario) && Array.isArray(scenario.activities) ? scenario.activities.length : 0,
  };
}

export class Autosave {
  /**
   * @param {(message: string|null) => void} onWarning  shows (or, with null, hides) the warning
   * @param {(theirs: string|null) => void} onConflict  another tab saved other work since
   */
  constructor(onWarning, onConflict = () => {}) {
    this.onWarning = onWarning;
    this.onConflict = onConflict;
    this.store = null;
    this.known = null; // the stored text as this page last read or wrote it
    this.held = false; // nothing is written while true (a conflict, or a replacement not kept)
    this.arrival = null; // a link's or file's content not saved yet: marked received when it is
    try {
      const store = window.localStorage;
      store.setItem(`${KEY}/probe`, "1");
      store.removeItem(`${KEY}/probe`);
      this.store = store;
    } catch (err) {
      this.store = null;
      this.onWarning(isQuota(err) ? FULL : BLOCKED);
    }
  }

  read(key) {
    try {
      return this.store ? this.store.getItem(key) : null;
    } catch {
      return null;
    }
  }

  /** The saved scenario's text, remembered as what this page has seen. */
  loadText() {
    this.known = this.read(KEY);
    return this.known;
  }

  /** Whether another tab saved since this page last read or wrote. */
  changedElsewhere() {
    return !!this.store && this.read(KEY) !== this.known;
  }

  /** Save the scenario; returns whether it was saved. */
  save(scenario) {
    if (!this.store || this.held) return false;
    if (this.changedElsewhere()) {
      this.held = true;
      this.onConflict(this.read(KEY));
      return false;
    }
    let text;
    try {
      text = writeJson(scenario);
    } catch {
      return false; // not serialisable: the page still has it
    }
    return this.put(text);
  }

  /** Write this text as the saved scenario, whatever is stored (after the user chose). */
  put(text) {
    if (!this.store) return false;
    if (text === this.known) return true;
    try {
      this.store.setItem(KEY, text);
      this.known = text;
      this.onWarning(null);
      if (this.arrival !== null) {
        if (text === this.arrival) this.markReceived(text);
        this.arrival = null;
      }
      return true;
    } catch (err) {
      this.onWarning(isQuota(err) ? FULL : BLOCKED);
      return false;
    }
  }

  /** Start saving again, this page's scenario first (the user chose it over the stored one). */
  resume(scenario) {
    this.held = false;
    this.known = this.read(KEY);
    return this.save(scenario);
  }

  /** Take the stored text as seen, without writing (the user chose to load it). */
  adopt() {
    this.held = false;
    return this.loadText();
  }

  // ---- the history ------------------------------------------------------------------------

  /** Earlier states, newest first: [{at, reason, policy, count, text}]. */
  history() {
    try {
      const list = JSON.parse(this.read(HISTORY) || "[]");
      return Array.isArray(list) ? list.filter((e) => isObject(e) && typeof e.text === "string") : [];
    } catch {
      return [];
    }
  }

  /**
   * Keep a scenario's text in the history (the newest first; an identical newest entry is not
   * repeated), as "received" when it is the last link's or file's content unedited, else as
   * "own". To make room, received entries go first (oldest first), listed in `dropped`. Own work
   * never goes unless `force`: when it would have to, nothing is written and `mustGo` lists it.
   * `taking`: an entry taken out in the same write (it is being restored). Answers
   * {kept, dropped, mustGo, tooLarge, origin, text, reason, scenario, taking}; tooLarge when the
   * text is larger than the whole history may be, or storage refuses it alone.
   */
  keep(text, reason, scenario = null, { force = false, taking = null } = {}) {
    const origin = this.originOf(text);
    const result = { kept: false, dropped: [], mustGo: [], tooLarge: false, origin, text, reason, scenario, taking };
    if (!this.store || !text) return result;
    if (text.length > limits().HISTORY_CHARS) return { ...result, tooLarge: true };
    const list = this.history();
    if (taking !== null) list.splice(taking, 1);
    if (list[0] && list[0].text === text) return this.writeHistory(list) ? { ...result, kept: true } : result;
    let parsed = scenario;
    if (!parsed) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    const entry = { at: new Date().toISOString(), reason, origin, ...summarize(parsed), text };
    const { rest, dropped, mustGo } = room(entry, list, limits());
    if (mustGo.length && !force) return { ...result, mustGo };
    for (;;) {
      if (this.writeHistory([entry, ...rest])) return { ...result, kept: true, dropped: [...dropped, ...(force ? mustGo : [])] };
      // storage is full: make room the same way, received entries first
      const oldest = rest.findLastIndex(isReceived);
      if (oldest >= 0) dropped.push(...rest.splice(oldest, 1));
      else if (force && rest.length) mustGo.push(rest.pop());
      else if (rest.length) return { ...result, dropped: [], mustGo: [rest[rest.length - 1]] };
      else return { ...result, tooLarge: true };
    }
  }

  /** Write the history's list; false when storage refuses it. */
  writeHistory(list) {
    try {
      this.store.setItem(HISTORY, JSON.stringify(list));
      return true;
    } catch {
      return false;
    }
  }

  /** Keep what is saved now (before a share link, an import or a restore replaces it). */
  keepSaved(reason) {
    const text = this.read(KEY);
    if (!text) return KEPT; // nothing to lose
    try {
      if (!isObject(JSON.parse(text))) return KEPT; // unreadable: nothing a user could restore
    } catch {
      return KEPT;
    }
    return this.keep(text, reason);
  }

  /** "received" when `text` is the last link's or file's content as it came, else "own". */
  originOf(text) {
    const mark = this.read(RECEIVED);
    return !!mark && !!text && mark === fingerprint(text) ? "received" : "own";
  }

  /** A share link's or a file's content (as saved: the scenario's text) has arrived: marked as
   * received once it is saved, now when it is already. */
  arrived(text) {
    this.arrival = text;
    if (text && this.read(KEY) === text) {
      this.markReceived(text);
      this.arrival = null;
    }
  }

  markReceived(text) {
    try {
      this.store?.setItem(RECEIVED, fingerprint(text));
    } catch {
      // the mark is a convenience: without it the entry counts as own work, which is kept
    }
  }

  /** Take entry `index` out of the history (it is being restored). */
  take(index) {
    const list = this.history();
    const [entry] = list.splice(index, 1);
    try {
      this.store.setItem(HISTORY, JSON.stringify(list));
    } catch {
      // it stays listed: nothing lost
    }
    return entry || null;
  }

  /** A spare copy saved by earlier versions of the page (one key, no date) joins the history. */
  migrateOldCopy() {
    const text = this.read(OLD_PREVIOUS);
    if (!text) return;
    if (this.keep(text, "较早另存的内容").kept) {
      try {
        this.store.removeItem(OLD_PREVIOUS);
      } catch {
        // read again next time
      }
    }
  }

  // ---- the start-up guard -----------------------------------------------------------------

  /** A calculation of this text starts: remembered until its answer comes. */
  calculating(text) {
    try {
      this.store?.setItem(STARTING, fingerprint(text));
    } catch {
      // the guard is a precaution: a full store only loses it
    }
  }

  calculated() {
    try {
      this.store?.removeItem(STARTING);
    } catch {
      // nothing to do
    }
  }

  /** Whether the last calculation of this saved text never answered (the page failed or closed). */
  failedBefore(text) {
    const mark = this.read(STARTING);
    return !!mark && !!text && mark === fingerprint(text);
  }

  /** Forget every key of the calculator in this browser (the history included). */
  forgetAll() {
    for (const key of [KEY, HISTORY, STARTING, RECEIVED, OLD_PREVIOUS]) {
      try {
        this.store?.removeItem(key);
      } catch {
        // nothing more can be done
      }
    }
    this.known = null;
  }
}

function isQuota(err) {
  return !!err && (err.name === "QuotaExceededError" || err.code === 22 || err.code === 1014);
}
