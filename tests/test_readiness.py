"""calc/readiness.py: a verdict decided from what could still happen, as of today (issue 19,
scenario.md 2026-12-07). Each test is one of the issue's cases, with the notice's own numbers and a
fixed `today`; tests/test_bounds.py proves the same over generated scenarios.
"""

from __future__ import annotations

from conftest import run, year_of


def grid(year: int, public: float, professional: float, public_kind: str = "public_course",
         professional_kind: str = "professional_course") -> list[dict]:
    return [{"kind": public_kind, "year": year, "hours": public}, {"kind": professional_kind, "year": year, "hours": professional}]


def hefei(year: int, public: float, professional: float) -> list[dict]:
    return grid(year, public, professional, professional_kind="organised_training")


# -- decisive where the notice decides -----------------------------------------------------------


def test_hohhot_a_44_year_old_is_not_asked_for_gender() -> None:
    # 三(一): 男满50、女满45周岁才减免 — at 44 on the application date neither gets any
    person = {"birth_date": "1978-01-01"}
    target = {"type": "review", "level": "senior", "year": 2022}
    short = run("hohhot", *grid(2020, 30, 0), *grid(2021, 30, 60), *grid(2022, 30, 40), person=person, target=target,
                today="2022-07-01")["readiness"]
    assert short["status"] == "not_ready" and short["missing"] == []
    assert short["next_step"]["code"] == "add_hours" and "20 学时" in short["next_step"]["text"]
    assert any("年满44周岁" in r for r in short["reasons"])
    full = run("hohhot", *grid(2020, 30, 0), *grid(2021, 30, 60), *grid(2022, 30, 60), person=person, target=target,
               today="2022-07-01")["readiness"]
    assert full["status"] == "ready"


def test_hohhot_gender_is_asked_where_it_decides_at_47() -> None:
    # 女满45周岁 1/3; a man of 47 gets none: 2021 公需10、专业20 meets only the woman's third
    person = {"birth_date": "1975-01-01"}
    report = run("hohhot", *grid(2020, 10, 0), *grid(2021, 10, 20), *grid(2022, 10, 20), person=person,
                 target={"type": "review", "level": "senior", "year": 2022}, today="2022-07-01")
    verdict = report["readiness"]
    assert verdict["status"] == "unknown" and [f["name"] for f in verdict["next_step"]["facts"]] == ["gender"]


def test_hefei_without_tenure_the_short_application_year_decides() -> None:
    # 五(二) 验证最近一个任职周期: the application year is in every window, and 顺延至下一年度补学
    # cannot reach it from a year after the application — not ready, whatever the tenure start
    activities = hefei(2022, 30, 60) + hefei(2023, 30, 60) + hefei(2024, 30, 60) + hefei(2025, 30, 20)
    target = {"type": "review", "level": "intermediate", "year": 2025}
    verdict = run("hefei", *activities, target=target, today="2026-03-01")["readiness"]
    assert (verdict["status"], verdict["reachable"], verdict["missing"]) == ("not_ready", False, [])
    assert verdict["next_step"]["code"] == "cannot_add"
    # while 2025 is open the 40 hours can still be taken: what to add, and that the tenure start
    # decides whether it is enough (a start before 2022 adds years with nothing entered)
    verdict = run("hefei", *activities, target=target, today="2025-07-01")["readiness"]
    assert verdict["status"] == "not_ready" and verdict["reachable"] is True
    assert "2025年补专业科目 40 学时" in verdict["next_step"]["text"]


def test_qinghai_years_with_no_hours_are_not_asked_for_their_requirements() -> None:
    # 人社部令第25号 第八条: 每年累计应不少于90学时 — whatever 2020-2024's notices set, a year with
    # no hours cannot meet it: 2025 alone of the 3 years 四(一) asks for 中级, and the others are over
    verdict = run("qinghai", *grid(2025, 30, 60), target={"type": "review", "level": "intermediate", "year": 2025},
                  today="2025-07-01")["readiness"]
    assert (verdict["status"], verdict["reachable"]) == ("not_ready", False)
    assert verdict["next_step"]["years"] == [] and verdict["next_step"]["code"] == "cannot_add"
    assert any("人社部令第25号" in r for r in verdict["reasons"])


# -- open where it does not -------------------------------------------------------------------------


QINGHAI_SENIOR = (
    grid(2020, 30, 60) + grid(2021, 45, 60) + grid(2022, 30, 60) + grid(2023, 30, 40) + grid(2024, 30, 60)
    + grid(2025, 30, 50)
)
SUPPLIED = {"2020": {"public": 30, "professional": 60}, "2022": {"public": 30, "professional": 60},
            "2023": {"public": 30, "professional": 60}}
SENIOR_2025 = {"type": "review", "level": "senior", "year": 2025}


