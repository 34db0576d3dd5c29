"""Stage 7: pre-compressed copies (.gz and .br) of the site's larger files, for static hosts.

An ordinary static host serves FILE.br or FILE.gz in place of FILE when the browser accepts that
encoding (nginx: `gzip_static on; brotli_static on;`, Caddy: `file_server { precompressed br gzip }`;
see docs/performance.md for the full host configuration). The copies are made once here, at the
best ratio, instead of by the host on every request. sitebuild/static_host.py serves them so
for the benchmark and the tests. Copies that would not be at least 10 % smaller are removed.
Each copy is kept under build/compress-cache/ (by the SHA-256 of its file) and made again only
when its file changes: top-quality brotli of the 9.6 MB wasm takes about a minute (compress.mjs).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .paths import ROOT, SITE

SCRIPT = Path(__file__).with_name("compress.mjs")
CACHE = ROOT / "build" / "compress-cache"
SUFFIXES = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".bin", ".svg", ".xml", ".txt"}
MIN_BYTES = 1024


def candidates(site: Path = SITE) -> list[Path]:
    return sorted(
        p for p in site.rglob("*")
        if p.is_file() and p.suffix in SUFFIXES and p.stat().st_size >= MIN_BYTES
    )


def run(site: Path = SITE) -> dict:
    for old in [*site.rglob("*.gz"), *site.rglob("*.br")]:
        if old.with_suffix("").exists() and old.name != "sitemap.xml.gz":
            old.unlink()
    files = candidates(site)
    node = shutil.which("node") or "node"
    out = subprocess.run([node, str(SCRIPT), str(CACHE), *map(str, files)], check=True, capture_output=True, text=True)
    totals = {"files": 0, "raw": 0, "gz": 0, "br": 0, "made": 0}
    for line in out.stdout.splitlines():
        row = json.loads(line)
        path = Path(row["file"])
        for enc in ("gz", "br"):
            if row[enc] > 0.9 * row["raw"]:
                Path(f"{path}.{enc}").unlink()
                row[enc] = row["raw"]
        totals["files"] += 1
        totals["made"] += not row["cached"]
        for key in ("raw", "gz", "br"):
            totals[key] += row[key]
    return totals
