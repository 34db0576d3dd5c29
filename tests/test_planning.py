"""calc/planning.py: the least extra hours for a title application, where they can still be taken.
One activity supplies a gap when a single number is all it needs — hours as stated, or whole units
at the kind's rate, rounded up — within the room left under its cap; the kinds offered are those
valid that year, of the category, giving hours (not a whole year), not given once a year already,
with room left; a gap is planned in the year that can still take it (its own, or the year whose
make-up reaches it), with that year's deadlines."""

from __future__ import annotations

from datetime import date

from calc import ruledata
from calc.open_years import OpenYears
from calc.planning import entry_for, options, plan
from conftest import ledger_of

QINGHAI = ruledata.resolve("qinghai")


def kind(policy: dict, kind_id: str, year: int = 2025) -> dict:
    return ruledata.kind_for(policy, kind_id, year)


def test_hours_as_stated() -> None:
    assert entry_for(kind(QINGHAI, "public_course"), 20, None, 2025) == {"field": "hours", "value": 20, "hours": 20}


def test_whole_units_at_the_kinds_rate_rounded_up() -> None:
    # 青海 技术带教帮扶 按每天 7 学时: 20 hours short is 3 days, 21 hours
    assert entry_for(kind(QINGHAI, "mentoring"), 20, None, 2025) == {"field": "days", "value": 3, "hours": 21}


def test_within_the_room_left_under_the_cap() -> None:
    # 青海 软件著作权 每件2学时, 每年不超过10学时: 20 short gives 5 件, 10 hours
    assert entry_for(kind(QINGHAI, "software_copyright"), 20, 10, 2025) == {"field": "count", "value": 5, "hours": 10}
    # 9 hours of 技术带教帮扶 left: 2 days, credited 9
    assert entry_for(kind(QINGHAI, "mentoring"), 20, 9, 2025) == {"field": "days", "value": 2, "hours": 9}


def test_a_kind_that_needs_more_than_one_number_has_no_entry() -> None:
    # 青海 学术论文: authorship and count
    assert entry_for(kind(QINGHAI, "paper"), 10, 20, 2025) is None


def test_options_leave_out_whole_year_kinds_kinds_given_once_already_and_full_caps() -> None:
    ledger = ledger_of("qinghai", {"kind": "mentoring", "year": 2025, "days": 5}, {"kind": "degree_study", "year": 2025},
                       {"kind": "software_copyright", "year": 2025, "count": 4})
    found = {o["kind"]: o for o in options(QINGHAI, ledger.years[2025], "professional", 20)}
    assert "degree_study" not in found  # 学历教育 当年60学时, given this year already
    assert "mentoring" not in found  # 5 days: its 30 are used
    assert not {"covid_frontline", "village_work", "excluded"} & set(found)  # no hours a plan can count on
    assert found["software_copyright"]["room"] == 2 and found["software_copyright"]["text"] == "软件著作权（当年还可计 2 学时）"
    assert found["qualification_exam"]["whole_requirement"] and "entry" not in found["qualification_exam"]
    public = {o["kind"] for o in options(QINGHAI, ledger.years[2025], "public", 10)}
    assert "public_course" in public and "professional_course" not in public


def test_options_are_the_kinds_valid_that_year() -> None:
    # 青海 软件著作权 from 2025, 技术带教帮扶 from 2020
    found = {o["kind"] for o in options(QINGHAI, ledger_of("qinghai", extra_years={2024}).years[2024], "professional", 20)}
    assert "mentoring" in found and "software_copyright" not in found


def test_gaps_are_grouped_by_the_year_that_can_still_take_them() -> None:
    # 合肥 顺延至下一年度补学: in mid-2025, 2024's 20 专业 are taken in 2025, beside 2025's own gap
    ledger = ledger_of("hefei", person={"tenure_start": 2024}, target={"type": "review", "level": "intermediate", "year": 2025},
                       extra_years={2024, 2025})
    gaps = [{"year": 2024, "public": 0, "professional": 20}, {"year": 2025, "public": 30, "professional": 60}]
    found = plan(ledger.scenario, ledger, gaps, OpenYears(ledger.scenario, date(2025, 7, 1)))
    (year,) = found["years"]
    assert (year["year"], year["public"], year["professional"], found["extra_hours"]) == (2025, 30, 80, 110)
    assert [need["text"] for need in year["needs"]] == ["2025年公需科目还需 30 学时。", "2025年专业科目还需 80 学时（其中 20 学时补2024年）。"]
    assert year["needs"][0]["suggestion"]["activity"] == {"kind": "public_course", "year": 2025, "hours": 30, "title": "计划补学", "planned": True}
    assert found["summary_text"] == "最少还需补 110 学时（2025年公需科目 30 学时、专业科目 80 学时）"
    # in mid-2024 the year is still open: planned in 2024 itself
    during = plan(ledger.scenario, ledger, gaps[:1], OpenYears(ledger.scenario, date(2024, 7, 1)))
    assert [y["year"] for y in during["years"]] == [2024]


def test_a_plan_year_carries_the_persons_deadlines() -> None:
    # 青海 2025: 12-10 提交申请, 12-20 学习时间结束, 12-31 审验截止
    ledger = ledger_of("qinghai", target={"type": "review", "level": "intermediate", "year": 2025}, extra_years={2025})
    found = plan(ledger.scenario, ledger, [{"year": 2025, "public": 10, "professional": 0}], OpenYears(ledger.scenario, date(2025, 7, 1)))
    assert [d["date"] for d in found["years"][0]["deadlines"]] == ["2025-12-10", "2025-12-20", "2025-12-31"]
