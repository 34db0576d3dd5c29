"""The window of a title application: which rule of the notice applies to it (by type, level,
degree) and which years it looks at, known before the ledger is built (the ledger opens these
years even when nothing was entered in them).

The rule data says, for each kind of application, the window's mode (policies/schema.py, Window):
`since` a year, the `recent` years, `listed` years, the whole `tenure`, or `none`. A move from a
civil-service post (`readiness.transfer`) shortens it to the years after the move.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calc import ruledata
from calc.scenario import Scenario, Target

NO_TENURE = "需要知道任现职年度（从哪一年起任现职）才能确定核验哪些年度。"


@dataclass
class Window:
    """The application's rule and the years it looks at."""

    rule: dict | None  # the notice's rule for this application (readiness.targets[]), None: none
    years: list[int] = field(default_factory=list)
    needed: int = 0  # how many of the years must be met
    transfer_year: int | None = None  # the move from a civil-service post that shortened it
    problem: str | None = None  # why the years cannot be known (e.g. no tenure_start)
    missing: list[str] = field(default_factory=list)  # the person facts that would tell them


def application_rule(readiness: dict, target: Target) -> dict | None:
    """The first of the notice's title rules that covers this application."""
    for rule in readiness["targets"]:
        if target.type not in rule["types"] or target.level not in rule["levels"]:
            continue
        if rule.get("degree") and target.degree not in rule["degree"]:
            continue
        if rule.get("has_deputy_senior") is not None and rule["has_deputy_senior"] != target.has_deputy_senior:
            continue
        return rule
    return None


def transfer_year(scenario: Scenario, until: int) -> int | None:
    """The latest move from a civil-service post (the kind `readiness.transfer` names) up to `until`."""
    rule = scenario.policy["readiness"].get("transfer")
    if rule is None:
        return None
    years = [a.year for a in scenario.activities if a.kind["id"] == rule["kind"] and a.year <= until]
    return max(years) if years else None


def window_of(scenario: Scenario) -> Window | None:
    """The window of the scenario's title application; None without one."""
    target = scenario.target
    if target is None:
        return None
    readiness = scenario.policy["readiness"]
    rule = application_rule(readiness, target)
    result = Window(rule=rule)
    if rule is None or not ruledata.in_years(target.year, readiness["applications"]):
        return result
    spec = rule["window"]
    mode, year = spec["mode"], target.year
    if mode == "since":
        years, needed = list(range(spec["since"], year + 1)), spec["count"]
    elif mode == "recent":
        years, needed = list(range(year - spec["span"] + 1, year + 1)), spec["count"]
    elif mode == "listed":
        years = list(spec["years"])
        needed = len(years)
    elif mode == "tenure":
        start = scenario.person.tenure_start
        if start is None:
            result.problem = NO_TENURE
            result.missing = ["tenure_start"]
            return result
        years = list(range(start, year + 1))
        needed = len(years)
    else:
        return result
    moved = transfer_year(scenario, year)
    if moved is not None and moved < year:
        result.transfer_year = moved
        kept = [y for y in years if y > moved]
        needed = min(needed, len(kept)) if mode in ("since", "recent") else len(kept)
        years = kept
    result.years, result.needed = years, needed
    return result
