"""Stage 5: a memory snapshot of Pyodide with calc imported, and the worker's start-up manifest.

Restoring a snapshot skips the interpreter's start and calc's imports, which is most of the time
a normal Pyodide start takes. It is taken in Node (sitebuild/snapshot.mjs) from the very runtime
files the site ships, and written as pyodide/calc-<hash>.bin in build/generated/ (a hashed name:
hosts may cache it for good). The worker (calculator/worker.js) restores it and falls back to a normal start
(lockfile + wheel) when it cannot: another Pyodide version, a failed fetch or restore, or a
self-check that does not give the report calc gave here.

It holds only the Python that calc and the restore use (issue 14: 0.9 MB brotli instead of 2.2 MB).
Two runs of snapshot.mjs: `trace` has calc evaluate every warm-up scenario (sitebuild/warmup.py),
restores a snapshot the way the worker does and records which functions ran and which module
attributes were looked up (kept under build/snapshot-trace/ until an input changes); `make` takes
the real snapshot without the rest (reaching it raises SnapshotTrimmed, and the worker then starts
Python normally), restores it and checks that every scenario gives the same report as before: the
build fails otherwise.

What the worker needs to know (where the runtime, the lockfile and the snapshot are, and the
self-check) is written in place of the line `import runtime from "./runtime.js";` of
docs/calculator/worker.js (and of prefetch.js's PREFETCH_LINE), into the copies in
build/generated/calculator/ that the site serves instead: one request less before the downloads
can start, and the hashed names never have to be written by hand. docs/ is only read.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from . import warmup
from .paths import BUILD, DOCS, PYODIDE_VERSION, ROOT

SCRIPT = Path(__file__).with_name("snapshot.mjs")
# The trace (which Python the restored snapshot uses) depends only on these inputs: kept between
# builds under build/ (not in git) and made again when any of them changes.
TRACE_DIR = ROOT / "build" / "snapshot-trace"


def _node() -> str:
    node = shutil.which("node")
    if not node:
        raise SystemExit("build: `node` is missing (Node 20 and npm are needed: apt-get install nodejs npm)")
    return node


def _trace(runtime_dir: Path, lockfile: Path, wheel: Path, input_file: Path) -> Path:
    digest = hashlib.sha256()
    for part in (runtime_dir.name.encode(), lockfile.read_bytes(), wheel.read_bytes(), SCRIPT.read_bytes(), input_file.read_bytes()):
        digest.update(hashlib.sha256(part).digest())
    trace = TRACE_DIR / f"{digest.hexdigest()[:16]}.json"
    if not trace.exists():
        TRACE_DIR.mkdir(parents=True, exist_ok=True)
        for old in TRACE_DIR.glob("*.json"):
            old.unlink()
        tmp = trace.with_suffix(".tmp")
        subprocess.run([_node(), str(SCRIPT), "trace", str(runtime_dir), str(lockfile), str(wheel), str(input_file), str(tmp)], check=True)
        tmp.rename(trace)
    return trace


def make(runtime_dir: Path, wheel: Path, pyodide_dir: Path) -> dict:
    """Write the snapshot into pyodide_dir; returns what the worker needs to know of it."""
    lockfile = pyodide_dir / "pyodide-lock.json"
    input_file = BUILD / "snapshot-input.json"
    input_file.parent.mkdir(parents=True, exist_ok=True)
    input_file.write_text(json.dumps({"texts": warmup.texts(), "compare": warmup.compare_texts(), "check": warmup.check_scenario(),
                                      "checkToday": warmup.CHECK_TODAY}, ensure_ascii=False), "utf-8")
    trace = _trace(runtime_dir, lockfile, wheel, input_file)
    tmp = pyodide_dir / "calc-snapshot.tmp"
    out = subprocess.run(
        [_node(), str(SCRIPT), "make", str(runtime_dir), str(lockfile), str(wheel), str(input_file), str(trace), str(tmp)],
        check=True, stdout=subprocess.PIPE, text=True,  # stderr: the build's
    )
    info = json.loads(out.stdout.strip().splitlines()[-1])
    if info["version"] != PYODIDE_VERSION:
        raise SystemExit(f"build: the snapshot was taken with Pyodide {info['version']}, not {PYODIDE_VERSION}")
    data = tmp.read_bytes()
    name = f"calc-{hashlib.sha256(data).hexdigest()[:12]}.bin"
    for old in pyodide_dir.glob("calc-*.bin"):
        old.unlink()
    tmp.rename(pyodide_dir / name)
    return {**info, "file": name}


IMPORT_LINE = 'import runtime from "./runtime.js";'
# calculator/prefetch.js (region pages and the home page) fetches the same files at idle time
PREFETCH_LINE = "const runtime = {}; // written by build.py"


def write_manifest(out: Path, pyodide_dir: Path, runtime_dir: Path, snapshot: dict | None) -> dict:
    """The worker (docs/calculator/worker.js) with the manifest in place of IMPORT_LINE, and
    prefetch.js with it in place of PREFETCH_LINE, written into `out` (build/generated/)."""
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text("utf-8"))
    rel = lambda p: Path("..") / p.relative_to(pyodide_dir.parent)  # noqa: E731 (relative to calculator/)
    manifest = {
        "version": PYODIDE_VERSION,
        "index": f"{rel(runtime_dir).as_posix()}/",
        "lockfile": rel(pyodide_dir / "pyodide-lock.json").as_posix(),
        "packages": f"{rel(pyodide_dir).as_posix()}/",
        # what loadPyodide is given instead of fetching the lockfile when it restores the snapshot
        "lockInfo": lock["info"],
        # a valid, empty zip given as the standard library when the snapshot is restored: what calc
        # uses is imported already; the real one is fetched only if an import is ever missing
        "emptyStdlib": "empty.zip",
        "snapshot": None if snapshot is None else {
            "url": rel(pyodide_dir / snapshot["file"]).as_posix(),
            "header": snapshot["header"],
            "heap": snapshot["heap"],
            "checkScenario": warmup.check_scenario(),
            "checkToday": warmup.CHECK_TODAY,
            "checkReport": snapshot["check"],
        },
    }
    inline = ("// Written by build.py (sitebuild/snapshot.py): where the Pyodide runtime, the calc wheel and\n"
              f"// the memory snapshot are.\nconst runtime = {json.dumps(manifest, ensure_ascii=False)};")
    for name, line in (("calculator/worker.js", IMPORT_LINE), ("calculator/prefetch.js", PREFETCH_LINE)):
        code = (DOCS / name).read_text("utf-8")
        lines = [x for x in code.splitlines() if x.startswith(line)]
        if len(lines) != 1:
            raise SystemExit(f"build: {DOCS / name} should have a line starting {line!r} once, for the manifest")
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(code.replace(lines[0], inline), "utf-8")
    return manifest