def test_qinghai_senior_can_still_be_met_before_the_2025_deadline() -> None:
    # 四(一) 高级: 4 met years since 2020. 2020, 2022 met (figures entered); 2021 (135) and 2023
    # short; 2024 unknown; 2025 ten 专业 short and open until 12-20 (五(二)): filling 2024 in and
    # taking 10 hours in 2025 gives 4 years
    verdict = run("qinghai", *QINGHAI_SENIOR, requirements=SUPPLIED, target=SENIOR_2025, today="2025-10-01")["readiness"]
    assert (verdict["status"], verdict["reachable"]) == ("not_ready", True)
    step = verdict["next_step"]
    assert step["code"] == "fill_requirements" and step["years"] == [2024]
    assert "2024年的要求" in step["text"] and "2025年补专业科目 10 学时" in step["text"]
    # filled in as met, the next step is the 10 hours
    filled = dict(SUPPLIED, **{"2024": {"public": 30, "professional": 60}})
    verdict = run("qinghai", *QINGHAI_SENIOR, requirements=filled, target=SENIOR_2025, today="2025-10-01")["readiness"]
    assert verdict["next_step"]["code"] == "add_hours" and verdict["next_step"]["text"] == "还需2025年补专业科目 10 学时，才能满足。"


def test_qinghai_senior_after_the_2025_study_deadline_cannot_be_met() -> None:
    # 五(二): 学习时间…至12月20日结束 — on 12-21 the 10 hours can no longer be taken
    verdict = run("qinghai", *QINGHAI_SENIOR, requirements=SUPPLIED, target=SENIOR_2025, today="2025-12-21")["readiness"]
    assert (verdict["status"], verdict["reachable"], verdict["next_step"]["code"]) == ("not_ready", False, "cannot_add")
    assert "recheck" not in verdict  # the application date (12-31) has not passed


def test_the_application_date_closes_the_year_before_its_deadline() -> None:
    # hours earned after the application are not in it
    target = dict(SENIOR_2025, date="2025-09-30")
    verdict = run("qinghai", *QINGHAI_SENIOR, requirements=SUPPLIED, target=target, today="2025-10-01")["readiness"]
    assert (verdict["status"], verdict["reachable"]) == ("not_ready", False)
    assert verdict["recheck"] == {"year": 2026, "text": "按2026年申报再查一次"}


def test_blank_years_are_named_where_they_could_change_the_verdict() -> None:
    # 中级: 3 years since 2020; only 2023 and 2025 have hours — 2020-2022 and 2024 show as 未填写
    report = run("qinghai", *grid(2023, 30, 60), *grid(2025, 30, 60), requirements={"2023": {"public": 30, "professional": 60}},
                 target={"type": "review", "level": "intermediate", "year": 2025}, today="2025-07-01")
    verdict = report["readiness"]
    assert verdict["status"] == "not_ready"
    assert any(r.startswith("2020—2022、2024年没有填写任何已完成的学时") for r in verdict["reasons"])
    blank = [y for y in verdict["window_years"] if not y["entered"]]
    assert [y["year"] for y in blank] == [2020, 2021, 2022, 2024] and {y["state_label"] for y in blank} == {"未填写"}
    assert year_of(report, 2021)["state_label"] == "未填写" and year_of(report, 2021)["entered"] is False


# -- impossible combinations ---------------------------------------------------------------------------


def test_a_move_into_hefei_after_the_application_year_is_an_error_naming_the_field() -> None:
    report = run("hefei", *hefei(2024, 30, 60), person={"transferred_in_year": 2026, "tenure_start": 2024},
                 target={"type": "review", "level": "intermediate", "year": 2024}, today="2024-07-01")
    (problem,) = report["errors"]
    assert (problem["field"], problem["code"]) == ("person.transferred_in_year", "year_out_of_range")
    assert "晚于申报年度" in problem["message"]
    assert report["readiness"]["status"] == "ready"  # the rest is computed, as if the move were not given


def test_a_birth_date_given_to_the_month_leaves_only_the_day_open() -> None:
    # 三(一) 女满50周岁不再要求、满45周岁1/3: born in December 1972, on 2022-12-15 she is 49 or 50
    # — the day decides (exempt, or a third she does not meet); in June 1972 she is 50 either way
    target = {"type": "review", "level": "senior", "year": 2022, "date": "2022-12-15"}
    hours = grid(2020, 5, 0) + grid(2021, 5, 10) + grid(2022, 5, 10)
    verdict = run("hohhot", *hours, person={"gender": "female", "birth_date": "1972-12"}, target=target, today="2022-12-01")["readiness"]
    assert verdict["status"] == "unknown" and [f["name"] for f in verdict["next_step"]["facts"]] == ["birth_date"]
    verdict = run("hohhot", *hours, person={"gender": "female", "birth_date": "1972年6月"}, target=target, today="2022-12-01")["readiness"]
    assert verdict["status"] == "exempt"
