"""A scenario that enters every kind of a region once, with values each kind accepts (for the tests
that compare what the calculator shows with what calc ships: tests/browser/test_one_vocabulary.py)."""

from __future__ import annotations

from calc import ruledata


def entry_year(kind: dict, around: int = 2025) -> int:
    valid, covered = kind.get("valid") or {}, kind.get("covered") or {}
    start = max(y for y in (valid.get("from"), covered.get("from"), 2000) if y is not None)
    end = min(y for y in (valid.get("to"), covered.get("to"), 2100) if y is not None)
    return min(max(around, start), end)


def value(spec: dict, year: int) -> object:
    kind = spec["type"]
    if spec.get("choices"):
        return spec["choices"][0]["value"]
    if kind == "boolean":
        return spec.get("default", True)
    if kind == "years":
        return [year]
    if kind == "text":
        return "测试"
    if kind == "integer":
        return 1
    return 30 if spec["name"] in ("hours",) else 5


def every_kind(policy_id: str, around: int = 2025) -> dict:
    policy = ruledata.resolve(policy_id)
    activities, seen = [], set()
    for kind in policy["kinds"]:
        if kind["id"] in seen:
            continue
        seen.add(kind["id"])
        year = entry_year(kind, around)
        entry = {"kind": kind["id"], "year": year, "title": "测试"}  # a title: a card, never a cell of the year grid
        for spec in kind.get("fields", []):
            entry[spec["name"]] = value(spec, year)
        activities.append(entry)
    last = max(a["year"] for a in activities)
    return {
        "version": 1, "policy": policy_id,
        "person": {"tenure_start": 2021},
        "activities": activities,
        "target": {"type": "review", "level": "intermediate", "year": last},
    }
