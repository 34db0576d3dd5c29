"""Stage 6: `mkdocs build --strict` (Material theme), then make the theme request nothing else.

The Material bundle names unpkg.com for a ResizeObserver polyfill (only for browsers without
ResizeObserver) and for mermaid (only on pages with diagrams; this site has none). Both URLs are
replaced by "" in the built copy: a script element with an empty src fails at once without any
request. Finally the whole site is scanned for references to other hosts (outside_hosts.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from . import outside_hosts
from .paths import BUILD, MKDOCS_YML, ROOT, SITE

UNPKG = re.compile(r"([\"'`])https://unpkg\.com/[^\"'`]*\1")


def build() -> None:
    # No -q: with it mkdocs exits 0 even when --strict found warnings.
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(MKDOCS_YML)],
        cwd=ROOT, check=True,
        # mkdocs.yml reads site_dir from JXJY_SITE (!ENV), and the hook sitebuild/mkdocs_generated.py
        # finds build/generated/ by JXJY_BUILD (sitebuild/paths.py), so a build may go elsewhere
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "JXJY_BUILD": str(BUILD), "JXJY_SITE": str(SITE)},
    )


def patch_theme_bundle() -> int:
    patched = 0
    for bundle in (SITE / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text("utf-8")
        new, count = UNPKG.subn('""', text)
        if count:
            bundle.write_text(new, "utf-8")
            patched += count
    return patched


def check_outside_hosts() -> None:
    findings = outside_hosts.scan_site(SITE)
    if findings:
        for f in findings:
            print(f"  {f}", file=sys.stderr)
        raise SystemExit(f"build: {len(findings)} reference(s) to other hosts in site/ (see above)")
