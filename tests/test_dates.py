"""calc/dates.py, the one date reader of calc: each form a person in China writes a date in, a
spreadsheet's date cell, a year and month where allowed (出生年月), and what cannot be a date."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from calc import dates
from calc.dates import WrittenDate

MAY_DAY = WrittenDate(1973, 5, 1)
MAY = WrittenDate(1973, 5)


def day(value, **options):
    found, problem = dates.read(value, **options)
    assert problem is None, problem
    return found


def refused(value, **options) -> str:
    found, problem = dates.read(value, **options)
    assert found is None and problem, (value, found)
    return problem


def test_iso_form():
    assert day("1973-05-01") == MAY_DAY


def test_slashes():
    assert day("1973/5/1") == MAY_DAY


def test_dots():
    assert day("1973.5.1") == MAY_DAY


def test_eight_digits():
    assert day("19730501") == MAY_DAY


def test_chinese_form():
    assert day("1973年5月1日") == MAY_DAY
    assert day("1973年05月01日") == MAY_DAY
    assert day("1973年5月1号") == MAY_DAY
    assert day("1973年5月1") == MAY_DAY


def test_full_width_digits_and_stray_spaces():
    assert day("１９７３／５／１") == MAY_DAY
    assert day("１９７３年５月１日") == MAY_DAY
    assert day(" 1973 年 5 月 1 日 ") == MAY_DAY
    assert day("1973 - 05 - 01\u3000") == MAY_DAY


def test_spreadsheet_date_cells():
    assert day(date(1973, 5, 1)) == MAY_DAY
    assert day(datetime(1973, 5, 1, 0, 0)) == MAY_DAY


def test_a_time_of_day_after_the_date_is_ignored():
    """As a spreadsheet writes a date cell into CSV (1973/5/10 0:00) or ISO text does."""
    assert day("1973/5/10 0:00") == WrittenDate(1973, 5, 10)
    assert day("1973-05-01 00:00:00") == MAY_DAY
    assert day("1973-05-01T00:00:00") == MAY_DAY


def test_a_number_of_eight_digits():
    assert day(19730501) == MAY_DAY
    assert day(19730501.0) == MAY_DAY


@pytest.mark.parametrize("text", ["1973-05", "1973-5", "1973/5", "1973.5", "197305", "1973年5月", "1973年05月", "1973年5"])
def test_year_and_month_where_allowed(text):
    assert day(text, year_month=True) == MAY


@pytest.mark.parametrize("text", ["1973-05", "1973/5", "1973.5", "197305", "1973年5月"])
def test_year_and_month_refused_where_a_day_is_needed(text):
    assert "需要写到日" in refused(text)


def test_whole_days_are_read_where_a_year_and_month_is_allowed():
    assert day("1973-05-01", year_month=True) == MAY_DAY


def test_iso_and_text():
    assert MAY_DAY.iso() == "1973-05-01" and MAY_DAY.text() == "1973年5月1日"
    assert MAY.iso() == "1973-05" and MAY.text() == "1973年5月"
    assert MAY_DAY.as_date() == date(1973, 5, 1) and MAY.as_date() is None


def test_frozen():
    with pytest.raises(AttributeError):
        MAY_DAY.day = 2  # type: ignore[misc]


@pytest.mark.parametrize("text,why", [
    ("1973-02-30", "1973年2月没有30日"),
    ("1973年2月29日", "1973年2月没有29日"),
    ("19730431", "1973年4月没有31日"),
    ("1973-05-00", "1973年5月没有0日"),
    ("1973-13-01", "月份须在 1 到 12 之间"),
    ("1973/0/1", "月份须在 1 到 12 之间"),
    ("0000-01-01", "没有 0 年"),
])
def test_impossible_dates(text, why):
    assert why in refused(text)


def test_a_leap_day():
    assert day("2024-02-29") == WrittenDate(2024, 2, 29)
    assert "2023年2月没有29日" in refused("2023-02-29")


def test_month_thirteen_as_a_year_and_month():
    assert "月份须在 1 到 12 之间" in refused("1973-13", year_month=True)


@pytest.mark.parametrize("value", ["abc", "73-5-1", "1973-5-1-1", "1973-05/01", "五月一日", "1973年", "2025-W01-1", True, None, [1973]])
def test_garbage(value):
    assert "读作日期" in refused(value)


def test_an_empty_text():
    assert refused("  ") == "日期是空的。"


def test_a_serial_number_is_named_as_such():
    assert "序号" in refused("26970") and "序号" in refused(26970)


def test_the_message_shows_what_was_written_and_how_to_write_it():
    message = refused("1973年13月1日")
    assert "“1973年13月1日”" in message
    assert "1973-05" in refused("xyz", year_month=True)


def test_the_forms_a_date_field_names_are_the_forms_calc_reads() -> None:
    """The page shows MESSAGES.date_forms / month_forms beside a date field until calc has read
    what was typed: every form they name is read, as the same day (or month)."""
    from calc.vocabulary import MESSAGES

    def named(message: str) -> list[str]:
        return re.findall(r"\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{8}|\d{4}年\d{1,2}月(?:\d{1,2}日)?", message)

    days = named(MESSAGES["date_forms"])
    assert len(days) == 5 and days == named(dates.FORMS)
    assert {dates.read(form)[0] for form in days} == {dates.WrittenDate(1973, 5, 1)}
    months = [form for form in named(MESSAGES["month_forms"]) if form not in days]
    assert months == ["1973-05", "1973年5月"]
    assert {dates.read(form, year_month=True)[0] for form in months} == {dates.WrittenDate(1973, 5)}
    assert all(dates.read(form)[0] is None for form in months)  # a whole day is asked where one is needed
