// The page's side of the calculation worker (worker.js): one request at a time matters, the
// newest. Once Python is ready, one request is with the worker at a time: a request made while
// another is being computed waits, and a newer one takes its place (the outdated one is dropped
// unsent, its promise resolved with null), so steady typing in a heavy record never piles up
// calculations behind Python; each request's answer is watched on its own (ANSWER_MS).
//
// When Python is ready, `engine.start` says how it started ("snapshot", or "normal" when the
// worker fell back to a normal start) and a performance mark "calc-engine-ready" is set, with
// {start, ms, fallback} as its detail (the benchmark and the tests read it). `?start=normal` on
// the page's address is passed on to the worker: it skips the memory snapshot.
//
// When Python cannot start or stops, onState("failed", {reason}) says why, with one of the
// reasons engine-failure.js puts into words: the page's own checks ("no_worker": no module
// workers; "no_wasm": no WebAssembly here), the worker's ("no_wasm", "old_browser", "download",
// "memory", "start"), and this file's watch over the worker:
//   - "stalled": a download has not moved for STALL_MS, or a starting worker has said nothing
//     at all for SILENT_MS (its script never arrived);
//   - "crashed": the worker raised an uncaught error, stopped answering while it started
//     (SILENT_MS), or gave no answer to a calculation within ANSWER_MS (a calculation takes well
//     under a second), or Python stopped in a calculation.
// The worker is then ended, and restart() starts a new one. The page's timers stand still while
// it is hidden (a phone puts a background tab to sleep), so the watch starts over when it shows.
//
// Every request carries today's date (the contract of 2026-12-07: calc computes as of it), read
// from the device's clock in local time at each request, not once at load: a page left open past
// midnight computes as of the new day, and a test can fix the date with the browser's clock.

import { EVALUATION_FAILED } from "./engine-failure.js";

export const STALL_MS = 30_000; // a slow phone on 4G gets a byte every few ms; 30 s of none is a stall
export const SILENT_MS = 60_000; // the longest step without a message (wasm compile, Python's start) is a few s
export const ANSWER_MS = 30_000; // one calculation: ~10 ms here, under a second on a slow phone

export class EngineFailure extends Error {
  /** inCalculation: the request had reached a running Python when it stopped (it may be the cause) */
  constructor(reason, inCalculation = false) {
    super(`engine: ${reason}`);
    this.reason = reason;
    this.inCalculation = inCalculation;
  }
}

function workerAddress(workerUrl) {
  const url = new URL(workerUrl, self.location.href);
  const start = new URLSearchParams(self.location.search).get("start");
  if (start === "normal") url.searchParams.set("start", "normal");
  return url.href;
}

