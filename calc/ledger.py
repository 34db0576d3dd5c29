"""The ledger: every year's lines after caps, whole-requirement conversions and make-up.

Order, fixed so that a year's figures never depend on the order activities were entered:
1. each activity's lines (calc/conversion.py);
2. amounts a rule gives once per year (`once_per_year`): the highest entry of the year counts;
3. per-year caps on the sum of a kind's lines (cut in entry order: the total is the same);
4. whole-requirement conversions and whole-year completion, topped up to the year's requirement;
5. make-up between years (Hefei's following-year 补学, Qinghai's 2021 reform 补学).
A year's public/professional/total figures are always the sums of its lines. Where the notice
hands the person to other rules (`handoffs`), the years are computed but not judged (met: null).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calc import ruledata
from calc.conversion import convert
from calc.line import Line
from calc.methods import COMPLETE_YEAR, WHOLE_PROFESSIONAL
from calc.requirement import Requirement, requirement
from calc.scenario import Scenario
from calc.vocabulary import CATEGORY, fmt

EPSILON = 1e-6


@dataclass
class Year:
    year: int
    requirement: Requirement
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    complete: bool = False
    professional_full: bool = False
    judged: bool = True  # false: the notice hands the person to other rules (met is null)

    def hours(self, category: str | None) -> float:
        return sum(line.hours for line in self.lines if line.category == category)

    @property
    def entered(self) -> bool:
        """Something entered as done credits this year (make-up moved from another year does not)."""
        return any(line.activity is not None for line in self.lines)

    @property
    def total(self) -> float:
        return sum(line.hours for line in self.lines)

    def shortfall(self, category: str, share: float = 1.0) -> float | None:
        needed = getattr(self.requirement, category)
        if needed is None:
            return None
        return max(0.0, needed * share - self.hours(category))

    def surplus(self, category: str) -> float:
        needed = getattr(self.requirement, category)
        return 0.0 if needed is None else max(0.0, self.hours(category) - needed)

    @property
    def met(self) -> bool | None:
        if not self.judged:
            return None
        if self.complete:
            return True
        if not self.requirement.annual:
            return None
        if not self.requirement.known:
            return False if self.below_floor(1.0) else None
        return all(self.shortfall(c) <= EPSILON for c in CATEGORY)

    def below_floor(self, share: float) -> bool:
        """A year whose requirement no source gives, and that no requirement of the national floor
        (share of it, after an age reduction) could be met with: fewer hours in total than the
        floor (人社部令第25号 第八条, from 2016), or none at all before it. A whole-year or
        whole-professional conversion meets a year on its own, so the floor does not bind it."""
        if self.requirement.known or self.complete or self.professional_full:
            return False
        least = ruledata.floor(self.year)
        if least is None:
            return self.total <= EPSILON
        return self.total < least * share - EPSILON or self.total <= EPSILON


class Ledger:
    def __init__(self, scenario: Scenario, extra_years: set[int] = frozenset()):
        self.scenario = scenario
        self.policy = scenario.policy
        self.years: dict[int, Year] = {}
        self.handoff = handoff(self.policy, scenario.person)
        horizon = max([a.year for a in scenario.activities] + [scenario.target.year if scenario.target else 0])
        lines = [line for a in scenario.activities for line in convert(self.policy, a, scenario.person, horizon)]
        apply_once_per_year(lines)
        apply_caps(lines)
        for line in lines:
            self.year(line.year).lines.append(line)
        for year in extra_years | set(scenario.requirements):
            self.year(year)
        for make_up in self.policy.get("make_up", []):
            if make_up.get("targets") and self._make_up_applies(make_up):
                for year in make_up["targets"]:
                    self.year(year)
        for year in list(self.years.values()):
            self.settle(year)
        self.apply_make_up()

    def peek(self, number: int) -> Year:
        """The year as the ledger has it, or as it would be with nothing in it (not added)."""
        if number in self.years:
            return self.years[number]
        return Year(number, requirement(self.policy, number, self.scenario.requirements, self.scenario.person))

    def year(self, number: int) -> Year:
        if number not in self.years:
            req = requirement(self.policy, number, self.scenario.requirements, self.scenario.person)
            entry = Year(number, req)
            if req.note:
                entry.notes.append(req.note)
            if self.handoff is not None:
                entry.judged = False
                entry.notes.append(
                    f"{self.handoff['label']}（{ruledata.cites_text(self.policy, self.handoff['cite'])}）："
                    "本年度按一般规定计算的学时仅供参考，不判断是否达标"
                )
            for note in self.policy.get("year_notes", []):
                if ruledata.in_years(number, note["years"]):
                    entry.notes.append(f"{note['text']}（{ruledata.cites_text(self.policy, note['cite'])}）")
            self.years[number] = entry
        return self.years[number]

    def settle(self, year: Year) -> None:
        """Top whole-requirement and whole-year lines up to the year's requirement."""
        for line in year.lines:
            if line.effect == WHOLE_PROFESSIONAL:
                year.professional_full = True
            elif line.effect == COMPLETE_YEAR:
                year.complete = True
        if year.professional_full:
            self._top_up(year, "professional", [l for l in year.lines if l.effect == WHOLE_PROFESSIONAL])
        if year.complete:
            completers = [l for l in year.lines if l.effect == COMPLETE_YEAR and l.category != "professional"]
            self._top_up_complete(year, completers)

    def _top_up(self, year: Year, category: str, carriers: list[Line]) -> None:
        needed = getattr(year.requirement, category)
        if not carriers:
            return
        if needed is None:
            for line in carriers:
                if "当年要求未知" not in "".join(line.notes):
                    line.notes.append("当年要求未知，无法换算成具体学时；如您有当年通知，可填写当年要求")
            return
        others = sum(l.hours for l in year.lines if l.category == category and l not in carriers)
        first = carriers[0]
        first.hours = first.uncapped = max(0.0, needed - others)
        for line in carriers[1:]:
            line.hours = line.uncapped = 0.0
            said = f"当年{CATEGORY[category]}已按全部学时认定（见{entry_name(first)}），本条不重复计算"
            if said not in line.notes:
                line.notes.append(said)

    def _top_up_complete(self, year: Year, completers: list[Line]) -> None:
        """A complete year: the completing activity carries the hours up to both requirements."""
        if not completers:
            return
        carrier = completers[0]
        carrier.category = "public"
        self._top_up(year, "public", [carrier])
        twins = [l for l in year.lines if l.activity == carrier.activity and l.kind == carrier.kind and l.category == "professional" and l.effect == carrier.effect]
        if not twins:
            twin = Line(**{**carrier.__dict__, "category": "professional", "notes": list(carrier.notes), "hours": 0.0, "uncapped": 0.0})
            year.lines.append(twin)
            twins = [twin]
        if not year.professional_full:
            self._top_up(year, "professional", twins)

    def complete_year(self, number: int, line: Line) -> None:
        """Count a year as complete through an activity credited elsewhere (驻村)."""
        year = self.year(number)
        year.complete = True
        carrier = Line(**{**line.__dict__, "year": number, "notes": list(line.notes), "category": "public"})
        year.lines.append(carrier)
        self._top_up_complete(year, [carrier])

    def professional_full(self, number: int, line: Line) -> None:
        """Fill a year's 专业 requirement through an activity credited elsewhere (学历学位)."""
        year = self.year(number)
        carrier = Line(**{**line.__dict__, "year": number, "notes": list(line.notes), "category": "professional"})
        year.lines.append(carrier)
        year.professional_full = True
        self._top_up(year, "professional", [l for l in year.lines if l.effect == WHOLE_PROFESSIONAL])

    def _make_up_applies(self, make_up: dict) -> bool:
        flag = make_up.get("person_flag")
        return flag is None or bool(self.scenario.person.flag(flag))

    def apply_make_up(self) -> None:
        for make_up in self.policy.get("make_up", []):
            if not self._make_up_applies(make_up):
                continue
            citation = ruledata.cites_text(self.policy, make_up["cite"])
            for donor in sorted(self.years):
                if not ruledata.in_years(donor, make_up["donors"]):
                    continue
                targets = [donor - 1] if make_up.get("previous_year_only") else make_up["targets"]
                for category in CATEGORY:
                    for target in targets:
                        if target in self.years:
                            self._move(make_up, citation, category, self.years[donor], self.years[target])

    def _move(self, make_up: dict, citation: str, category: str, donor: Year, target: Year) -> None:
        short = target.shortfall(category)
        spare = donor.surplus(category)
        if not short or not spare or donor.requirement.source is None:
            return
        if donor.requirement.outside or target.requirement.outside:
            return  # a year under another region's rules (调入以前): the region's make-up does not reach it
        amount = min(short, spare)
        rule = f"{self.policy['id']}/{make_up['id']}"
        quote = make_up["cite"][-1]["quote"]
        name = "补学"
        give = Line(donor.year, None, "make_up", name, category, -amount, -amount, rule, citation, quote,
                    [f"超出当年要求的{CATEGORY[category]}{fmt(amount)}学时用于补{target.year}年"], reading=make_up.get("reading"),
                    partner=target.year)
        take = Line(target.year, None, "make_up", name, category, amount, amount, rule, citation, quote,
                    [f"由{donor.year}年超出要求的{CATEGORY[category]}学时补学{fmt(amount)}学时"], reading=make_up.get("reading"),
                   partner=donor.year)
        donor.lines.append(give)
        target.lines.append(take)


