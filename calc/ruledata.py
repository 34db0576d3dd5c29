"""The compiled rule data (calc/rules.json, made from policies/*.yaml by `python -m policies.compile`).

Read with the standard library only, so the same code runs in CPython and in Pyodide. The data
was validated against policies/schema.py when it was compiled; here it is only looked up.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

RULES_PATH = Path(__file__).with_name("rules.json")
_source: list[Path] = [RULES_PATH]


@lru_cache(maxsize=1)
def rules() -> dict:
    with open(_source[0], encoding="utf-8") as handle:
        return json.load(handle)


def use(path: Path | str | None) -> None:
    """Read the rule data from another compiled file (`python -m policies.compile --out FILE`:
    the project's notices plus others being tried out); None: calc/rules.json again."""
    _source[0] = Path(path) if path is not None else RULES_PATH
    rules.cache_clear()
    person_facts.cache_clear()


@lru_cache(maxsize=1)
def person_facts() -> dict[str, dict]:
    """Every person fact any policy declares, by name (the compile step checks that a name means
    the same in every policy)."""
    facts: dict[str, dict] = {}
    for policy in rules()["policies"].values():
        for spec in policy.get("person", []):
            facts.setdefault(spec["name"], spec)
    return facts


def floor(year: int) -> float | None:
    """The least total a year can ask for where no notice gives its figures (人社部令第25号 第八条,
    policies/national/rules.yaml); None before it holds."""
    rule = rules()["national"]["floor"]
    return float(rule["total"]) if in_years(year, rule["years"]) else None


def national() -> dict:
    """The national rules every notice works under (documents and the floor), cited like a policy."""
    return rules()["national"]


def declared_facts(policy: dict) -> dict[str, dict]:
    """The person facts this policy's rules use."""
    return {spec["name"]: spec for spec in policy.get("person", [])}


def data_version() -> int:
    return rules()["data_version"]


def rules_hash() -> str:
    """The first 16 hex digits of the rule data file's SHA-256: two builds with the same rules give
    the same hash (the page keeps a result only for the same rules)."""
    import hashlib  # noqa: PLC0415  (only the site build asks)

    return hashlib.sha256(_source[0].read_bytes()).hexdigest()[:16]


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


def field_label(kind: dict, name: str) -> tuple[str, str]:
    """A field's label and unit."""
    for f in kind.get("fields", []):
        if f["name"] == name:
            return f.get("label") or name, f.get("unit") or ""
    return name, ""


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


def matches(when: dict, values: dict) -> bool:
    """Every condition of a table row (or a rule) holds for the entry's values: a value, a list of
    values, or a range {min, max} of numbers."""
    for key, condition in when.items():
        value = values.get(key)
        if isinstance(condition, dict):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                return False
            if condition.get("min") is not None and value < condition["min"]:
                return False
            if condition.get("max") is not None and value > condition["max"]:
                return False
        elif isinstance(condition, list):
            if value not in condition:
                return False
        elif value != condition or isinstance(value, bool) != isinstance(condition, bool):
            return False
    return True


def doc_numbers(policy: dict, cites: list[dict]) -> str:
    """The numbers of the documents the citations name, each once: 青人社厅函〔2025〕153号."""
    seen: list[str] = []
    for cite in cites:
        number = policy["documents"][cite["doc"]]["number"]
        if number not in seen:
            seen.append(number)
    return "、".join(seen)


def quoted(policy: dict, cites: list[dict]) -> str:
    """Each clause with its words: 153号 附件4 2024年 党校培训：“…”；153号 六(五)：“…”."""
    return "；".join(f"{cite_text(policy, c)}：“{c['quote'].replace('**', '')}”" for c in cites)
