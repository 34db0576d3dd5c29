"""The window of a title application: which rule of the notice applies to it (by type, level,
degree) and which years it looks at, once the rule and the tenure start are known (an open one is
one of calc/possibilities.py's values). The ledger opens these years even when nothing was entered
in them.

The rule data says, for each kind of application, the window's mode (policies/schema.py, Window):
`since` a year, the `recent` years, `listed` years, the whole `tenure`, or `none`. A move from a
civil-service post (`readiness.transfer`) shortens it to the years after the move.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calc.scenario import Scenario, Target


@dataclass(frozen=True)
class Window:
    """The application's rule and the years it looks at."""

    rule: dict
    years: tuple[int, ...] = ()
    needed: int = 0  # how many of the years must be met
    transfer_year: int | None = None  # the move from a civil-service post that shortened it
    tenure: int | None = None  # the tenure start it was drawn for (a tenure window; None: not one)
    waived: dict = field(default_factory=dict, compare=False)  # year -> categories not asked for

    @property
    def mode(self) -> str:
        return self.rule["window"]["mode"]

    @property
    def all_years(self) -> bool:
        """Every year must be met (listed, tenure), not some number of them (since, recent)."""
        return self.mode in ("listed", "tenure")

    @property
    def average_before(self) -> int | None:
        """Years before this one are judged together by their average (威海 2018年以前)."""
        return self.rule["window"].get("average_before")

    @property
    def annual_years(self) -> list[int]:
        first = self.average_before
        return [y for y in self.years if first is None or y >= first]

    @property
    def early_years(self) -> list[int]:
        first = self.average_before
        return [y for y in self.years if first is not None and y < first]


def application_rule(readiness: dict, target: Target) -> dict | None:
    """The first of the notice's title rules that covers this application."""
    for rule in readiness["targets"]:
        if target.type not in rule["types"] or target.level not in rule["levels"]:
            continue
        if rule.get("degree") and target.degree not in rule["degree"]:
            continue
        if rule.get("has_deputy_senior") is not None and rule["has_deputy_senior"] != bool(target.has_deputy_senior):
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


def window_of(scenario: Scenario, rule: dict, tenure: int | None) -> Window:
    """The years `rule` looks at for the scenario's application, the tenure beginning in `tenure`
    (a tenure window without one is the application year alone: calc/possibilities.py tries every
    tenure start where it is open)."""
    spec = rule["window"]
    mode, year = spec["mode"], scenario.target.year
    if mode == "since":
        years, needed = list(range(spec["since"], year + 1)), spec["count"]
    elif mode == "recent":
        years, needed = list(range(year - spec["span"] + 1, year + 1)), spec["count"]
    elif mode == "listed":
        years = list(spec["years"])
        needed = len(years)
    elif mode == "tenure":
        years = list(range(year if tenure is None else tenure, year + 1))
        needed = len(years)
    else:
        return Window(rule=rule)
    moved = transfer_year(scenario, year)
    if moved is not None and moved < year:
        kept = [y for y in years if y > moved]
        needed = min(needed, len(kept)) if mode in ("since", "recent") else len(kept)
        years = kept
    else:
        moved = None
    waived: dict[int, set[str]] = {}
    for entry in spec.get("waive", []):
        waived.setdefault(entry.get("year"), set()).add(entry["category"])
    return Window(rule=rule, years=tuple(years), needed=needed, transfer_year=moved,
                  tenure=tenure if mode == "tenure" else None, waived=waived)
