"""Issue 13, 手算表: each region's printable worksheet (sitebuild/worksheet.py) carries the notice's
own figures from the rule data: each year's requirement, every conversion with its rate and cap,
what counts for nothing, and blank tables to fill in by hand."""

from __future__ import annotations

import re

import pytest

from calc import ruledata
from sitebuild import docs_pages, worksheet


def sheet(policy_id: str) -> str:
    rules = ruledata.rules()
    return worksheet.page(rules["policies"][policy_id], rules.get("data_version"))


def row(text: str, first_cell: str) -> str:
    found = [line for line in text.splitlines() if line.startswith(f"| {first_cell} |")]
    assert len(found) == 1, f"no single row for {first_cell!r}"
    return found[0]


def test_qinghai_requirements_2021_and_from_2025():
    # 青人社厅函〔2021〕269号: 2021 公需 45、专业 90; 青人社厅函〔2025〕153号: 2025 年起 公需 30、专业 60
    text = sheet("qinghai")
    assert row(text, "2021年") == "| 2021年 | 45 | 90 | 135 |"
    assert row(text, "2025年起") == "| 2025年起 | 30 | 60 | 90 |"
    assert "2018—2020年、2022—2024年的年度学时要求" in text  # the years the notices leave unknown


def test_qinghai_software_copyright_rate_and_cap():
    # 青人社厅函〔2025〕153号: 每项软件著作权 2 学时，每年最多 10 学时
    line = row(sheet("qinghai"), "软件著作权")
    assert "每项 2 学时" in line and line.endswith("| 每年最多 10 学时 |") and "2025年起" in line


def test_qinghai_papers_table_and_cap():
    line = row(sheet("qinghai"), "学术论文（含SCI、SSCI、EI、CSSCI）")
    assert "独著每篇10学时" in line and "合作每人每篇5学时" in line and "每年最多 20 学时" in line


def test_hefei_public_course_per_course():
    # 合肥 附件3: 公需课 30学时/门, no cap
    assert row(sheet("hefei"), "公需课") == "| 公需课 | 公需科目 | 各年度 | 按结业证书学时计；未填时每门 30 学时（完成的公需课门数） | — |"


def test_what_counts_for_nothing_is_listed_not_converted():
    text = sheet("qinghai")
    assert "- 不计学时：考前辅导班" in text
    assert "| 考前辅导班" not in text


@pytest.mark.parametrize("policy_id", sorted(ruledata.rules()["policies"]))
def test_every_kind_and_requirement_of_the_region_is_there(policy_id):
    policy = ruledata.rules()["policies"][policy_id]
    text = sheet(policy_id)
    for kind in policy["kinds"]:
        assert kind["name"].replace("*", "\\*") in text or kind["conversion"]["method"] == "no_hours"
    assert text.count("| 年度 | 公需科目 | 专业科目 | 合计 |") == 1
    assert len(policy["requirements"]) <= len(re.findall(r"^\| [^|]*年[^|]* \| ", text, re.M))


def test_blank_tables_to_fill_in():
    text = sheet("weihai")
    tables = re.findall(r'<table class="worksheet-blank">.*?</table>', text, re.S)
    assert [t.count("<tr><td>") for t in tables] == [worksheet.BLANK_ACTIVITY_ROWS, worksheet.BLANK_YEAR_ROWS]
    assert "<th>折算学时</th>" in tables[0] and "<th>是否达到</th>" in tables[1]


def test_the_region_page_links_to_its_worksheet():
    policy = ruledata.rules()["policies"]["hefei"]
    assert "](hefei-worksheet.md)" in docs_pages.region_page(policy)
    assert worksheet.path("hefei") == "regions/hefei-worksheet.md"
