"""The scenarios calc runs before the memory snapshot is taken (sitebuild/snapshot.py), and the
heavy scenario the benchmark opens (scripts/bench.py, issue 15).

The snapshot keeps only the Python that these runs (and the worker's restore) used: everything
else is left out, and reaching it makes the worker start Python normally (slower, same result).
So the lists cover what the page can ask of calc (compare_texts: of calc.compare_json): every example and browser fixture, each under
every region (the page's 各地区对比 evaluates the scenario once per region), the error paths
(not JSON, not an object, unknown region, bad entries, odd numbers, too many entries, too large a
file, too deep nesting), markup as text, and the largest scenario the limits allow.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .paths import ROOT

EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json")) + sorted((ROOT / "tests" / "fixtures").glob("browser_*.json"))

# The self-check after a restore: a small scenario that goes through the conversion rules.
CHECK_SCENARIO = json.dumps({
    "version": 1, "policy": "hefei",
    "activities": [{"kind": "paper", "year": 2021, "authorship": "sole", "count": 1},
                   {"kind": "party_school", "year": 2021, "days": 3}],
}, ensure_ascii=False)

ERROR_TEXTS = [
    "", "{", "[]", '"text"', "null", "1e999", '{"version": 1, "policy": "hefei", "activities": [{"kind": "paper", "year": NaN}]}',
    '{"version": 1, "policy": "nowhere", "activities": []}',
    '{"version": 2, "policy": "hefei", "activities": []}',
    '{"version": 1, "policy": "hefei", "activities": {}}',
    '{"version": 1, "policy": "hefei", "activities": [1, [], null, {"kind": "?", "year": "x"}, {"kind": "paper"}]}',
    '{"version": 1, "policy": "hefei", "person": [], "target": 3, "requirements": {"x": 1}, "activities": []}',
    '{"version": 1, "policy": "hefei", "activities": [{"kind": "paper", "year": 2021, "hours": -1, "days": 1.25, "title": 5}]}',
    "[" * 5_000,  # nesting deeper than Python allows (a RecursionError inside the JSON parser)
]


def heavy_scenario() -> dict:
    """The most a scenario may hold (calc/limits.py: 500 activities computed): every activity of
    the examples, repeated over the years, under 青海's rules, with a target."""
    from calc import limits  # the checkout's calc: the build and the benchmark run from it

    base = json.loads((ROOT / "docs" / "examples" / "qinghai_2025.json").read_text("utf-8"))
    activities = []
    while len(activities) < limits.MAX_ACTIVITIES:
        for activity in base["activities"]:
            year = 2016 + len(activities) % 10
            activities.append({**activity, "year": year, "title": f"{activity.get('title', activity['kind'])} {len(activities) + 1}"})
    return {**base, "activities": activities[:limits.MAX_ACTIVITIES]}


def texts() -> list[str]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import calc

    examples = [p.read_text("utf-8") for p in EXAMPLES]
    out = list(examples)
    region_ids = [p["id"] for p in calc.policies()]
    for text in examples:
        scenario = json.loads(text)
        out += [json.dumps({**scenario, "policy": pid}, ensure_ascii=False) for pid in region_ids if pid != scenario.get("policy")]
    markup = "<img src=x onerror=alert(1)></script>"
    out.append(json.dumps({"version": 1, "policy": markup, "activities": [{"kind": markup, "year": 2025, "title": markup}]}))
    heavy = heavy_scenario()
    out.append(json.dumps(heavy, ensure_ascii=False))
    out.append(json.dumps({**heavy, "activities": heavy["activities"] * 2}, ensure_ascii=False))  # over the limit
    out.append(json.dumps({"version": 1, "policy": "hefei", "activities": [], "extra": "x" * 2_100_000}))  # too large
    return out + ERROR_TEXTS


def compare_texts() -> list[str]:
    """What the calculator's 各地区对比 (calc.compare_json) is given: every example, and the error
    paths."""
    return [p.read_text("utf-8") for p in EXAMPLES] + ERROR_TEXTS[:4]
