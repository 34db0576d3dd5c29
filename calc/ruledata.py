"""The compiled rule data (calc/rules.json, made from policies/*.yaml by `python -m policies.compile`).

Read with the standard library only, so the same code runs in CPython and in Pyodide. The data
was validated against policies/schema.py when it was compiled; here it is only looked up.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

RULES_PATH = Path(__file__).with_name("rules.json")


@lru_cache(maxsize=1)
def rules() -> dict:
    with open(RULES_PATH, encoding="utf-8") as handle:
        return json.load(handle)


def data_version() -> int:
    return rules()["data_version"]


def policy_ids() -> list[str]:
    """Every id a scenario may name: the policies and their aliases."""
    ids = []
    for pid, policy in rules()["policies"].items():
        ids.append(pid)
        ids.extend(alias["id"] for alias in policy.get("aliases", []))
    return ids


def resolve(policy_id: object) -> dict | None:
    """The policy for an id or alias, or None when there is none."""
    if not isinstance(policy_id, str):
        return None
    policies = rules()["policies"]
    if policy_id in policies:
        return policies[policy_id]
    for policy in policies.values():
        if any(alias["id"] == policy_id for alias in policy.get("aliases", [])):
            return policy
    return None


def in_years(year: int, years: dict) -> bool:
    start, end = years.get("from"), years.get("to")
    return (start is None or year >= start) and (end is None or year <= end)


def kind_versions(policy: dict, kind_id: str) -> list[dict]:
    return [k for k in policy["kinds"] if k["id"] == kind_id]


def kind_for(policy: dict, kind_id: str, year: int) -> dict | None:
    for kind in kind_versions(policy, kind_id):
        if in_years(year, kind.get("valid", {})):
            return kind
    return None


def dated(amount: object, year: int) -> float | None:
    """A parameter's value for a year: a plain number, or a list of dated values."""
    if isinstance(amount, (int, float)):
        return float(amount)
    for entry in amount or []:
        if in_years(year, entry["years"]):
            return float(entry["value"])
    return None


def cite_text(policy: dict, cite: dict) -> str:
    doc = policy["documents"][cite["doc"]]
    return f"{doc['number']} {cite['section']}"


def cites_text(policy: dict, cites: list[dict]) -> str:
    seen: list[str] = []
    for cite in cites:
        text = cite_text(policy, cite)
        if text not in seen:
            seen.append(text)
    return "；".join(seen)
