"""Stage 6d: the service worker's list of files (site/sw.js), for offline use after a first visit.

docs/sw.js keeps a copy of the pages and of the files they use, and answers from it only when the
network does not (issue 14). Its list is written here, from the built site: every page (as its
directory address) and every file a page refers to in its <head> or scripts, except the Pyodide
runtime and snapshot (pyodide/: immutable, kept by the HTTP cache, see docs/sw.js) and what the
pages fetch only on demand (the search index and the theme's search worker, the example files).
VERSION is a hash of the list and of the files' contents, so every build that changes a page
installs a new service worker, which drops the old copies.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .paths import SITE

REFERENCE = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"#?]+)"', re.I)
SKIP = ("pyodide/", "search/", "examples/", "assets/javascripts/lunr/", "assets/javascripts/workers/")


def files(site: Path = SITE) -> list[str]:
    pages = sorted(p for p in site.rglob("index.html"))
    out: set[str] = set()
    for page in pages:
        rel = page.parent.relative_to(site).as_posix()
        out.add("" if rel == "." else f"{rel}/")
        html = page.read_text("utf-8")
        for ref in REFERENCE.findall(html):
            if "://" in ref or ref.startswith(("data:", "mailto:")):
                continue
            target = (page.parent / ref).resolve()
            try:
                path = target.relative_to(site.resolve()).as_posix()
            except ValueError:
                continue
            if target.is_file() and not path.startswith(SKIP) and not path.endswith(".html"):
                out.add(path)
    out.update(f"calculator/{name}" for name in ("worker.js", "catalogue.json") if (site / "calculator" / name).is_file())
    return sorted(out)


def write(site: Path = SITE) -> int:
    """Fill in site/sw.js's FILES and VERSION; returns how many files it keeps."""
    sw = site / "sw.js"
    listed = files(site)
    digest = hashlib.sha256()
    for path in listed:
        target = site / (path + "index.html" if path == "" or path.endswith("/") else path)
        digest.update(path.encode() + b"\0" + target.read_bytes())
    code = sw.read_text("utf-8")
    for line, value in (('const VERSION = "dev";', json.dumps(digest.hexdigest()[:12])), ("const FILES = [];", json.dumps(listed))):
        if code.count(line) != 1:
            raise SystemExit(f"build: {sw} should have the line starting {line!r} once")
        code = code.replace(line, line.split("=")[0] + f"= {value};")
    sw.write_text(code, "utf-8")
    return len(listed)
