"""呼和浩特市：2022年申报职称所需年度、年龄减免、参考因素与免除（呼和浩特市人社局2022年通知）。"""

from __future__ import annotations

from conftest import run, year_of


def full(year: int, public: float = 30, professional: float = 60) -> list[dict]:
    return [{"kind": "public_course", "year": year, "hours": public}, {"kind": "professional_course", "year": year, "hours": professional}]


REVIEW_2022 = {"type": "review", "level": "intermediate", "year": 2022}


def test_review_senior_or_intermediate_needs_2020_2021_2022_but_not_2020_professional() -> None:
    report = run("hohhot", *full(2020, 30, 0), *full(2021), *full(2022), target=REVIEW_2022)
    assert report["readiness"]["status"] == "ready" and report["readiness"]["years_counted"] == [2020, 2021, 2022]


def test_review_short_in_2021_is_not_ready() -> None:
    young = {"gender": "female", "birth_date": "1990-03-01"}
    report = run("hohhot", *full(2020, 30, 0), *full(2021, 20, 60), *full(2022), person=young, target=REVIEW_2022)
    assert report["readiness"]["status"] == "not_ready"
    assert report["readiness"]["shortfall"] == [{"year": 2021, "public": 10, "professional": 0}]
    # 2021 is over when applying in 2022: no hours are planned in it
    assert report["readiness"]["next_step"]["code"] == "cannot_add" and "plan" not in report["readiness"]


def test_without_gender_and_birth_date_a_short_review_waits_for_them() -> None:
    # 三(一): 女满45周岁只需1/3, 满50周岁不要求 — until they are given, the verdict cannot be
    # "not ready" (it names the facts, and plans nothing)
    report = run("hohhot", *full(2020, 30, 0), *full(2021, 20, 60), *full(2022), target=REVIEW_2022)
    verdict = report["readiness"]
    assert verdict["status"] == "unknown" and "plan" not in verdict and verdict["shortfall_text"] is None
    assert [m["name"] for m in verdict["missing"]] == ["gender", "birth_date"]
    assert verdict["next_step"]["code"] == "fill_facts" and verdict["headline"].endswith("先填写性别、出生日期")
    # enough at the full requirement: no reduction can make it less so
    assert run("hohhot", *full(2020), *full(2021), *full(2022), target=REVIEW_2022)["readiness"]["status"] == "ready"


def test_review_junior_needs_2022_only() -> None:
    report = run("hohhot", *full(2022), target={"type": "review", "level": "junior", "year": 2022})
    assert report["readiness"]["status"] == "ready" and report["readiness"]["window"] == [2022]


def test_recognition_assistant_by_degree_needs_2022() -> None:
    report = run("hohhot", *full(2022), target={"type": "recognition", "level": "assistant", "year": 2022, "degree": "bachelor"})
    assert report["readiness"]["status"] == "ready"


def test_recognition_intermediate_by_master_needs_2021_and_2022() -> None:
    report = run("hohhot", *full(2022), target={"type": "recognition", "level": "intermediate", "year": 2022, "degree": "master"})
    assert report["readiness"]["status"] == "not_ready" and report["readiness"]["window"] == [2021, 2022]


def test_recognition_intermediate_by_doctorate_needs_no_hours() -> None:
    report = run("hohhot", target={"type": "recognition", "level": "intermediate", "year": 2022, "degree": "doctor"})
    assert report["readiness"]["status"] == "exempt"


def test_applications_in_other_years_are_unknown() -> None:
    report = run("hohhot", *full(2023), target={"type": "review", "level": "intermediate", "year": 2023})
    assert report["readiness"]["status"] == "unknown"


def test_men_55_and_over_need_no_hours_for_review() -> None:
    report = run("hohhot", person={"gender": "male", "birth_date": "1967-03-01"}, target=REVIEW_2022)
    assert report["readiness"]["status"] == "exempt"


def test_women_45_to_49_need_one_third() -> None:
    person = {"gender": "female", "birth_date": "1975-06-01"}
    report = run("hohhot", *full(2020, 10, 0), *full(2021, 10, 20), *full(2022, 10, 20), person=person, target=REVIEW_2022)
    assert report["readiness"]["status"] == "ready"
    report = run("hohhot", *full(2020, 10, 0), *full(2021, 9, 20), *full(2022, 10, 20), person=person, target=REVIEW_2022)
    assert report["readiness"]["shortfall"] == [{"year": 2021, "public": 1, "professional": 0}]


def test_age_is_counted_on_the_application_date() -> None:
    person = {"gender": "male", "birth_date": "1967-12-01"}
    before = run("hohhot", person=person, target={**REVIEW_2022, "date": "2022-11-30"})
    after = run("hohhot", person=person, target={**REVIEW_2022, "date": "2022-12-01"})
    assert before["readiness"]["status"] == "not_ready" and after["readiness"]["status"] == "exempt"


