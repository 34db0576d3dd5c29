// Build-time memory snapshot of Pyodide with calc already imported (run by sitebuild/snapshot.py).
//
//   node sitebuild/snapshot.mjs RUNTIME_DIR LOCKFILE WHEEL OUT_FILE CHECK_SCENARIO WARMUP_FILE...
//
// Starts Pyodide from RUNTIME_DIR (the copy the site ships), unpacks the calc wheel into
// site-packages (loadPackage cannot be used before a snapshot: "Unexpected hiwire entry"),
// imports calc and runs it on every WARMUP_FILE (scenario JSON) and on the error paths, so that
// everything calc uses is imported and its rule data is read. Then it takes the snapshot
// (Pyodide's private makeMemorySnapshot API) and writes it as a delta: the wasm heap XOR the heap
// as it is right after instantiation (the module's data segments), which the worker can rebuild
// exactly, because it is the same pyodide.asm.wasm (the snapshot's build id is checked on
// restore). The delta is mostly zeros: only its non-zero pages are written (format below), and
// it compresses much better than the heap itself.
//
// Prints one line of JSON: {heap, header, bytes, pages, check, python, modules, version}.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [runtimeDir, lockFile, wheelFile, outFile, checkScenario, ...warmupFiles] = process.argv.slice(2);
const index = path.resolve(runtimeDir) + "/";
const { loadPyodide, version } = await import(pathToFileURL(index + "pyodide.mjs").href);
const { default: createModule } = await import(pathToFileURL(index + "pyodide.asm.mjs").href);

let pristine = null;
const pyodide = await loadPyodide({
  indexURL: index,
  lockFileContents: fs.readFileSync(lockFile, "utf8"),
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
  createPyodideModule: (settings) => {
    const instantiate = settings.instantiateWasm;
    settings.instantiateWasm = (imports, done) =>
      instantiate(imports, (instance, module) => {
        pristine = new Uint8Array(instance.exports.memory.buffer.slice(0));
        done(instance, module);
      });
    return createModule(settings);
  },
});
if (!pristine) throw new Error("snapshot: the wasm memory was not seen at instantiation");

pyodide.FS.writeFile("/tmp/calc.whl", fs.readFileSync(wheelFile));
pyodide.FS.writeFile("/tmp/warmup.json", JSON.stringify(warmupFiles.map((f) => fs.readFileSync(f, "utf8"))));
pyodide.FS.writeFile("/tmp/check.json", checkScenario);
const result = pyodide.runPython(`
def _snapshot_prepare():
    import gc, json, sys, sysconfig, zipfile

    site = sysconfig.get_path("purelib")
    with zipfile.ZipFile("/tmp/calc.whl") as wheel:
        wheel.extractall(site)
    import calc
    from calc import ruledata

    ruledata.rules()
    with open("/tmp/warmup.json", encoding="utf-8") as f:
        warmup = json.load(f)
    # the error paths too: not JSON, not an object, an unknown region, a bad activity
    warmup += ["{", "[]", '{"version": 1, "policy": "nowhere", "activities": []}',
               '{"version": 1, "policy": "hefei", "activities": [{"kind": "?", "year": "x"}]}']
    for text in warmup:
        calc.evaluate_json(text)
    for p in calc.policies():
        calc.catalogue_json(p["id"])
    with open("/tmp/check.json", encoding="utf-8") as f:
        check = calc.evaluate_json(f.read())
    gc.collect()
    return json.dumps({"check": check, "python": sys.version.split()[0], "modules": len(sys.modules)})

_snapshot_result = _snapshot_prepare()
del _snapshot_prepare
_snapshot_result
`);
pyodide.runPython("del _snapshot_result; import gc; gc.collect()");
const info = JSON.parse(result);

const snapshot = pyodide.makeMemorySnapshot();
const header = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
const heap = snapshot.subarray(header);
const overlap = Math.min(heap.length, pristine.length) & ~3;
const h32 = new Uint32Array(heap.buffer, heap.byteOffset, overlap / 4);
const p32 = new Uint32Array(pristine.buffer, 0, overlap / 4);
for (let i = 0; i < h32.length; i++) h32[i] ^= p32[i];

// Sparse: only the pages of the delta that are not all zeros (about 40 % of them).
//   u32 magic "CSD1", u32 snapshot header length, u32 heap length, u32 page size, u32 page count,
//   u32[page count] page numbers, the snapshot's header, then the pages.
const PAGE = 4096;
const pages = [];
for (let n = 0; n * PAGE < heap.length; n++) {
  const page = heap.subarray(n * PAGE, (n + 1) * PAGE);
  if (page.some((b) => b !== 0)) pages.push(n);
}
const fixed = 20 + 4 * pages.length;
const out = new Uint8Array(fixed + header + pages.length * PAGE);
const head = new Uint32Array(out.buffer, 0, 5 + pages.length);
head.set([0x31445343, header, heap.length, PAGE, pages.length, ...pages]);
out.set(snapshot.subarray(0, header), fixed);
pages.forEach((n, i) => out.set(heap.subarray(n * PAGE, (n + 1) * PAGE), fixed + header + i * PAGE));
fs.writeFileSync(outFile, out);
process.stdout.write(JSON.stringify({ ...info, version, heap: heap.length, header, bytes: out.length, pages: pages.length }) + "\n");
