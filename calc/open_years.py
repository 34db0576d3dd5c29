"""Open years: in which years hours can still be added, as of today, for a title application
(scenario.md, 2026-12-07).

A year can still take hours of a category while today is on or before the earlier of
- that year's last day for earning hours: the notice's own date where a deadline of the rule data
  ends the year's study (`ends_study`: 青海 2025 “至12月20日结束”; 威海 2019 公需 “截止到9月30日”,
  which also ends the make-up of 2015—2018's 公需), otherwise 12-31 of the year;
- the application date (`target.date`, default 12-31 of the application year): hours earned after
  the application are not in it.
A year that is over can still be filled through a make-up rule from an open year up to the
application year (合肥 顺延至下一年度补学: the year after it), provided the make-up reaches it.
"""

from __future__ import annotations

from datetime import date

from calc import ruledata
from calc.ledger import Year
from calc.scenario import Scenario


def last_day(policy: dict, year: int, category: str) -> date:
    """The last day hours of `category` can be earned for `year`."""
    for deadline in policy.get("deadlines", []):
        ends = deadline.get("ends_study")
        if ends is None or ends.get("category") not in (None, category):
            continue
        if ruledata.in_years(year, ends.get("years") or {"from": deadline["year"], "to": deadline["year"]}):
            return date.fromisoformat(deadline["date"])
    return date(year, 12, 31)


class OpenYears:
    """Which years can still take hours, as of `today`: for the scenario's application, or without
    one, until each year's last day."""

    def __init__(self, scenario: Scenario, today: date):
        self.scenario = scenario
        self.today = today
        self.known: dict[tuple[int, str], bool] = {}

    @property
    def over(self) -> bool:
        """The application's date has passed: it is judged as it stood."""
        target = self.scenario.target
        return target is not None and self.today > target.date

    def is_open(self, year: int, category: str) -> bool:
        if (year, category) not in self.known:
            target = self.scenario.target
            last = last_day(self.scenario.policy, year, category)
            if target is not None:
                last = min(last, target.date) if year <= target.year else date.min
            self.known[(year, category)] = self.today <= last
        return self.known[(year, category)]

    def any_open(self, year: int) -> bool:
        """Hours of some category can still be taken for the year (a page offers 计划中 there)."""
        return any(self.is_open(year, c) for c in ("public", "professional"))

    def taken_in(self, year: int, category: str, years: dict[int, Year]) -> int | None:
        """The open year in which hours of `category` for `year` can still be taken: the year
        itself, or a later year up to the application year whose make-up reaches it (neither year
        under another region's rules, the donor's own requirement known). None: it is over."""
        if self.is_open(year, category):
            return year
        scenario = self.scenario
        for make_up in scenario.policy.get("make_up", []):
            flag = make_up.get("person_flag")
            if flag and not scenario.person.flag(flag):
                continue
            for donor in range(year + 1, scenario.target.year + 1):
                if not ruledata.in_years(donor, make_up["donors"]) or not self.is_open(donor, category):
                    continue
                reaches = [donor - 1] if make_up.get("previous_year_only") else make_up.get("targets") or []
                if year not in reaches:
                    continue
                given, short = years.get(donor), years.get(year)
                if given is None or short is None:
                    continue
                if given.requirement.source is None or given.requirement.outside or short.requirement.outside:
                    continue
                return donor
        return None
