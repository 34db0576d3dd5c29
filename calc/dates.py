"""The one date reader of calc: a date as a person writes it in China, or as a spreadsheet holds it.

    read(value, year_month=False) -> (WrittenDate, None) | (None, "why it cannot be read")

Read: `1973-05-01`, `1973/5/1`, `1973.5.1`, `19730501`, `1973年5月1日` (日 or 号 or neither);
full-width digits and marks (an input method's `１９７３／５／１`) and stray spaces are tolerated
(Unicode NFKC, then all whitespace removed); a trailing time of day (`1973-05-01 00:00`, `T00:00:00`,
as a spreadsheet writes a date cell into CSV) is ignored; a spreadsheet date cell
(`datetime.date` / `datetime.datetime`, as openpyxl gives it) is taken as it is; an integer
19730501 is the 8-digit form. With `year_month=True` a year and month alone are read too (出生年月):
`1973-05`, `1973/5`, `1973.5`, `197305`, `1973年5月`.

The result is a WrittenDate: year, month, and day (None for a year and month); `iso()` gives
`1973-05-01` or `1973-05`, `text()` gives `1973年5月1日` or `1973年5月`. An impossible date
(1973-02-30, month 13, day 0) or anything else is refused with a Chinese message saying why, never
guessed: `1973-5` without `year_month` asks for the day, a 5-digit number is named as what it most
likely is (a date cell's serial number shown as a number).

Pure standard library (calc runs under Pyodide too). Nothing here raises on bad input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

EXAMPLE = "1973-05-01 或 1973年5月1日"
EXAMPLE_MONTH = "1973-05 或 1973年5月"
FORMS = "1973-05-01、1973/5/1、1973.5.1、19730501 或 1973年5月1日"  # every form read(), as a person is told them

_TIME = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")  # after the date, a space or T between
_SEPARATORS = [re.escape(mark) for mark in "-/."]  # 1973-5-1, 1973/5/1, 1973.5.1 (the same mark twice)
_FULL = [re.compile(rf"(\d{{4}}){s}(\d{{1,2}}){s}(\d{{1,2}})") for s in _SEPARATORS] + [
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?"),
]
_MONTH = [re.compile(rf"(\d{{4}}){s}(\d{{1,2}})") for s in _SEPARATORS] + [
    re.compile(r"(\d{4})(\d{2})"),
    re.compile(r"(\d{4})年(\d{1,2})月?"),
]


@dataclass(frozen=True)
class WrittenDate:
    """A date as read: a whole day, or (day None) a year and month."""

    year: int
    month: int
    day: int | None = None

    def iso(self) -> str:
        """1973-05-01, or 1973-05 for a year and month."""
        month = f"{self.year:04d}-{self.month:02d}"
        return month if self.day is None else f"{month}-{self.day:02d}"

    def text(self) -> str:
        """1973年5月1日, or 1973年5月."""
        month = f"{self.year}年{self.month}月"
        return month if self.day is None else f"{month}{self.day}日"

    def as_date(self) -> date | None:
        """The day as a datetime.date (None for a year and month)."""
        return None if self.day is None else date(self.year, self.month, self.day)


def read(value: object, year_month: bool = False) -> tuple[WrittenDate | None, str | None]:
    """The date `value` holds, or None and the reason in Chinese. `year_month`: a year and month
    without a day is allowed (出生年月)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return WrittenDate(value.year, value.month, value.day), None
    if isinstance(value, bool) or value is None:
        return None, _unreadable("", year_month)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None, _unreadable("", year_month)
    shown = value.strip()[:20]
    text = re.sub(r"\s+", "", _TIME.sub("", unicodedata.normalize("NFKC", value).strip()))
    if not text:
        return None, "日期是空的。"
    for pattern in _FULL:
        match = pattern.fullmatch(text)
        if match:
            return _checked(shown, *map(int, match.groups()))
    for pattern in _MONTH:
        match = pattern.fullmatch(text)
        if match:
            year, month = map(int, match.groups())
            if not year_month:
                return None, f"“{shown}”只有年和月，这里需要写到日，例如 {EXAMPLE}。"
            return _checked(shown, year, month, None)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return None, (f"“{shown}”不是日期，像是表格中日期单元格的序号：请把这一列设为日期格式，"
                      f"或写成 {EXAMPLE}。")
    return None, _unreadable(shown, year_month)


def _checked(shown: str, year: int, month: int, day: int | None) -> tuple[WrittenDate | None, str | None]:
    if year < 1:
        return None, f"“{shown}”不是有效日期：没有 {year} 年。"
    if not 1 <= month <= 12:
        return None, f"“{shown}”不是有效日期：月份须在 1 到 12 之间。"
    if day is not None:
        try:
            date(year, month, day)
        except ValueError:
            last = _days_in_month(year, month)
            return None, f"“{shown}”不是有效日期：{year}年{month}月没有{day}日（这个月有 {last} 天）。"
    return WrittenDate(year, month, day), None


def _days_in_month(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


def _unreadable(shown: str, year_month: bool) -> str:
    forms = f"{EXAMPLE}（只知道年月时写 {EXAMPLE_MONTH}）" if year_month else EXAMPLE
    what = f"“{shown}”" if shown else "这个值"
    return f"无法把{what}读作日期：请写成 {forms}。"
