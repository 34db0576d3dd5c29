"""A spreadsheet cell as a value of the scenario format (contract batch.md), for calc/batch_people.py.

Each reader returns what goes into the scenario, or raises Unreadable with a Chinese message for
the cell. A value these readers cannot take but calc can judge (a number written with a unit, a
region the site does not cover, a choice it does not offer) is passed on as the text written, so
that calc's own check names the problem in calc's words, as it would for the calculator.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

from calc import dates, limits

_SPACE = re.compile(r"\s+")
YES, NO = "是", "否"  # how a yes/no column is filled in (batch.md: 已取得副高 是 / 否)
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_ID_NUMBER = re.compile(r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]")
_ID_AS_NUMBER = re.compile(r"[0-9](?:\.[0-9]+)?[Ee]\+?1[67]")  # an ID number Excel turned into 1.10101E+17


class Unreadable(ValueError):
    """A cell that cannot be read; str() is the message for the person filling the sheet in."""


def normalized(value: object) -> str:
    """Text compared as a person means it: NFKC (full-width letters and digits, （） as ()), no
    whitespace anywhere."""
    return _normalized(value) if isinstance(value, str) else _normalized(text(value))


@lru_cache(maxsize=4096)  # the same labels and headers are compared for every row
def _normalized(written: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", written.strip()))


def text(value: object) -> str:
    """A cell as text: 12 not 12.0, a date as 1973-05-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def looks_like_id_number(value: object) -> bool:
    """An 18-character resident ID number (or what Excel made of one typed as a number)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return 1e16 <= abs(value) < 1e18
    if isinstance(value, str) and len(value) >= 7:  # 18 characters, or 1.1E+17: anything shorter is not one
        written = normalized(value)
        return bool(_ID_NUMBER.fullmatch(written) or _ID_AS_NUMBER.fullmatch(written))
    return False


def number(value: object) -> object:
    """A number of hours, days, a count: as the cell holds it, or written as text (１２．５, 12 学时
    is passed on as written: calc says it must be a number)."""
    if isinstance(value, bool):
        raise Unreadable(f"须填写数字，不能是“{text(value)}”。")
    if isinstance(value, (int, float)):
        return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 1e15 else value
    written = normalized(value)
    if _NUMBER.fullmatch(written) and len(written) <= 30:
        amount = float(written)
        return int(amount) if amount.is_integer() else amount
    if isinstance(value, (date, datetime)):
        raise Unreadable(f"须填写数字，这一格却是日期 {text(value)}（请把这一列设为“常规”或“数值”格式）。")
    return text(value)


def year(value: object) -> object:
    """A four-digit year: 2025, 2025.0, “2025”, “2025年”; anything else passed on for calc to judge."""
    if isinstance(value, (datetime, date)):
        raise Unreadable(f"须填写四位年份（如 2025），这一格却是日期 {text(value)}。")
    written = normalized(value).removesuffix("年")
    if re.fullmatch(r"[0-9]{4}", written):
        return int(written)
    found = number(value)
    return int(found) if isinstance(found, float) and found.is_integer() else found


def years(value: object) -> list:
    """The years of a project: 2023、2024 or 2023,2024 or 2023—2025 (a span, at most
    MAX_YEARS_LIST years)."""
    written = normalized(value)
    span = re.fullmatch(r"([0-9]{4})年?[-—~～至到]([0-9]{4})年?", written)
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        if first <= last and last - first < limits.MAX_YEARS_LIST:
            return list(range(first, last + 1))
        raise Unreadable(f"“{text(value)[:20]}”不是有效的年度范围（最多 {limits.MAX_YEARS_LIST} 个年度）。")
    return [year(part) for part in re.split(r"[、,;/]+", written) if part]


def boolean(value: object) -> bool:
    """是 / 否 (or a spreadsheet's TRUE / FALSE)."""
    if isinstance(value, bool):
        return value
    written = normalized(value).lower()
    if written in (YES, "true"):
        return True
    if written in (NO, "false"):
        return False
    raise Unreadable(f"只能填“{YES}”或“{NO}”，不能是“{text(value)[:20]}”。")


def choice(value: object, labels: dict[str, str]) -> str:
    """The code of a choice written as its code or its label: exactly, or as the one label that
    contains what is written (本科 for 大学本科, 卫生); the text written when nothing matches (calc
    names the choices), and Unreadable when it could be several (高级: 正高级 or 副高级)."""
    found = pick(value, labels)
    if isinstance(found, list):
        options = "、".join(labels[code] for code in found)
        raise Unreadable(f"“{text(value)[:20]}”可以指{options}，请写全称。")
    return found if found is not None else text(value)


def pick(value: object, labels: dict[str, str]) -> str | list[str] | None:
    """The code `value` names among `labels` (code -> label): by code or label exactly (after
    normalising), else the one label that contains it (two characters at least); the codes when
    several labels contain it; None when none does."""
    written = normalized(value)
    if not written:
        return None
    for code, label in labels.items():
        if written.lower() == code.lower() or written == normalized(label):
            return code
    if len(written) < 2:
        return None
    found = [code for code, label in labels.items() if written in normalized(label)]
    if len(found) == 1:
        return found[0]
    return found or None


def day(value: object, year_month: bool = False) -> str:
    """A date (calc/dates.py) as the scenario writes it: 1973-05-01, or 1973-05 where a year and
    month is allowed."""
    found, problem = dates.read(value, year_month=year_month)
    if problem:
        raise Unreadable(problem)
    return found.iso()
