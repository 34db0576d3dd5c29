// The page's side of the calculation worker (worker.js): one request at a time matters, the
// newest; answers to older requests are dropped.
//
// When Python is ready, `engine.start` says how it started ("snapshot", or "normal" when the
// worker fell back to a normal start) and a performance mark "calc-engine-ready" is set, with
// {start, ms, fallback} as its detail (the benchmark and the tests read it). `?start=normal` on
// the page's address is passed on to the worker: it skips the memory snapshot.

function workerAddress(workerUrl) {
  const url = new URL(workerUrl, self.location.href);
  const start = new URLSearchParams(self.location.search).get("start");
  if (start === "normal") url.searchParams.set("start", "normal");
  return url.href;
}

export class Engine {
  /**
   * @param {string} workerUrl  URL of worker.js (a module worker)
   * @param {(state: "ready"|"failed", message?: string) => void} onState
   */
  constructor(workerUrl, onState) {
    this.latest = 0;
    this.waiting = new Map();
    this.onState = onState;
    this.start = null;
    this.worker = new Worker(workerAddress(workerUrl), { type: "module" });
    this.worker.addEventListener("message", (event) => this.receive(event.data));
    this.worker.addEventListener("error", (event) => {
      this.fail(`计算程序无法启动：${event.message || "脚本错误"}`);
    });
  }

  receive(msg) {
    if (msg.type === "ready") {
      this.start = msg.start;
      const detail = { start: msg.start, ms: msg.ms, fallback: msg.fallback || null, phases: msg.phases || null };
      try {
        performance.mark("calc-engine-ready", { detail });
      } catch {
        // performance.mark with detail is missing in old browsers: nothing depends on it
      }
      this.onState("ready");
    } else if (msg.type === "failed") {
      this.fail(msg.message);
    } else if (msg.type === "report" || msg.type === "error") {
      const pending = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (!pending || msg.id !== this.latest) return;
      if (msg.type === "report") pending.resolve(msg.report);
      else pending.reject(new Error(msg.message));
    }
  }

  fail(message) {
    this.failed = message;
    this.onState("failed", message);
    for (const pending of this.waiting.values()) pending.reject(new Error(message));
    this.waiting.clear();
  }

  /** Evaluate scenario JSON text; resolves with report JSON text, or null when superseded. */
  evaluate(scenarioText) {
    this.latest += 1;
    const id = this.latest;
    for (const pending of this.waiting.values()) pending.resolve(null);
    this.waiting.clear();
    if (this.failed) return Promise.reject(new Error(this.failed));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ type: "evaluate", id, scenario: scenarioText });
    });
  }
}
