"""calc/open_years.py: a year takes hours of a category while today is on or before the earlier of
its last day (the notice's own date where a deadline ends the year's study, else 12-31) and the
application date; a year that is over is filled only by a make-up from an open year up to the
application year; an application whose date has passed is `over` (judged as it stood)."""

from __future__ import annotations

from datetime import date

import pytest

from calc import ruledata
from calc.open_years import OpenYears, last_day
from conftest import ledger_of

INTERMEDIATE = {"type": "review", "level": "intermediate"}


def open_years(policy: str, year: int, today: date, **parts) -> tuple[OpenYears, dict]:
    """OpenYears of an application in `year`, and the years of its ledger (the three before it opened)."""
    ledger = ledger_of(policy, target={**INTERMEDIATE, "year": year, **parts.pop("target", {})}, extra_years=frozenset(range(year - 3, year + 1)), **parts)
    return OpenYears(ledger.scenario, today), ledger.years


@pytest.mark.parametrize("year, category, day", [
    (2025, "public", "2025-12-20"), (2025, "professional", "2025-12-20"),  # 青海 153号: 2025年 至12月20日结束
    (2024, "public", "2024-12-31"), (2026, "professional", "2026-12-31"),
], ids=["qinghai_2025_public", "qinghai_2025_professional", "qinghai_2024", "qinghai_2026"])
def test_qinghai_last_day(year, category, day) -> None:
    assert last_day(ruledata.resolve("qinghai"), year, category) == date.fromisoformat(day)


@pytest.mark.parametrize("year, category, day", [
    (2019, "public", "2019-09-30"), (2015, "public", "2019-09-30"), (2018, "public", "2019-09-30"),  # 公需 截止到9月30日, the 2015—2018 make-up too
    (2019, "professional", "2019-12-31"), (2014, "public", "2014-12-31"), (2020, "public", "2020-12-31"),
], ids=["2019_public", "2015_public", "2018_public", "2019_professional", "2014_public", "2020_public"])
def test_weihai_last_day(year, category, day) -> None:
    assert last_day(ruledata.resolve("weihai"), year, category) == date.fromisoformat(day)


def test_a_year_takes_hours_up_to_its_last_day_and_not_after_the_application_year() -> None:
    on_the_day, _ = open_years("qinghai", 2025, date(2025, 12, 20))
    after, _ = open_years("qinghai", 2025, date(2025, 12, 21))
    assert on_the_day.is_open(2025, "public") and not after.is_open(2025, "public")
    assert not on_the_day.is_open(2024, "professional") and not on_the_day.is_open(2026, "professional")
    assert not on_the_day.over and not after.over  # the application date is 12-31


def test_the_application_date_closes_the_year_and_then_the_application_is_over() -> None:
    on_the_day, _ = open_years("qinghai", 2025, date(2025, 6, 30), target={"date": "2025-06-30"})
    day_after, _ = open_years("qinghai", 2025, date(2025, 7, 1), target={"date": "2025-06-30"})
    assert on_the_day.is_open(2025, "public") and not on_the_day.over
    assert not day_after.is_open(2025, "public") and day_after.over


def test_hefei_a_year_that_is_over_is_taken_in_the_year_after_it_up_to_the_application_year() -> None:
    # 合肥 顺延至下一年度补学: one year back only
    found, years = open_years("hefei", 2025, date(2025, 7, 1))
    assert [found.taken_in(y, "professional", years) for y in (2023, 2024, 2025)] == [None, 2025, 2025]
    during, years = open_years("hefei", 2024, date(2024, 7, 1))
    assert during.taken_in(2023, "public", years) == 2024
    over, years = open_years("hefei", 2024, date(2025, 3, 1))  # 2025 is after the application year
    assert over.over and over.taken_in(2024, "public", years) is None and over.taken_in(2023, "public", years) is None


def test_no_make_up_into_a_year_before_a_move_into_the_region() -> None:
    # 合肥 四 自市外调入 in 2025: 2024 is under the former region's rules
    found, years = open_years("hefei", 2025, date(2025, 7, 1), person={"transferred_in_year": 2025})
    assert found.taken_in(2024, "professional", years) is None


def test_qinghai_reform_make_up_reaches_2018_to_2020_from_2021_for_those_it_applies_to() -> None:
    # 青海 269号 六(三): 多学部分学时可分散在2018、2019、2020年度使用 — for those it applies to (reform_make_up)
    figures = {"2019": {"public": 20, "professional": 40}}
    found, years = open_years("qinghai", 2021, date(2021, 7, 1), person={"reform_make_up": True}, requirements=figures)
    assert found.taken_in(2019, "public", years) == 2021 and found.taken_in(2017, "public", years) is None
    without, years = open_years("qinghai", 2021, date(2021, 7, 1), requirements=figures)
    assert without.taken_in(2019, "public", years) is None
