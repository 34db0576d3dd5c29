"""The catalogue: a policy's activity kinds with their fields, and the facts about the person its
rules use, for forms and `calc kinds`. Every label, help text and choice comes from the rule data:
a form renders what is here and words nothing itself."""

from __future__ import annotations

from calc import ruledata
from calc.text import GROUP, LEVEL, TARGET_TYPE


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
                "group": kind["group"],
                "group_label": GROUP[kind["group"]],
                "once_per_year": kind.get("once_per_year") is True,
                "covered": kind.get("covered"),
                "category_field": kind.get("category_field"),
                "evidence": evidence(policy, kind),
                "filing": filing(policy, kind),
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
        "person": [person_fact(spec) for spec in policy.get("person", [])],
        "targets": {
            "types": [{"value": k, "label": v} for k, v in TARGET_TYPE.items()],
            "levels": [{"value": k, "label": v} for k, v in LEVEL.items()],
        },
    }


def field(spec: dict) -> dict:
    entry = {
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
    if spec.get("days_within_year"):
        entry["max"] = 366 if entry["max"] is None else min(entry["max"], 366)
        entry["days_within_year"] = True
    if spec.get("required_when"):
        entry["required_when"] = spec["required_when"]
        entry["required_note"] = spec.get("required_note")
    return entry


def person_fact(spec: dict) -> dict:
    """A person fact as a form field: name, label, type (boolean, choice, year, date), choices,
    default, help."""
    return {
        "name": spec["name"],
        "label": spec["label"],
        "type": spec["type"],
        "choices": spec.get("choices"),
        "default": spec.get("default"),
        "help": spec.get("help"),
    }


def evidence(policy: dict, kind: dict) -> dict:
    """What to keep as proof: the notice's words (with the clause) or, without a clause, the site's advice."""
    spec = kind["evidence"]
    cites = spec.get("cite")
    return {
        "text": spec["text"],
        "citation": ruledata.cites_text(policy, cites) if cites else None,
        "from_notice": bool(cites),
    }


def filing(policy: dict, kind: dict) -> dict | None:
    spec = kind.get("filing")
    if not spec:
        return None
    return {"field": "filed", "reason": spec["reason"], "citation": ruledata.cites_text(policy, spec["cite"])}


def policies() -> list[dict]:
    found = []
    for pid, policy in ruledata.rules()["policies"].items():
        found.append({"id": pid, "name": policy["name"], "alias_of": None})
        for alias in policy.get("aliases", []):
            found.append({"id": alias["id"], "name": alias["name"], "alias_of": pid})
    return found
