"""Exemptions and reductions of a title application's hours: which of the notice's rules apply to
this person and application (rule data `readiness.exemptions`, `readiness.reductions`). Only the
finding is here; what the verdict says about it is calc/verdict.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass
class Reduction:
    """An age reduction found for the application (呼和浩特): the rule, and the age it was found at.
    `rule` None with `facts_missing`: the notice has reductions for this type, but gender or birth
    date is not given."""

    rule: dict | None
    age: int | None = None
    facts_missing: bool = False

    @property
    def exempts(self) -> bool:
        return self.rule is not None and self.rule.get("fraction") is None

    @property
    def share(self) -> float:
        """The share of each requirement still asked (1 without a reduction)."""
        if self.rule is None or self.rule.get("fraction") is None:
            return 1.0
        top, bottom = self.rule["fraction"]
        return top / bottom


def age_reduction(scenario: Scenario) -> Reduction | None:
    """The age reduction that applies; None when the notice has none for this type of application."""
    rules = [r for r in scenario.policy["readiness"].get("reductions", []) if scenario.target.type in r["types"]]
    if not rules:
        return None
    person = scenario.person
    if person.gender is None or person.birth_date is None:
        return Reduction(rule=None, facts_missing=True)
    age = age_on(person.birth_date, scenario.target.date)
    for rule in rules:
        if rule["gender"] != person.gender or age < rule["min_age"]:
            continue
        if rule.get("max_age") is not None and age > rule["max_age"]:
            continue
        return Reduction(rule=rule, age=age)
    return Reduction(rule=None, age=age)
