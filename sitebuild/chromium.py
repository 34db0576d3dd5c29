"""Debian's Chromium as the browser tests (tests/browser/conftest.py) and the benchmark
(scripts/bench.py) launch it with Playwright: one home for its path and its flags."""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
