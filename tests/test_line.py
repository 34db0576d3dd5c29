"""calc/line.py: a line of the ledger — what one activity credits to one year and one category,
with its rule, clause, cap and notes. Hours are rounded half up to one decimal once, where they are
computed, so every later sum is exact; lines are compared by identity."""

from __future__ import annotations

import pytest

from calc import ruledata
from calc.line import rounded, rule_line
from conftest import scenario_of

QINGHAI = ruledata.resolve("qinghai")


@pytest.mark.parametrize("amount, expected", [(12.25, 12.3), (12.35, 12.4), (0.05, 0.1), (2500 / 1000 * 5, 12.5), (10 / 3, 3.3), (7, 7.0)])
def test_hours_are_rounded_half_up_to_one_decimal(amount, expected) -> None:
    # 合肥 附件3 每千字5学时: 2500字 is 12.5 学时
    assert rounded(amount) == expected


def test_a_rule_line_names_its_rule_clause_and_cap() -> None:
    # 青海 附件4 技术带教帮扶: 按每天 7 学时认定 … 认定学时不超过 30 学时
    activity = scenario_of("qinghai", {"kind": "mentoring", "year": 2025, "days": 1}).activities[0]
    line = rule_line(QINGHAI, activity.kind, activity, 2025, 10 / 3)
    assert (line.year, line.activity, line.kind, line.category) == (2025, 0, "mentoring", "professional")
    assert line.hours == line.uncapped == 3.3 and line.cap == 30 and line.once is False
    assert line.rule == "qinghai/mentoring" and "附件4" in line.citation and "7 学时" in line.quote


def test_a_line_that_is_no_entrys_own_and_a_rule_given_once_a_year() -> None:
    # 青海 学历教育: 当年60学时 (once a year)
    kind = ruledata.kind_for(QINGHAI, "degree_study", 2025)
    line = rule_line(QINGHAI, kind, None, 2025, 60)
    assert line.activity is None and line.once is True and line.cap is None


def test_the_report_form_joins_notes_and_names_a_reading_only_when_there_is_one() -> None:
    kind = ruledata.kind_for(QINGHAI, "public_course", 2025)
    line = rule_line(QINGHAI, kind, None, 2025, 12.25)
    assert line.as_report()["note"] is None and "reading" not in line.as_report()
    line.notes += ["一", "二"]
    line.reading = "本站理解"
    report = line.as_report()
    assert (report["hours"], report["note"], report["reading"]) == (12.3, "一；二", "本站理解")


def test_two_alike_lines_are_still_two_lines() -> None:
    kind = ruledata.kind_for(QINGHAI, "public_course", 2025)
    first, second = (rule_line(QINGHAI, kind, None, 2025, 30) for _ in range(2))
    assert first != second and first in [first] and second not in [first]
