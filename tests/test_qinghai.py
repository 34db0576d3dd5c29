"""青海省：年度要求、补学、职称申报（青人社厅函〔2021〕269号、〔2025〕153号）。"""

from __future__ import annotations

from conftest import kind_hours, run, year_of

FULL_2025 = [{"kind": "public_course", "year": 2025, "hours": 30}, {"kind": "professional_course", "year": 2025, "hours": 60}]


def full_year(year: int, public: float = 30, professional: float = 60) -> list[dict]:
    return [
        {"kind": "public_course", "year": year, "hours": public},
        {"kind": "professional_course", "year": year, "hours": professional},
    ]


# -- 年度要求 ------------------------------------------------------------------------------------


def test_requirement_2025_is_30_public_and_60_professional() -> None:
    year = year_of(run("qinghai", *FULL_2025), 2025)
    assert year["required"] == {"public": 30, "professional": 60, "total": 90}
    assert year["required_source"] == "policy"
    assert year["met"] is True


def test_requirement_2021_is_45_public_and_90_professional() -> None:
    year = year_of(run("qinghai", *full_year(2021, 45, 80)), 2021)
    assert year["required"] == {"public": 45, "professional": 90, "total": 135}
    assert year["met"] is False


def test_both_categories_must_be_met_public_surplus_does_not_cover_professional() -> None:
    year = year_of(run("qinghai", *full_year(2025, 60, 50)), 2025)
    assert year["total"] == 110 and year["met"] is False


def test_2023_requirement_is_unknown_never_guessed() -> None:
    year = year_of(run("qinghai", *full_year(2023)), 2023)
    assert year["required"] is None and year["required_source"] is None and year["met"] is None
    assert any("227号" in note for note in year["notes"])


def test_user_supplied_requirement_for_a_year_the_notices_do_not_cover() -> None:
    report = run("qinghai", *full_year(2023, 40, 80), requirements={"2023": {"public": 45, "professional": 90}})
    year = year_of(report, 2023)
    assert year["required_source"] == "user" and year["required"]["total"] == 135 and year["met"] is False


def test_user_figures_do_not_override_the_notice() -> None:
    report = run("qinghai", *FULL_2025, requirements={"2025": {"public": 100, "professional": 100}})
    year = year_of(report, 2025)
    assert year["required_source"] == "policy" and year["met"] is True


def test_xining_is_an_alias_of_the_province() -> None:
    report = run("xining", *FULL_2025)
    assert report["policy"] == "xining" and report["rules"] == "qinghai"
    assert year_of(report, 2025)["lines"][0]["rule"] == "qinghai/public_course"


def test_rules_apply_from_their_year_of_introduction() -> None:
    report = run("qinghai", {"kind": "software_copyright", "year": 2024, "count": 2})
    assert report["errors"][0]["field"] == "year" and "2025年起" in report["errors"][0]["message"]


def test_achievements_before_the_current_tenure_do_not_count() -> None:
    report = run("qinghai", {"kind": "patent", "year": 2022, "type": "invention", "rank": 1}, person={"tenure_start": 2023})
    assert kind_hours(report, 2022, "patent") == 0


def test_caps_apply_to_the_sum_of_a_kind_in_one_year() -> None:
    report = run("qinghai", {"kind": "paper", "year": 2025, "authorship": "sole", "count": 1},
                 {"kind": "paper", "year": 2025, "authorship": "co", "count": 3})
    lines = [l for l in year_of(report, 2025)["lines"] if l["kind"] == "paper"]
    assert [l["hours"] for l in lines] == [10, 10] and lines[1]["uncapped"] == 15
    assert "每年最多折算20学时" in lines[1]["note"]


def test_excluded_training_counts_nothing_and_says_why() -> None:
    report = run("qinghai", {"kind": "excluded", "year": 2025, "hours": 20})
    line = year_of(report, 2025)["lines"][0]
    assert line["hours"] == 0 and "不计入" in line["note"]


