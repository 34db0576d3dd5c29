"""Stage 3e: the calculator page's modules as one file (esbuild, pinned in package.json).

docs/calculator/app.js imports some twenty small modules (docs/calculator/*.js). Served one
by one they cost a request each before the form can work; measured with scripts/serve's static
host, the form became usable about 0.25 s sooner with one file (A/B, 7 interleaved runs). So
docs/calculator/app.js is replaced by the bundle of its import graph: not minified, so that what
runs in the user's browser stays readable next to its source in docs/. The modules nothing
else uses are then removed from build/docs/, so nothing dead is shipped; those the region pages
(policy-qr.js) and the worker load stay. The sources in docs/ are what people edit and what
sitebuild/calculator_preload.py and the tests read.
"""

from __future__ import annotations

import subprocess

from .calculator_preload import ENTRY, module_graph
from .paths import STAGE, ROOT

ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# The region pages' QR code script stays a module of its own, with what it imports (the worker,
# worker.js, is not in app.js's graph either and stays as it is).
REGION_PAGES = "calculator/policy-qr.js"


def bundle(docs=STAGE) -> dict:
    if not ESBUILD.exists():
        raise SystemExit(f"build: {ESBUILD} is missing: run `npm ci` (package.json pins esbuild)")
    modules = module_graph(docs)
    keep = set(module_graph(docs, REGION_PAGES))
    subprocess.run(
        [str(ESBUILD), ENTRY, "--bundle", "--format=esm", f"--outfile={ENTRY}", "--allow-overwrite",
         "--legal-comments=inline", "--charset=utf8", "--log-level=warning"],
        cwd=docs, check=True,
    )
    removed = [path for path in modules[1:] if path not in keep]
    for path in removed:
        (docs / path).unlink()
    return {"modules": len(modules), "removed": len(removed), "bytes": (docs / ENTRY).stat().st_size}
