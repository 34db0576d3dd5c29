"""calc/ledger.py: every year's lines in the ledger's fixed order — each activity's lines, amounts
given once a year, per-year caps cut in entry order (the year's total the same in any order),
whole-requirement and whole-year conversions topped up to the year's requirement, then make-up
between years. A year's figures are the sums of its lines; a person the notice hands to other
rules is computed, not judged; a year no source gives figures for is still held to the national
floor (人社部令第25号 第八条: 每年累计应不少于90学时)."""

from __future__ import annotations

import pytest

from calc.ledger import Year
from calc.line import Line
from calc.requirement import Requirement
from conftest import ledger_of

FULL_2025 = [{"kind": "public_course", "year": 2025, "hours": 30}, {"kind": "professional_course", "year": 2025, "hours": 60}]


def hours_of(ledger, year: int, kind: str) -> list[float]:
    return [line.hours for line in ledger.years[year].lines if line.kind == kind]


def test_an_activity_credits_a_line_in_each_year_it_ran() -> None:
    # 青海 附件4 重大课题: 省部级课题第一主持人每年认定为60学时
    ledger = ledger_of("qinghai", {"kind": "project", "year": 2023, "level": "provincial", "role": "lead", "years": [2021, 2022, 2023]})
    assert {year: hours_of(ledger, year, "project") for year in ledger.years} == {2021: [60], 2022: [60], 2023: [60]}


def test_an_amount_given_once_a_year_counts_once_and_the_other_entry_says_why() -> None:
    # 青海 附件4 学历教育: 当年60学时
    first, second = ledger_of("qinghai", {"kind": "degree_study", "year": 2025}, {"kind": "degree_study", "year": 2025}).years[2025].lines
    assert (first.hours, second.hours, second.once_cut) == (60, 0, True)
    assert second.notes == ["按规定每年只计一次：2025年已按第1条计入60学时，本条不再计入"]


@pytest.mark.parametrize("days", [(3, 2), (2, 3)], ids=["3_days_then_2", "2_days_then_3"])
def test_a_cap_cuts_the_entry_made_later_and_the_total_is_the_same_in_any_order(days) -> None:
    # 青海 技术带教帮扶: 按每天 7 学时认定 … 全年 … 认定学时不超过 30 学时
    ledger = ledger_of("qinghai", *({"kind": "mentoring", "year": 2025, "days": d} for d in days))
    first, later = ledger.years[2025].lines
    assert first.hours == first.uncapped == days[0] * 7
    assert (later.uncapped, later.hours) == (days[1] * 7, 30 - days[0] * 7)
    assert later.notes[-1] == "每年最多折算30学时，本项削减5学时" and ledger.years[2025].total == 30


def test_a_whole_professional_conversion_is_topped_up_to_the_years_requirement() -> None:
    # 青海 通过职业资格考试: the whole 专业 of 2025 (60), 20 of them already entered
    ledger = ledger_of("qinghai", {"kind": "professional_course", "year": 2025, "hours": 20}, {"kind": "qualification_exam", "year": 2025})
    year = ledger.years[2025]
    assert year.professional_full and hours_of(ledger, 2025, "qualification_exam") == [40] and year.hours("professional") == 60


def test_a_whole_year_conversion_carries_both_requirements() -> None:
    # 青海 2021 (公需45、专业90): 抗疫一线 视同完成当年公需科目和专业科目全部学时
    year = ledger_of("qinghai", {"kind": "covid_frontline", "year": 2021}, {"kind": "public_course", "year": 2021, "hours": 10}).years[2021]
    assert year.complete and year.met is True and (year.hours("public"), year.hours("professional")) == (45, 90)


def test_make_up_moves_hours_with_a_negative_line_so_nothing_counts_twice() -> None:
    # 合肥 顺延至下一年度补学: 2021's 专业 above its own 60 fills 2020's shortfall
    ledger = ledger_of("hefei", {"kind": "organised_training", "year": 2020, "hours": 40}, {"kind": "organised_training", "year": 2021, "hours": 90})
    (took,), (gave,) = ([l for l in ledger.years[y].lines if l.kind == "make_up"] for y in (2020, 2021))
    assert (took.hours, took.partner, gave.hours, gave.partner) == (20, 2021, -20, 2020)
    assert (ledger.years[2020].hours("professional"), ledger.years[2021].hours("professional")) == (60, 70)
    assert ledger.years[2020].total + ledger.years[2021].total == 130


def test_a_year_filled_only_by_make_up_has_nothing_entered() -> None:
    ledger = ledger_of("hefei", {"kind": "organised_training", "year": 2021, "hours": 90}, extra_years={2020})
    assert ledger.years[2020].hours("professional") == 30
    assert (ledger.years[2020].entered, ledger.years[2021].entered) == (False, True)


def test_a_person_handed_to_other_rules_is_computed_but_not_judged() -> None:
    # 青海 六(八): 卫生 is handed to its authority
    year = ledger_of("qinghai", *FULL_2025, person={"industry": "health"}).years[2025]
    assert year.total == 90 and year.judged is False and year.met is None
    assert any(note.endswith("本年度按一般规定计算的学时仅供参考，不判断是否达标") for note in year.notes)


def test_peek_shows_a_year_without_adding_it() -> None:
    ledger = ledger_of("qinghai", *FULL_2025)
    assert ledger.peek(2025) is ledger.years[2025]
    empty = ledger.peek(2021)
    assert (empty.requirement.public, empty.requirement.professional, empty.lines) == (45, 90, [])
    assert 2021 not in ledger.years


def test_a_year_without_figures_below_the_national_floor_is_not_met() -> None:
    # 青海 2023 and 2024: no figures in the notices here
    ledger = ledger_of("qinghai", {"kind": "public_course", "year": 2023, "hours": 30}, {"kind": "professional_course", "year": 2023, "hours": 50},
                       {"kind": "public_course", "year": 2024, "hours": 30}, {"kind": "professional_course", "year": 2024, "hours": 60})
    short, enough = ledger.years[2023], ledger.years[2024]
    assert (short.met, enough.met) == (False, None)
    assert short.below_floor(1.0) and not short.below_floor(1 / 3)  # 80 ≥ a third of 90
    assert not enough.below_floor(1.0)


def test_before_2016_only_a_year_with_no_hours_is_below_the_floor() -> None:
    unknown = Requirement(None, None, None)
    line = Line(2015, 0, "public_course", "公需科目", "public", 1.0, 1.0, "qinghai/public_course", "")
    assert Year(2015, unknown).below_floor(1.0) and Year(2015, unknown).met is False
    assert not Year(2015, unknown, [line]).below_floor(1.0) and Year(2015, unknown, [line]).met is None


def test_a_whole_year_or_whole_professional_conversion_is_never_below_the_floor() -> None:
    # 青海 2020 and 2023: no figures; 抗疫一线 completes 2020, 职业资格考试 the 专业 of 2023
    ledger = ledger_of("qinghai", {"kind": "covid_frontline", "year": 2020}, {"kind": "qualification_exam", "year": 2023})
    assert ledger.years[2020].met is True and ledger.years[2023].met is None
    assert not ledger.years[2020].below_floor(1.0) and not ledger.years[2023].below_floor(1.0)
