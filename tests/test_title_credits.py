"""calc/title_credits.py: once the verdict is decided, the whole years an application fills are
drawn into the report's years, so each year's lines show what the drawn possibility used — a window
conversion (青海 学历学位 obtained in the tenure) gives every year of the window its whole 专业;
a year deemed complete wherever it is needed (驻村满1年) goes to the year bounds.py gave it, or says
that no year needed it. Nothing is drawn where no possibility was judged (an exemption)."""

from __future__ import annotations

from datetime import date

from conftest import run, year_of

REVIEW = {"type": "review", "level": "intermediate", "year": 2025}  # 青海 四(一): 3 years since 2020
FIGURES = {str(y): {"public": 30, "professional": 60} for y in (2023, 2024)}  # 2023, 2024: no figures in the notices here
VILLAGE = {"kind": "village_work", "year": 2024, "months": 12}


def report(*activities: dict, **person) -> dict:
    return run("qinghai", *activities, person={"tenure_start": 2023, **person}, requirements=FIGURES, target=REVIEW,
               today=date(2025, 7, 1))


def full(*years: int) -> list[dict]:
    return [{"kind": k, "year": y, "hours": h} for y in years for k, h in (("public_course", 30), ("professional_course", 60))]


def village_notes(found: dict) -> list[str]:
    return [line["note"] for line in year_of(found, 2024)["lines"] if line["kind"] == "village_work" and line["category"] is None]


def test_a_degree_in_the_tenure_fills_the_professional_requirement_of_every_window_year() -> None:
    # 青海 附件4 2024年自学类: 任现职期间取得的高一级学历…在申报高一层次职称时，可一次性折算专业科目的全部学时
    found = report({"kind": "degree_obtained", "year": 2024}, *({"kind": "public_course", "year": y, "hours": 30} for y in (2023, 2024, 2025)))
    assert found["readiness"]["status"] == "ready"
    for year in (2023, 2025):
        entry = year_of(found, year)
        assert entry["professional_full"] and entry["professional"] == 60
        (line,) = [l for l in entry["lines"] if l["kind"] == "degree_obtained"]
        assert line["note"].startswith("2025年申报：") and line["hours"] == 60


def test_village_work_goes_to_the_year_that_needs_it() -> None:
    # 青海 附件4 2023年: 驻村满1年（实年）以上的，可视同参加并完成任现职期间任意一年继续教育学时
    # — 2024 has nothing else; 2023 and 2025 are met
    found = report(VILLAGE, *full(2023, 2025))
    assert found["readiness"]["status"] == "ready"
    year = year_of(found, 2024)
    assert year["complete"] and (year["public"], year["professional"]) == (30, 60)
    assert village_notes(found) == ["可视同完成任现职期间任意一年的学时，在核验职称申报时使用；已用于2024年（视同完成当年学时）"]


def test_village_work_no_year_needs_says_so() -> None:
    found = report(VILLAGE, *full(2023, 2024, 2025))
    assert not year_of(found, 2024)["complete"] and year_of(found, 2024)["professional"] == 60
    assert village_notes(found)[0].endswith("；申报所需年度均已达标，未使用")


def test_nothing_is_drawn_where_no_possibility_was_judged() -> None:
    # 青海 六(二) 双职称: exempt, no year judged
    found = report(VILLAGE, dual_title=True)
    assert found["readiness"]["status"] == "exempt"
    assert not year_of(found, 2024)["complete"] and village_notes(found) == ["可视同完成任现职期间任意一年的学时，在核验职称申报时使用"]