def test_whole_requirement_conversion_in_a_year_whose_requirement_is_unknown() -> None:
    report = run("qinghai", {"kind": "qualification_exam", "year": 2023})
    year = year_of(report, 2023)
    assert year["professional_full"] is True and year["met"] is None and year["professional"] == 0


def test_science_award_without_tenure_covers_only_its_own_year() -> None:
    report = run("qinghai", {"kind": "science_award", "year": 2025})
    assert [y["year"] for y in report["years"]] == [2025]
    assert "只计获奖当年" in year_of(report, 2025)["lines"][0]["note"]


# -- 2021年机构改革补学 ----------------------------------------------------------------------------


def test_reform_make_up_spreads_2021_surplus_over_2018_to_2020() -> None:
    report = run(
        "qinghai", *full_year(2021, 75, 150),
        person={"reform_make_up": True},
        requirements={str(y): {"public": 30, "professional": 60} for y in (2018, 2019, 2020)},
    )
    assert year_of(report, 2021)["public"] == 45 and year_of(report, 2021)["professional"] == 90
    assert year_of(report, 2018)["met"] is True
    assert year_of(report, 2019)["public"] == 0 and year_of(report, 2019)["met"] is False


def test_no_reform_make_up_without_the_flag() -> None:
    report = run("qinghai", *full_year(2021, 75, 150))
    assert [y["year"] for y in report["years"]] == [2021] and year_of(report, 2021)["public"] == 75


# -- 职称申报 ----------------------------------------------------------------------------------------


def supplied(*years: int) -> dict:
    return {str(y): {"public": 30, "professional": 60} for y in years}


def test_review_intermediate_needs_three_met_years_since_2020_not_consecutive() -> None:
    activities = full_year(2020) + full_year(2023) + full_year(2025)
    report = run("qinghai", *activities, target={"type": "review", "level": "intermediate", "year": 2025},
                 requirements=supplied(2020, 2022, 2023, 2024))
    verdict = report["readiness"]
    assert verdict["status"] == "ready" and verdict["years_needed"] == 3
    assert verdict["years_counted"] == [2020, 2023, 2025]


def test_review_senior_needs_four_years_and_reports_the_shortfall() -> None:
    activities = full_year(2022) + full_year(2023) + full_year(2024, 30, 50) + full_year(2025)
    report = run("qinghai", *activities, target={"type": "review", "level": "senior", "year": 2025},
                 requirements=supplied(2020, 2022, 2023, 2024))
    verdict = report["readiness"]
    assert verdict["status"] == "not_ready" and verdict["years_needed"] == 4
    assert {"year": 2024, "public": 0, "professional": 10} in verdict["shortfall"]


def test_review_is_unknown_while_needed_years_have_unknown_requirements() -> None:
    # 四(一) 中级: 3 years since 2020; 2023 and 2024 (公需30、专业60) have no figures in the notices
    report = run("qinghai", *full_year(2023), *full_year(2024), *FULL_2025, target={"type": "review", "level": "intermediate", "year": 2025})
    verdict = report["readiness"]
    assert verdict["status"] == "unknown" and any("无法判断" in r for r in verdict["reasons"])
    assert verdict["next_step"]["code"] == "fill_requirements" and verdict["next_step"]["years"] == [2023, 2024]


def test_years_with_no_hours_cannot_be_met_whatever_their_requirement() -> None:
    # 人社部令第25号 第八条 每年累计应不少于90学时: 2020-2024 with nothing entered are not met,
    # whatever their notices set; only 2025 is met and the other years are over: 不能满足
    report = run("qinghai", *FULL_2025, target={"type": "review", "level": "intermediate", "year": 2025})
    verdict = report["readiness"]
    assert verdict["status"] == "not_ready" and verdict["reachable"] is False
    assert verdict["next_step"]["code"] == "cannot_add" and verdict["next_step"]["years"] == []


def test_full_senior_with_doctorate_and_deputy_senior_needs_two_years() -> None:
    report = run("qinghai", *full_year(2024), *FULL_2025, requirements=supplied(2024),
                 target={"type": "review", "level": "full_senior", "year": 2025, "degree": "doctor", "has_deputy_senior": True})
    assert report["readiness"]["status"] == "ready" and report["readiness"]["years_needed"] == 2


