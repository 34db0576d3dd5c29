"""Stage 3c: calculator/catalogue.json, the kinds catalogue of every region for the calculator page.

Written with CPython's calc at build time, so the page can show its forms before Pyodide has
started; the numbers themselves always come from calc running in the browser. The file is
calc.site_catalogue() as it is (calc/catalogue.py; format: calc/schemas/catalogue.schema.json):
each region's catalogue is exactly what `python -m calc kinds POLICY --json` prints, and this
stage adds nothing to it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .paths import ROOT, RULES_JSON


def calc_with_build_rules():
    """calc, imported from the checkout, reading this build's rule data."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import calc  # noqa: PLC0415  (the project's own package, imported from the checkout)

    calc.ruledata.use(RULES_JSON)  # this build's rule data (calc/rules.json unless extra folders were given)
    return calc


def build() -> dict:
    return calc_with_build_rules().site_catalogue()


def write(dest: Path) -> dict:
    data = build()
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return data
