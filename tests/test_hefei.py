"""合肥市：每年90学时、顺延一年补学、附件3核定、申报评审验证（合肥市人社局2021年通知）。"""

from __future__ import annotations

from conftest import kind_hours, run, year_of


def year_with(year: int, public_courses: int, professional: float) -> list[dict]:
    return [
        {"kind": "public_course", "year": year, "count": public_courses},
        {"kind": "organised_training", "year": year, "hours": professional},
    ]


def test_requirement_is_30_public_and_60_professional() -> None:
    year = year_of(run("hefei", *year_with(2021, 1, 60)), 2021)
    assert year["required"] == {"public": 30, "professional": 60, "total": 90} and year["met"] is True


def test_national_conference_with_2500_character_paper_and_passed_foreign_language_exam() -> None:
    """The example of issue 3: 14 + 45 professional hours, with the clauses."""
    report = run("hefei", {"kind": "conference", "year": 2021, "level": "national", "paper_chars": 2500},
                 {"kind": "title_foreign_language", "year": 2021, "mode": "exam"})
    lines = year_of(report, 2021)["lines"]
    assert [(l["kind"], l["hours"]) for l in lines] == [("conference", 14), ("title_foreign_language", 45)]
    assert year_of(report, 2021)["professional"] == 59
    assert all("附件3" in l["citation"] for l in lines)


def test_shortfall_is_made_up_from_the_following_year() -> None:
    report = run("hefei", *year_with(2020, 1, 40), *year_with(2021, 1, 90))
    assert year_of(report, 2020)["professional"] == 60 and year_of(report, 2020)["met"] is True
    assert year_of(report, 2021)["professional"] == 70 and year_of(report, 2021)["met"] is True
    make_up = [l for l in year_of(report, 2020)["lines"] if l["kind"] == "make_up"]
    assert make_up[0]["hours"] == 20 and make_up[0]["rule"] == "hefei/make_up"


def test_make_up_only_from_surplus_above_the_following_years_own_requirement() -> None:
    report = run("hefei", *year_with(2020, 1, 40), *year_with(2021, 1, 70))
    assert year_of(report, 2020)["professional"] == 50 and year_of(report, 2020)["met"] is False
    assert year_of(report, 2021)["professional"] == 60 and year_of(report, 2021)["met"] is True


def test_make_up_reaches_back_one_year_only() -> None:
    report = run("hefei", *year_with(2019, 1, 0), *year_with(2020, 1, 60), *year_with(2021, 1, 120))
    assert year_of(report, 2019)["professional"] == 0 and year_of(report, 2019)["met"] is False
    assert year_of(report, 2021)["professional"] == 120


def test_make_up_keeps_the_categories_apart() -> None:
    report = run("hefei", {"kind": "public_course", "year": 2020, "count": 0},
                 {"kind": "organised_training", "year": 2020, "hours": 60}, *year_with(2021, 1, 150))
    assert year_of(report, 2020)["public"] == 0 and year_of(report, 2020)["met"] is False


def test_paper_gets_the_highest_standard_never_the_sum() -> None:
    report = run("hefei", {"kind": "paper", "year": 2021, "journal": "provincial", "chars": 5000, "indexed": True})
    assert kind_hours(report, 2021, "paper") == 40


def test_paper_per_thousand_characters_is_proportional() -> None:
    report = run("hefei", {"kind": "paper", "year": 2021, "journal": "national", "chars": 2500})
    assert kind_hours(report, 2021, "paper") == 12.5
    assert "2500 ÷ 1000 × 5 = 12.5" in year_of(report, 2021)["lines"][0]["note"]


def test_project_ranks_beyond_the_table_get_nothing_and_say_why() -> None:
    report = run("hefei", {"kind": "project", "year": 2021, "level": "provincial", "group": "main", "rank": 4, "years": [2021]})
    line = year_of(report, 2021)["lines"][0]
    assert line["hours"] == 0 and "前3名" in line["note"]


def test_review_checks_every_year_of_the_tenure_after_make_up() -> None:
    activities = year_with(2019, 1, 60) + year_with(2020, 1, 40) + year_with(2021, 1, 80)
    report = run("hefei", *activities, person={"tenure_start": 2019}, target={"type": "review", "level": "senior", "year": 2021})
    verdict = report["readiness"]
    assert verdict["status"] == "ready" and verdict["years_counted"] == [2019, 2020, 2021]


