// The calculation worker: starts Pyodide from the site's own files and answers
// {type: "evaluate", id, scenario: JSON text} with {type: "report", id, report: JSON text},
// computed by calc.evaluate_json, the same code the command line and the tests run.
//
// Fast path: restore the memory snapshot made at build time with calc already imported
// (sitebuild/snapshot.py), about a third of a normal start. Fall-back, automatic: a normal start
// (lockfile + calc wheel) when the snapshot cannot be used — another Pyodide version, a failed
// fetch or restore, or a self-check that does not give the report calc gave at build time.
// `?start=normal` on the worker's URL (engine.js passes the page's) skips the fast path.
//
// When ready it posts {type: "ready", start: "snapshot" | "normal", ms, fallback?: reason}.
import runtime from "./runtime.js";

const t0 = performance.now();
const phases = {}; // ms since the worker started, reported with "ready" (for the benchmark)
const phase = (name) => (phases[name] = Math.round(performance.now() - t0));
const here = import.meta.url;
const index = new URL(runtime.index, here).href;
const quiet = { stdout: () => {}, stderr: (line) => console.warn(line) };
const forcedNormal = new URL(here).searchParams.get("start") === "normal";
const snap = !forcedNormal && runtime.snapshot;

// Start every download at once: the runtime's modules and the snapshot.
const pyodideModule = import(`${index}pyodide.mjs`);
const snapshotBytes = snap
  ? fetch(new URL(snap.url, here)).then((r) => {
      if (!r.ok) throw new Error(`snapshot: HTTP ${r.status}`);
      return r.arrayBuffer();
    })
  : null;
const asmModule = snap ? import(`${index}pyodide.asm.mjs`) : null;
snapshotBytes?.catch(() => {}); // reported where it is awaited
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
    // (2.5 MB less to fetch); the real one is installed if an import is ever missing.
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
  const check = calc.evaluate_json(snap.checkScenario);
  if (check !== snap.checkReport) throw new Error("snapshot: self-check gave another report");
  restored = pyodide;
  return calc;
}

// After a restore the standard library in the file system is empty. calc reports an import that
// failed for that reason with the error code "module_missing" (calc/errors.py): install the real
// standard library and compute again.
const MISSING_IMPORT = '"code": "module_missing"';

async function installStdlib() {
  const response = await fetch(`${index}python_stdlib.zip`);
  if (!response.ok) throw new Error(`python_stdlib.zip: HTTP ${response.status}`);
  const [major, minor] = restored.runPython("import sys; f'{sys.version_info[0]} {sys.version_info[1]}'").split(" ");
  restored.FS.writeFile(`/lib/python${major}${minor}.zip`, new Uint8Array(await response.arrayBuffer()));
  restored.runPython("import importlib, sys, zipimport; zipimport._zip_directory_cache.clear(); "
    + "sys.path_importer_cache.clear(); importlib.invalidate_caches()");
  restored = null;
}

async function evaluate(text) {
  let report = calc.evaluate_json(text);
  if (restored && report.includes(MISSING_IMPORT)) {
    console.warn("calculator: an import needs the standard library; installing it");
    await installStdlib();
    report = calc.evaluate_json(text);
  }
  return report;
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
  return pyodide.pyimport("calc");
}

let calc = null;
let failure = null;
let restored = null; // the Pyodide restored from the snapshot, while its standard library is empty

const started = (async () => {
  let start = "normal";
  let fallback;
  try {
    if (snap) {
      try {
        calc = await fromSnapshot();
        start = "snapshot";
      } catch (err) {
        fallback = String((err && err.message) || err);
        console.warn(`calculator: memory snapshot not used (${fallback}); starting Python normally`);
      }
    } else if (forcedNormal) {
      fallback = "start=normal";
    }
    if (!calc) calc = await normalStart();
    self.postMessage({ type: "ready", start, ms: performance.now() - t0, fallback, phases });
  } catch (err) {
    failure = `计算程序无法启动：${(err && err.message) || err}`;
    self.postMessage({ type: "failed", message: failure });
  }
})();

let newest = 0;

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== "evaluate") return;
  newest = Math.max(newest, msg.id);
  await started;
  if (msg.id !== newest) return; // a newer request came while Python was starting
  if (!calc) {
    self.postMessage({ type: "error", id: msg.id, message: failure });
    return;
  }
  try {
    self.postMessage({ type: "report", id: msg.id, report: await evaluate(msg.scenario) });
  } catch (err) {
    self.postMessage({ type: "error", id: msg.id, message: `计算出错：${(err && err.message) || err}` });
  }
});
