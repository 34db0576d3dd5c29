"""Requirement: what a year asks for (公需 and 专业 hours), from the notice or from the user.

A year the notices do not cover is unknown, never guessed: the user may supply the figures of
their own notice, and the report then says the figures are the user's.
"""

from __future__ import annotations

from dataclasses import dataclass

from calc import ruledata


@dataclass(frozen=True)
class Requirement:
    public: float | None
    professional: float | None
    source: str | None  # "policy" | "user" | None (unknown)
    annual: bool = True  # False: the notice judges these years otherwise (e.g. by an average)
    citation: str | None = None
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.public is not None and self.professional is not None

    def as_report(self) -> dict | None:
        if not self.known:
            return None
        return {
            "public": _num(self.public),
            "professional": _num(self.professional),
            "total": _num(self.public + self.professional),
        }


def _num(value: float):
    from calc.text import hours

    return hours(value)


def requirement(policy: dict, year: int, supplied: dict[int, dict]) -> Requirement:
    for entry in policy["requirements"]:
        if ruledata.in_years(year, entry["years"]):
            citation = ruledata.cites_text(policy, entry["cite"])
            if not entry.get("annual", True):
                return Requirement(None, None, None, annual=False, citation=citation, note=entry.get("note"))
            note = None
            if year in supplied:
                note = "该年度通知已有规定，您填写的要求未采用"
            return Requirement(entry["public"], entry["professional"], "policy", citation=citation, note=note)
    if year in supplied:
        figures = supplied[year]
        return Requirement(
            figures["public"], figures["professional"], "user",
            note="该年度要求为您自行填写的数字（依据的通知不含该年度），请以您所在地通知为准",
        )
    return Requirement(None, None, None, note=policy["unknown_years_note"].strip())
