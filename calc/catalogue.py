"""The catalogue: a policy's activity kinds with their fields and their rules in words, the facts
about the person its rules use, and the vocabulary, for forms and `calc kinds`. Every label, help
text, choice and sentence about a rule comes from the rule data or from calc (calc/vocabulary.py,
calc/rule_words.py): a form renders what is here and words nothing itself.

`site_catalogue()` is the whole file the calculator page reads (calculator/catalogue.json): every
policy's catalogue, exactly as `python -m calc kinds POLICY --json` prints it, with the limits.
The format: calc/schemas/catalogue.schema.json.
"""

from __future__ import annotations

from calc import limits, rule_words, ruledata
from calc.vocabulary import GROUP, LEVEL, MENU, MESSAGES, TARGET_TYPE, choice_list, vocabulary, years_text


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
                "fields": [field(kind, spec) for spec in kind.get("fields", [])],
                "one_of": kind.get("one_of", []),
                "cap": {"per_year": kind["cap"]} if kind.get("cap") is not None else None,
                "cap_text": rule_words.cap(kind),
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
                "filing": filing_box(policy, kind),
                # the rule in words (calc/rule_words.py), as the page and the region pages show it
                "category_label": rule_words.category(kind),
                "valid_text": years_text(valid),
                "valid_label": rule_words.valid_label(kind),
                "rate": rule_words.conversion(kind),
                "bands": rule_words.table_rows(kind),
                "one_of_text": rule_words.one_of(kind),
                "evidence_text": rule_words.evidence(policy, kind),
                "facts": rule_words.kind_facts(policy, kind),
            }
        else:  # another dated version of the same kind: widen the years of validity
            span = entry["valid"]
            span["from"] = None if span["from"] is None or valid.get("from") is None else min(span["from"], valid["from"])
            span["to"] = None if span["to"] is None or valid.get("to") is None else max(span["to"], valid["to"])
            entry["valid_text"] = years_text(span)
            entry["valid_label"] = rule_words.valid_label({"valid": span})
    by_id = kinds
    found = list(kinds.values())
    return {
        "policy": policy_id,
        "rules": policy["id"],
        "name": policy["name"],
        "aliases": [a["id"] for a in policy.get("aliases", [])],
        "kinds_text": f"{policy['name']}：共 {len(found)} 类学习和成果可以计入。",
        "kinds": found,
        "menu": menu(found),
        "person": [person_fact(spec, asked_where(policy, spec["name"])) for spec in policy.get("person", [])],
        "person_text": None if policy.get("person") else MESSAGES["no_person_facts"],
        "targets": {
            "types": choice_list(TARGET_TYPE),
            "levels": choice_list(LEVEL),
        },
        "target_fields": target_fields(policy),
        "grid": grid(policy, by_id),
        "vocabulary": vocabulary(),
    }


def menu(kinds: list[dict]) -> list[dict]:
    """The kinds as a form's select offers them: grouped by where their hours go, in order."""
    groups = []
    for category, label in MENU.items():
        members = [k["id"] for k in kinds if k["category"] == category]
        if members:
            groups.append({"category": category, "label": label, "kinds": members})
    return groups


