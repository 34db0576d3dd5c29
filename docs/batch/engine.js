// The page's side of the calculation worker for a batch: the calculator's worker (started with
// ?start=normal: the batch needs the normal start, batch/batch-requests.js) watched as the
// calculator watches it (calculator/engine.js: a download that stalls, a worker that crashes or
// runs out of memory, each a reason engine-failure.js puts into words), asked one request at a
// time and answered in order. No answer time limit: reading 5,000 rows takes what it takes on a
// slow computer, and the page shows the time going by and offers 停止 (stop), which ends the
// worker and starts a new one.
//
// More patient than the calculator while Python starts: a normal start keeps the worker busy in
// Python (and so silent: its heartbeat cannot run) far longer than the snapshot's, measured here
// past 60 s in WebKitGTK on a loaded machine, which the calculator's watch takes for a crash. A
// worker that has spoken is given BUSY_MS of silence before the calculator's watch applies; one
// that speaks but whose download does not move is still a stall after 30 s.
import { Engine, EngineFailure } from "../calculator/engine.js";

const BUSY_MS = 180_000;

export class BatchEngine extends Engine {
  asking = new Map(); // request id -> {resolve, reject}
  nextId = 0;

  /** Ask the worker `type` (batch-read, batch-check …) with `payload`; resolves with the answer. */
  ask(type, payload = {}, transfer = []) {
    if (this.failed) return Promise.reject(new EngineFailure(this.failed));
    this.nextId += 1;
    const id = this.nextId;
    return new Promise((resolve, reject) => {
      this.asking.set(id, { resolve, reject });
      this.worker.postMessage({ type, id, ...payload }, transfer);
    });
  }

  receive(msg) {
    if (!msg || (msg.type !== "batch-answer" && msg.type !== "batch-failed")) {
      super.receive(msg);
      return;
    }
    const pending = this.asking.get(msg.id);
    if (this.failed || !pending) return;
    this.asking.delete(msg.id);
    if (msg.type === "batch-answer") {
      pending.resolve(msg);
    } else if (msg.reason) {
      pending.reject(new EngineFailure(msg.reason, true)); // Python stopped: this request, then every other
      this.fail(msg.reason, `in request ${msg.id}`);
    } else {
      pending.reject(new Error("calc raised")); // a defect in calc for this input; Python still works
    }
  }

  fail(reason, detail) {
    const first = !this.failed;
    super.fail(reason, detail);
    if (!first) return;
    for (const pending of this.asking.values()) pending.reject(new EngineFailure(reason, true));
    this.asking.clear();
  }

  check() {
    if (this.heard && !this.ready && Date.now() - this.heardAt < BUSY_MS) return;
    super.check();
  }

  /** The person stops a run: the worker ends (it may be in the middle of Python) and a new one starts. */
  stop() {
    this.fail("stopped", "stopped by the person");
    this.restart();
  }
}
