"""The scenarios calc runs before the memory snapshot is taken (sitebuild/snapshot.py), and the
heavy scenario the benchmark opens (scripts/bench.py, issue 15).

The snapshot keeps only the Python that these runs (and the worker's restore) used: everything
else is left out, and reaching it makes the worker start Python normally (slower, same result).
So the lists cover what the page can ask of calc (compare_texts: of calc.compare_json): every example and browser fixture, each under
every region (the page's 各地区对比 evaluates the scenario once per region), the error paths
(not JSON, not an object, unknown region, bad entries, odd numbers, too many entries, too large a
file, too deep nesting), markup as text, and the largest scenario the limits allow.

No region is named here: each comes from the rule data of the build (calc.policies(), calc's
ruledata), so a notice added or dropped changes nothing in this file.
"""

from __future__ import annotations

import json

from .catalogue import calc_with_build_rules
from .paths import ROOT

EXAMPLE_FILES = sorted((ROOT / "docs" / "examples").glob("*.json"))
EXAMPLES = EXAMPLE_FILES + sorted((ROOT / "tests" / "fixtures").glob("browser_*.json"))


# The date the self-check is computed as of, at build time and in the worker: a report says which
# date it used ("today"), so without a fixed one the check fails on every day but the build's.
CHECK_TODAY = "2026-01-01"


def first_region() -> str:
    """The first region of the rule data (an alias follows another's rules: not one of them)."""
    return next(p["id"] for p in calc_with_build_rules().policies() if not p["alias_of"])


def check_scenario() -> str:
    """The self-check after a restore: a small scenario that goes through the conversion rules,
    the first worked example (rule data) of each of the first region's first two kinds that have one."""
    region = first_region()
    kinds = [k for k in calc_with_build_rules().ruledata.resolve(region)["kinds"] if k.get("examples")][:2]
    activities = [a for kind in kinds for a in kind["examples"][0]["activities"]]
    return json.dumps({"version": 1, "policy": region, "activities": activities}, ensure_ascii=False)


def error_texts() -> list[str]:
    """Texts calc refuses or reports errors for: not JSON, not a scenario, an unknown region, and
    bad entries under the first region of the rule data."""
    region = first_region()
    wrong = [
        {"version": 1, "policy": region, "activities": [{"kind": "paper", "year": float("nan")}]},
        {"version": 1, "policy": "nowhere", "activities": []},
        {"version": 2, "policy": region, "activities": []},
        {"version": 1, "policy": region, "activities": {}},
        {"version": 1, "policy": region, "activities": [1, [], None, {"kind": "?", "year": "x"}, {"kind": "paper"}]},
        {"version": 1, "policy": region, "person": [], "target": 3, "requirements": {"x": 1}, "activities": []},
        {"version": 1, "policy": region, "activities": [{"kind": "paper", "year": 2021, "hours": -1, "days": 1.25, "title": 5}]},
        # dates the page's date fields pass on as typed (calc/dates.py): impossible, unreadable,
        # only a month where a day is needed, outside the application's year, born after it
        {"version": 1, "policy": region, "person": {"birth_date": "1973-02-30"}, "activities": [],
         "target": {"type": "review", "level": "senior", "year": 2022, "date": "2022年5月"}},
        {"version": 1, "policy": region, "person": {"birth_date": "30000"}, "activities": [],
         "target": {"type": "review", "level": "senior", "year": 2022, "date": "2023/1/1"}},
        {"version": 1, "policy": region, "person": {"birth_date": "2030年1月"}, "activities": [],
         "target": {"type": "review", "level": "senior", "year": 2022, "date": "天"}},
    ]
    return [
        "", "{", "[]", '"text"', "null", "1e999", *map(json.dumps, wrong),
        "[" * 5_000,  # nesting deeper than Python allows (a RecursionError inside the JSON parser)
    ]


def heavy_scenario() -> dict:
    """The most a scenario may hold (calc/limits.py: 500 activities computed): the activities of
    the example (docs/examples/) whose region has the most kinds (then: the most activities),
    repeated over the years, under that region's rules, with its target."""
    calc = calc_with_build_rules()  # the checkout's calc: the build and the benchmark run from it

    def richness(example: dict) -> tuple[int, int]:
        policy = calc.ruledata.resolve(example.get("policy"))
        return (len({k["id"] for k in policy["kinds"]}) if policy else 0, len(example.get("activities", [])))

    base = max((json.loads(p.read_text("utf-8")) for p in EXAMPLE_FILES), key=richness)
    limits = calc.limits
    activities = []
    while len(activities) < limits.MAX_ACTIVITIES:
        for activity in base["activities"]:
            year = 2016 + len(activities) % 10
            activities.append({**activity, "year": year, "title": f"{activity.get('title', activity['kind'])} {len(activities) + 1}"})
    return {**base, "activities": activities[:limits.MAX_ACTIVITIES]}


def texts() -> list[str]:
    calc = calc_with_build_rules()
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
    out.append(json.dumps({"version": 1, "policy": first_region(), "activities": [], "extra": "x" * 2_100_000}))  # too large
    return out + error_texts()


def compare_texts() -> list[str]:
    """What the calculator's 各地区对比 (calc.compare_json) is given: every example, and the error
    paths."""
    return [p.read_text("utf-8") for p in EXAMPLES] + error_texts()[:4]
