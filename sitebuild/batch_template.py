"""Stage 3c': the template of the 单位批量自查 page (issue 23), batch/template.xlsx and
batch/template.csv in build/generated/, made by calc/batch_template.py (CPython's calc, this
build's rule data) as of the day of the build: its years are the five up to the build's year, the
application year is the build's. The page links both; they are files of the site like any other.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .catalogue import calc_with_build_rules

TEMPLATE_DIR = "batch"
NAMES = {"xlsx": "template.xlsx", "csv": "template.csv"}


def write(out: Path, today: date | None = None) -> list[Path]:
    calc_with_build_rules()
    from calc import batch_template  # noqa: PLC0415  (after the build's rule data is chosen)

    folder = out / TEMPLATE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    made = {"xlsx": batch_template.template_xlsx(today or date.today()), "csv": batch_template.template_csv(today or date.today())}
    written = []
    for form, data in made.items():
        path = folder / NAMES[form]
        path.write_bytes(data)
        written.append(path)
    return written
