// The calculation worker: starts Pyodide from the site's own files and answers
// {type: "evaluate", id, scenario: JSON text} with {type: "report", id, report: JSON text},
// computed by calc.evaluate_json, the same code the command line and the tests run; and
// {type: "compare", …} the same way with calc.compare_json (the scenario under every region's
// rules, for compare.js). A long answer comes in parts (postAnswer, issue 22).
//
// Fast path: restore the memory snapshot made at build time with calc already imported
// (sitebuild/snapshot.py), about a third of a normal start; it holds only the Python calc used at
// build time, and a scenario that reaches anything else is computed again after a normal start.
// Fall-back, automatic: a normal start (lockfile + calc wheel) when the snapshot cannot be used —
// another Pyodide version, a failed fetch or restore, or a self-check that does not give the
// report calc gave at build time.
// `?start=normal` on the worker's URL (engine.js passes the page's) skips the fast path.
//
// When ready it posts {type: "ready", start: "snapshot" | "normal", ms, fallback?: reason}.
//
// The 单位批量自查 page (docs/batch/) starts this worker with ?start=normal and sends requests
// whose type starts with "batch-": batch/batch-requests.js answers them, loaded on the first one,
// with Python started normally (the snapshot holds neither calc.batch nor openpyxl; under a
// snapshot start a normal one is made for them).
//
// Before anything is downloaded it checks that this browser can run Pyodide at all (WebAssembly
// and the WebAssembly features Pyodide 314 is built with). When Python cannot start it posts
// {type: "failed", reason, detail} at once: reason is one of "no_wasm", "old_browser",
// "download" (a runtime file answered an HTTP error, or the network failed), "memory", "start";
// detail is for the console only (engine.js and engine-failure.js turn the reason into words).
// After {type: "watch"} it also posts {type: "progress", downloading, moved} every second while
// it starts, so that the page can tell a slow download from a stalled one.
import runtime from "./runtime.js";

const t0 = performance.now();
const phases = {}; // ms since the worker started, reported with "ready" (for the benchmark)
const phase = (name) => (phases[name] = Math.round(performance.now() - t0));
const here = import.meta.url;
const index = new URL(runtime.index, here).href;
const quiet = { stdout: () => {}, stderr: (line) => console.warn(line) };
const forcedNormal = new URL(here).searchParams.get("start") === "normal";
const snap = !forcedNormal && runtime.snapshot;

// ---- can this browser run Pyodide? (before anything is downloaded) --------------------------
// Pyodide 314 is built (Emscripten 5, -fwasm-exceptions) into a module that uses WebAssembly
// exception handling, reference types (externref), bulk memory, non-trapping float-to-int and
// sign extension, and passes 64-bit integers to JavaScript as BigInt. Each probe below is the
// smallest module that uses one feature (made with wabt's wat2wasm from the text beside it).
// iOS Lockdown Mode and some embedded browsers have no WebAssembly at all.
const PROBES = {
  "exception handling": [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 13, 3, 1, 0, 0, 10, 9, 1, 7, 0, 6, 64, 7, 0, 11, 11], // (module (tag $e) (func try catch $e end))
  "reference types": [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 111, 1, 111, 3, 2, 1, 0, 10, 6, 1, 4, 0, 32, 0, 11], // (func (param externref) (result externref) local.get 0)
  "bulk memory": [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 14, 1, 12, 0, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 11], // (memory 1) (func ... memory.copy)
  "non-trapping float-to-int": [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 11, 1, 9, 0, 67, 0, 0, 0, 0, 252, 0, 11], // i32.trunc_sat_f32_s
  "sign extension": [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 7, 1, 5, 0, 65, 0, 192, 11], // i32.extend8_s
};
const I64_EXPORT = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 126, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 4, 1, 2, 0, 11]; // (func (export "f") (param i64))

