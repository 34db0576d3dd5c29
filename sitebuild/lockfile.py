"""Stage 3b: register the calc wheel in a Pyodide lockfile with pyodide-build.

Starts from the lockfile of the pinned npm `pyodide` package and writes
pyodide/pyodide-lock.json (in build/generated/), which the worker passes to loadPyodide as lockFileURL when it
starts Python normally (the fall-back). Only calc (and what it depends on: nothing) is kept, with
the pinned third-party wheels beside it (sitebuild/browser_wheels.py: openpyxl and et_xmlfile, which
the batch page loads by name; the calculator asks for calc alone): the stock list of ~300 packages
is 119 kB that the browser would fetch and parse for nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .paths import NODE_PYODIDE


def _pyodide_cli() -> list[str]:
    exe = Path(sys.executable).parent / "pyodide"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyodide")
    if found:
        return [found]
    raise SystemExit("build: the `pyodide` command (pyodide-build) is missing: pip install -r requirements-dev.txt")


def add_wheel(wheel: Path, out_lockfile: Path, others: list[Path] = ()) -> dict:
    """Register calc's wheel and `others` (in the same folder); returns calc's entry."""
    stock = NODE_PYODIDE / "pyodide-lock.json"
    with tempfile.TemporaryDirectory() as tmp:
        new = Path(tmp) / "pyodide-lock.json"
        subprocess.run(
            [*_pyodide_cli(), "lockfile", "add-wheels",
             "--input", str(stock), "--output", str(new),
             "--base-path", str(wheel.parent), str(wheel), *map(str, others)],
            check=True,
        )
        lock = json.loads(new.read_text("utf-8"))
    entry = lock["packages"].get("calc")
    if entry is None or entry.get("file_name") != wheel.name:
        raise SystemExit(f"build: the lockfile does not list {wheel.name} as package calc: {entry!r}")
    roots = ["calc"] + [name for name, e in lock["packages"].items() if e.get("file_name") in {p.name for p in others}]
    lock["packages"] = _closure(lock["packages"], roots)
    out_lockfile.write_text(json.dumps(lock, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return entry


def _closure(packages: dict, roots: list[str]) -> dict:
    """The packages `roots` need, themselves included, by the lockfile's depends lists."""
    keep, todo = {}, list(roots)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep[name] = packages[name]
            todo.extend(packages[name].get("depends", []))
    return keep
