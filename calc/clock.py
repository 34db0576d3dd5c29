"""Today's date, an input of every calculation (scenario.md, 2026-12-07): which years can still
take hours, and whether an application's date is over, depend on it. The command line takes
`--today YYYY-MM-DD`, the page passes the device's local date with each calculation, tests always
pass a fixed one; without one, the system's local date. The report says which date it used.
"""

from __future__ import annotations

import re
from datetime import date, datetime

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def as_of(value: object = None) -> date:
    """The date to compute as of: a date, a YYYY-MM-DD text, or None (the system's local date).
    Raises ValueError for anything else (the caller says so in its own words)."""
    if value is None:
        return date.today()
    if isinstance(value, datetime):  # a moment: its day (datetime is a date too, but compares only with its kind)
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        return date.fromisoformat(value)
    raise ValueError(f"today must be a date written YYYY-MM-DD, not {str(value)[:20]!r}")