def field(kind: dict, spec: dict) -> dict:
    entry = {
        "name": spec["name"],
        "label": spec["label"],
        "caption": rule_words.caption(kind, spec),
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
    if spec.get("plausible_max") is not None:
        entry["plausible_max"] = spec["plausible_max"]
    return entry


def asked_where(policy: dict, name: str) -> str:
    """Where a form asks a person fact: `title` (inside the title application: the verdict
    depends on it: a hand-off, an age reduction, the tenure, a move into the region), `title_more`
    (inside it, folded: only an exemption of the notice uses it), or `person` (elsewhere)."""
    readiness = policy["readiness"]
    if any(name in rule["person"] for rule in policy.get("handoffs", [])):
        return "title"
    if name in ("gender", "birth_date") and readiness.get("reductions"):
        return "title"
    if name == "tenure_start":
        return "title"
    if (policy.get("transfer_in") or {}).get("person") == name:
        return "title"
    if any(name in (rule.get("person") or {}) for rule in readiness.get("exemptions", [])):
        return "title_more"
    return "person"


def target_fields(policy: dict) -> list[dict]:
    """The target's optional fields this region's rules use, and for which applications:
    {name, types, levels} — `date` (the age on the application date, for a reduction), `degree`
    and `has_deputy_senior` (a rule that depends on them). A form asks a field only for those."""
    readiness = policy["readiness"]
    found: dict[str, dict] = {}

    def use(name: str, types: list[str], levels: list[str] | None) -> None:
        entry = found.setdefault(name, {"name": name, "types": [], "levels": []})
        entry["types"] += [t for t in types if t not in entry["types"]]
        entry["levels"] += [lv for lv in (levels or list(LEVEL)) if lv not in entry["levels"]]

    for rule in readiness.get("reductions", []):
        use("date", rule["types"], None)
    for rule in readiness["targets"]:
        if rule.get("degree"):
            use("degree", rule["types"], rule["levels"])
        if rule.get("has_deputy_senior") is not None:
            use("has_deputy_senior", rule["types"], rule["levels"])
    order = ["date", "degree", "has_deputy_senior"]
    return sorted(found.values(), key=lambda f: order.index(f["name"]))


def grid(policy: dict, kinds: dict) -> dict | None:
    """The year grid (rule data `grid`): per category the kind a cell writes and its hours field
    as a form shows it (label, unit), and what the grid is for."""
    spec = policy.get("grid")
    if not spec:
        return None
    cells = {}
    for category in ("public", "professional"):
        kind = kinds[spec[category]]
        hours_field = next(f for f in kind["fields"] if f["name"] == "hours")
        cells[category] = {"kind": kind["id"], "name": kind["name"], "field": "hours", "label": hours_field["label"],
                           "unit": hours_field["unit"], "plausible_max": hours_field.get("plausible_max")}
    return {**cells, "text": MESSAGES["grid"]}


def person_fact(spec: dict, asked: str = "person") -> dict:
    """A person fact as a form field: name, label, type (boolean, choice, year, date), choices,
    default, help, what an unanswered choice counts as (公有制单位（默认）), and where a form asks it."""
    default = next((c["label"] for c in spec.get("choices") or [] if c["value"] == spec.get("default")), None)
    return {
        "name": spec["name"],
        "label": spec["label"],
        "type": spec["type"],
        "choices": spec.get("choices"),
        "default": spec.get("default"),
        "help": spec.get("help"),
        "unset_label": f"{default}（默认）" if default else "未填",
        "asked": asked,
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


def filing_box(policy: dict, kind: dict) -> dict | None:
    """A kind's `filing` in the catalogue when its notice recognises only filed training: the field
    of the form's box (`filed`), the reason and the clause; None for other kinds. (The same rule
    as a sentence, for the region pages and the kind's facts, is calc.rule_words.filing.)"""
    spec = kind.get("filing")
    if not spec:
        return None
    return {"field": "filed", "reason": spec["reason"], "citation": ruledata.cites_text(policy, spec["cite"])}


def policies() -> list[dict]:
    """Every id a scenario may name, with its name and how a list of regions shows it (an alias:
    西宁市（按青海省的规定）)."""
    found = []
    for pid, policy in ruledata.rules()["policies"].items():
        found.append({"id": pid, "name": policy["name"], "alias_of": None, "label": policy["name"]})
        for alias in policy.get("aliases", []):
            label = f"{alias['name']}（按{policy['name']}的规定）"
            found.append({"id": alias["id"], "name": alias["name"], "alias_of": pid, "label": label})
    return found


def site_catalogue() -> dict:
    """calculator/catalogue.json: the rule data's hash, the limits (calc/limits.py), the vocabulary
    (for a page whose region is unknown), the policies, and the catalogue of every policy that is
    not an alias (an alias, `alias_of` set, uses the catalogue of the policy it follows)."""
    found = policies()
    return {
        "rules_hash": ruledata.rules_hash(),
        "limits": limits.as_dict(),
        "vocabulary": vocabulary(),
        "policies": found,
        "catalogues": {p["id"]: catalogue(p["id"]) for p in found if not p["alias_of"]},
    }
