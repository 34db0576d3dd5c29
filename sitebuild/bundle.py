"""Stage 3e: the browser's modules as one file per page (esbuild, pinned in package.json).

docs/calculator/app.js imports some twenty small modules (docs/calculator/*.js); served one by
one they cost a request each before the form can work (measured with scripts/serve's static
host: the form became usable about 0.25 s sooner with one file, A/B, 7 interleaved runs). So
each page script (ENTRIES) is replaced in build/docs/ by the bundle of its import graph: not
minified, so that what runs in the user's browser stays readable next to its source in docs/.
Which modules went into a bundle is read from esbuild's own metafile, and those modules are then
removed from build/docs/, so nothing is shipped twice or dead. The worker (worker.js) is started by
URL, not imported, and stays as it is.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .paths import ROOT, STAGE

ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# The calculator page's script, and the region pages' QR code script.
ENTRIES = ["calculator/app.js", "calculator/policy-qr.js"]
METAFILE = ROOT / "build" / "esbuild-meta.json"
# The oldest browsers the support page (docs/browsers.md) names: Pyodide 314's documented minimum
# (Chrome 112, Firefox 112, Safari 16.4) and module workers (Firefox 114). The bundles are compiled
# down to them; tests/browser/test_bundle_target.py checks that what the calculator runs holds no
# newer syntax.
TARGET = "chrome112,edge112,firefox114,safari16.4,ios16.4"


def bundle(docs: Path = STAGE) -> dict:
    if not ESBUILD.exists():
        raise SystemExit(f"build: {ESBUILD} is missing: run `npm ci` (package.json pins esbuild)")
    METAFILE.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(ESBUILD), *ENTRIES, "--bundle", "--format=esm", f"--target={TARGET}", f"--outdir={docs}", f"--outbase={docs}",
         "--allow-overwrite", "--legal-comments=inline", "--charset=utf8", "--log-level=warning",
         f"--metafile={METAFILE}"],
        cwd=docs, check=True,
    )
    meta = json.loads(METAFILE.read_text("utf-8"))
    inputs = set(meta["inputs"])  # paths relative to the working directory (build/docs/)
    removed = sorted(inputs - set(ENTRIES))
    for path in removed:
        (docs / path).unlink(missing_ok=True)
    app = next(out for out in meta["outputs"].values() if out.get("entryPoint") == ENTRIES[0])
    return {"modules": len(app["inputs"]), "removed": len(removed), "bytes": (docs / ENTRIES[0]).stat().st_size,
            "imports": [i["path"] for out in meta["outputs"].values() for i in out.get("imports", [])]}
