"""Stage 3c: the kinds catalogue of every region, as static JSON for the calculator page.

Written with CPython's calc at build time, so the page can show its forms before Pyodide has
started; the numbers themselves always come from calc running in the browser.
Shape: {"policies": calc.policies(), "catalogues": {id: calc.catalogue(id)}} for every policy
that is not an alias (an alias, `alias_of` set, uses the catalogue of the policy it follows).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .paths import ROOT


def _calc():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import calc  # noqa: PLC0415  (the project's own package, imported from the checkout)

    return calc


def build() -> dict:
    calc = _calc()
    policies = calc.policies()
    return {
        "policies": policies,
        "catalogues": {p["id"]: calc.catalogue(p["id"]) for p in policies if not p.get("alias_of")},
    }


def write(dest: Path) -> dict:
    data = build()
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return data
