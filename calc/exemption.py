"""Exemptions and reductions of a title application's hours: which of the notice's rules apply to
this person and application (rule data `readiness.exemptions`, `readiness.reductions`). Only the
finding is here: which reductions are still possible is calc/possibilities.py's, what the verdict
says about them calc/result_words.py's.
"""

from __future__ import annotations

from datetime import date

from calc.scenario import Scenario

CONDITIONS = ("person", "kind_in_application_year", "kind_in_window", "kind_any_year")


def has_kind(scenario: Scenario, kind_id: str, years: set[int] | None) -> bool:
    """An entry of the kind in one of `years` (None: in any year)."""
    return any(a.kind["id"] == kind_id and (years is None or a.year in years) for a in scenario.activities)


def exemption(scenario: Scenario, window_years: list[int], status: str) -> dict | None:
    """The first exemption rule of this `status` (exempt, reference_only) that applies: to the
    application's type and level, with its condition met (a person fact, or an entry of a kind in
    the application year, in the window, or in any year)."""
    target, person = scenario.target, scenario.person
    window = set(window_years) | {target.year}
    for rule in scenario.policy["readiness"].get("exemptions", []):
        if rule.get("status", "exempt") != status:
            continue
        if rule.get("types") and target.type not in rule["types"]:
            continue
        if rule.get("levels") and target.level not in rule["levels"]:
            continue
        if not any(rule.get(c) for c in CONDITIONS):
            continue
        if rule.get("person") and not person.matches(rule["person"]):
            continue
        if rule.get("kind_in_application_year") and not has_kind(scenario, rule["kind_in_application_year"], {target.year}):
            continue
        if rule.get("kind_in_window") and not has_kind(scenario, rule["kind_in_window"], window):
            continue
        if rule.get("kind_any_year") and not has_kind(scenario, rule["kind_any_year"], None):
            continue
        return rule
    return None


def age_on(born: date, when: date) -> int:
    """Age in full years on a date."""
    return when.year - born.year - ((when.month, when.day) < (born.month, born.day))


def reduction_rule(rules: list[dict], gender: str, age: int) -> dict | None:
    """The reduction rule (呼和浩特 三(一)) for a person of this gender and age, or None."""
    for rule in rules:
        if rule["gender"] != gender or age < rule["min_age"]:
            continue
        if rule.get("max_age") is not None and age > rule["max_age"]:
            continue
        return rule
    return None
