"""calc/conversion.py: what one entry credits before any cap. Each method is calc/methods.py's
(tests/test_methods.py); around every method: training not filed where filing is a condition, and
a year the notice does not speak for, count nothing and say why; an achievement from before the
tenure counts nothing where only the tenure's count; an entry may choose its category where the
kind lets it; a dated reading goes on the lines of its years."""

from __future__ import annotations

from calc.conversion import convert
from conftest import scenario_of


def lines_of(policy: str, activity: dict, person: dict | None = None, horizon: int = 2025) -> list:
    scenario = scenario_of(policy, activity, person=person or {})
    return convert(scenario.policy, scenario.activities[0], scenario.person, horizon)


def test_training_not_filed_counts_nothing_with_the_filing_clause() -> None:
    # 青海 153号 五(一) with 宁人社局发〔2021〕227号: 未经备案的培训计划，“管理服务平台”不支持学时审验
    (line,) = lines_of("qinghai", {"kind": "professional_course", "year": 2025, "hours": 20, "filed": False})
    assert line.hours == 0 and "五(一)" in line.citation and "未经备案" in line.quote
    assert line.notes[0].startswith("未按规定事前备案：")
    (filed,) = lines_of("qinghai", {"kind": "professional_course", "year": 2025, "hours": 20})
    assert filed.hours == 20 and filed.notes == []  # filed unless the entry says otherwise


def test_a_year_the_notice_does_not_speak_for_counts_nothing_and_says_so() -> None:
    # 威海 2019年度通知: “学习强国” 达到2000积分折算5学时; it says nothing of 2020
    (counted,) = lines_of("weihai", {"kind": "xuexi_qiangguo", "year": 2019, "points": 2500})
    (later,) = lines_of("weihai", {"kind": "xuexi_qiangguo", "year": 2020, "points": 2500})
    assert (counted.hours, later.hours) == (5, 0)
    assert "只规定了2019年的" in later.notes[0] and "2020年怎样计算通知中没有规定" in later.notes[0]


def test_an_achievement_before_the_tenure_counts_nothing_where_only_the_tenures_count() -> None:
    # 青海 附件4 2022年: 学术论文（独著），每篇折算10学时 — 任现职期间
    paper = {"kind": "paper", "year": 2022, "authorship": "sole", "count": 1}
    (before,) = lines_of("qinghai", paper, person={"tenure_start": 2023})
    assert before.hours == 0 and before.notes == ["在任现职（2023年起）以前取得，按规定只计任现职期间的成果"]
    assert lines_of("qinghai", paper, person={"tenure_start": 2022})[0].hours == 10
    assert lines_of("qinghai", paper)[0].hours == 10  # no tenure given: counted (calc/possibilities.py tries the starts)


def test_a_tenure_rule_does_not_touch_a_kind_that_is_not_one() -> None:
    # 青海 技术带教帮扶 is not limited to the tenure: 3 days × 7
    (line,) = lines_of("qinghai", {"kind": "mentoring", "year": 2022, "days": 3}, person={"tenure_start": 2024})
    assert line.hours == 21


def test_an_entry_chooses_its_category_where_the_kind_lets_it() -> None:
    # 青海 269号 六(一) 中央驻青单位: 本系统学时 可计入或合并计入本人继续教育学时档案, as 公需 or 专业
    entry = {"kind": "central_unit_training", "year": 2025, "hours": 12}
    for category in ("public", "professional"):
        (line,) = lines_of("qinghai", {**entry, "category": category})
        assert (line.category, line.hours) == (category, 12)


def test_a_dated_reading_is_on_the_lines_of_its_years_only() -> None:
    # 青海 附件4 lists 党校脱产培训 under 2024 while 六(五) says 自2025年起: 2 days × 7 either way
    (in_2024,) = lines_of("qinghai", {"kind": "party_school", "year": 2024, "days": 2})
    (in_2025,) = lines_of("qinghai", {"kind": "party_school", "year": 2025, "days": 2})
    assert in_2024.hours == in_2025.hours == 14
    assert "附件4" in in_2024.reading and "六(五)" in in_2024.reading
    assert not in_2025.reading


def test_every_line_names_its_rule_and_the_entry() -> None:
    (line,) = lines_of("hefei", {"kind": "self_study", "year": 2021, "hours": 40})
    assert (line.rule, line.activity, line.year, line.cap) == ("hefei/self_study", 0, 2021, 36)
    assert line.hours == line.uncapped == 40  # before the cap: calc/ledger.py cuts it


def test_a_project_over_several_years_counts_the_years_within_the_tenure() -> None:
    # 附件4 2020 课题: 省部级主持 60 学时/年 for each year it ran; 任现职期间 only — a project of
    # 2021-2023 entered in its first year, tenure from 2022: 2022 and 2023 count, 2021 does not
    from conftest import run, year_of

    project = {"kind": "project", "year": 2021, "level": "provincial", "role": "lead", "years": [2021, 2022, 2023]}
    report = run("qinghai", project, person={"tenure_start": 2022})
    assert [year_of(report, y)["professional"] for y in (2021, 2022, 2023)] == [0, 60, 60]
