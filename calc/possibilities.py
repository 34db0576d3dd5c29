"""The facts a verdict may still depend on, and the values each can still take (scenario.md,
2026-12-07): exactly gender, birth date, tenure start, degree and `has_deputy_senior`, where the
scenario does not give them and a rule of the application uses them. Everything else is as
entered. (The other open figures, each year's requirement that no source gives, are judged year by
year in calc/bounds.py.)

- degree and 已取得副高级职称 choose the notice's rule for the application (calc/window.py): each
  combination of their open values gives one rule, or none (a possibility with no rule has no
  verdict and does not count);
- tenure start (any year up to the application year) moves a tenure window and decides which
  achievements fall in the tenure: only the years where something changes are tried;
- gender and birth date choose an age reduction (呼和浩特 三(一)): each combination gives a share of
  the requirement; a share the clause leaves open to two readings (1/3 of each category, or of the
  total) gives both.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date

from calc import limits
from calc import methods
from calc.methods import ANY_TENURE_YEAR
from calc.exemption import age_on, reduction_rule
from calc.scenario import Month, Scenario, Target
from calc.vocabulary import DEGREE
from calc.window import application_rule

AGES = range(16, 101)  # the ages a person applying for a title can have, when the birth date is not given


@dataclass(frozen=True)
class RuleOption:
    """The notice's rule for the application under one combination of the open target facts."""

    rule: dict | None
    values: tuple[tuple[str, object], ...]  # (fact, value) of the open target facts


def rule_options(scenario: Scenario) -> tuple[list[RuleOption], list[str]]:
    """The rule of every combination of the open target facts (degree, has_deputy_senior), and the
    names of those facts; one option with the given facts when none is open."""
    target = scenario.target
    rules = [r for r in scenario.policy["readiness"]["targets"] if target.type in r["types"] and target.level in r["levels"]]
    domains: list[tuple[str, list]] = []
    if target.degree is None and any(r.get("degree") for r in rules):
        domains.append(("degree", list(DEGREE)))
    if target.has_deputy_senior is None and any(r.get("has_deputy_senior") is not None for r in rules):
        domains.append(("has_deputy_senior", [False, True]))
    combos: list[dict] = [{}]
    for name, values in domains:
        combos = [{**combo, name: value} for combo in combos for value in values]
    options = []
    for combo in combos:
        chosen = replace(target, **combo)
        if chosen.has_deputy_senior is None:
            chosen = replace(chosen, has_deputy_senior=False)
        options.append(RuleOption(application_rule(scenario.policy["readiness"], chosen), tuple(combo.items())))
    return options, [name for name, _ in domains]


def uses_tenure(scenario: Scenario, rules: list[dict | None]) -> bool:
    """Whether any rule of the application, or anything entered, depends on 任现职."""
    if any(rule and rule["window"]["mode"] == "tenure" for rule in rules):
        return True
    return bool(tenure_dependent_years(scenario))


def tenure_dependent_years(scenario: Scenario) -> set[int]:
    """The years of entries whose effect depends on when the tenure began: achievements counted
    only in the tenure and a degree counted for the window when obtained in it (before the
    application year: a tenure begins by then), conversions over the whole tenure, a year
    completed anywhere in the tenure (驻村)."""
    converting = {r["kind"] for r in scenario.policy["readiness"].get("window_conversions", [])}
    last = scenario.target.year if scenario.target else None
    found = set()
    for activity in scenario.activities:
        kind = activity.kind
        conv = kind["conversion"]
        years = {activity.year, *(activity.values.get(conv.get("per_year_of") or "", []) or [])}
        if methods.of(conv).depends_on_tenure(conv):
            found |= years
        elif kind.get("tenure_only") or kind["id"] in converting:
            found |= {y for y in years if last is None or y < last}
    return found