def test_review_junior_needs_the_application_year_or_the_year_before() -> None:
    report = run("qinghai", *FULL_2025, target={"type": "review", "level": "junior", "year": 2026})
    assert report["readiness"]["status"] == "ready" and report["readiness"]["years_counted"] == [2025]


def test_recognition_needs_the_application_year_or_the_year_before() -> None:
    short = run("qinghai", *full_year(2025, 30, 40), target={"type": "recognition", "level": "intermediate", "year": 2026})
    assert short["readiness"]["status"] == "not_ready"
    assert short["readiness"]["shortfall"][0] == {"year": 2025, "public": 0, "professional": 20}
    met = run("qinghai", *full_year(2025), target={"type": "recognition", "level": "intermediate", "year": 2026})
    assert met["readiness"]["status"] == "ready" and met["readiness"]["years_counted"] == [2025]


def test_series_change_needs_the_application_year_or_the_year_before() -> None:
    report = run("qinghai", *FULL_2025, target={"type": "series_change", "level": "senior", "year": 2025})
    assert report["readiness"]["status"] == "ready"


def test_applications_before_2025_are_unknown_because_227_is_not_in_the_sources() -> None:
    report = run("qinghai", *full_year(2021, 45, 90), target={"type": "review", "level": "intermediate", "year": 2024})
    assert report["readiness"]["status"] == "unknown" and "227号" in report["readiness"]["reasons"][0]


def test_exemption_dual_title() -> None:
    report = run("qinghai", person={"dual_title": True}, target={"type": "review", "level": "senior", "year": 2025})
    assert report["readiness"]["status"] == "exempt" and "153号 六(二)" in report["readiness"]["reasons"][0]


def test_exemption_high_skill_leader() -> None:
    report = run("qinghai", person={"high_skill_leader": True}, target={"type": "review", "level": "intermediate", "year": 2025})
    assert report["readiness"]["status"] == "exempt"


def test_exemption_accounting_platform_only_for_senior_titles() -> None:
    senior = run("qinghai", person={"accounting_platform": True}, target={"type": "review", "level": "senior", "year": 2025})
    assert senior["readiness"]["status"] == "exempt"
    middle = run("qinghai", person={"accounting_platform": True}, target={"type": "review", "level": "intermediate", "year": 2025})
    assert middle["readiness"]["status"] != "exempt"


def test_civil_servant_transfer_later_years_owe_only_the_years_since_the_transfer() -> None:
    report = run("qinghai", {"kind": "civil_servant_transfer", "year": 2024}, *FULL_2025,
                 target={"type": "review", "level": "senior", "year": 2025})
    verdict = report["readiness"]
    assert verdict["status"] == "ready" and verdict["years_needed"] == 1 and verdict["window"] == [2025]


def test_village_work_fills_the_earliest_short_year_in_the_window() -> None:
    report = run("qinghai", {"kind": "village_work", "year": 2024, "months": 12}, *FULL_2025,
                 target={"type": "review", "level": "intermediate", "year": 2025},
                 requirements=supplied(2020, 2022, 2023, 2024), person={"tenure_start": 2022})
    assert year_of(report, 2022)["complete"] is True
    assert year_of(report, 2023)["complete"] is False
    assert report["readiness"]["status"] == "not_ready"


def test_higher_degree_in_tenure_fills_the_professional_requirement_of_the_years_counted() -> None:
    activities = [{"kind": "degree_obtained", "year": 2024}] + [
        {"kind": "public_course", "year": y, "hours": 30} for y in (2023, 2024, 2025)
    ]
    report = run("qinghai", *activities, person={"tenure_start": 2022}, requirements=supplied(2020, 2022, 2023, 2024),
                 target={"type": "review", "level": "intermediate", "year": 2025})
    assert report["readiness"]["status"] == "ready"
    assert year_of(report, 2023)["professional_full"] is True and year_of(report, 2023)["professional"] == 60


