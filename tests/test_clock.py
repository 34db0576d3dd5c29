"""calc/clock.py: today's date is an input of every calculation — a date, a YYYY-MM-DD text, or
None for the system's local date; anything else is a ValueError the caller words. The report says
which date it used."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from calc import clock
from conftest import run


def test_a_date_or_its_iso_text() -> None:
    assert clock.as_of(date(2025, 7, 1)) == clock.as_of("2025-07-01") == date(2025, 7, 1)


def test_none_is_the_systems_local_date(monkeypatch) -> None:
    class Fixed(date):
        @classmethod
        def today(cls) -> date:
            return cls(2025, 7, 1)

    monkeypatch.setattr(clock, "date", Fixed)
    assert clock.as_of(None) == date(2025, 7, 1)


@pytest.mark.parametrize("value", ["2025/07/01", "20250701", 20250701, "2025-07-01T00:00", " 2025-07-01", "", "2025-13-01", "2025-02-30"])
def test_anything_else_is_a_value_error(value) -> None:
    with pytest.raises(ValueError):
        clock.as_of(value)


def test_the_report_names_the_date_it_used() -> None:
    assert run("qinghai", today="2025-07-01")["today"] == "2025-07-01"
    assert run("qinghai", today=date(2024, 12, 31))["today"] == "2024-12-31"


def test_a_datetime_is_taken_as_its_day_or_refused() -> None:
    try:
        day = clock.as_of(datetime(2025, 7, 1, 9, 30))
    except ValueError:
        return
    assert type(day) is date and day == date(2025, 7, 1)