def tenure_values(scenario: Scenario, rules: list[dict | None]) -> list[int | None]:
    """The tenure starts to try: the one given; None when nothing depends on it; else every year
    where something changes (each year entered, the year after it, the year before all of them,
    the application year), and the earliest year there is where a window averages early years
    (威海 2018年以前: more empty years lower the average)."""
    given = scenario.person.tenure_start
    if given is not None:
        return [given]
    if not uses_tenure(scenario, rules):
        return [None]
    last = scenario.target.year
    entered = {a.year for a in scenario.activities} | set(scenario.requirements) | tenure_dependent_years(scenario)
    entered = {y for y in entered if y <= last}
    values = {last, min(entered | {last}) - 1}
    for year in entered:
        values.update((year, year + 1))
    if any(rule and rule["window"].get("average_before") for rule in rules):
        values.add(limits.YEAR_MIN)
    return sorted(v for v in values if limits.YEAR_MIN <= v <= last)


@dataclass(frozen=True)
class Share:
    """The part of each year's requirement an application asks for, under one possibility of an
    age reduction: 1 (none), a fraction (of each category, or of the total under the clause's other
    reading), or none at all (exempt)."""

    fraction: float = 1.0
    of_total: bool = False
    exempt: bool = False
    rule: dict | None = field(default=None, compare=False)  # the reduction rule that gives it
    other_reading: bool = False  # the clause's other reading, not the site's

    @property
    def text(self) -> str | None:
        """The fraction as the notice writes it (1/3)."""
        if self.rule is None or not self.rule.get("fraction"):
            return None
        return "{}/{}".format(*self.rule["fraction"])


FULL = Share()


def ages(born: date | Month | None, when: date) -> list[int]:
    """The ages in full years a person can be on `when`: one for a whole date, one or two for a
    month (the day open), every age for no date."""
    if born is None:
        return list(AGES)
    if isinstance(born, Month):
        first = date(born.year, born.month, 1)
        last = date(born.year, born.month, calendar.monthrange(born.year, born.month)[1])
        return sorted({age_on(first, when), age_on(last, when)})
    return [age_on(born, when)]


def shares_of(rule: dict | None) -> list[Share]:
    """The shares a reduction rule (or none) gives: the site's reading first, then the other."""
    if rule is None:
        return [FULL]
    if rule.get("fraction") is None:
        return [Share(fraction=0.0, exempt=True, rule=rule)]
    top, bottom = rule["fraction"]
    found = [Share(fraction=top / bottom, of_total=rule.get("share_of") == "total", rule=rule)]
    other = rule.get("other_reading")
    if other and other != rule.get("share_of", "each_category"):
        found.append(Share(fraction=top / bottom, of_total=other == "total", rule=rule, other_reading=True))
    return found


@dataclass(frozen=True)
class Reductions:
    """The age reductions an application may get: for each (gender, age) still possible, the rule
    (None: no reduction). Empty `cases` when the notice has no reduction for this application."""

    cases: dict[tuple[str, int], dict | None]
    genders: tuple[str, ...]

    def rules(self) -> list[dict | None]:
        found: list[dict | None] = []
        for rule in self.cases.values():
            if rule not in found:
                found.append(rule)
        return found or [None]


def reductions(scenario: Scenario) -> Reductions:
    target = scenario.target
    rules = [r for r in scenario.policy["readiness"].get("reductions", []) if target.type in r["types"]]
    if not rules:
        return Reductions({}, ())
    person = scenario.person
    genders = (person.gender,) if person.gender else ("male", "female")
    cases = {(g, a): reduction_rule(rules, g, a) for g in genders for a in ages(person.birth_date, target.date)}
    return Reductions(cases, genders)


def with_target(target: Target, values: tuple[tuple[str, object], ...]) -> Target:
    return replace(target, **dict(values)) if values else target


def any_year_lines(ledger) -> list:
    """The lines of a ledger that complete any one year of the tenure (驻村满1年)."""
    return [
        line for year in ledger.years.values() for line in year.lines
        if line.effect == ANY_TENURE_YEAR and line.activity is not None and line.year == year.year and line.category is None
    ]
