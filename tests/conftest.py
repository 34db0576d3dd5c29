"""Shared helpers: build a scenario in one line and look things up in its report."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from calc.report import build  # noqa: E402  (build raises on defects, so tests see them)


def run(policy: str, *activities: dict, person: dict | None = None, target: dict | None = None,
        requirements: dict | None = None) -> dict:
    scenario: dict = {"version": 1, "policy": policy, "activities": list(activities)}
    if person is not None:
        scenario["person"] = person
    if target is not None:
        scenario["target"] = target
    if requirements is not None:
        scenario["requirements"] = requirements
    return build(scenario)


def year_of(report: dict, year: int) -> dict:
    for entry in report["years"]:
        if entry["year"] == year:
            return entry
    raise AssertionError(f"no year {year} in report: {[y['year'] for y in report['years']]}")


def kind_hours(report: dict, year: int, kind: str) -> float:
    return sum(line["hours"] for line in year_of(report, year)["lines"] if line["kind"] == kind)
