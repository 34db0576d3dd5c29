"""单位批量自查 (issue 23): a unit's personnel office checks all its staff at once, on its own
computer. Input format and result: contract batch.md.

Reading is separate from computing, and computing goes person by person, so that the page's Web
Worker can post progress between chunks (and the command line, `python -m calc batch`, does the
same in one go):

    read(data, filename) -> Workbook
        data: the file's bytes (bytes, bytearray, memoryview: what Pyodide makes of an ArrayBuffer);
        filename: its name, whose extension chooses the reader (.xlsx/.xlsm, .csv; others refused).
        Workbook.people: one Person per row of the 人员 sheet, in order: `row`, `sheet`, `name`,
        `id` (编号), `region` (its label), `scenario` (version 1, scenario.md: what the calculator
        opens for that person), `errors` (the cells that could not be read), `places` (where each
        part of the scenario came from). Workbook.errors: problems of no one person (a 成果 row
        naming nobody or several, a bad 年度要求 row, a repeated column, rows past the limit);
        Workbook.notes: columns and sheets not read (unknown, ID-card numbers), said once;
        Workbook.problem: {code, message} when the file cannot be used at all (no people then).
    check(person, today) -> result
        calc.evaluate(person.scenario, today), exactly as `python -m calc check` computes it, as
        one row of the result: {row, name, id, region, target, status, reachable, label,
        next_step, errors, warnings}. `status` = readiness.status or null; `reachable` =
        readiness.reachable (null when absent); `label` = readiness.verdict_label when there is an
        application, else the report's brief_text; `next_step` = readiness.next_step.text or
        null; `errors`: the reading errors and calc's errors, each as {sheet, row, column,
        message}: the cell a value came from (an activity made from cell 2024专业 -> column
        2024专业; person.birth_date -> the 出生日期 column; a 成果 row's error -> that sheet's row).
        `warnings` alike (values calc calls unlikely, still counted).
    unassigned(workbook) -> result | None
        the last row of the result: the workbook's own errors and notes (name null), or None.
    results(workbook, today) -> [check(p) for each person] + the unassigned row when there is one.

For Pyodide (text in, text out; `today` YYYY-MM-DD, the device's local date):

    read_json(data, filename) -> {"problem", "errors", "notes", "people": [Person as a dict]}
    check_json(people_json, today) -> [result]   (people_json: a JSON list of read_json's people,
                                                  any slice of them: a chunk)
    unassigned_json(read_json_text) -> result or null

Export (the page's download, `--out`): write_csv(results) -> bytes, UTF-8 with a byte order mark
so that Excel opens it; write_xlsx(results) -> bytes (openpyxl); columns 行号 姓名 编号 地区 申报
结论 下一步 问题 (calc/batch_export.py). An ID-card number is in no result and no export: it is
never read. The template: calc/batch_template.py.

openpyxl is imported only to read or write an .xlsx (calc/sheets.py, calc/batch_export.py), never
by `import calc` or `import calc.batch`.
"""

from __future__ import annotations

import json
import re

from calc.batch_people import Person, Workbook, entry, people
from calc.sheets import open_book
from calc.vocabulary import LEVEL, TARGET_TYPE, target_label

__all__ = ["read", "check", "unassigned", "results", "read_json", "check_json", "unassigned_json", "Person", "Workbook"]


def read(data: bytes, filename: str) -> Workbook:
    """The people of a unit's spreadsheet, each with the scenario their row makes."""
    sheets, problem = open_book(data, filename)
    if problem:
        return Workbook(problem=problem)
    return people(sheets)


