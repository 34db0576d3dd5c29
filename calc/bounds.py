"""The bounds of one possibility (calc/possibilities.py: a rule, a tenure start, a share of the
requirement): how each year of the window can still turn out, and so whether the application is
ready in the best and in the worst of the open figures, and whether the hours that open years can
still take could make it ready (scenario.md, 2026-12-07).

A year of the window is
- `met` for certain: a whole year deemed complete, or hours that meet a requirement the notice
  gives or the user entered (after an age reduction's share, and under the reading in force);
- `short` for certain: a known requirement not met, or one no source gives that no requirement of
  the national floor could be met with (calc/ledger.py Year.below_floor);
- `either`: a requirement no source gives that the hours could meet, and could not (no figure is
  too high for a notice to set): it turns out well in the best case and not in the worst.
Monotone: more hours, lower requirements and more met years never make an application worse, so
the best case is every `either` year met and the worst none of them; the hours open years can still
take move a `short` year to `met` (known requirement) or `either` (unknown). Years before
`average_before` (威海 2018年以前) are judged together by their average, which is known.
A year completed anywhere in the tenure (驻村满1年) fills one year that is not met for certain: the
earliest that can no longer be filled, else the earliest short one, else the earliest `either`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calc import ruledata
from calc.ledger import EPSILON, Ledger, Year
from calc.open_years import OpenYears
from calc.possibilities import Share, any_year_lines
from calc.vocabulary import CATEGORY, hours
from calc.window import Window

MET, EITHER, SHORT = "met", "either", "short"


@dataclass
class YearCall:
    """One year of the window as this possibility judges it."""

    year: int
    state: str  # MET, EITHER, SHORT
    gap: dict  # {"year", "public", "professional"}: hours missing against a known requirement
    known: bool  # the requirement is known (the notice's or the user's)
    floor: bool = False  # short only because of the national floor (requirement unknown)
    open_in: dict = field(default_factory=dict)  # category -> the open year that can still take its hours, or None
    entered: bool = True  # something entered as done credits it
    completed_by: object = None  # the line of an entry that completes it (驻村满1年)

    @property
    def fixable(self) -> bool:
        """Hours that open years can still take could meet it (or, requirement unknown, could meet
        some requirement: it would become `either`)."""
        if self.state == MET:
            return True
        needed = [c for c in CATEGORY if self.gap.get(c)] if self.known else list(CATEGORY)
        if not needed:
            return False
        found = [self.open_in.get(c) is not None for c in needed]
        return all(found) if self.known else any(found)

    @property
    def gap_hours(self) -> float:
        return self.gap["public"] + self.gap["professional"]


@dataclass
class Average:
    """The early years of the window judged together (威海: 平均每年100学时)."""

    years: list[int]
    total: float
    needed: float  # the average asked for, per year
    open_in: tuple[int, str] | None  # the latest early year and category that can still take hours

    @property
    def open(self) -> bool:
        return self.open_in is not None

    @property
    def met(self) -> bool:
        return self.total + EPSILON >= self.needed * len(self.years)

    @property
    def missing(self) -> float:
        return max(0.0, self.needed * len(self.years) - self.total)

    def gap(self) -> dict | None:
        """The missing hours as a year's gap where they can still be taken (威海 2019: 往年公需科目补学)."""
        if self.met or self.open_in is None:
            return None
        year, category = self.open_in
        gap = {"year": year, "public": 0, "professional": 0}
        gap[category] = hours(self.missing)
        return gap


@dataclass
class Outcome:
    """What one possibility gives."""

    window: Window
    share: Share
    calls: dict[int, YearCall]
    average: Average | None
    best: bool  # ready when every `either` year turns out well
    worst: bool  # ready when none does
    reach: bool  # ready in the best case with the hours open years can still take
    need: int  # how many `either` years must turn out well (best case, without adding hours)
    counted: list[int]  # the met years that count (the most recent ones, where some are enough)
    plan_gaps: list[dict] | None  # the least hours in open years that make the best case ready
    relied: list[int]  # the `either` years the best case with that plan still relies on
    helpful_gaps: list[dict]  # undecided: the least hours in open years that lessen what must turn out well
    helpful_need: int  # how many `either` years must still turn out well once they are added (0: none)
    closed: list[int]  # short years whose hours can no longer be taken
    conversion: dict | None = None  # the window conversion used (学历学位 in the tenure)
    tenure: int | None = None  # the tenure start of the possibility (None: nothing depends on it)

    def key(self) -> tuple:
        """What a fact's value can change: the verdict in both cases, whether it can be reached,
        how many open figures must turn out well, and the hours still to add where."""
        plan = tuple((g["year"], g["public"], g["professional"]) for g in self.plan_gaps or ())
        average = self.average.missing if self.average is not None else 0
        return (self.best, self.worst, self.reach, self.need, plan, average)


def judge_year(year: Year, share: Share, waived: set[str], professional_full: bool) -> tuple[str, dict, bool]:
    """A year's state for the application, its gap per category (known requirement), and whether
    it is short only by the national floor."""
    gap = {"year": year.year, "public": 0, "professional": 0}
    if year.complete or share.exempt:
        return MET, gap, False
    req = year.requirement
    asked = [c for c in CATEGORY if c not in waived and not (c == "professional" and (professional_full or year.professional_full))]
    if not req.known:
        if waived or professional_full or not asked or len(asked) < len(CATEGORY):
            return EITHER, gap, False
        if year.below_floor(share.fraction):
            return SHORT, gap, True
        return EITHER, gap, False
    if share.of_total:
        needed = sum(getattr(req, c) for c in asked) * share.fraction
        have = sum(year.hours(c) for c in asked)
        if have + EPSILON >= needed:
            return MET, gap, False
        short = needed - have  # counted where the notice asks most: the plan follows the site's reading
        gap["professional" if "professional" in asked else asked[0]] = hours(short)
        return SHORT, gap, False
    for category in asked:
        short = getattr(req, category) * share.fraction - year.hours(category)
        gap[category] = hours(short) if short > EPSILON else 0
    return (SHORT if gap["public"] or gap["professional"] else MET), gap, False


