"""`python -m calc batch FILE [--today DATE] [--json] [--out RESULT.xlsx|.csv]` (contract batch.md).

Reads a unit's spreadsheet (calc/batch.py), computes every person as `check` computes one, and
prints a readable Chinese table, or with --json the result: a JSON array, one object per person
row in input order, then (when there is any) the row of what concerns no one person (name null:
a 成果 row naming nobody, the notes on columns not read). --out also writes the result as .xlsx
or .csv (calc/batch_export.py). Exit status as `check`: 0 no errors, 1 errors in some row, 2 the
file cannot be used (unreadable, not xlsx or csv, no header row, no year column) or --out cannot
be written.
"""

from __future__ import annotations

import os
from collections import Counter

from calc import batch as batch_check, limits
from calc.jsonio import to_json
from calc.batch_export import CHECK, where, write_csv, write_xlsx
from calc.batch_people import Workbook
from calc.cli import read_bytes, say, write
from calc.sheets import NO_OPENPYXL, problem as sheet_problem
from calc.vocabulary import MESSAGES, TERMS


def batch(path: str, today, as_json: bool, out: str | None) -> int:
    data, problem = read_bytes(path, limits.MAX_BATCH_BYTES, "人员表", ".xlsx")
    if problem:
        workbook = Workbook(problem=sheet_problem(problem["code"], problem["message"]))
    else:
        workbook = batch_check.read(data, os.path.basename(os.fsdecode(path)))
    found = batch_check.results(workbook, today)
    if as_json:
        write(to_json(found, indent=2) + "\n")
    if workbook.problem:
        say(workbook.problem["message"] + "\n")
        return 2
    if not as_json:
        write(table(found))
    if out:
        try:
            with open(out, "wb") as handle:
                handle.write(write_xlsx(found) if out.lower().endswith(".xlsx") else write_csv(found))
        except OSError as exc:
            say(f"无法写入 {out}：{exc.strerror or exc}。\n")
            return 2
        except ImportError:
            say(NO_OPENPYXL + "\n")
            return 2
        say(f"结果已写入 {out}。\n")
    return 1 if any(result["errors"] for result in found) else 0


def table(found: list[dict]) -> str:
    """The result as a readable Chinese list: a line per person, the next step and the problems
    under it, then how many people have which verdict."""
    out, counts, without = [], Counter(), 0
    for result in found:
        if result["name"] is None and result["row"] is None:
            out.append("\n其他：")
        else:
            applying = f"（{result['target']}）" if result.get("target") else ""
            out.append(f"\n第{result['row']}行 {result['name'] or ''} {result['id'] or ''} {result['region'] or ''}{applying}：{result['label']}".replace("  ", " "))
            if result["status"]:
                counts[result["label"]] += 1
            elif not result["errors"]:
                without += 1
        if result["next_step"]:
            out.append(f"  {TERMS['next_step']}：{result['next_step']}")
        out += [f"  ✗ {where(e)}{e['message']}" for e in result["errors"]]
        out += [f"  ! {CHECK}{where(w)}{w['message']}" for w in result.get("warnings", [])]
        out += [f"  · {note}" for note in result.get("notes", [])]
    people = sum(1 for r in found if r["row"] is not None)
    parts = [f"{label} {count} 人" for label, count in counts.items()]
    if without:
        parts.append(f"{without} 人{MESSAGES['no_target'].rstrip('。')}")
    wrong = sum(1 for r in found if r["row"] is not None and r["errors"])
    summary = f"\n共 {people} 人" + (f"：{'，'.join(parts)}" if parts else "") + (f"；{wrong} 人的行需要修改" if wrong else "") + "。"
    return "\n".join(out).strip() + "\n" + summary + "\n"
