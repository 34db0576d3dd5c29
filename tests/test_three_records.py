"""Issue 11's three records, as calc answers them on two days (issue 19): 2025-07-01, while 2025's
hours can still be taken, and 2026-12-07, when the 2025 applications are over. The verdict, the next
step, and what the year cards and the printed sheet say; each answer is read from the notices
(sources/). The browser plays the same records on a phone and a desktop
(tests/browser/test_three_records.py).
"""

from __future__ import annotations

from calc.report import build
from three_records import engineer, nurse, teacher

IN_2025 = "2025-07-01"
NOW = "2026-12-07"


def years(report: dict) -> dict[int, dict]:
    return {y["year"]: y for y in report["years"]}


# -- 青海 nurse (护师) applying for 副高 in 2025 ------------------------------------------------------


def test_nurse_in_health_is_handed_to_the_health_commission_with_its_next_step() -> None:
    # 153号 六(八): 全省卫生、会计专业技术人员分别按照省级行业主管部门安排部署完成培训、审验
    for today in (IN_2025, NOW):
        verdict = build(nurse(), today)["readiness"]
        assert verdict["status"] == "industry_rules" and verdict["plan_text"].startswith("按行业主管部门的规定执行")
        assert verdict["next_step"]["code"] == "industry"
        assert "省卫生健康委" in verdict["next_step"]["text"] and "0971-8244594" in verdict["next_step"]["text"]
        assert verdict["shortfall_text"] is None  # no 尚缺: her hours are judged by the commission
        # no year is judged, but her hours are computed for reference: the years the general rules
        # look at (四(一) 自2020年以来近4年) are the ones a page offers for entering them
        assert verdict["window"] == [2020, 2021, 2022, 2023, 2024, 2025] and verdict["window_years"] == []


def test_nurse_under_the_general_rules_must_first_give_the_unknown_years_requirements() -> None:
    # 四(一): 自2020年以来近4年. 2021 (45+90) is met; 2025 is 10 专业 short; 2022 has no hours,
    # which no requirement of 人社部令第25号 (每年不少于90学时) could be met with; 2020, 2023 and
    # 2024 (90 hours each) have no figures in the notices: all three must turn out met
    report = build(nurse(industry="general"), IN_2025)
    verdict = report["readiness"]
    assert verdict["status"] == "unknown" and verdict["reachable"] is True
    assert verdict["headline"] == "职称申报（2025年副高级职称评审）：无法判断，先填写2020、2023、2024年的要求"
    step = verdict["next_step"]
    assert step["code"] == "fill_requirements" and step["years"] == [2020, 2023, 2024]
    assert "这些年度都须达标" in step["text"]
    # 2025 is still open: its 10 hours would leave two of the three to turn out met
    assert "2025年补专业科目 10 学时，则其中2个年度达标即可" in step["text"]
    assert verdict["shortfall_text"] is None and "尚缺" not in report["summary_text"]
    assert any(r.startswith("2022年没有填写任何已完成的学时") for r in verdict["reasons"])
    # taking the step decides it: with 2020, 2023 and 2024 at 30 + 60 she has four met years
    filled = nurse(industry="general")
    filled["requirements"] = {str(y): {"public": 30, "professional": 60} for y in (2020, 2022, 2023, 2024)}
    assert build(filled, IN_2025)["readiness"]["status"] == "ready"


def test_nurse_under_the_general_rules_after_2025_is_judged_as_it_stood() -> None:
    verdict = build(nurse(industry="general"), NOW)["readiness"]
    assert verdict["status"] == "unknown" and verdict["next_step"]["code"] == "fill_requirements"
    assert "2025年补" not in verdict["next_step"]["text"]  # 2025 has closed
    assert verdict["recheck"] == {"year": 2026, "text": "按2026年申报再查一次"}


def test_nurse_without_an_industry_is_judged_by_the_general_rules_and_told_so() -> None:
    verdict = build(nurse(industry=None), IN_2025)["readiness"]
    assert verdict["status"] == "unknown"
    assert any("“所在行业”未选择" in r and "卫生" in r for r in verdict["reasons"])


# -- 合肥 engineer applying for 中级 in 2025 ---------------------------------------------------------


def test_engineer_without_his_tenure_year_is_not_ready_and_asked_for_it_while_2025_is_open() -> None:
    # 五(二): 验证最近一个任职周期内的学时 — 2025, the application year, is in every possible
    # window and has nothing: not ready whatever the tenure; which earlier years also count, and so
    # whether 2025's hours are enough, only 任现职 says
    verdict = build(engineer(tenure_start=None), IN_2025)["readiness"]
    assert verdict["status"] == "not_ready" and verdict["next_step"]["code"] == "fill_facts"
    assert [f["name"] for f in verdict["next_step"]["facts"]] == ["tenure_start"]
    assert verdict["headline"].endswith("先填写任现职起始年份")
    assert "还需2025年补公需科目 30 学时、专业科目 60 学时" in verdict["next_step"]["text"]


def test_engineer_without_his_tenure_year_after_2025_cannot_meet_it_whatever_it_was() -> None:
    verdict = build(engineer(tenure_start=None), NOW)["readiness"]
    assert (verdict["status"], verdict["reachable"], verdict["next_step"]["code"]) == ("not_ready", False, "cannot_add")
    assert verdict["next_step"]["facts"] == []