/** null when Pyodide can run here, else {reason, detail}. */
function missingFeature() {
  if (typeof WebAssembly !== "object" || WebAssembly === null || typeof WebAssembly.Module !== "function") {
    return { reason: "no_wasm", detail: "WebAssembly is not available in the worker" };
  }
  let i64;
  try {
    i64 = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(I64_EXPORT)));
  } catch (err) {
    return { reason: "no_wasm", detail: `WebAssembly cannot compile: ${err && err.message}` };
  }
  for (const [feature, bytes] of Object.entries(PROBES)) {
    if (!WebAssembly.validate(new Uint8Array(bytes))) return { reason: "old_browser", detail: `no WebAssembly ${feature}` };
  }
  try {
    i64.exports.f(BigInt(0));
  } catch {
    return { reason: "old_browser", detail: "no WebAssembly i64 <-> BigInt" };
  }
  return null;
}

// ---- the worker's state (its one mutable object), and a start that cannot go on ---------------
const worker = {
  state: "starting", // then "ready" or "failed"
  failure: null, // {reason, detail} once the start has failed
  watching: false, // the page asked for progress messages ({type: "watch"})
  lastBeat: performance.now(), // the last progress message
  calc: null, // calc, once Python is ready
  restored: null, // the Pyodide restored from the snapshot, until a scenario needs more than it holds
  normal: null, // the normal start, once the restored Python has fallen short (a promise of calc)
  python: null, // the Pyodide of the normal start, once there is one (the batch requests use it)
  batchRequests: null, // batch/batch-requests.js, once a batch request came
  newest: 0, // the newest calculation request received
};

function giveUp(reason, detail) {
  if (worker.state !== "starting") return;
  worker.state = "failed";
  worker.failure = { reason, detail: String(detail) };
  clearInterval(heartbeat);
  console.warn(`calculator: Python cannot start (${reason}): ${detail}`);
  self.postMessage({ type: "failed", ...worker.failure });
}

function reasonOf(err) {
  const text = `${err && err.name} ${err && err.message}`;
  // Pyodide/Emscripten: "RangeError: WebAssembly.Memory(): could not allocate memory",
  // "Out of memory", "Aborted(OOM)", "Cannot enlarge memory arrays".
  return /memory|alloc|\bOOM\b/i.test(text) ? "memory" : null;
}

// ---- downloads: a file that fails ends the start at once; progress for the page --------------
// Every fetch of the worker (its own and Pyodide's) goes through this: a runtime file that
// answers an HTTP error or cannot be fetched ends the start with reason "download" (Pyodide
// itself may wait for ever after a failed download). The files only the snapshot path uses are
// exempt: without them the worker starts normally. A copy of each body is counted as it arrives,
// so the page can see whether a download is still moving.
const download = { active: 0, lastByteAt: performance.now() };
const snapshotOnly = new Set(snap ? [new URL(snap.url, here).href, `${index}${runtime.emptyStdlib}`] : []);
const plainFetch = self.fetch.bind(self);

self.fetch = async (resource, options) => {
  const url = new URL(resource instanceof Request ? resource.url : String(resource), here).href;
  download.active += 1;
  let counting = false;
  try {
    const response = await plainFetch(resource, options);
    if (!response.ok) {
      failedDownload(url, `HTTP ${response.status}`);
    } else if (response.body && worker.state === "starting") {
      counting = true;
      countBytes(response.clone().body, url);
    }
    return response;
  } catch (err) {
    failedDownload(url, (err && err.message) || err);
    throw err;
  } finally {
    if (!counting) download.active -= 1;
  }
};

async function countBytes(body, url) {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      download.lastByteAt = performance.now();
    }
  } catch (err) {
    failedDownload(url, (err && err.message) || err);
  } finally {
    download.active -= 1;
  }
}

function failedDownload(url, detail) {
  if (!snapshotOnly.has(url)) giveUp("download", `${url}: ${detail}`);
}

/** A module of the runtime: a failed import ends the start like a failed fetch. */
function importModule(url) {
  download.active += 1;
  const loading = import(url);
  loading.then(
    () => (download.active -= 1),
    (err) => {
      download.active -= 1;
      giveUp(err && err.name === "SyntaxError" ? "old_browser" : "download", `${url}: ${(err && err.message) || err}`);
    },
  );
  return loading;
}

