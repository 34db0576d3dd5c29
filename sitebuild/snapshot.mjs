// Build-time memory snapshot of Pyodide with calc already imported (run by sitebuild/snapshot.py).
//
//   node sitebuild/snapshot.mjs RUNTIME_DIR LOCKFILE WHEEL OUT_FILE CHECK_SCENARIO WARMUP_FILE...
//
// Starts Pyodide from RUNTIME_DIR (the copy the site ships), unpacks the calc wheel into
// site-packages (loadPackage cannot be used before a snapshot: "Unexpected hiwire entry"),
// imports calc and runs it on every WARMUP_FILE (scenario JSON) and on the error paths, so that
// everything calc uses is imported and its rule data is read; drops what the restored Python
// never needs (caches; docstrings and line tables outside calc). Then it takes the snapshot
// (Pyodide's private makeMemorySnapshot API) and writes it as a delta: the wasm heap XOR the heap
// as it is right after instantiation (the module's data segments), which the worker can rebuild
// exactly, because it is the same pyodide.asm.wasm (the snapshot's build id is checked on
// restore). Memory unused at that moment (dead stack, free malloc chunks) is written as zeros.
// The delta is mostly zeros: only its non-zero pages are written (format below), and it
// compresses much better than the heap itself.
//
// Prints one line of JSON: {heap, header, bytes, pages, blanked, slimmed, check, python, modules, version}.
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

// Less to write: what the restored Python never needs, dropped before the snapshot is taken.
//  - Caches: the directory of the standard library's zip (the worker restores with an empty zip,
//    and clears these caches itself when it installs the real one), the import system's finders,
//    linecache, re's compiled patterns, the type and internal caches; and sysconfig, which only
//    this script imported (the wheel's install path).
//  - Outside calc (whose code is left exactly as it is): the docstrings of modules, classes,
//    functions and properties, and the line tables of functions, each made one entry per 8 code
//    units that all say "the def line". Tracebacks from the standard library or Pyodide then
//    point at the def line of each function; nothing else reads them.
// Together a sixth of what is written (measured with brotli: the docstrings 0.19 MB, the line
// tables 0.31 MB, the caches 0.1 MB).
info.slimmed = JSON.parse(pyodide.runPython(`
def _snapshot_slim():
    import dis, gc, inspect, json, linecache, re, sys, types, zipimport

    zipimport._zip_directory_cache.clear()
    sys.path_importer_cache.clear()
    linecache.clearcache()
    re.purge()
    getattr(sys, "_clear_internal_caches", sys._clear_type_cache)()
    for name in ("sysconfig", "_sysconfigdata__emscripten_wasm32-emscripten"):
        sys.modules.pop(name, None)

    has_docstring = getattr(inspect, "CO_HAS_DOCSTRING", 0)  # the docstring is co_consts[0]
    loads_const = set(dis.hasconst)

    def outside_calc(module):
        return isinstance(module, str) and module != "calc" and not module.startswith("calc.")

    def def_line_only(code):
        # the location table (Objects/locations.md): entries of kind 13 (no columns), each for
        # up to 8 code units, with a line delta of 0 from co_firstlineno
        units = len(code.co_code) // 2
        return b"".join(bytes((0x80 | 13 << 3 | min(8, units - at) - 1, 0)) for at in range(0, units, 8))

    slimmed = {}
    counts = {"code": 0, "docstrings": 0, "linetables": 0}

    def slim(code):
        if id(code) not in slimmed:
            consts = [slim(c) if type(c) is types.CodeType else c for c in code.co_consts]
            if (code.co_flags & has_docstring and isinstance(consts[0], str)
                    and not any(i.opcode in loads_const and i.arg == 0 for i in dis.get_instructions(code))):
                counts["docstrings"] += len(consts[0])
                consts[0] = None
            table = def_line_only(code)
            counts["linetables"] += len(code.co_linetable) - len(table)
            counts["code"] += 1
            slimmed[id(code)] = code.replace(co_consts=tuple(consts), co_linetable=table)
        return slimmed[id(code)]

    for o in gc.get_objects():
        if type(o) is types.FunctionType:
            if outside_calc(o.__module__):
                o.__code__ = slim(o.__code__)
                o.__doc__ = None
        elif isinstance(o, type) or type(o) is property:
            module = o.__dict__.get("__module__") if isinstance(o, type) else getattr(o.fget, "__module__", None)
            if outside_calc(module) and isinstance(o.__doc__, str):
                try:
                    o.__doc__ = None
                except (AttributeError, TypeError):  # immutable types
                    pass
        elif type(o) is types.ModuleType and outside_calc(o.__name__) and isinstance(o.__doc__, str):
            o.__doc__ = None
    slimmed.clear()
    return json.dumps(counts)

_snapshot_result = _snapshot_slim()
del _snapshot_slim
_snapshot_result
`));
pyodide.runPython("del _snapshot_result; import gc; gc.collect()");

