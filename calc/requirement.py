"""Requirement: what a year asks for (公需 and 专业 hours), from the notice or from the user.

A year the notices do not cover is unknown, never guessed: the user may supply the figures of
their own notice, and the report then says the figures are the user's. Where the notice lets
other figures replace its own (`user_figures`: 合肥 四, an industry authority's higher
requirement), the user's figures are used even for years it covers, saying which clause allows
it. Years before the person moved into the region (`transfer_in`) are not judged by its figures.
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
    outside: bool = False  # a year under another region's rules (before the person moved in)

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
    from calc.vocabulary import hours

    return hours(value)


def requirement(policy: dict, year: int, supplied: dict[int, dict], person=None) -> Requirement:
    moved = transfer_in_year(policy, person)
    if moved is not None and year < moved:
        rule = policy["transfer_in"]
        clause = ruledata.cites_text(policy, rule["cite"])
        if year in supplied:
            figures = supplied[year]
            return Requirement(figures["public"], figures["professional"], "user", outside=True,
                               note=f"{year}年在调入（{moved}年）以前，按您填写的原地区要求判断（{clause}）")
        return Requirement(None, None, None, outside=True,
                           note=f"{year}年在调入（{moved}年）以前：{rule['text'].strip().rstrip('。')}（{clause}）。如需判断，请填写原地区当年的要求")
    for entry in policy["requirements"]:
        if ruledata.in_years(year, entry["years"]):
            citation = ruledata.cites_text(policy, entry["cite"])
            if not entry.get("annual", True):
                return Requirement(None, None, None, annual=False, citation=citation, note=entry.get("note"))
            note = None
            if year in supplied:
                override = policy.get("user_figures")
                if override:
                    figures = supplied[year]
                    return Requirement(figures["public"], figures["professional"], "user",
                                       note=f"{override['text'].strip().rstrip('。')}（{ruledata.cites_text(policy, override['cite'])}）"
                                       + (f"；本站理解：{override['reading'].strip()}" if override.get("reading") else ""))
                note = "该年度通知已有规定，您填写的要求未采用"
            return Requirement(entry["public"], entry["professional"], "policy", citation=citation, note=note)
    if year in supplied:
        figures = supplied[year]
        return Requirement(
            figures["public"], figures["professional"], "user",
            note="该年度要求为您自行填写的数字（依据的通知不含该年度），请以您所在地通知为准",
        )
    return Requirement(None, None, None, note=policy["unknown_years_note"].strip())


def transfer_in_year(policy: dict, person) -> int | None:
    """The year the person moved into the region, when the policy has such a rule and it is known."""
    rule = policy.get("transfer_in")
    if rule is None or person is None:
        return None
    value = person.get(rule["person"])
    return value if isinstance(value, int) and not isinstance(value, bool) else None
