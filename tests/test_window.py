"""calc/window.py: which of the notice's title rules covers an application (by type, level, degree,
已取得副高) and the years it looks at — `since` a year (any N of them), the `recent` years, the
`listed` years, the whole `tenure`, or `none` — with the categories a year is not asked for, a move
from a civil-service post shortening it, and the years a window averages (威海 2018年以前)."""

from __future__ import annotations

from calc.window import application_rule, window_of
from conftest import scenario_of


def window(policy: str, target: dict, *activities: dict, tenure: int | None = None):
    scenario = scenario_of(policy, *activities, target={"type": "review", **target})
    rule = application_rule(scenario.policy["readiness"], scenario.target)
    return rule and window_of(scenario, rule, tenure)


def test_since_any_three_years_from_2020() -> None:
    # 青海 四(一): 申报…中级职称时，…提交自2020年以来近…3年的继续教育学时，可不连续
    found = window("qinghai", {"level": "intermediate", "year": 2025})
    assert (found.mode, found.years, found.needed, found.all_years) == ("since", (2020, 2021, 2022, 2023, 2024, 2025), 3, False)


def test_recent_one_of_the_last_two_years() -> None:
    # 青海 四(一): 申报初级职称时，须具备申报当年或上一年的继续教育培训学时
    found = window("qinghai", {"level": "junior", "year": 2025})
    assert (found.mode, found.years, found.needed) == ("recent", (2024, 2025), 1)


def test_listed_every_year_named_with_the_category_a_year_is_not_asked_for() -> None:
    # 呼和浩特 二(一): 高级 2020—2022年, 2020年专业科目不作要求
    found = window("hohhot", {"level": "senior", "year": 2022})
    assert (found.mode, found.years, found.needed, found.all_years) == ("listed", (2020, 2021, 2022), 3, True)
    assert found.waived == {2020: {"professional"}}


def test_tenure_every_year_from_the_tenure_start_else_the_application_year_alone() -> None:
    # 合肥 五(二): 最近一个任职周期
    found = window("hefei", {"level": "senior", "year": 2021}, tenure=2019)
    assert (found.mode, found.years, found.needed, found.tenure) == ("tenure", (2019, 2020, 2021), 3, 2019)
    alone = window("hefei", {"level": "senior", "year": 2021})
    assert (alone.years, alone.needed, alone.tenure) == ((2021,), 1, None)


def test_none_asks_for_no_year() -> None:
    # 呼和浩特 二(二): 博士研究生认定中级职称不要求继续教育学时
    found = window("hohhot", {"type": "recognition", "level": "intermediate", "year": 2022, "degree": "doctor"})
    assert (found.mode, found.years, found.needed) == ("none", (), 0)


def test_the_rule_is_chosen_by_degree_and_deputy_senior() -> None:
    # 青海 四(一): 博士 已取得副高 申报正高 近2年; otherwise 正高 近4年
    doctor = {"level": "full_senior", "year": 2025, "degree": "doctor"}
    assert window("qinghai", {**doctor, "has_deputy_senior": True}).needed == 2
    assert window("qinghai", doctor).needed == 4
    assert window("hohhot", {"type": "recognition", "level": "intermediate", "year": 2022, "degree": "bachelor"}) is None


def test_a_move_from_a_civil_service_post_leaves_only_the_years_after_it() -> None:
    # 青海 六(一): 按交流（转任）实际年限完成相应年限的继续教育学时
    moved = window("qinghai", {"level": "intermediate", "year": 2025}, {"kind": "civil_servant_transfer", "year": 2023})
    assert (moved.years, moved.needed, moved.transfer_year) == ((2024, 2025), 2, 2023)
    same_year = window("qinghai", {"level": "intermediate", "year": 2025}, {"kind": "civil_servant_transfer", "year": 2025})
    assert (same_year.years[0], same_year.needed, same_year.transfer_year) == (2020, 3, None)  # the exemption's case
    # 呼和浩特 三(七): a listed window keeps the years after the move, all of them needed
    listed = window("hohhot", {"level": "senior", "year": 2022}, {"kind": "civil_servant_transfer", "year": 2020})
    assert (listed.years, listed.needed) == ((2021, 2022), 2)


def test_years_before_2018_are_averaged_in_weihai() -> None:
    # 威海 二(一): 2018年以前 任期内平均每年100学时; from 2018 each year
    found = window("weihai", {"level": "senior", "year": 2020}, tenure=2015)
    assert found.years == (2015, 2016, 2017, 2018, 2019, 2020) and found.average_before == 2018
    assert (found.early_years, found.annual_years) == ([2015, 2016, 2017], [2018, 2019, 2020])
