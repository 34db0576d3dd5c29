// Autosave: the scenario is kept in this browser's localStorage after every change, so a reload
// keeps every entry. When storage is blocked (private mode, WeChat settings) or full, the page
// says so visibly and keeps working; export still saves the work to a file.

const KEY = "jxjy-calculator/scenario";
const PREVIOUS = "jxjy-calculator/previous"; // what was there before a share link or import replaced it

const BLOCKED = "此浏览器不允许本页保存数据（例如无痕/隐私模式）：刷新或关闭页面后，填写的内容会丢失。请用“导出文件”保存到手机或电脑上。";
const FULL = "浏览器存储空间已满，最近的修改没能自动保存：刷新或关闭页面后可能丢失。请用“导出文件”保存到手机或电脑上。";

export class Autosave {
  /** @param {(message: string|null) => void} onWarning  shows (or, with null, hides) the warning */
  constructor(onWarning) {
    this.onWarning = onWarning;
    this.store = null;
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

  /** The saved scenario (any JSON object), or null. */
  load(key = KEY) {
    if (!this.store) return null;
    try {
      const text = this.store.getItem(key);
      if (!text) return null;
      const value = JSON.parse(text);
      return value && typeof value === "object" && !Array.isArray(value) ? value : null;
    } catch {
      return null;
    }
  }

  loadPrevious() {
    return this.load(PREVIOUS);
  }

  /** Save the scenario; returns whether it was saved. */
  save(scenario) {
    return this.write(KEY, scenario);
  }

  /** Keep the current save aside before it is replaced (share link, import). */
  keepPrevious() {
    if (!this.store) return false;
    try {
      const text = this.store.getItem(KEY);
      if (!text) return false;
      this.store.setItem(PREVIOUS, text);
      return true;
    } catch (err) {
      this.onWarning(isQuota(err) ? FULL : BLOCKED);
      return false;
    }
  }

  forgetPrevious() {
    try {
      this.store?.removeItem(PREVIOUS);
    } catch {
      // nothing to do: it is only a spare copy
    }
  }

  write(key, scenario) {
    if (!this.store) return false;
    let text;
    try {
      text = JSON.stringify(scenario);
    } catch {
      return false; // not serialisable (e.g. nested too deep): the page still has it
    }
    try {
      this.store.setItem(key, text);
      this.onWarning(null);
      return true;
    } catch (err) {
      this.onWarning(isQuota(err) ? FULL : BLOCKED);
      return false;
    }
  }
}

function isQuota(err) {
  return !!err && (err.name === "QuotaExceededError" || err.code === 22 || err.code === 1014);
}