def window_conversion(scenario, window: Window, tenure: int | None) -> dict | None:
    """A window conversion that fills the 专业 of every year of the window (青海 学历学位 obtained
    during the tenure, for the application to the next level): its rule and the entry, or None."""
    target = scenario.target
    for rule in scenario.policy["readiness"].get("window_conversions", []):
        if not ruledata.in_years(target.year, rule["applications"]) or tenure is None:
            continue
        used = [a for a in scenario.activities if a.kind["id"] == rule["kind"] and tenure <= a.year <= target.year]
        if used:
            return {"rule": rule, "activity": used[0]}
    return None


def cheapest(gaps: list[dict], count: int) -> list[dict]:
    """The `count` gaps that add up to the least (ties: the most recent first), in year order."""
    ranked = sorted(gaps, key=lambda g: (g["public"] + g["professional"], -g["year"]))
    return sorted(ranked[:count], key=lambda g: g["year"])


def judge(scenario, ledger: Ledger, window: Window, share: Share, tenure: int | None, open_years: OpenYears) -> Outcome:
    """The bounds of one possibility (module docstring)."""
    conversion = window_conversion(scenario, window, tenure)
    calls: dict[int, YearCall] = {}
    for number in window.annual_years:
        year = ledger.peek(number)
        state, gap, floor = judge_year(year, share, window.waived.get(number, set()), conversion is not None)
        call = YearCall(number, state, gap, year.requirement.known, floor, entered=year.entered)
        if state != MET:
            categories = [c for c in CATEGORY if gap[c]] if call.known else list(CATEGORY)
            call.open_in = {c: open_years.taken_in(number, c, ledger.years) for c in categories}
        calls[number] = call
    complete_any_years(ledger, calls, tenure)
    average = None
    if window.early_years:
        early = window.early_years
        total = sum(ledger.peek(y).total for y in early)
        open_in = next(((y, c) for y in reversed(early) for c in CATEGORY if open_years.taken_in(y, c, ledger.years) == y), None)
        average = Average(early, total, window.rule["window"]["average"] * (0.0 if share.exempt else share.fraction), open_in)
    return outcome(window, share, calls, average, conversion, tenure)


def complete_any_years(ledger: Ledger, calls: dict[int, YearCall], tenure: int | None) -> None:
    """Each entry that completes any one year of the tenure (驻村满1年) fills one year not met for
    certain: the earliest that can no longer be filled, else the earliest short, else the earliest
    `either` (within the tenure when its start is known)."""
    for line in any_year_lines(ledger):
        candidates = [c for y, c in sorted(calls.items()) if c.state != MET and (tenure is None or y >= tenure)]
        if not candidates:
            continue
        chosen = (
            next((c for c in candidates if c.state == SHORT and not c.fixable), None)
            or next((c for c in candidates if c.state == SHORT), None)
            or candidates[0]
        )
        chosen.state, chosen.completed_by = MET, line
        chosen.gap = {"year": chosen.year, "public": 0, "professional": 0}


def outcome(window: Window, share: Share, calls: dict[int, YearCall], average: Average | None, conversion,
            tenure: int | None = None) -> Outcome:
    met = [y for y, c in calls.items() if c.state == MET]
    either = [y for y, c in calls.items() if c.state == EITHER]
    short = [c for c in calls.values() if c.state == SHORT]
    fixable = [c for c in short if c.fixable]
    plannable = [c.gap for c in fixable if c.known]
    closed = sorted(c.year for c in short if not c.fixable)
    average_ok = average is None or average.met
    average_reach = average is None or average.met or average.open
    needed = window.needed
    if window.all_years:
        best = not short and average_ok
        worst = best and not either
        reach = not closed and average_reach
        need = len(either)
        counted = sorted(met)
        plan_gaps = [c.gap for c in short] if reach and len(plannable) == len(short) else None
        relied = sorted(either)
        helpful = [c.gap for c in short] if short and len(plannable) == len(short) else []
        helpful_need = len(either)
    else:
        best = len(met) + len(either) >= needed and average_ok
        worst = len(met) >= needed and average_ok
        reach = len(met) + len(either) + len(fixable) >= needed and average_reach
        need = max(0, needed - len(met))
        counted = sorted(met)[-needed:] if len(met) >= needed else sorted(met)
        extra = max(0, needed - len(met) - len(either))
        plan_gaps = cheapest(plannable, extra) if reach and len(plannable) >= extra else None
        relied_count = max(0, needed - len(met) - len(plan_gaps or []))
        relied = sorted(either) if relied_count else []
        helpful = cheapest(plannable, min(len(plannable), max(0, needed - len(met))))
        helpful_need = max(0, needed - len(met) - len(helpful))
    if average is not None and not average.met:  # the average's hours belong to the plan too, where they can be taken
        plan_gaps = plan_gaps + [average.gap()] if plan_gaps is not None and average.open else None
        helpful = helpful + [average.gap()] if average.open else []
    return Outcome(window, share, calls, average, best, worst, reach, need, counted, plan_gaps, relied,
                   helpful, helpful_need, closed, conversion, tenure)