def test_review_not_ready_names_the_short_year() -> None:
    activities = year_with(2020, 1, 30) + year_with(2021, 1, 60)
    report = run("hefei", *activities, person={"tenure_start": 2020}, target={"type": "review", "level": "intermediate", "year": 2021})
    assert report["readiness"]["status"] == "not_ready"
    assert report["readiness"]["shortfall"] == [{"year": 2020, "public": 0, "professional": 30}]


def test_review_without_tenure_start_is_unknown_and_says_what_is_missing() -> None:
    report = run("hefei", *year_with(2021, 1, 60), target={"type": "review", "level": "intermediate", "year": 2021})
    assert report["readiness"]["status"] == "unknown" and any("任现职年度" in r for r in report["readiness"]["reasons"])


def test_recognition_is_unknown_in_hefei() -> None:
    report = run("hefei", person={"tenure_start": 2020}, target={"type": "recognition", "level": "intermediate", "year": 2021})
    assert report["readiness"]["status"] == "unknown"


def test_aid_program_before_2016_is_72_hours() -> None:
    report = run("hefei", {"kind": "aid_program", "year": 2015}, {"kind": "aid_program", "year": 2016})
    assert kind_hours(report, 2015, "aid_program") == 72 and kind_hours(report, 2016, "aid_program") == 90


def test_plan_offers_public_courses_by_their_certified_hours() -> None:
    # 公需课: the certificate prints hours (学满30学时); the plan offers them as hours
    activities = [{"kind": "organised_training", "year": 2021, "hours": 60}, {"kind": "self_study", "year": 2021, "hours": 10}]
    target = {"type": "review", "level": "intermediate", "year": 2021}
    report = run("hefei", *activities, person={"tenure_start": 2021}, target=target)
    (step,) = report["readiness"]["plan"]["years"]
    (course,) = [o for o in step["options"]["public"] if o["kind"] == "public_course"]
    assert course["entry"] == {"field": "hours", "value": 30, "hours": 30}
    added = {"kind": "public_course", "year": 2021, "hours": course["entry"]["value"]}
    assert run("hefei", *activities, added, person={"tenure_start": 2021}, target=target)["readiness"]["status"] == "ready"


def test_public_course_counts_certified_hours_else_30_per_course_and_warns_of_900() -> None:
    # 附件3 公需课 30学时/门; 二(二) 学满30学时: hours as certified, else 30 × 门; "30" typed as 门
    # is 900 hours, counted as entered but with a warning (plausible_max, rule data)
    assert run("hefei", {"kind": "public_course", "year": 2021, "hours": 30})["years"][0]["public"] == 30
    assert run("hefei", {"kind": "public_course", "year": 2021, "count": 2})["years"][0]["public"] == 60
    report = run("hefei", {"kind": "public_course", "year": 2021, "count": 30})
    assert report["years"][0]["public"] == 900 and report["errors"] == []
    (warning,) = report["warnings"]
    assert (warning["activity"], warning["field"], warning["code"]) == (0, "count", "value_implausible")
    assert "结业证书学时" in warning["message"]


# -- 四：自市外调入的，从调入当年起按合肥市政策执行 ----------------------------------------------------


def test_years_before_the_transfer_in_are_not_judged_by_hefei() -> None:
    # 2019: 公需 1门 + 专业 60 would meet 合肥's 30 + 60, but the former region's figures are unknown
    report = run("hefei", *year_with(2019, 1, 60), *year_with(2020, 1, 60), person={"transferred_in_year": 2020})
    before = year_of(report, 2019)
    assert before["required"] is None and before["met"] is None and any("调入" in n for n in before["notes"])
    assert year_of(report, 2020)["met"] is True


def test_a_year_before_the_transfer_in_below_the_national_floor_is_not_met() -> None:
    # 人社部令第25号 第八条: 每年累计应不少于90学时 — the former region's figure is unknown, but
    # it cannot be below 90 hours: 公需 1门 (30) + 专业 40 can meet none
    report = run("hefei", *year_with(2019, 1, 40), *year_with(2020, 1, 60), person={"transferred_in_year": 2020})
    before = year_of(report, 2019)
    assert before["required"] is None and before["met"] is False
    assert "90学时" in before["state_text"]


def test_hefei_make_up_does_not_reach_back_before_the_transfer_in() -> None:
    report = run("hefei", *year_with(2019, 1, 40), *year_with(2020, 1, 90), person={"transferred_in_year": 2020},
                 requirements={"2019": {"public": 30, "professional": 60}})
    assert year_of(report, 2019)["professional"] == 40 and year_of(report, 2020)["professional"] == 90