def test_deadlines_of_2025() -> None:
    report = run("qinghai", *FULL_2025)
    dates = [d["date"] for d in report["deadlines"]]
    assert dates[0] == "2025-06-30" and "2025-12-10" in dates and dates[-1] == "2025-12-31"
    assert report["deadlines"][-1]["time"] == "18:00"


def test_plan_names_the_least_extra_hours_and_the_kinds_that_can_supply_them() -> None:
    activities = full_year(2023) + full_year(2024) + full_year(2025, 20, 60) + [
        {"kind": "software_copyright", "year": 2025, "count": 4}
    ]
    report = run("qinghai", *activities, requirements=supplied(2020, 2022, 2023, 2024),
                 target={"type": "review", "level": "intermediate", "year": 2025})
    plan = report["readiness"]["plan"]
    # 3 years needed, 2023 and 2024 are met; 2025 (the application year, the one still open)
    # lacks 10 公需
    assert plan["extra_hours"] == 10
    assert [y["year"] for y in plan["years"]] == [2025]
    (last,) = plan["years"]
    assert {o["kind"] for o in last["options"]["public"]} >= {"public_course", "party_school"}
    assert last["deadlines"][0]["date"] == "2025-12-10"
    assert report["readiness"]["next_step"]["code"] == "add_hours"


def test_no_hours_are_planned_in_a_year_that_is_over() -> None:
    # 3 years needed, only 2023 is met; 2024 lacks 10 专业 but is over when applying in 2025 (青海
    # has no make-up into it), so even closing 2025's gap leaves two met years: no plan, and the
    # verdict says why instead of asking for hours in 2024
    activities = full_year(2023) + full_year(2024, 30, 50) + full_year(2025, 20, 60)
    report = run("qinghai", *activities, requirements=supplied(2020, 2022, 2023, 2024),
                 target={"type": "review", "level": "intermediate", "year": 2025})
    verdict = report["readiness"]
    assert verdict["status"] == "not_ready" and "plan" not in verdict
    assert verdict["next_step"]["code"] == "cannot_add" and "2024" in verdict["next_step"]["text"]


def test_following_the_plan_makes_the_application_ready() -> None:
    activities = full_year(2024, 30, 50) + full_year(2025, 30, 40)
    target = {"type": "review", "level": "junior", "year": 2025}
    report = run("qinghai", *activities, requirements=supplied(2024), target=target)
    (step,) = report["readiness"]["plan"]["years"]
    assert (step["year"], step["professional"]) == (2025, 20)  # not 2024: it is over
    added = step["needs"][0]["suggestion"]["activity"]
    assert added == {"kind": "professional_course", "year": 2025, "hours": 20, "title": "计划补学", "planned": True}
    planned = run("qinghai", *activities, added, requirements=supplied(2024), target=target)["readiness"]
    assert planned["status"] == "not_ready" and planned["verdict_label"] == "完成计划后可满足"
    done = {**added, "planned": False}
    assert run("qinghai", *activities, done, requirements=supplied(2024), target=target)["readiness"]["status"] == "ready"


def test_plan_entry_takes_the_hours_or_the_days_a_gap_needs_within_the_cap() -> None:
    # 技术带教帮扶 7学时/天, at most 30 a year: 20 hours short is 3 days (21 hours). With 3 days
    # (21 hours) already entered only 9 are left under the cap: 2 more days, of which 9 hours count.
    target = {"type": "recognition", "level": "intermediate", "year": 2025}
    short = full_year(2025, 30, 40)
    step = run("qinghai", *short, target=target, requirements=supplied(2024))["readiness"]["plan"]["years"][0]
    assert (step["year"], step["professional"]) == (2025, 20)
    by_kind = {o["kind"]: o for o in step["options"]["professional"]}
    assert by_kind["professional_course"]["entry"] == {"field": "hours", "value": 20, "hours": 20}
    assert by_kind["mentoring"]["entry"] == {"field": "days", "value": 3, "hours": 21}
    assert "entry" not in by_kind["patent"]  # needs a type and a rank, not one number
    used = full_year(2025, 30, 20) + [{"kind": "mentoring", "year": 2025, "days": 3}]
    step = run("qinghai", *used, target=target, requirements=supplied(2024))["readiness"]["plan"]["years"][0]
    assert step["professional"] == 19
    mentoring = [o for o in step["options"]["professional"] if o["kind"] == "mentoring"][0]
    assert mentoring["room"] == 9 and mentoring["entry"] == {"field": "days", "value": 2, "hours": 9}


