"""MkDocs hook: the calculator page's preload list (issue 5: the form usable within 0.5 s).

The calculator's scripts are ES modules (docs/calculator/app.js and what it imports). Without
help the browser finds them one level at a time: app.js, then its imports, then theirs, a round
trip per level before the worker can even be created. The page's head lists every module of the
graph as `<link rel="modulepreload">` (overrides/calculator.html), so they all load at once while
the page is parsed. The graph is read from the import statements here, at build time, so the list
can never go stale.

Since sitebuild/bundle.py joins the modules into docs/calculator/app.js before MkDocs runs, the
graph is that one file (preloaded, so it is fetched while the head is parsed); the list stays
right if the bundling is ever dropped.

Sets `config.extra.calculator_preload`: paths relative to the site root, app.js first.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

# Static imports only (`import x from "./a.js"`, `import { y } from "../b.mjs"`, `import "./c.js"`);
# dynamic import() of runtime files is the worker's business.
IMPORT = re.compile(r"""^\s*import\s+(?:[^"';]*?\s+from\s+)?["'](\.{1,2}/[^"']+)["']\s*;?""", re.M)
ENTRY = "calculator/app.js"


def module_graph(docs_dir: Path, entry: str = ENTRY) -> list[str]:
    """Every module `entry` imports, directly or not, as site paths; entry first, each once."""
    seen: list[str] = []
    todo = [PurePosixPath(entry)]
    while todo:
        path = todo.pop(0)
        key = str(path)
        if key in seen:
            continue
        file = docs_dir / key
        if not file.is_file():
            raise FileNotFoundError(f"calculator_preload: {key} is imported but missing from {docs_dir}")
        seen.append(key)
        for target in IMPORT.findall(file.read_text("utf-8")):
            todo.append(normalize(path.parent / target))
    return seen


def normalize(path: PurePosixPath) -> PurePosixPath:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def on_config(config):
    docs_dir = Path(config["docs_dir"])
    if (docs_dir / ENTRY).is_file():
        config["extra"]["calculator_preload"] = module_graph(docs_dir)
    return config
