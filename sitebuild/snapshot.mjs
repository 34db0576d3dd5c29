// Build-time memory snapshot of Pyodide with calc already imported (run by sitebuild/snapshot.py).
//
//   node sitebuild/snapshot.mjs trace RUNTIME_DIR LOCKFILE WHEEL INPUT_JSON TRACE_OUT
//   node sitebuild/snapshot.mjs make  RUNTIME_DIR LOCKFILE WHEEL INPUT_JSON TRACE_IN OUT_FILE
//
// INPUT_JSON is {"texts": [scenario JSON text, ...], "compare": [scenario JSON text, ...], "check":
// scenario JSON text, "checkToday": "YYYY-MM-DD"}: what calc runs before the snapshot is taken
// (texts through evaluate_json: the examples, the error paths, every region...; compare through
// compare_json, the calculator's 各地区对比), and the self-check the worker runs after a restore
// (as of a fixed date: a report says which date it used, and the page is opened on any day).
//
// Both modes start Pyodide from RUNTIME_DIR (the copy the site ships), unpack the calc wheel into
// site-packages (loadPackage cannot be used before a snapshot: "Unexpected hiwire entry"), import
// calc and read its rule data.
//
// trace: records which Python functions run, and which module attributes are looked up, while
//   calc evaluates every text, then takes a snapshot, restores it in a second Pyodide exactly as
//   the worker does (calculator/worker.js) and records the same there (Pyodide's own start-up
//   after a restore, the worker's calls, every text again). Writes {executed, accessed} as JSON.
// make: evaluates every text, then leaves out of the snapshot what the trace says the restored
//   Python never used (see TRIM below): the bodies of functions that never ran, and module
//   attributes nothing looked up. What is left out is replaced by something that raises
//   SnapshotTrimmed (a BaseException, so no `except Exception` can swallow it): if a scenario ever
//   reaches it, the worker starts Python normally and computes again. Also drops caches, and
//   docstrings (calc's too: it reads none) and exact line tables outside calc (SLIM). Then it takes the snapshot (Pyodide's
//   private makeMemorySnapshot API) and writes it as a delta: the wasm heap XOR the heap as it is
//   right after instantiation (the module's data segments), which the worker can rebuild exactly,
//   because it is the same pyodide.asm.wasm (the snapshot's build id is checked on restore).
//   Memory unused at that moment (dead stack, free malloc chunks) is written as zeros. Only the
//   delta's non-zero pages are written (format below). Finally it restores the file in a second
//   Pyodide, the way the worker does, and checks that every text gives the very report it gave
//   before the snapshot: the build fails otherwise.
//   Prints one line of JSON: {heap, header, bytes, pages, blanked, slimmed, trimmed, check, python,
//   modules, version}.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [mode, runtimeDir, lockFile, wheelFile, inputFile, ...rest] = process.argv.slice(2);
if (!["trace", "make"].includes(mode)) throw new Error(`snapshot.mjs: unknown mode ${mode}`);
const index = path.resolve(runtimeDir) + "/";
const { loadPyodide, version } = await import(pathToFileURL(index + "pyodide.mjs").href);
const { default: createModule } = await import(pathToFileURL(index + "pyodide.asm.mjs").href);
const input = JSON.parse(fs.readFileSync(inputFile, "utf8"));
const lock = JSON.parse(fs.readFileSync(lockFile, "utf8"));
const quiet = { stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") };

// ---- the Python that runs before the snapshot ------------------------------------------------

const PREPARE = `
def _snapshot_prepare():
    import gc, json, sys, sysconfig, zipfile

    with zipfile.ZipFile("/tmp/calc.whl") as wheel:
        wheel.extractall(sysconfig.get_path("purelib"))
    import calc
    from calc import ruledata

    ruledata.rules()
    gc.collect()
    return json.dumps({"python": sys.version.split()[0]})

_snapshot_result = _snapshot_prepare()
del _snapshot_prepare
_snapshot_result
`;

// Records, from now on, every code object that starts running and every non-dunder attribute
// looked up on a module (and __dict__: a module whose whole dict is used is left as it is).
// The records live in sys._snapshot_trace, so they go into the snapshot and go on in the
// restored Python.
const TRACE = `
def _snapshot_trace():
    import sys
    from types import ModuleType

    executed, accessed = set(), set()
    sys._snapshot_trace = (executed, accessed)

    def started(code, offset):
        executed.add((code.co_filename, code.co_qualname, code.co_firstlineno))
        return sys.monitoring.DISABLE

    sys.monitoring.use_tool_id(3, "calc-snapshot")
    sys.monitoring.register_callback(3, sys.monitoring.events.PY_START, started)
    sys.monitoring.set_events(3, sys.monitoring.events.PY_START)

    class TracedModule(ModuleType):
        def __getattribute__(self, name, _get=ModuleType.__getattribute__, _seen=accessed):
            if name == "__dict__" or not (name.startswith("__") and name.endswith("__")):
                _seen.add((_get(self, "__name__"), name))
            return _get(self, name)

    for module in list(sys.modules.values()):
        if type(module) is ModuleType and module.__name__ not in ("sys", "builtins"):
            module.__class__ = TracedModule

_snapshot_trace()
del _snapshot_trace
`;

const TRACE_RESULT = `
def _snapshot_trace_result():
    import json, sys
    sys.monitoring.set_events(3, 0)
    executed, accessed = sys._snapshot_trace
    return json.dumps({"executed": sorted(executed), "accessed": sorted(accessed)})

_snapshot_result = _snapshot_trace_result()
del _snapshot_trace_result
_snapshot_result
`;

// Less to write: what the restored Python never needs, dropped before the snapshot is taken.
//  - Caches: the directory of the standard library's zip (the worker restores with an empty zip),
//    the import system's finders, linecache, re's compiled patterns, the type and internal caches;
//    and sysconfig, which only this script imported (the wheel's install path).
//  - Outside calc (whose code is left exactly as it is): the docstrings of modules, classes,
//    functions and properties, and the line tables of functions, each made one entry per 8 code
//    units that all say "the def line". Tracebacks from the standard library or Pyodide then
//    point at the def line of each function; nothing else reads them.
const SLIM = `
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

    def slim(code, lines=False):
        # lines: keep the exact line table (calc's own code, so that a traceback names the line)
        if (id(code), lines) not in slimmed:
            consts = [slim(c, lines) if type(c) is types.CodeType else c for c in code.co_consts]
            if (code.co_flags & has_docstring and isinstance(consts[0], str)
                    and not any(i.opcode in loads_const and i.arg == 0 for i in dis.get_instructions(code))):
                counts["docstrings"] += len(consts[0])
                consts[0] = None
            table = code.co_linetable if lines else def_line_only(code)
            counts["linetables"] += len(code.co_linetable) - len(table)
            counts["code"] += 1
            slimmed[(id(code), lines)] = code.replace(co_consts=tuple(consts), co_linetable=table)
        return slimmed[(id(code), lines)]

    # Docstrings go everywhere (calc reads none: no __doc__ in calc/); exact line tables stay in calc.
    for o in gc.get_objects():
        if type(o) is types.FunctionType:
            o.__code__ = slim(o.__code__, lines=not outside_calc(o.__module__))
            o.__doc__ = None
        elif isinstance(o, type) or type(o) is property:
            if isinstance(o.__doc__, str):
                try:
                    o.__doc__ = None
                except (AttributeError, TypeError):  # immutable types
                    pass
        elif type(o) is types.ModuleType and isinstance(o.__doc__, str):
            o.__doc__ = None
    slimmed.clear()
    return json.dumps(counts)

_snapshot_result = _snapshot_slim()
del _snapshot_slim
_snapshot_result
`;

// What the trace says the restored Python never used is left out (the trace is in
// /tmp/trace.json). Everything left out raises SnapshotTrimmed when it is reached, so the
// worker can tell and start Python normally; nothing answers differently.
//  - The body of every function outside calc whose code never ran becomes "raise
//    SnapshotTrimmed" (same kind of function: generator, coroutine; same free variables). In
//    classes such a function is replaced by one shared stub function.
//  - A module keeps only the attributes that something looked up, and the names its running
//    code refers to (those of nested code included); its __getattr__ raises SnapshotTrimmed for
//    the rest. Kept whole: sys, builtins, __main__, calc, C extension modules, and any module
//    whose __dict__ was used.
//  - Every object that refers to a JavaScript value (JsProxy) is kept alive: Pyodide's table of
//    those values goes into the snapshot as it is, and must not change.
//  - sys.stdin/stdout/stderr get new, small buffers: the 128 kB buffer of stdin, never read,
//    held whatever malloc had there before (incompressible) and went into every snapshot.
const TRIM = `
def _snapshot_trim():
    import builtins, gc, inspect, io, json, sys, types

    with open("/tmp/trace.json", encoding="utf-8") as f:
        trace = json.load(f)
    executed = {tuple(k) for k in trace["executed"]}
    accessed, whole = {}, {"sys", "builtins", "__main__"}
    for module, name in trace["accessed"]:
        if name == "__dict__":
            whole.add(module)
        accessed.setdefault(module, set()).add(name)

    class SnapshotTrimmed(BaseException):
        pass
    SnapshotTrimmed.__module__ = "builtins"
    SnapshotTrimmed.__qualname__ = "SnapshotTrimmed"
    builtins.SnapshotTrimmed = SnapshotTrimmed
    ModuleType, FunctionType, CodeType = types.ModuleType, types.FunctionType, types.CodeType
    collect, dumps, get_objects = gc.collect, json.dumps, gc.get_objects

    def stream(fd, name, errors):
        raw = io.FileIO(fd, "r" if fd == 0 else "w", closefd=False)
        raw.name = name
        buffered = (io.BufferedReader if fd == 0 else io.BufferedWriter)(raw, buffer_size=128)
        return io.TextIOWrapper(buffered, encoding="utf-8", errors=errors, line_buffering=True)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.stdin = sys.__stdin__ = stream(0, "<stdin>", sys.stdin.errors)
    sys.stdout = sys.__stdout__ = stream(1, "<stdout>", sys.stdout.errors)
    sys.stderr = sys.__stderr__ = stream(2, "<stderr>", sys.stderr.errors)

    def reachable():
        seen = {id(o): o for o in get_objects()}
        todo = list(seen.values())
        while todo:
            for r in gc.get_referents(todo.pop()):
                if id(r) not in seen:
                    seen[id(r)] = r
                    todo.append(r)
        return seen.values()
    sys._snapshot_js = [o for o in reachable() if type(type(o)).__name__ == "_JsProxyMetaClass"]

    kinds = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
    stubs = {}

    def stub_for(code):
        key = (code.co_flags & kinds, code.co_freevars)
        if key not in stubs:
            flags, free = key
            prefix = "async " if flags & (inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR) else ""
            tail = "\\n        yield" if flags & (inspect.CO_GENERATOR | inspect.CO_ASYNC_GENERATOR) else ""
            src = ("def outer():\\n" + "".join(f"    {v} = None\\n" for v in free)
                   + f"    {prefix}def trimmed(*args, **kwargs):\\n" + "".join(f"        {v}\\n" for v in free)
                   + f"        raise SnapshotTrimmed(){tail}\\n    return trimmed\\n")
            namespace = {}
            exec(compile(src, "<trimmed>", "exec"), namespace)
            code = namespace["outer"]().__code__
            stubs[key] = code if code.co_freevars == free and code.co_flags & kinds == flags else None
        return stubs[key]

    namespace = {}
    exec(compile("def trimmed(*args, **kwargs):\\n    raise SnapshotTrimmed()\\n", "<trimmed>", "exec"), namespace)
    shared = namespace["trimmed"]

    def names(code, out):
        out.update(code.co_names)
        for c in code.co_consts:
            if type(c) is CodeType:
                names(c, out)
        return out

    def kept(code):
        return ((code.co_filename, code.co_qualname, code.co_firstlineno) in executed
                or "/calc/" in code.co_filename or code.co_filename in ("<string>", "<exec>", "<trimmed>"))

    counts = {"functions": 0, "methods": 0, "attributes": 0}
    functions = [o for o in get_objects() if type(o) is FunctionType]
    running, needed = set(), {}  # needed: id(globals) -> the names its running code looks up
    for f in functions:
        if kept(f.__code__):
            running.add(id(f))
            names(f.__code__, needed.setdefault(id(f.__globals__), set()))
    for f in functions:
        if id(f) in running or f is shared:
            continue
        code = stub_for(f.__code__)
        if code is not None:
            f.__code__ = code
            f.__defaults__ = f.__kwdefaults__ = None
            counts["functions"] += 1
    for t in [o for o in get_objects() if isinstance(o, type)]:
        for key, value in list(t.__dict__.items()):
            if type(value) is FunctionType and id(value) not in running and value is not shared:
                try:
                    type.__setattr__(t, key, shared)
                    counts["methods"] += 1
                except (TypeError, AttributeError):
                    pass
    functions.clear()

    def trimmed_attribute(name):
        raise SnapshotTrimmed(name)

    for module in list(sys.modules.values()):
        if not isinstance(module, ModuleType):
            continue
        d = module.__dict__
        name = d.get("__name__")
        origin = getattr(d.get("__spec__"), "origin", None) or ""
        if name in whole or name == "calc" or str(name).startswith("calc.") or not (origin.endswith(".py") or origin == "frozen"):
            continue
        want = needed.get(id(d), set()) | accessed.get(name, set())
        for key in list(d):
            if key not in want and not (key.startswith("__") and key.endswith("__")):
                del d[key]
                counts["attributes"] += 1
        d.setdefault("__getattr__", trimmed_attribute)
    del module, d
    collect()
    return dumps(counts)

_snapshot_result = _snapshot_trim()
del _snapshot_trim
_snapshot_result
`;

// ---- Pyodide instances -----------------------------------------------------------------------

/** A Pyodide to take a snapshot from; `pristine` is its heap right after instantiation. */
async function pyodideForSnapshot() {
  let pristine = null;
  const pyodide = await loadPyodide({
    indexURL: index,
    lockFileContents: JSON.stringify(lock),
    _makeSnapshot: true,
    ...quiet,
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
  const prepared = JSON.parse(run(pyodide, PREPARE));
  return { pyodide, pristine, prepared };
}

/** Run Python that leaves its answer in _snapshot_result; returns it. */
function run(pyodide, code) {
  const answer = pyodide.runPython(code);
  pyodide.runPython("del _snapshot_result; import gc; gc.collect()");
  return answer;
}

/** Options the worker (calculator/worker.js) restores with: no packages, an empty standard library. */
function restoreOptions(createPyodideModule) {
  return {
    indexURL: index,
    lockFileContents: JSON.stringify({ info: lock.info, packages: {} }),
    stdLibURL: `${index}empty.zip`,
    ...quiet,
    ...(createPyodideModule ? { createPyodideModule } : {}),
  };
}

/** Every input text through the call the worker makes for it: their reports, in order. */
function everyText(calc) {
  return [...input.texts.map((text) => calc.evaluate_json(text)), ...(input.compare || []).map((text) => calc.compare_json(text))];
}

/** What the worker does once Python is restored, then every text: returns their reports. */
function asTheWorker(pyodide) {
  pyodide.runPython("import random; random.seed()");
  const calc = pyodide.pyimport("calc");
  const check = calc.evaluate_json(input.check, input.checkToday);
  return { check, reports: everyText(calc), calc };
}

// ---- trace -----------------------------------------------------------------------------------

if (mode === "trace") {
  const [traceOut] = rest;
  const { pyodide } = await pyodideForSnapshot();
  pyodide.runPython(TRACE);
  const calc = pyodide.pyimport("calc");
  calc.evaluate_json(input.check, input.checkToday);
  everyText(calc);
  calc.destroy();
  pyodide.runPython("import gc; gc.collect()");
  const restored = await loadPyodide({ ...restoreOptions(), _loadSnapshot: pyodide.makeMemorySnapshot() });
  asTheWorker(restored).calc.destroy();
  fs.writeFileSync(traceOut, run(restored, TRACE_RESULT));
  process.exit(0);
}

// ---- make ------------------------------------------------------------------------------------

const [traceIn, outFile] = rest;
const { pyodide, pristine, prepared } = await pyodideForSnapshot();
const before = asTheWorker(pyodide);
before.calc.destroy();
pyodide.runPython("del random");
const info = { ...prepared, check: before.check };
info.slimmed = JSON.parse(run(pyodide, SLIM));
pyodide.FS.writeFile("/tmp/trace.json", fs.readFileSync(traceIn));
info.trimmed = JSON.parse(run(pyodide, TRIM));
pyodide.FS.unlink("/tmp/trace.json");
info.modules = pyodide.runPython("import sys; len(sys.modules)");

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
  blanked.used = used;
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

// Sparse: only the pages of the delta that are not all zeros.
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

// ---- verify: restore the file as the worker does; every text must give the same report ----------

const delta = out.buffer;
const count = pages.length;
const rebuilt = new Uint8Array(header + heap.length);
const rebuiltHeap = new Uint32Array(rebuilt.buffer, header, heap.length / 4);
const restored = await loadPyodide({
  ...restoreOptions((settings) => {
    const instantiate = settings.instantiateWasm;
    settings.instantiateWasm = (imports, done) =>
      instantiate(imports, (instance, module) => {
        const memory = instance.exports.memory.buffer;
        rebuiltHeap.set(new Uint32Array(memory, 0, Math.min(memory.byteLength, heap.length) / 4));
        rebuilt.set(new Uint8Array(delta, fixed, header));
        const numbers = new Uint32Array(delta, 20, count);
        const words = new Uint32Array(delta, fixed + header, (count * PAGE) / 4);
        for (let i = 0; i < count; i++) {
          for (let j = 0; j < PAGE / 4; j++) rebuiltHeap[numbers[i] * (PAGE / 4) + j] ^= words[i * (PAGE / 4) + j];
        }
        done(instance, module);
      });
    return createModule(settings).then((module) => {
      if (module.HEAP8.length < heap.length) module.growMemory(heap.length);
      return module;
    });
  }),
  _loadSnapshot: rebuilt,
});
const after = asTheWorker(restored);
const differ = [...input.texts, ...(input.compare || [])].filter((text, i) => after.reports[i] !== before.reports[i]);
if (after.check !== before.check || differ.length) {
  throw new Error(`snapshot: the restored snapshot gives other reports for ${differ.length} text(s), e.g. ${JSON.stringify(differ[0] ?? input.check).slice(0, 200)}`);
}
try {
  // a function left out (its body replaced): reaching it must raise SnapshotTrimmed, which the worker recognises
  restored.runPython(`import gc
next(f for f in gc.get_objects() if type(f).__name__ == "function" and f.__code__.co_filename == "<trimmed>")()`);
  throw new Error("snapshot: a function left out of the snapshot did not raise SnapshotTrimmed");
} catch (err) {
  if (err.type !== "SnapshotTrimmed") throw err;
}
process.stdout.write(JSON.stringify({ ...info, version, heap: heap.length, header, bytes: out.length, pages: pages.length, blanked }) + "\n");
process.exit(0);