def handoff(policy: dict, person) -> dict | None:
    """The first of the policy's handoffs whose person conditions hold (青海 六(八): 卫生、会计 …)."""
    for rule in policy.get("handoffs", []):
        if person.matches(rule["person"]):
            return rule
    return None


def entry_name(line: Line) -> str:
    return f"第{line.activity + 1}条" if line.activity is not None else line.name


def apply_once_per_year(lines: list[Line]) -> None:
    """A rule that gives a fixed amount per year (当年60学时, 每年90学时, 达到2000积分折算5学时)
    gives it once per year: of a year's entries of the kind the highest counts (the first, when
    equal), the others count nothing and say why."""
    best: dict[tuple[str, int], Line] = {}
    for line in lines:
        if line.once and line.effect is None:
            key = (line.rule, line.year)
            if key not in best or line.hours > best[key].hours:
                best[key] = line
    for line in lines:
        if not line.once or line.effect is not None:
            continue
        kept = best[(line.rule, line.year)]
        if line is kept or not line.hours:
            continue
        line.notes.append(
            f"按规定每年只计一次：{line.year}年已按{entry_name(kept)}计入{fmt(kept.hours)}学时，本条不再计入"
        )
        line.hours = line.uncapped = 0.0
        line.once_cut = True


def apply_caps(lines: list[Line]) -> None:
    """Cut lines so that each kind's hours in one year stay within its cap, in entry order."""
    used: dict[tuple[str, int], float] = {}
    for line in lines:
        if line.cap is None or line.effect is not None:
            continue
        key = (line.rule, line.year)
        room = max(0.0, line.cap - used.get(key, 0.0))
        if line.hours > room:
            cut = line.hours - room
            line.hours = room
            line.notes.append(f"每年最多折算{fmt(line.cap)}学时，本项削减{fmt(cut)}学时")
        used[key] = used.get(key, 0.0) + line.hours
