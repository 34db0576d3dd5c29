"""Stage 4: copy the Pyodide runtime from the pinned npm package (node_modules/pyodide).

Only the files a browser needs, into a directory named after the version and a hash of the
files (pyodide/314.0.7-<hash>/ of build/generated/), so a host can cache it for good (Cache-Control:
immutable): a new runtime gets a new name. Pyodide finds its files by fixed names under its
indexURL, so the directory is hashed, not the files. The stock lockfile is replaced by ours
(stage 3). No package wheels are copied: calc needs none, and nothing is fetched from anywhere
but the site itself.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from .paths import NODE_PYODIDE, PYODIDE_VERSION

RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]
EMPTY_ZIP = b"PK\x05\x06" + bytes(18)  # end of central directory, no entries


def check_installed() -> None:
    manifest = NODE_PYODIDE / "package.json"
    if not manifest.exists():
        raise SystemExit("build: node_modules/pyodide is missing: run `npm ci` first")
    version = json.loads(manifest.read_text("utf-8"))["version"]
    if version != PYODIDE_VERSION:
        raise SystemExit(f"build: node_modules/pyodide is {version}, package.json pins {PYODIDE_VERSION}: run `npm ci`")


def runtime_dirname() -> str:
    digest = hashlib.sha256()
    for name in RUNTIME_FILES:
        digest.update(name.encode() + b"\0" + (NODE_PYODIDE / name).read_bytes())
    return f"{PYODIDE_VERSION}-{digest.hexdigest()[:10]}"


def copy_runtime(pyodide_dir: Path) -> Path:
    """Copy the runtime into pyodide_dir/<version>-<hash>/ and return that directory."""
    check_installed()
    dest = pyodide_dir / runtime_dirname()
    dest.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(NODE_PYODIDE / name, dest / name)
    # the standard library the worker gives Pyodide when it restores the snapshot: a valid, empty zip
    (dest / "empty.zip").write_bytes(EMPTY_ZIP)
    (pyodide_dir / "README.txt").write_text(
        f"Pyodide {PYODIDE_VERSION} (https://pyodide.org, MPL-2.0), copied by build.py from the npm\n"
        f"package `pyodide` into {dest.name}/; the calc wheel with its lockfile (pyodide-lock.json);\n"
        "calc-<hash>.bin, a memory snapshot of Pyodide with calc imported (sitebuild/snapshot.py).\n",
        "utf-8",
    )
    return dest
