"""威海市：2018年起每年90学时，2018年以前按任期平均（威海市人社局2019年度通知）。"""

from __future__ import annotations

from conftest import run, year_of


def full(year: int) -> list[dict]:
    return [{"kind": "public_course", "year": year, "hours": 30}, {"kind": "professional_course", "year": year, "hours": 60}]


def test_requirement_from_2018_is_30_public_and_60_professional() -> None:
    year = year_of(run("weihai", *full(2018)), 2018)
    assert year["required"] == {"public": 30, "professional": 60, "total": 90} and year["met"] is True


def test_years_before_2018_have_no_annual_requirement() -> None:
    year = year_of(run("weihai", {"kind": "legacy_hours", "year": 2016, "hours": 100}), 2016)
    assert year["required"] is None and year["met"] is None and "平均" in year["notes"][0]


def test_xuexi_qiangguo_2000_points_converts_to_5_public_hours() -> None:
    report = run("weihai", {"kind": "xuexi_qiangguo", "year": 2019, "points": 2000}, {"kind": "public_course", "year": 2019, "hours": 25},
                 {"kind": "professional_course", "year": 2019, "hours": 60})
    assert year_of(report, 2019)["public"] == 30 and year_of(report, 2019)["met"] is True


def test_review_averages_100_hours_a_year_before_2018() -> None:
    activities = [{"kind": "legacy_hours", "year": 2016, "credits": 24}, {"kind": "legacy_hours", "year": 2017, "hours": 80}] + full(2018) + full(2019)
    report = run("weihai", *activities, person={"tenure_start": 2016}, target={"type": "review", "level": "senior", "year": 2019})
    assert report["readiness"]["status"] == "ready"
    assert any("平均每年100学时" in r for r in report["readiness"]["reasons"])


def test_review_pre_2018_average_below_100_is_not_ready() -> None:
    activities = [{"kind": "legacy_hours", "year": 2016, "hours": 90}, {"kind": "legacy_hours", "year": 2017, "hours": 90}] + full(2018)
    report = run("weihai", *activities, person={"tenure_start": 2016}, target={"type": "review", "level": "senior", "year": 2018})
    assert report["readiness"]["status"] == "not_ready"
    assert any("还差20学时" in r for r in report["readiness"]["reasons"])


def test_appointment_averages_50_hours_a_year_before_2018() -> None:
    activities = [{"kind": "legacy_hours", "year": 2016, "hours": 50}, {"kind": "legacy_hours", "year": 2017, "hours": 50}] + full(2018)
    report = run("weihai", *activities, person={"tenure_start": 2016}, target={"type": "appointment", "level": "intermediate", "year": 2018})
    assert report["readiness"]["status"] == "ready"


def test_review_without_tenure_start_is_unknown() -> None:
    report = run("weihai", *full(2019), target={"type": "review", "level": "senior", "year": 2019})
    assert report["readiness"]["status"] == "unknown"


def test_recognition_is_unknown_in_weihai() -> None:
    report = run("weihai", *full(2019), person={"tenure_start": 2018}, target={"type": "recognition", "level": "assistant", "year": 2019})
    assert report["readiness"]["status"] == "unknown"


def test_deadline_for_public_courses_and_make_up_2019() -> None:
    report = run("weihai", *full(2019))
    assert any(d["date"] == "2019-09-30" and d["who"] == "个人" for d in report["deadlines"])


# -- 一(一)：“学习强国”2000积分折算5学时，每年一次，通知只规定了2019年 -------------------------------------


def test_xuexi_qiangguo_entered_twice_is_5_hours_once() -> None:
    report = run("weihai", {"kind": "xuexi_qiangguo", "year": 2019, "points": 2000}, {"kind": "xuexi_qiangguo", "year": 2019, "points": 2500})
    lines = year_of(report, 2019)["lines"]
    assert sum(l["hours"] for l in lines) == 5 and "每年只计一次" in lines[1]["note"]


def test_xuexi_qiangguo_after_2019_is_not_covered_by_the_notice_and_says_so() -> None:
    report = run("weihai", {"kind": "xuexi_qiangguo", "year": 2021, "points": 5000})
    line = year_of(report, 2021)["lines"][0]
    assert line["hours"] == 0 and "只规定了2019年" in line["note"] and report["errors"] == []


# -- 一(一)：2015—2018年度公需科目补学，截至2019年9月30日 ---------------------------------------------------


def test_public_make_up_is_credited_to_the_year_it_makes_up() -> None:
    report = run("weihai", {"kind": "public_course", "year": 2018, "hours": 10}, {"kind": "public_make_up", "year": 2018, "hours": 20},
                 {"kind": "professional_course", "year": 2018, "hours": 60})
    assert year_of(report, 2018)["public"] == 30 and year_of(report, 2018)["met"] is True
    assert any("2019年9月30日" in n for n in year_of(report, 2018)["notes"])


def test_public_make_up_counts_in_the_pre_2018_average() -> None:
    activities = [{"kind": "legacy_hours", "year": 2016, "hours": 80}, {"kind": "public_make_up", "year": 2016, "hours": 20},
                  {"kind": "legacy_hours", "year": 2017, "hours": 100}] + full(2018)
    report = run("weihai", *activities, person={"tenure_start": 2016}, target={"type": "review", "level": "senior", "year": 2018})
    assert report["readiness"]["status"] == "ready"


def test_public_make_up_is_only_for_2015_to_2018() -> None:
    report = run("weihai", {"kind": "public_make_up", "year": 2019, "hours": 20})
    assert report["errors"][0]["code"] == "kind_not_in_year"