const heartbeat = setInterval(() => {
  const now = performance.now();
  // moved: a byte arrived since the last message
  if (worker.watching) self.postMessage({ type: "progress", downloading: download.active > 0, moved: download.lastByteAt > worker.lastBeat });
  worker.lastBeat = now;
}, 1000);

// Start every download at once (when this browser can run Pyodide): the runtime's modules and
// the snapshot.
const missing = missingFeature();
const pyodideModule = missing ? null : importModule(`${index}pyodide.mjs`);
const snapshotBytes = snap && !missing
  ? fetch(new URL(snap.url, here)).then((r) => {
      if (!r.ok) throw new Error(`snapshot: HTTP ${r.status}`);
      return r.arrayBuffer();
    })
  : null;
const asmModule = snap && !missing ? importModule(`${index}pyodide.asm.mjs`) : null;
pyodideModule?.catch(() => {}); // reported where it is awaited
snapshotBytes?.catch(() => {});
asmModule?.catch(() => {});

// The snapshot file (sitebuild/snapshot.mjs) holds the pages of (heap XOR the heap right after
// instantiation) that are not all zeros: u32 magic "CSD1", header length, heap length, page size,
// page count, the page numbers, the snapshot's header, the pages.
function parseDelta(buffer) {
  const head = new Uint32Array(buffer, 0, 5);
  const [magic, header, heap, size, count] = head;
  if (magic !== 0x31445343 || header !== snap.header || heap !== snap.heap) throw new Error("snapshot: unexpected format");
  const fixed = 20 + 4 * count;
  if (buffer.byteLength !== fixed + header + count * size) throw new Error("snapshot: unexpected size");
  return {
    header: new Uint8Array(buffer, fixed, header),
    pageNumbers: new Uint32Array(buffer, 20, count),
    pages: new Uint32Array(buffer, fixed + header, (count * size) / 4),
    words: size / 4,
  };
}

async function fromSnapshot() {
  const { loadPyodide, version } = await pyodideModule;
  phase("pyodide.mjs");
  if (version !== runtime.version) throw new Error(`snapshot is for Pyodide ${runtime.version}, runtime is ${version}`);
  const { default: createPyodideModule } = await asmModule;
  // Pyodide waits for the snapshot before it compiles the wasm; given this buffer at once (it only
  // looks at it when it restores), the wasm compiles while the snapshot downloads.
  const bytes = new Uint8Array(snap.header + snap.heap);
  const heap = new Uint32Array(bytes.buffer, snap.header, snap.heap / 4);
  let pristine = false;
  const pyodide = await loadPyodide({
    indexURL: index,
    lockFileContents: JSON.stringify({ info: runtime.lockInfo, packages: {} }),
    packageBaseUrl: new URL(runtime.packages, here).href, // never the default CDN
    // What calc uses is in the snapshot: a valid, empty zip stands for the standard library
    // (2.5 MB less to fetch); if an import is ever missing, Python is started normally (evaluate).
    stdLibURL: `${index}${runtime.emptyStdlib}`,
    _loadSnapshot: bytes,
    ...quiet,
    // Rebuild the heap: the heap right after instantiation, XOR the delta's pages; and make the
    // wasm memory big enough before Pyodide copies the heap in (pyodide issue 6254).
    createPyodideModule: async (settings) => {
      const instantiate = settings.instantiateWasm;
      settings.instantiateWasm = (imports, done) =>
        instantiate(imports, (instance, module) => {
          phase("wasm instantiated");
          const memory = instance.exports.memory.buffer;
          heap.set(new Uint32Array(memory, 0, Math.min(memory.byteLength, snap.heap) / 4));
          pristine = true;
          done(instance, module);
        });
      const module = await createPyodideModule(settings);
      phase("module ready");
      if (!pristine) throw new Error("snapshot: the wasm memory was not seen at instantiation");
      const delta = parseDelta(await snapshotBytes);
      phase("snapshot fetched");
      bytes.set(delta.header);
      const { pageNumbers, pages, words } = delta;
      for (let i = 0; i < pageNumbers.length; i++) {
        const at = pageNumbers[i] * words;
        const from = i * words;
        for (let j = 0; j < words; j++) heap[at + j] ^= pages[from + j];
      }
      if (module.HEAP8.length < snap.heap && !module.growMemory(snap.heap)) throw new Error("snapshot: memory cannot grow");
      return module;
    },
  });
  phase("restored");
  pyodide.runPython("import random; random.seed()"); // else every visit draws the same numbers
  const calc = pyodide.pyimport("calc");
  const check = calc.evaluate_json(snap.checkScenario, snap.checkToday); // a fixed date: the report names it
  if (check !== snap.checkReport) throw new Error("snapshot: self-check gave another report");
  worker.restored = pyodide;
  return calc;
}

