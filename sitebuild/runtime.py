"""Stage 4: copy the Pyodide runtime from the pinned npm package (node_modules/pyodide).

Only the files a browser needs; the stock lockfile is replaced by ours (stage 3). No package
wheels are copied: calc needs none, and nothing is fetched from anywhere but the site itself.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .paths import NODE_PYODIDE, PYODIDE_VERSION

RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]


def check_installed() -> None:
    manifest = NODE_PYODIDE / "package.json"
    if not manifest.exists():
        raise SystemExit("build: node_modules/pyodide is missing: run `npm ci` first")
    version = json.loads(manifest.read_text("utf-8"))["version"]
    if version != PYODIDE_VERSION:
        raise SystemExit(f"build: node_modules/pyodide is {version}, package.json pins {PYODIDE_VERSION}: run `npm ci`")


def copy_runtime(dest: Path) -> list[Path]:
    check_installed()
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in RUNTIME_FILES:
        copied.append(Path(shutil.copy2(NODE_PYODIDE / name, dest / name)))
    (dest / "README.txt").write_text(
        f"Pyodide {PYODIDE_VERSION} (https://pyodide.org, MPL-2.0), copied by build.py from the npm\n"
        "package `pyodide`, and the calc wheel with its lockfile (pyodide-lock.json).\n",
        "utf-8",
    )
    return copied