# -- 153号 六(八)：卫生、会计按省级行业主管部门；出版、档案、新闻、执业药师按国家和我省规定 ----------


def test_a_nurse_is_told_her_authority_decides_not_given_a_verdict_by_30_plus_60() -> None:
    report = run("qinghai", *FULL_2025, person={"industry": "health"},
                 target={"type": "recognition", "level": "intermediate", "year": 2025})
    year = year_of(report, 2025)
    assert year["met"] is None and year["required"] == {"public": 30, "professional": 60, "total": 90}
    assert any("省卫生健康委" in n and "仅供参考" in n for n in year["notes"])
    verdict = report["readiness"]
    assert verdict["status"] == "industry_rules"
    assert any("153号 六(八)" in r for r in verdict["reasons"])
    assert any(r.startswith("下一步：") and "省卫健委科教处 0971-8244594" in r for r in verdict["reasons"])
    assert not any("达标" in r and "不判断" not in r for r in verdict["reasons"])


def test_an_accountant_is_sent_to_the_provincial_finance_department() -> None:
    verdict = run("qinghai", person={"industry": "accounting"}, target={"type": "review", "level": "senior", "year": 2025})["readiness"]
    assert verdict["status"] == "industry_rules" and any("省财政厅" in r for r in verdict["reasons"])


def test_publishing_archives_journalism_and_pharmacists_follow_national_and_provincial_rules() -> None:
    for industry in ("publishing", "archives", "journalism", "licensed_pharmacist"):
        report = run("qinghai", {"kind": "public_course", "year": 2025, "hours": 10}, person={"industry": industry},
                     target={"type": "review", "level": "intermediate", "year": 2025})
        assert year_of(report, 2025)["met"] is None, industry
        assert report["readiness"]["status"] == "industry_rules", industry


def test_the_general_industry_changes_nothing() -> None:
    report = run("qinghai", *FULL_2025, person={"industry": "general"}, target={"type": "recognition", "level": "intermediate", "year": 2025})
    assert year_of(report, 2025)["met"] is True and report["readiness"]["status"] == "ready"


def test_an_exemption_of_the_notice_still_applies_to_a_health_worker() -> None:
    report = run("qinghai", person={"industry": "health", "dual_title": True}, target={"type": "review", "level": "senior", "year": 2025})
    assert report["readiness"]["status"] == "exempt"


# -- 269号 六(一)：中央驻青单位 ---------------------------------------------------------------------


def test_central_unit_hours_count_in_the_category_entered() -> None:
    report = run("qinghai", {"kind": "central_unit_training", "year": 2025, "hours": 30, "category": "public"},
                 {"kind": "central_unit_training", "year": 2025, "hours": 60, "category": "professional"})
    year = year_of(report, 2025)
    assert (year["public"], year["professional"], year["met"]) == (30, 60, True)
    assert "269号 六(一)" in year["lines"][0]["citation"]


def test_central_unit_training_is_from_2021() -> None:
    report = run("qinghai", {"kind": "central_unit_training", "year": 2020, "hours": 30, "category": "public"})
    assert report["errors"][0]["code"] == "kind_not_in_year"


# -- 附件4 学历教育“可折算当年60学时”、技能大赛“当年折算”、编写专家“当年折算30学时”：每年一次 ----------