def test_the_title_window_before_the_transfer_in_needs_the_former_regions_figures() -> None:
    person = {"tenure_start": 2019, "transferred_in_year": 2020}
    target = {"type": "review", "level": "intermediate", "year": 2021}
    activities = year_with(2019, 1, 60) + year_with(2020, 1, 60) + year_with(2021, 1, 60)
    unknown = run("hefei", *activities, person=person, target=target)["readiness"]
    assert unknown["status"] == "unknown" and any("2020年自外地调入" in r and "2019年在调入以前" in r for r in unknown["reasons"])
    known = run("hefei", *activities, person=person, target=target, requirements={"2019": {"public": 30, "professional": 60}})
    assert known["readiness"]["status"] == "ready" and year_of(known, 2019)["required_source"] == "user"


# -- 四：省行业主管部门有更高或其他要求的，按行业主管部门规定执行 ---------------------------------------


def test_an_industrys_higher_figures_replace_the_notices_and_are_marked_as_the_users() -> None:
    report = run("hefei", *year_with(2021, 1, 60), requirements={"2021": {"public": 30, "professional": 90}})
    year = year_of(report, 2021)
    assert year["required_source"] == "user" and year["required"]["professional"] == 90 and year["met"] is False
    assert any("按行业主管部门规定执行" in n and "四、学时要求" in n for n in year["notes"])


# -- 附件3：公司内部培训不算做继续教育学时 -------------------------------------------------------------


def test_company_internal_training_counts_nothing_and_says_why() -> None:
    line = year_of(run("hefei", {"kind": "company_internal_training", "year": 2021, "hours": 16}), 2021)["lines"][0]
    assert line["hours"] == 0 and line["category"] is None and "公司内部培训不算做继续教育学时" in line["note"]


# -- 三：未按要求进行备案备查的专业科目培训，人社部门不予认可 -----------------------------------------------


def test_training_not_filed_is_not_recognised() -> None:
    report = run("hefei", {"kind": "organised_training", "year": 2021, "hours": 60, "filed": False},
                 {"kind": "organised_training", "year": 2021, "hours": 20})
    lines = year_of(report, 2021)["lines"]
    assert [l["hours"] for l in lines] == [0, 20]
    assert "不予认可" in lines[0]["note"] and "三、培训方式" in lines[0]["citation"]


# -- 附件3：援助“按每年90学时”、职称外语“二选一核定” -------------------------------------------------------


def test_aid_entered_twice_in_a_year_is_90_not_180() -> None:
    report = run("hefei", {"kind": "aid_program", "year": 2021}, {"kind": "aid_program", "year": 2021}, {"kind": "aid_program", "year": 2020})
    assert kind_hours(report, 2021, "aid_program") == 90 and kind_hours(report, 2020, "aid_program") == 90


def test_foreign_language_training_and_exam_in_one_year_count_the_higher_once() -> None:
    report = run("hefei", {"kind": "title_foreign_language", "year": 2021, "mode": "exam"},
                 {"kind": "title_foreign_language", "year": 2021, "mode": "training"})
    assert kind_hours(report, 2021, "title_foreign_language") == 120


# -- 附件3：部委及国（境）外培训，20天以内由主管部门认定学时 -----------------------------------------------


def test_ministry_training_of_20_days_or_less_asks_for_the_certified_hours() -> None:
    report = run("hefei", {"kind": "ministry_or_overseas_training", "year": 2021, "days": 20}, *year_with(2021, 1, 60))
    (problem,) = report["errors"]
    assert (problem["activity"], problem["field"], problem["code"]) == (0, "hours", "field_missing")
    assert "认定学时" in problem["message"] and "20天以内" in problem["message"]
    assert year_of(report, 2021)["met"] is True  # the rest is still computed
    assert kind_hours(run("hefei", {"kind": "ministry_or_overseas_training", "year": 2021, "days": 21}), 2021, "ministry_or_overseas_training") == 120


def test_a_year_judged_by_the_users_own_figures_says_so_in_its_one_line() -> None:
    # 合肥 四: an industry's higher figures, entered by the person: the year's line says whose they are
    report = run("hefei", {"kind": "public_course", "year": 2021, "count": 1},
                 {"kind": "organised_training", "year": 2021, "hours": 60},
                 requirements={"2021": {"public": 30, "professional": 80}})
    year = year_of(report, 2021)
    assert year["figures_text"] == "公需 30/30，专业 60/80（按您填写的要求）"
