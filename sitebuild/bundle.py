"""Stage 3e: the browser's modules as one file per page (esbuild, pinned in package.json).

docs/calculator/app.js imports some twenty small modules (docs/calculator/*.js); served one by
one they cost a request each before the form can work (measured with scripts/serve's static
host: the form became usable about 0.25 s sooner with one file, A/B, 7 interleaved runs). So
each page script (ENTRIES) is joined with its import graph into build/generated/ (by
sitebuild/bundle.mjs, esbuild's own API), which takes its place in the site: not minified, so
that what runs in the user's browser stays readable next to its source in docs/. Which modules
went into a bundle is read from esbuild's own metafile (left_out()); the hook
sitebuild/mkdocs_generated.py leaves them out of the site, so nothing is shipped twice or dead.
The worker (worker.js) is started by URL, not imported, and stays as it is. docs/ is only read.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .paths import BUILD, DOCS, GENERATED_DIR, ROOT

ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
SCRIPT = Path(__file__).with_name("bundle.mjs")
# The calculator page's script, the region pages' QR code script, and the 单位批量自查 page's script.
ENTRIES = ["calculator/app.js", "calculator/policy-qr.js", "batch/app.js"]
METAFILE = BUILD / "esbuild-meta.json"
# The oldest browsers the support page (docs/browsers.md) names: Pyodide 314's documented minimum
# (Chrome 112, Firefox 112, Safari 16.4) and module workers (Firefox 114). The bundles are compiled
# down to them; tests/browser/test_bundle_target.py checks that what the calculator runs holds no
# newer syntax.
TARGET = "chrome112,edge112,firefox114,safari16.4,ios16.4"


def bundle(out: Path = GENERATED_DIR) -> dict:
    """Each of ENTRIES, from docs/, as one file in `out`; returns what went in."""
    if not ESBUILD.exists():
        raise SystemExit(f"build: {ESBUILD} is missing: run `npm ci` (package.json pins esbuild)")
    METAFILE.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([shutil.which("node") or "node", str(SCRIPT), str(DOCS), str(out), TARGET, str(METAFILE), *ENTRIES], check=True)
    meta = json.loads(METAFILE.read_text("utf-8"))
    removed = left_out()
    for path in removed:
        (out / path).unlink(missing_ok=True)  # made by the build (a vendor file) and joined into a bundle
    app = next(o for o in meta["outputs"].values() if o.get("entryPoint") == ENTRIES[0])
    return {"modules": len(app["inputs"]), "removed": len(removed), "bytes": (out / ENTRIES[0]).stat().st_size,
            "imports": [i["path"] for o in meta["outputs"].values() for i in o.get("imports", [])]}


def left_out(metafile: Path = METAFILE) -> list[str]:
    """The modules joined into a bundle (paths inside docs/, as on the site): not served on their own."""
    inputs = json.loads(metafile.read_text("utf-8"))["inputs"]  # paths relative to docs/
    return sorted(set(inputs) - set(ENTRIES))
