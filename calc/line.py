"""A line of the ledger: what one activity credits to one year and one category, with the rule,
its clause and the notes that say how (calc/methods.py makes them, calc/ledger.py settles them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from calc import ruledata
from calc.vocabulary import hours as rounded_hours


@dataclass(eq=False)  # lines are compared by identity: two alike lines are still two lines
class Line:
    year: int
    activity: int | None
    kind: str
    name: str
    category: str | None
    hours: float
    uncapped: float
    rule: str
    citation: str
    quote: str = ""
    notes: list[str] = field(default_factory=list)
    effect: str | None = None
    cap: float | None = None
    reading: str | None = None
    once: bool = False  # the rule gives its amount once per year however many entries
    once_cut: bool = False  # this entry counts nothing: another of the year gave the amount (once per year)
    partner: int | None = None  # a make-up line: the year the hours came from, or went to

    def as_report(self) -> dict:
        entry = {
            "activity": self.activity,
            "kind": self.kind,
            "name": self.name,
            "category": self.category,
            "hours": rounded_hours(self.hours),
            "uncapped": rounded_hours(self.uncapped),
            "rule": self.rule,
            "citation": self.citation,
            "quote": self.quote,
            "note": "；".join(self.notes) if self.notes else None,
        }
        if self.reading:
            entry["reading"] = self.reading
        return entry


def rounded(amount: float) -> float:
    """An activity's hours, rounded half up to one decimal place once, where they are computed:
    every later sum is then exact, so a year's total is always the sum of its lines."""
    return float(rounded_hours(amount))


def rule_line(policy: dict, kind: dict, activity, year: int, hours: float, **extra) -> Line:
    """A line of `kind`'s rule for `activity` (None: not an entry's own) in `year`."""
    hours = rounded(hours)
    return Line(
        year=year,
        activity=activity.index if activity else None,
        kind=kind["id"],
        name=kind["name"],
        category=kind.get("category"),
        hours=hours,
        uncapped=hours,
        rule=f"{policy['id']}/{kind['id']}",
        citation=ruledata.cites_text(policy, kind["cite"]),
        quote=kind["cite"][0]["quote"].replace("**", ""),
        cap=kind.get("cap"),
        reading=kind.get("reading"),
        once=kind.get("once_per_year") is True,
        **extra,
    )