def test_engineer_2023_is_made_up_from_2024_and_the_patent_counts_72() -> None:
    # 四: 顺延至下一年度补学 — 2024's surplus fills 2023's 20 专业; 附件3: 发明专利第1名72学时
    report = build(engineer(), IN_2025)
    by_year = years(report)
    patent = [line for line in by_year[2024]["lines"] if line["kind"] == "patent"]
    assert [line["hours"] for line in patent] == [72]
    assert by_year[2023]["met"] is True
    assert by_year[2023]["category_text"]["professional"] == "40 + 补学20 / 60（2024年补入）"
    assert by_year[2024]["category_text"]["professional"] == "142/60（另有20学时补入2023年）"
    # the verdict rests on the site's reading of the make-up, and says so with the clause
    assert any(r.startswith("本站理解：“顺延至下一年度补学”") and "四、学时要求" in r for r in report["readiness"]["reasons"])


def test_engineer_still_needs_2025_the_application_year_and_can_plan_it() -> None:
    # the reading of 五(二) (rule data, the window's reading): every year of the tenure up to the
    # application year, 2025 included; 2025 is the one year still open, so the plan is there
    report = build(engineer(), IN_2025)
    verdict = report["readiness"]
    assert verdict["status"] == "not_ready" and verdict["next_step"]["code"] == "add_hours"
    assert verdict["next_step"]["text"] == "还需2025年补公需科目 30 学时、专业科目 60 学时，才能满足。"
    assert any("本站理解：通知只说验证“最近一个任职周期内”的总学时" in r for r in verdict["reasons"])
    (step,) = verdict["plan"]["years"]
    added = [need["suggestion"]["activity"] for need in step["needs"]]
    assert added == [
        {"kind": "public_course", "year": 2025, "hours": 30, "title": "计划补学", "planned": True},
        {"kind": "organised_training", "year": 2025, "hours": 60, "title": "计划补学", "planned": True},
    ]
    planned = engineer()
    planned["activities"] += added
    report = build(planned, IN_2025)
    verdict = report["readiness"]
    assert (verdict["status"], verdict["verdict_label"]) == ("not_ready", "完成计划后可满足")
    assert verdict["next_step"]["code"] == "complete_plan"
    year = years(report)[2025]
    assert (year["public"], year["professional"]) == (0, 0)  # planned hours are never counted as done
    assert year["planned"] == {"public": 30, "professional": 60, "total": 90}
    for entry in planned["activities"]:
        entry.pop("planned", None)
    assert build(planned, IN_2025)["readiness"]["status"] == "ready"


def test_engineer_in_december_2026_is_told_2025_is_over_and_offered_2026() -> None:
    # 2025 has closed: no 还需2025年补…, no plan to add; the same record can be checked for 2026
    verdict = build(engineer(), NOW)["readiness"]
    assert (verdict["status"], verdict["reachable"], verdict["next_step"]["code"]) == ("not_ready", False, "cannot_add")
    assert "2025年已经结束" in verdict["next_step"]["text"] and "还需2025年" not in verdict["next_step"]["text"]
    assert "plan" not in verdict and verdict["recheck"]["year"] == 2026
    # nothing that can still happen meets it: 不能满足, not 尚未满足 (scenario.md, reachable)
    assert verdict["verdict_label"] == "学时条件不能满足"
    later = engineer()
    later["target"]["year"] = 2026
    verdict = build(later, NOW)["readiness"]
    # 2026 is open until 12-31: 2026's own 30 + 60, and 2025's 30 + 60 made up from 2026 (顺延补学)
    assert verdict["status"] == "not_ready" and verdict["reachable"] is True
    assert verdict["verdict_label"] == "学时条件尚未满足"
    assert verdict["plan"]["extra_hours"] == 180 and [y["year"] for y in verdict["plan"]["years"]] == [2026]


# -- 呼和浩特 teacher, a woman born 1973-05-01, applying for 副高 in 2022 ------------------------------


def test_teacher_at_49_needs_a_third_and_is_ready() -> None:
    # 三(一): 女满45周岁…要求完成规定学时的1/3即可; 二(一): 2020年专业科目不做要求
    for today in (IN_2025, NOW):
        report = build(teacher(), today)
        verdict = report["readiness"]
        assert verdict["status"] == "ready" and verdict["next_step"]["code"] == "none"
        assert any("年满49周岁" in r and "1/3" in r for r in verdict["reasons"])
        by_year = years(report)
        assert by_year[2022]["application"]["state_label"] == "减免后达标"
        assert by_year[2022]["application"]["figures_text"].startswith("公需 10/10，专业 20/20")
        assert by_year[2020]["application"]["figures_text"].startswith("公需 20/10，专业不作要求")
        assert "未达标" not in report["summary_text"]


def test_teacher_without_birth_date_and_gender_is_unknown_naming_them() -> None:
    for today in (IN_2025, NOW):
        report = build(teacher(with_facts=False), today)
        verdict = report["readiness"]
        assert verdict["status"] == "unknown" and verdict["shortfall_text"] is None and "plan" not in verdict
        assert [f["name"] for f in verdict["next_step"]["facts"]] == ["gender", "birth_date"]
        assert verdict["headline"] == "职称申报（2022年副高级职称评审）：无法判断，先填写性别、出生日期"
        assert "尚缺" not in report["summary_text"] and "70" not in verdict["headline"]
        assert "recheck" not in verdict  # the notice governs 2022 applications only
