"""The catalogue: a policy's activity kinds with their fields, for forms and `calc kinds`."""

from __future__ import annotations

from calc import ruledata
from calc.text import LEVEL, TARGET_TYPE


def catalogue(policy_id: str) -> dict | None:
    policy = ruledata.resolve(policy_id)
    if policy is None:
        return None
    kinds: dict[str, dict] = {}
    for kind in policy["kinds"]:
        entry = kinds.get(kind["id"])
        valid = kind.get("valid", {})
        if entry is None:
            kinds[kind["id"]] = {
                "id": kind["id"],
                "name": kind["name"],
                "category": kind.get("category"),
                "valid": {"from": valid.get("from"), "to": valid.get("to")},
                "fields": [field(spec) for spec in kind.get("fields", [])],
                "one_of": kind.get("one_of", []),
                "cap": {"per_year": kind["cap"]} if kind.get("cap") is not None else None,
                "citation": ruledata.cites_text(policy, kind["cite"]),
                "quote": kind["cite"][0]["quote"].replace("**", ""),
                "reading": kind.get("reading"),
                "tenure_only": kind.get("tenure_only", False),
            }
        else:  # another dated version of the same kind: widen the years of validity
            span = entry["valid"]
            span["from"] = None if span["from"] is None or valid.get("from") is None else min(span["from"], valid["from"])
            span["to"] = None if span["to"] is None or valid.get("to") is None else max(span["to"], valid["to"])
    return {
        "policy": policy_id,
        "rules": policy["id"],
        "name": policy["name"],
        "aliases": [a["id"] for a in policy.get("aliases", [])],
        "kinds": list(kinds.values()),
        "targets": {
            "types": [{"value": k, "label": v} for k, v in TARGET_TYPE.items()],
            "levels": [{"value": k, "label": v} for k, v in LEVEL.items()],
        },
    }


def field(spec: dict) -> dict:
    return {
        "name": spec["name"],
        "label": spec["label"],
        "type": spec["type"],
        "unit": spec.get("unit"),
        "required": spec.get("required", True) and "default" not in spec,
        "choices": spec.get("choices"),
        "min": spec.get("min", 0),
        "max": spec.get("max"),
        "default": spec.get("default"),
        "help": spec.get("help"),
    }


def policies() -> list[dict]:
    found = []
    for pid, policy in ruledata.rules()["policies"].items():
        found.append({"id": pid, "name": policy["name"], "alias_of": None})
        for alias in policy.get("aliases", []):
            found.append({"id": alias["id"], "name": alias["name"], "alias_of": pid})
    return found