def test_non_public_sector_hours_are_a_reference_only() -> None:
    report = run("hohhot", *full(2022), person={"sector": "non_public"}, target=REVIEW_2022)
    assert report["readiness"]["status"] == "reference_only" and "参考" in report["readiness"]["reasons"][0]


def test_grassroots_hours_are_a_reference_only() -> None:
    report = run("hohhot", person={"grassroots": True}, target=REVIEW_2022)
    assert report["readiness"]["status"] == "reference_only"


def test_covid_frontline_in_the_window_needs_no_hours() -> None:
    report = run("hohhot", {"kind": "covid_frontline", "year": 2020}, target=REVIEW_2022)
    assert report["readiness"]["status"] == "exempt"


def test_civil_servant_transfer_in_2021_owes_2022_only() -> None:
    report = run("hohhot", {"kind": "civil_servant_transfer", "year": 2021}, *full(2022), target=REVIEW_2022)
    assert report["readiness"]["status"] == "ready" and report["readiness"]["window"] == [2022]


def test_qualification_exam_fills_the_certificate_years_professional_requirement() -> None:
    year = year_of(run("hohhot", {"kind": "qualification_exam", "year": 2022}, {"kind": "public_course", "year": 2022, "hours": 30}), 2022)
    assert year["met"] is True and year["professional_full"] is True


def test_recognition_intermediate_without_a_degree_asks_for_it() -> None:
    # 二(二): 硕士 2021、2022年 (none entered: not met), 博士 不要求 — the degree decides
    report = run("hohhot", target={"type": "recognition", "level": "intermediate", "year": 2022})
    verdict = report["readiness"]
    assert verdict["status"] == "unknown" and any("学历" in r for r in verdict["reasons"])
    assert [f["name"] for f in verdict["next_step"]["facts"]] == ["degree"]


# -- 三(四)：不限年度和申报类型 ---------------------------------------------------------------------


def test_covid_frontline_in_any_year_exempts_every_application_judged_under_the_notice() -> None:
    for year, target in [(2020, {"type": "recognition", "level": "assistant", "year": 2022, "degree": "bachelor"}),
                         (2021, {"type": "recognition", "level": "intermediate", "year": 2022, "degree": "master"}),
                         (2019, {"type": "review", "level": "junior", "year": 2022})]:
        report = run("hohhot", {"kind": "covid_frontline", "year": year}, target=target)
        assert report["readiness"]["status"] == "exempt", (year, target)


def test_covid_frontline_does_not_decide_applications_the_notice_does_not_govern() -> None:
    report = run("hohhot", {"kind": "covid_frontline", "year": 2021}, target={"type": "review", "level": "intermediate", "year": 2023})
    assert report["readiness"]["status"] == "unknown"


# -- 三(一) “规定学时的1/3”：本站的理解写在结果旁 -------------------------------------------------------


def test_where_the_one_third_reading_decides_the_verdict_is_unknown_until_the_bureau_says() -> None:
    # 三(一) 男满50周岁…要求完成规定学时的1/3即可: 2021 公需0、专业30 — a third of each category
    # (公需10、专业20) is not met, a third of the total (30) is: the clause does not say which
    person = {"gender": "male", "birth_date": "1970-03-01"}
    report = run("hohhot", *full(2020, 10, 0), *full(2021, 0, 30), *full(2022, 10, 20), person=person, target=REVIEW_2022)
    verdict = report["readiness"]
    assert verdict["status"] == "unknown" and verdict["shortfall"] == [{"year": 2021, "public": 10, "professional": 0}]
    assert verdict["next_step"]["code"] == "confirm_reading" and "人社局" in verdict["next_step"]["text"]
    assert any("本站理解：“要求完成规定学时的1/3”按公需科目、专业科目分别计" in r for r in verdict["reasons"])
    # where both readings agree, the verdict is decided: 2021 公需10、专业20 meets either
    report = run("hohhot", *full(2020, 10, 0), *full(2021, 10, 20), *full(2022, 10, 20), person=person, target=REVIEW_2022)
    assert report["readiness"]["status"] == "ready"


# -- 一(二)：事前不备案的项目不得认定继续教育学时 ------------------------------------------------------


def test_professional_training_not_filed_beforehand_is_not_recognised() -> None:
    report = run("hohhot", {"kind": "professional_course", "year": 2022, "hours": 60, "filed": False}, {"kind": "public_course", "year": 2022, "hours": 30})
    year = year_of(report, 2022)
    assert year["professional"] == 0 and year["met"] is False
    assert "事前不备案的项目不得认定继续教育学时" in year["lines"][0]["note"]
