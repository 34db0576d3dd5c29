"""Issue 11's three records, as calc answers them: the verdict, the next step, and what the year
cards and the printed sheet say. Each answer is read from the notices (sources/); the browser plays
the same records on a phone and a desktop (tests/browser/test_three_records.py).
"""

from __future__ import annotations

from calc.report import build
from three_records import engineer, nurse, teacher


def years(report: dict) -> dict[int, dict]:
    return {y["year"]: y for y in report["years"]}


# -- 青海 nurse (护师) applying for 副高 in 2025 ------------------------------------------------------


def test_nurse_in_health_is_handed_to_the_health_commission_with_its_next_step() -> None:
    # 153号 六(八): 全省卫生、会计专业技术人员分别按照省级行业主管部门安排部署完成培训、审验
    verdict = build(nurse())["readiness"]
    assert verdict["status"] == "industry_rules" and verdict["plan_text"].startswith("按行业主管部门的规定执行")
    assert verdict["next_step"]["code"] == "industry"
    assert "省卫生健康委" in verdict["next_step"]["text"] and "0971-8244594" in verdict["next_step"]["text"]
    assert verdict["shortfall_text"] is None  # no 尚缺: her hours are judged by the commission


def test_nurse_under_the_general_rules_must_first_give_the_unknown_years_requirements() -> None:
    # 四(一): 自2020年以来近4年; 2020 and 2022-2024 have no figures in the notices: 2021 met and
    # 2025 ten 专业 short — closing it still leaves 无法判断, so the answer asks for the years
    report = build(nurse(industry="general"))
    verdict = report["readiness"]
    assert verdict["status"] == "unknown"
    assert verdict["headline"] == "职称申报（2025年副高级职称评审）：无法判断，先填写2020、2022—2024年的要求"
    assert verdict["next_step"]["code"] == "fill_requirements" and verdict["next_step"]["years"] == [2020, 2022, 2023, 2024]
    assert verdict["shortfall_text"] is None and "尚缺" not in report["summary_text"]
    # taking the step decides it: with 2020, 2023 and 2024 at 30 + 60 she has four met years
    filled = nurse(industry="general")
    filled["requirements"] = {str(y): {"public": 30, "professional": 60} for y in (2020, 2022, 2023, 2024)}
    assert build(filled)["readiness"]["status"] == "ready"


def test_nurse_without_an_industry_is_judged_by_the_general_rules_and_told_so() -> None:
    verdict = build(nurse(industry=None))["readiness"]
    assert verdict["status"] == "unknown"
    assert any("“所在行业”未选择" in r and "卫生" in r for r in verdict["reasons"])


# -- 合肥 engineer applying for 中级 in 2025 ---------------------------------------------------------


def test_engineer_needs_his_tenure_year_first() -> None:
    # 五(二): 验证最近一个任职周期内的学时 — which years, only 任现职 says
    verdict = build(engineer(tenure_start=None))["readiness"]
    assert verdict["status"] == "unknown" and verdict["next_step"]["code"] == "fill_facts"
    assert [f["name"] for f in verdict["next_step"]["facts"]] == ["tenure_start"]
    assert verdict["headline"].endswith("先填写任现职起始年份")


def test_engineer_2023_is_made_up_from_2024_and_the_patent_counts_72() -> None:
    # 四: 顺延至下一年度补学 — 2024's surplus fills 2023's 20 专业; 附件3: 发明专利第1名72学时
    report = build(engineer())
    by_year = years(report)
    patent = [line for line in by_year[2024]["lines"] if line["kind"] == "patent"]
    assert [line["hours"] for line in patent] == [72]
    assert by_year[2023]["met"] is True
    assert by_year[2023]["category_text"]["professional"] == "40 + 补学20 / 60（2024年补入）"
    assert by_year[2024]["category_text"]["professional"] == "142/60（另有20学时补入2023年）"


def test_engineer_still_needs_2025_the_application_year_and_can_plan_it() -> None:
    # the reading of 五(二) (rule data readings.window): every year of the tenure up to the
    # application year, 2025 included; 2025 is the one year still open, so the plan is there
    report = build(engineer())
    verdict = report["readiness"]
    assert verdict["status"] == "not_ready" and verdict["next_step"]["code"] == "add_hours"
    assert verdict["next_step"]["text"] == "还需2025年补公需科目 30 学时、专业科目 60 学时，才能满足。"
    (step,) = verdict["plan"]["years"]
    added = [need["suggestion"]["activity"] for need in step["needs"]]
    assert added == [
        {"kind": "public_course", "year": 2025, "hours": 30, "title": "计划补学", "planned": True},
        {"kind": "organised_training", "year": 2025, "hours": 60, "title": "计划补学", "planned": True},
    ]
    planned = engineer()
    planned["activities"] += added
    report = build(planned)
    verdict = report["readiness"]
    assert (verdict["status"], verdict["verdict_label"]) == ("not_ready", "完成计划后可满足")
    assert verdict["next_step"]["code"] == "complete_plan"
    year = years(report)[2025]
    assert (year["public"], year["professional"]) == (0, 0)  # planned hours are never counted as done
    assert year["planned"] == {"public": 30, "professional": 60, "total": 90}
    for entry in planned["activities"]:
        entry.pop("planned", None)
    assert build(planned)["readiness"]["status"] == "ready"


# -- 呼和浩特 teacher, a woman born 1973-05-01, applying for 副高 in 2022 ------------------------------


def test_teacher_at_49_needs_a_third_and_is_ready() -> None:
    # 三(一): 女满45周岁…要求完成规定学时的1/3即可; 二(一): 2020年专业科目不做要求
    report = build(teacher())
    verdict = report["readiness"]
    assert verdict["status"] == "ready" and verdict["next_step"]["code"] == "none"
    assert any("年满49周岁" in r and "1/3" in r for r in verdict["reasons"])
    by_year = years(report)
    assert by_year[2022]["application"]["state_label"] == "减免后达标"
    assert by_year[2022]["application"]["figures_text"].startswith("公需 10/10，专业 20/20")
    assert by_year[2020]["application"]["figures_text"].startswith("公需 20/10，专业不作要求")
    assert "未达标" not in report["summary_text"]


def test_teacher_without_birth_date_and_gender_is_unknown_naming_them() -> None:
    report = build(teacher(with_facts=False))
    verdict = report["readiness"]
    assert verdict["status"] == "unknown" and verdict["shortfall_text"] is None and "plan" not in verdict
    assert [f["name"] for f in verdict["next_step"]["facts"]] == ["gender", "birth_date"]
    assert verdict["headline"] == "职称申报（2022年副高级职称评审）：无法判断，先填写性别、出生日期"
    assert "尚缺" not in report["summary_text"] and "70" not in verdict["headline"]