// The snapshot holds only the Python that calc used at build time (sitebuild/snapshot.mjs):
// whatever else a scenario might reach raises SnapshotTrimmed there, and an import of a module
// that is not in it fails (calc reports that with the code "module_missing", calc/errors.py; the
// standard library in the restored file system is empty). Either way, Python is started normally
// once, and the scenario computed again: the same result, a few seconds later.
const MISSING_IMPORT = '"code": "module_missing"';

const CALLS = { evaluate: "evaluate_json", compare: "compare_json" };

/** calc's answer to `text` as of `today` (the page's local date, YYYY-MM-DD; calc.clock). */
async function evaluate(text, call = "evaluate_json", today = undefined) {
  const ask = () => (today ? worker.calc[call](text, today) : worker.calc[call](text));
  if (!worker.restored) return ask();
  let report = null;
  try {
    report = ask();
  } catch (err) {
    if (!err || err.type !== "SnapshotTrimmed") throw err;
  }
  if (report !== null && !report.includes(MISSING_IMPORT)) return report;
  console.warn("calculator: the memory snapshot lacks what this scenario needs; starting Python normally");
  worker.normal ??= normalStart();
  const started = await worker.normal;
  if (worker.restored) {
    worker.calc = started;
    worker.restored = null;
  }
  return ask();
}

async function normalStart() {
  const { loadPyodide } = await pyodideModule;
  const pyodide = await loadPyodide({
    indexURL: index,
    lockFileURL: new URL(runtime.lockfile, here).href,
    packageBaseUrl: new URL(runtime.packages, here).href, // never the default CDN
    packages: ["calc"],
    ...quiet,
  });
  worker.python = pyodide;
  return pyodide.pyimport("calc");
}

/** A Python started normally, with calc (the batch requests'): the worker's own, else one now. */
async function normalPython() {
  await started;
  if (worker.state !== "ready") throw Object.assign(new Error("Python did not start"), { reason: (worker.failure && worker.failure.reason) || "start" });
  await (worker.normal ??= normalStart());
  return worker.python;
}

const started = (async () => {
  if (missing) {
    giveUp(missing.reason, missing.detail);
    return;
  }
  let start = "normal";
  let fallback;
  try {
    if (snap) {
      try {
        worker.calc = await fromSnapshot();
        start = "snapshot";
      } catch (err) {
        fallback = String((err && err.message) || err);
        console.warn(`calculator: memory snapshot not used (${fallback}); starting Python normally`);
      }
    } else if (forcedNormal) {
      fallback = "start=normal";
    }
    if (worker.state !== "starting") return; // a download failed meanwhile: reported already
    if (!worker.calc) worker.calc = await (worker.normal = normalStart());
    if (worker.state !== "starting") return;
    worker.state = "ready";
    clearInterval(heartbeat);
    self.postMessage({ type: "ready", start, ms: performance.now() - t0, fallback, phases });
  } catch (err) {
    giveUp(reasonOf(err) || "start", (err && err.stack) || err);
  }
})();

// A long answer (500 projects of 26 years: a 7 MB report) is parsed here and sent in parts, each
// a message, and so a task of the page, of its own: the page never parses it, nor takes it in one
// long task. {type: "report-part", id, path, from, items}: a run of a big list's elements (its
// own big lists taken out first, deepest first); {type: "report-part", id, text}: a piece of the
// JSON text (for #result's data-report: 7 MB in one message took 40 ms to receive on a slowed
// phone); then {type: "report", id, value: the rest}. engine.js puts the parts back, the last
// first, and joins the text.
const PART_CHARS = 200_000;
const TEXT_CHARS = 1_000_000;

