"""The three records of issue 11 (a 青海 nurse, a 合肥 engineer, a 呼和浩特 teacher), as the issue
gives them: what each person enters, year by year, and the facts the verdict depends on. Used by
tests/test_three_records.py (calc) and tests/browser/test_three_records.py (the page, on a phone
and a desktop).

Facts the issue leaves open, decided here: the engineer has held the current post since 2022
(the first year of his certificates); the nurse works in health (a 护师 is 卫生专业技术人员).
"""

from __future__ import annotations

# (year, 公需, 专业) as the certificates print them; None: nothing of that category that year
NURSE_GRID = [(2020, 30, 60), (2021, 45, 90), (2023, 30, 60), (2024, 30, 60), (2025, 30, 40)]
ENGINEER_GRID = [(2022, 30, 60), (2023, 30, 40), (2024, 30, 90)]
TEACHER_GRID = [(2020, 20, None), (2021, 30, 60), (2022, 10, 20)]

NURSE_PAPER = {"kind": "paper", "year": 2025, "authorship": "sole"}
ENGINEER_PATENT = {"kind": "patent", "year": 2024, "type": "invention", "rank": 1}


def grid(policy: str, rows) -> list[dict]:
    """The activities a year grid writes: one per year and category, hours as certified."""
    import calc

    cells = calc.catalogue(policy)["grid"]
    found = []
    for year, public, professional in rows:
        for category, hours in (("public", public), ("professional", professional)):
            if hours is not None:
                found.append({"kind": cells[category]["kind"], "year": year, "hours": hours})
    return found


def nurse(industry: str | None = "health") -> dict:
    person = {"industry": industry} if industry else {}
    return {"version": 1, "policy": "qinghai", "person": person,
            "activities": grid("qinghai", NURSE_GRID) + [dict(NURSE_PAPER)],
            "target": {"type": "review", "level": "senior", "year": 2025}}


def engineer(tenure_start: int | None = 2022) -> dict:
    person = {"tenure_start": tenure_start} if tenure_start else {}
    return {"version": 1, "policy": "hefei", "person": person,
            "activities": grid("hefei", ENGINEER_GRID) + [dict(ENGINEER_PATENT)],
            "target": {"type": "review", "level": "intermediate", "year": 2025}}


def teacher(with_facts: bool = True) -> dict:
    person = {"gender": "female", "birth_date": "1973-05-01"} if with_facts else {}
    return {"version": 1, "policy": "hohhot", "person": person,
            "activities": grid("hohhot", TEACHER_GRID),
            "target": {"type": "review", "level": "senior", "year": 2022}}
