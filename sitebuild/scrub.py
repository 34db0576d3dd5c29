"""Stage 6c: remove the last mentions of other hosts from the built copy.

Nothing here is ever loaded, but the site should not even name another host: source maps (the
theme's, which quote unpkg.com in its original source) are dropped with their sourceMappingURL
comments, and Pyodide's CDN default (only used when no package base URL is given, and the
worker always gives its own) is emptied in the copied runtime.
"""

from __future__ import annotations

import re
from pathlib import Path

from .paths import SITE

SOURCE_MAP_COMMENT = re.compile(r"\n?//# sourceMappingURL=\S+\.map\s*$")
PYODIDE_CDN = re.compile(r"https://cdn\.jsdelivr\.net/pyodide/v\$\{\w+\}/full/")


def run(site: Path = SITE) -> int:
    changed = 0
    for source_map in site.rglob("*.map"):
        source_map.unlink()
        changed += 1
    for script in [*site.rglob("*.js"), *site.rglob("*.mjs")]:
        text = script.read_text("utf-8")
        new = PYODIDE_CDN.sub("", SOURCE_MAP_COMMENT.sub("", text))
        if new != text:
            script.write_text(new, "utf-8")
            changed += 1
    return changed