/** The length of `value`'s JSON, about (strings as UTF-16 units, no escapes), each object's and
 * list's kept in `sizes`. */
function measure(value, sizes) {
  if (value === null || typeof value !== "object") return typeof value === "string" ? value.length + 2 : String(value).length;
  let chars = 2;
  for (const key of Object.keys(value)) chars += measure(value[key], sizes) + 1 + (Array.isArray(value) ? 0 : key.length + 3);
  sizes.set(value, chars);
  return chars;
}

/** The runs of `value`'s big lists into `parts`, each list emptied in `value`; the characters taken. */
function takeParts(value, path, parts, sizes) {
  let taken = 0;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (!child || typeof child !== "object" || sizes.get(child) <= PART_CHARS) continue;
    taken += takeParts(child, [...path, key], parts, sizes);
    if (!Array.isArray(child) || sizes.get(child) <= PART_CHARS) continue; // small, once its own lists are out
    let run = { path: [...path, key], from: 0, items: [] };
    let chars = 0;
    child.forEach((item, at) => {
      const size = item !== null && typeof item === "object" ? sizes.get(item) : 8;
      if (run.items.length && chars + size > PART_CHARS) {
        parts.push(run);
        run = { path: run.path, from: at, items: [] };
        chars = 0;
      }
      run.items.push(item);
      chars += size;
    });
    parts.push(run);
    value[key] = [];
    taken += sizes.get(child) - 2; // what is left of it, but the []
  }
  if (taken) sizes.set(value, sizes.get(value) - taken);
  return taken;
}

function postAnswer(id, report) {
  if (report.length <= PART_CHARS) {
    self.postMessage({ type: "report", id, report });
    return;
  }
  const value = JSON.parse(report);
  const sizes = new WeakMap();
  measure(value, sizes);
  const parts = [];
  takeParts(value, [], parts, sizes);
  for (const part of parts) self.postMessage({ type: "report-part", id, ...part });
  for (let at = 0; at < report.length; at += TEXT_CHARS) self.postMessage({ type: "report-part", id, text: report.slice(at, at + TEXT_CHARS) });
  self.postMessage({ type: "report", id, value });
}

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (msg && msg.type === "watch") {
    worker.watching = true;
    return;
  }
  if (msg && typeof msg.type === "string" && msg.type.startsWith("batch-")) {
    worker.batchRequests ??= import("../batch/batch-requests.js").then((m) => new m.BatchRequests(normalPython, reasonOf));
    worker.batchRequests.then((requests) => requests.answer(msg), () => self.postMessage({ type: "batch-failed", id: msg.id, reason: "download" }));
    return;
  }
  if (!msg || !Object.hasOwn(CALLS, msg.type)) return;
  worker.newest = Math.max(worker.newest, msg.id);
  await started;
  // Requests that arrived while Python was busy (or starting) are all in the queue now: a task
  // later, only the newest is computed, the outdated ones dropped (the page sends one at a time
  // once Python is ready, engine.js; this holds whoever sends).
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (msg.id !== worker.newest) return;
  if (!worker.calc || worker.state !== "ready") {
    self.postMessage({ type: "error", id: msg.id, reason: (worker.failure && worker.failure.reason) || "start" });
    return;
  }
  try {
    postAnswer(msg.id, await evaluate(msg.scenario, CALLS[msg.type], msg.today));
  } catch (err) {
    // A Python exception (a defect in calc for this input) leaves Python working: the page says
    // this input could not be computed. Anything else (a WebAssembly trap, memory exhausted) has
    // stopped Python for good: the page offers to start it again.
    const python = err && err.name === "PythonError";
    console.warn(`calculator: evaluation failed: ${(err && err.stack) || err}`);
    const reason = (err && err.reason) || (python ? (/MemoryError/.test(err.message) ? "memory" : null) : reasonOf(err) || "crashed");
    self.postMessage({ type: "error", id: msg.id, reason });
  }
});