def check(person: Person | dict, today=None) -> dict:
    """One person's row of the result: calc.evaluate of the row's scenario as of `today`."""
    from calc.report import evaluate  # noqa: PLC0415  (imported when used: the batch is not on the calculator's path)

    if isinstance(person, dict):
        person = Person.from_dict(person)
    report = evaluate(person.scenario, today)
    verdict = report.get("readiness")
    target = person.scenario.get("target")
    return {
        "row": person.row,
        "name": person.name,
        "id": person.id,
        "region": person.region,
        "target": application(target) if verdict and target else None,
        "status": verdict["status"] if verdict else None,
        "reachable": verdict.get("reachable") if verdict else None,
        "label": verdict["verdict_label"] if verdict else report["brief_text"],
        "next_step": (verdict.get("next_step") or {}).get("text") if verdict else None,
        "errors": list(person.errors) + [placed(person, e) for e in report["errors"]],
        "warnings": [placed(person, w) for w in report.get("warnings", [])],
    }


def application(target: dict) -> str | None:
    """2025年中级职称评审 (calc's words), for a target whose type, level and year calc can read."""

    class Target:
        type, level, year = target.get("type"), target.get("level"), target.get("year")

    if Target.type not in TARGET_TYPE or Target.level not in LEVEL or not isinstance(Target.year, int):
        return None
    return target_label(Target)


def placed(person: Person, problem: dict) -> dict:
    """calc's error (or warning) on the person's scenario, where the spreadsheet has its value."""
    places = person.places
    index, name = problem.get("activity"), problem.get("field")
    message = problem["message"]
    if isinstance(index, int) and 0 <= index < len(places["activities"]):
        place = places["activities"][index]
        column = place["fields"].get(name) or place["column"]
        where = f"“{place['column']}”" if place["column"] else f"“{place['sheet']}”表第{place['row']}行"
        # calc counts the scenario's activities (第3条活动, 第3项): say the cell instead
        message = re.sub(rf"^第{index + 1}(条活动|项)", lambda _m: where, message)
        return entry(place["sheet"], place["row"], column, message)
    if isinstance(name, str) and name.startswith("requirements."):
        year, _, category = name.removeprefix("requirements.").partition(".")
        place = places["requirements"].get(year)
        if place:
            return entry(place["sheet"], place["row"], place["fields"].get(category), message)
    return entry(person.sheet, person.row, places["fields"].get(name), message)


def unassigned(workbook: Workbook) -> dict | None:
    """The result's last row: what belongs to no person (batch.md: a 成果 row naming nobody, with
    "name": null), the notes, and the problem that made the file unusable."""
    errors = list(workbook.errors)
    if workbook.problem:
        errors.insert(0, entry(None, None, None, workbook.problem["message"]))
    if not errors and not workbook.notes:
        return None
    return {"row": None, "name": None, "id": None, "region": None, "target": None, "status": None, "reachable": None,
            "label": None, "next_step": None, "errors": errors, "warnings": [], "notes": list(workbook.notes)}


def results(workbook: Workbook, today=None) -> list[dict]:
    """Every person's row of the result in input order, then the unassigned row when there is one."""
    found = [check(person, today) for person in workbook.people]
    last = unassigned(workbook)
    return found + ([last] if last else [])


def read_json(data: bytes, filename: str) -> str:
    """read() as JSON: {"problem", "errors", "notes", "people"} (each person as Person.as_dict())."""
    from calc.jsonio import to_json  # noqa: PLC0415

    workbook = read(data, filename)
    return to_json({"problem": workbook.problem, "errors": workbook.errors, "notes": workbook.notes,
                    "people": [person.as_dict() for person in workbook.people]})


def check_json(people_json: str, today: str | None = None) -> str:
    """check() of each person of a JSON list (read_json's people, or a chunk of them), as JSON."""
    from calc.jsonio import to_json  # noqa: PLC0415

    return to_json([check(person, today) for person in json.loads(people_json)])


def unassigned_json(read_text: str) -> str:
    """unassigned() of read_json's text, as JSON (null when there is nothing)."""
    from calc.jsonio import to_json  # noqa: PLC0415

    data = json.loads(read_text)
    workbook = Workbook(errors=data["errors"], notes=data["notes"], problem=data["problem"])
    return to_json(unassigned(workbook))
