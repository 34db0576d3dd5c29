"""Stage 3c: the kinds catalogue of every region, as static JSON for the calculator page.

Written with CPython's calc at build time, so the page can show its forms before Pyodide has
started; the numbers themselves always come from calc running in the browser.
Shape: {"limits": calc.limits.as_dict(), "policies": calc.policies(), "catalogues": {id: calc.catalogue(id)}} for every policy
that is not an alias (an alias, `alias_of` set, uses the catalogue of the policy it follows).
Each kind also gets `rate` (how it converts, in words) and `bands` ([case, hours] rows of its
table), worded as on the region pages (sitebuild/describe.py), for the calculator's explanations.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from . import describe
from .paths import ROOT, RULES_JSON

_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]<>|#])")


def _plain(text: str) -> str:
    """describe.* gives Markdown-escaped text; the calculator shows it as plain text."""
    return _MD_ESCAPE.sub(r"\1", text)


def _add_rates(catalogue: dict, rules_policy: dict) -> dict:
    by_id = {k["id"]: k for k in rules_policy.get("kinds", [])}
    for kind in catalogue.get("kinds", []):
        rule = by_id.get(kind["id"])
        if rule is None:
            continue
        kind["rate"] = _plain(describe.conversion(rule))
        kind["bands"] = [[_plain(case), _plain(value)] for case, value in describe.table_rows(rule)]
    return catalogue


def _calc():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import calc  # noqa: PLC0415  (the project's own package, imported from the checkout)

    calc.ruledata.use(RULES_JSON)  # this build's rule data (calc/rules.json unless extra folders were given)
    return calc


def build() -> dict:
    calc = _calc()
    policies = calc.policies()
    rules = json.loads(RULES_JSON.read_text("utf-8"))["policies"]
    return {
        "limits": calc.limits.as_dict(),  # calc/limits.py: the page reads every limit from here
        "policies": policies,
        "catalogues": {
            p["id"]: _add_rates(calc.catalogue(p["id"]), rules.get(p["id"], {}))
            for p in policies if not p.get("alias_of")
        },
    }


def write(dest: Path) -> dict:
    data = build()
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return data
