"""Whole years an application fills, drawn into the report's years once the verdict is decided
(calc/bounds.py judges them; this draws what the drawn possibility used, so each year's lines show
it):

- a window conversion (青海 学历学位 obtained during the tenure): every year of the window has its
  whole 专业 requirement;
- a year deemed complete wherever it is needed (驻村满1年): the year bounds.py gave it, or a note
  that no year of the window needed it.
"""

from __future__ import annotations

from calc.line import rule_line
from calc.methods import WHOLE_PROFESSIONAL
from calc.possibilities import any_year_lines


def draw(decision) -> None:
    shown = decision.shown
    if shown is None:
        return
    scenario, ledger, target = decision.scenario, decision.ledger, decision.target
    if shown.conversion:
        rule, activity = shown.conversion["rule"], shown.conversion["activity"]
        for year in shown.window.years:
            line = rule_line(scenario.policy, activity.kind, activity, year, 0)
            line.effect = WHOLE_PROFESSIONAL
            line.notes.append(f"{target.year}年申报：{rule['label']}")
            ledger.professional_full(year, line)
    used = {id(call.completed_by): call.year for call in shown.calls.values() if call.completed_by is not None}
    for line in any_year_lines(ledger):
        if id(line) in used:
            line.notes.append(f"已用于{used[id(line)]}年（视同完成当年学时）")
            ledger.complete_year(used[id(line)], line)
        else:
            line.notes.append("申报所需年度均已达标，未使用")
