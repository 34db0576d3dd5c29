"""Whole years filled for a title application, once its window is known: changes to the settled
ledger that hold only for the application (calc/readiness.py calls them before judging).

- a window conversion (青海 学历学位 obtained during the tenure): every year of the window has
  its whole 专业 requirement;
- a year deemed complete wherever it is needed (驻村满1年: `complete_any_tenure_year`): the
  earliest year of the window that is otherwise not met (within the tenure when known).
"""

from __future__ import annotations

from calc import ruledata
from calc.conversion import ANY_TENURE_YEAR, WHOLE_PROFESSIONAL, rule_line
from calc.ledger import Ledger
from calc.scenario import Scenario
from calc.verdict import Verdict


def apply_window_conversions(scenario: Scenario, ledger: Ledger, window_years: list[int], verdict: Verdict) -> None:
    target = scenario.target
    tenure = scenario.person.tenure_start
    for rule in scenario.policy["readiness"].get("window_conversions", []):
        if not ruledata.in_years(target.year, rule["applications"]):
            continue
        found = [a for a in scenario.activities if a.kind["id"] == rule["kind"] and a.year <= target.year]
        if not found:
            continue
        if tenure is None:
            verdict.conversion_needs_tenure(rule)
            continue
        used = [a for a in found if a.year >= tenure]
        if not used:
            continue
        activity = used[0]
        verdict.conversion_used(rule)
        for year in window_years:
            line = rule_line(scenario.policy, activity.kind, activity, year, 0)
            line.effect = WHOLE_PROFESSIONAL
            line.notes.append(f"{target.year}年申报：{rule['label']}")
            ledger.professional_full(year, line)


def apply_any_year_completion(scenario: Scenario, ledger: Ledger, window_years: list[int], is_met, verdict: Verdict) -> None:
    """`is_met(year)`: whether a year of the window is met for this application."""
    tenure = scenario.person.tenure_start
    for year_entry in list(ledger.years.values()):
        for line in list(year_entry.lines):
            if line.effect != ANY_TENURE_YEAR or line.activity is None or line.year != year_entry.year:
                continue
            if line.category is not None:
                continue
            open_years = [y for y in window_years if (tenure is None or y >= tenure) and is_met(ledger.years[y]) is not True]
            if not open_years:
                line.notes.append("申报所需年度均已达标，未使用")
                continue
            chosen = open_years[0]
            line.notes.append(f"已用于{chosen}年（视同完成当年学时）")
            ledger.complete_year(chosen, line)
            verdict.year_completed(line.name, chosen, line.citation)