/** The device's local date, YYYY-MM-DD (the date calc computes as of). */
export function localDate(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A long answer put back together: its text joined from its pieces, and its lists' parts
 * (worker.js postAnswer) put into the value, the last first: a part's list is found through the
 * lists put back after it. */
function assemble(value, parts) {
  let text = ""; // joined as a rope: copied once, where #result takes it as data-report
  for (const part of parts) if (part.text !== undefined) text += part.text;
  const lists = parts.filter((part) => part.text === undefined);
  for (let i = lists.length - 1; i >= 0; i -= 1) {
    const { path, from, items } = lists[i];
    const list = path.reduce((node, key) => node[key], value);
    for (let j = 0; j < items.length; j += 1) list[from + j] = items[j];
  }
  return { text, value };
}

/** What this page itself can tell before it starts the worker: null, or a failure reason. */
function pageProblem() {
  if (typeof Worker !== "function") return "no_worker";
  if (typeof WebAssembly !== "object" || WebAssembly === null) return "no_wasm";
  return null;
}

export class Engine {
  /**
   * @param {string} workerUrl  URL of worker.js (a module worker)
   * @param {(state: "ready"|"failed"|"progress", info?: {reason?: string, downloading?: boolean}) => void} onState
   */
  constructor(workerUrl, onState) {
    this.workerUrl = workerUrl;
    this.onState = onState;
    this.latest = 0;
    this.waiting = new Map();
    this.sent = null; // the id of the request with the worker (posted, not answered)
    this.held = null; // the newest request made meanwhile, posted when that answer comes
    this.parts = { id: null, list: [] }; // the parts of a long answer received so far
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) this.awake();
    });
    this.boot();
  }

  boot() {
    this.start = null;
    this.ready = false;
    this.failed = null;
    this.heard = false;
    this.downloading = true;
    this.asked = null; // when the request with the worker was sent (after ready)
    this.sent = null;
    this.held = null;
    this.parts = { id: null, list: [] };
    this.awake();
    const problem = pageProblem();
    if (problem) {
      setTimeout(() => this.fail(problem, "checked in the page"), 0);
      return;
    }
    // A browser without module workers does not read `type`: it would start worker.js as a
    // classic script, which cannot run it.
    let moduleWorkers = false;
    const options = {
      get type() {
        moduleWorkers = true;
        return "module";
      },
    };
    try {
      this.worker = new Worker(workerAddress(this.workerUrl), options);
    } catch (err) {
      setTimeout(() => this.fail("no_worker", err && err.message), 0);
      return;
    }
    if (!moduleWorkers) {
      this.worker.terminate();
      setTimeout(() => this.fail("no_worker", "module workers are not supported"), 0);
      return;
    }
    this.worker.addEventListener("message", (event) => this.receive(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      const message = (event && event.message) || "";
      // Before the worker has said anything, its script did not load (or did not parse).
      const reason = this.heard ? "crashed" : /SyntaxError/.test(message) ? "old_browser" : "download";
      this.fail(reason, message || "the worker's script could not be loaded");
    });
    this.worker.postMessage({ type: "watch" });
    this.watch = setInterval(() => this.check(), 1000);
  }

  /** The clocks of the watch start over (at start, and when a hidden page shows again). */
  awake() {
    const now = Date.now();
    this.heardAt = now;
    this.movedAt = now;
    if (this.asked !== null) this.asked = now;
  }

  check() {
    if (this.failed || document.hidden) return;
    const now = Date.now();
    if (!this.ready) {
      if (now - this.heardAt > SILENT_MS) this.fail(this.heard ? "crashed" : "stalled", "the worker is silent");
      else if (this.downloading && now - this.movedAt > STALL_MS) this.fail("stalled", "no byte arrived");
    } else if (this.asked !== null && now - this.asked > ANSWER_MS) {
      this.fail("crashed", "no answer to a calculation");
    }
  }

  receive(msg) {
    if (this.failed || !msg) return;
    this.heard = true;
    this.heardAt = Date.now();
    if (msg.type === "progress") {
      // moved: bytes arrived since the worker's last message; nothing to download is no stall
      if (!msg.downloading || msg.moved) this.movedAt = Date.now();
      this.downloading = msg.downloading;
      this.onState("progress", { downloading: msg.downloading });
    } else if (msg.type === "ready") {
      this.ready = true;
      this.start = msg.start;
      if (this.sent !== null) this.asked = Date.now(); // asked while Python started
      const detail = { start: msg.start, ms: msg.ms, fallback: msg.fallback || null, phases: msg.phases || null };
      try {
        performance.mark("calc-engine-ready", { detail });
      } catch {
        // performance.mark with detail is missing in old browsers: nothing depends on it
      }
      this.onState("ready");
    } else if (msg.type === "failed") {
      this.fail(msg.reason || "start", msg.detail);
    } else if (msg.type === "report-part") {
      if (this.parts.id !== msg.id) this.parts = { id: msg.id, list: [] };
      if (msg.id === this.latest) this.parts.list.push(msg); // an outdated answer's parts are not kept
    } else if (msg.type === "report" || msg.type === "error") {
      if (msg.type === "error" && msg.reason) {
        this.fail(msg.reason, "in a calculation");
        return;
      }
      const pending = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.id === this.sent) this.answered();
      const parts = this.parts.id === msg.id ? this.parts.list : [];
      this.parts = { id: null, list: [] };
      if (!pending || msg.id !== this.latest) return;
      if (msg.type === "report") pending.resolve(msg.value ? assemble(msg.value, parts) : { text: msg.report, value: null });
      else pending.reject(new Error(EVALUATION_FAILED));
    }
  }

  /** The request with the worker is answered: the one held meanwhile goes now. */
  answered() {
    this.sent = null;
    this.asked = null;
    const next = this.held;
    this.held = null;
    if (next) this.post(next);
  }

  post(request) {
    this.sent = request.id;
    if (this.ready) this.asked = Date.now();
    this.worker.postMessage(request);
  }

  fail(reason, detail) {
    if (this.failed) return;
    this.failed = reason;
    clearInterval(this.watch);
    this.worker?.terminate();
    console.warn(`calculator: the calculation program stopped (${reason})${detail ? `: ${detail}` : ""}`);
    this.onState("failed", { reason });
    for (const pending of this.waiting.values()) pending.reject(new EngineFailure(reason, this.ready));
    this.waiting.clear();
  }

  /** After a failure: start a new worker (the page then asks for the calculation again). */
  restart() {
    if (!this.failed) return;
    this.boot();
  }

  /** Evaluate scenario JSON text as of `today`; resolves with the answer ({text, value}: the
   * report's JSON text, and its value when it came in parts), or null when superseded. `call` "compare" asks for calc's comparison across regions instead (compare.js). */
  evaluate(scenarioText, call = "evaluate", today = localDate()) {
    this.latest += 1;
    const id = this.latest;
    for (const pending of this.waiting.values()) pending.resolve(null);
    this.waiting.clear();
    if (this.failed) return Promise.reject(new EngineFailure(this.failed));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request = { type: call, id, scenario: scenarioText, today };
      // While Python starts, every request goes at once (the worker computes only the newest
      // once it is ready); after that, one at a time.
      if (this.ready && this.sent !== null) this.held = request;
      else this.post(request);
    });
  }
}