const snapshot = pyodide.makeMemorySnapshot();
const header = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1];
const heap = snapshot.subarray(header);
const blanked = blankUnused(heap, pyodide._module);
const overlap = Math.min(heap.length, pristine.length) & ~3;
const h32 = new Uint32Array(heap.buffer, heap.byteOffset, overlap / 4);
const p32 = new Uint32Array(pristine.buffer, 0, overlap / 4);
for (let i = 0; i < h32.length; i++) h32[i] ^= p32[i];

// Memory that holds nothing at snapshot time is written as zeros (in the snapshot's copy; the live
// heap is not touched), which the delta then leaves out or brotli packs to nearly nothing, instead
// of the garbage it held: a third of the heap.
//  - The wasm stack below the stack pointer. No wasm code runs while the snapshot is taken, so
//    all of it is dead.
//  - The payload of every free dlmalloc chunk, the top chunk included. dlmalloc only reads a free
//    chunk's header and links (its first 16 bytes; 32 from 256 bytes up, where it is in a tree)
//    and its size at the start of the next chunk, which stay; what lies past them is garbage that
//    calloc clears anyway. The walk over the chunks must agree with mallinfo to the byte, else the
//    heap is left as it is.
function blankUnused(heap, M) {
  const stackEnd = M._emscripten_stack_get_end(); // the lowest address the stack may grow to
  const stackPointer = M._emscripten_stack_get_current();
  if (!(stackEnd < stackPointer && stackPointer <= M._emscripten_stack_get_base())) throw new Error("snapshot: unexpected stack");
  heap.fill(0, stackEnd, stackPointer);
  const blanked = { stack: stackPointer - stackEnd, malloc: 0 };

  const sp = M.stackSave();
  const at = M.stackAlloc(40);
  M._mallinfo(at); // struct mallinfo: arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost
  const [arena, , , hblks, , , , uordblks, fordblks] = M.HEAPU32.subarray(at / 4, at / 4 + 10);
  M.stackRestore(sp);
  const start = M.___heap_base?.value ?? M.___heap_base;
  const end = M.HEAPU32[M._emscripten_get_sbrk_ptr() / 4];
  const TOP_FOOT = 40; // the end of the heap: a pseudo-chunk after the top chunk (32-bit dlmalloc)
  const view = new DataView(heap.buffer, heap.byteOffset, heap.length);
  const free = [];
  let used = 0;
  let unused = 0;
  let p = start + ((8 - ((start + 8) & 7)) & 7); // the first chunk (align_as_chunk)
  while (p < end - TOP_FOOT) {
    const head = view.getUint32(p + 4, true);
    const size = head & ~7;
    if (size < 16 || p + size > end - TOP_FOOT) break;
    if (head & 2) used += size; // CINUSE
    else {
      unused += size;
      free.push(p, size);
    }
    p += size;
  }
  if (p !== end - TOP_FOOT || hblks !== 0 || used !== uordblks || unused + TOP_FOOT !== fordblks || arena !== end - start) {
    process.stderr.write(`snapshot: the malloc heap is not as expected (${JSON.stringify({ p, end, used, uordblks, unused, fordblks, arena })}); free memory not blanked\n`);
    return blanked;
  }
  for (let i = 0; i < free.length; i += 2) {
    const [chunk, size] = [free[i], free[i + 1]];
    const keep = size < 256 ? 16 : 32;
    if (size > keep) heap.fill(0, chunk + keep, chunk + size);
    blanked.malloc += Math.max(0, size - keep);
  }
  return blanked;
}

// Sparse: only the pages of the delta that are not all zeros (about a third of them).
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
process.stdout.write(JSON.stringify({ ...info, version, heap: heap.length, header, bytes: out.length, pages: pages.length, blanked }) + "\n");