def test_degree_study_entered_twice_is_60_once_and_the_second_says_why() -> None:
    report = run("qinghai", {"kind": "degree_study", "year": 2025}, {"kind": "degree_study", "year": 2025})
    lines = year_of(report, 2025)["lines"]
    assert [l["hours"] for l in lines] == [60, 0] and "每年只计一次" in lines[1]["note"]


def test_the_highest_competition_award_of_a_year_counts_once() -> None:
    report = run("qinghai", {"kind": "skills_competition", "year": 2025, "tier": "provincial_joint", "prize": "merit"},
                 {"kind": "skills_competition", "year": 2025, "tier": "national_industry", "prize": "first"})
    assert kind_hours(report, 2025, "skills_competition") == 90


def test_degree_obtained_twice_in_a_year_is_the_whole_requirement_once() -> None:
    report = run("qinghai", {"kind": "degree_obtained", "year": 2025}, {"kind": "qualification_exam", "year": 2025})
    year = year_of(report, 2025)
    assert year["professional"] == 60 and "不重复计算" in year["lines"][1]["note"]


# -- 153号 五(一)：未备案的培训不纳入继续教育培训范围 ----------------------------------------------------


def test_professional_course_not_filed_counts_nothing_with_the_clause() -> None:
    line = year_of(run("qinghai", {"kind": "professional_course", "year": 2025, "hours": 40, "filed": False}), 2025)["lines"][0]
    assert line["hours"] == 0 and "备案" in line["note"] and "153号 五(一)" in line["citation"]


# -- 附件4 党校列在2024年，六(五)写“自2025年起” ------------------------------------------------------


def test_a_2024_party_school_entry_shows_both_clauses_and_the_reading() -> None:
    line = year_of(run("qinghai", {"kind": "party_school", "year": 2024, "days": 3}), 2024)["lines"][0]
    assert line["hours"] == 21
    assert "附件4 2024年党校培训" in line["reading"] and "六(五)" in line["reading"] and "自 2025 年起" in line["reading"]
    assert "本工具按附件4" in line["reading"]


def test_a_2025_party_school_entry_has_no_conflict_to_explain() -> None:
    line = year_of(run("qinghai", {"kind": "party_school", "year": 2025, "days": 3}), 2025)["lines"][0]
    assert "reading" not in line or "六(五)" not in line["reading"]


# -- 四(一)“近2年”：本站的理解写在结果旁 ---------------------------------------------------------------


def test_the_doctorate_route_states_its_reading_of_near_two_years() -> None:
    report = run("qinghai", *full_year(2021, 45, 90), *FULL_2025,
                 target={"type": "review", "level": "full_senior", "year": 2025, "degree": "doctor", "has_deputy_senior": True})
    verdict = report["readiness"]
    assert verdict["status"] == "ready" and verdict["years_counted"] == [2021, 2025]
    assert any("本站理解：“近2年”" in r and "四(一)" in r for r in verdict["reasons"])


# -- 不可能的输入 -------------------------------------------------------------------------------


def test_days_beyond_the_year_are_an_error_naming_the_field_and_the_rest_is_kept() -> None:
    report = run("qinghai", {"kind": "mentoring", "year": 2024, "days": 367}, *FULL_2025)
    (problem,) = report["errors"]
    assert (problem["activity"], problem["field"], problem["code"]) == (0, "days", "days_exceed_year")
    assert "366天" in problem["message"] and "实际天数" in problem["message"]
    assert year_of(report, 2025)["met"] is True
    assert not run("qinghai", {"kind": "mentoring", "year": 2024, "days": 366})["errors"]


def test_a_nurses_unknown_years_do_not_ask_for_figures_that_would_not_be_judged() -> None:
    # 153号 六(八): her authority decides; entering 2022's figures would change nothing, so the
    # year does not invite her to (a person not handed over is invited).
    target = {"type": "review", "level": "senior", "year": 2025}
    nurse = year_of(run("qinghai", person={"industry": "health"}, target=target), 2022)
    other = year_of(run("qinghai", target=target), 2022)
    assert nurse["required"] is None and nurse["requirement_prompt"] is None
    assert other["required"] is None and other["requirement_prompt"]
