"""calc/requirement.py: what a year asks for. The notice's figures, with its clause; a year no
notice covers is unknown, never guessed, unless the user gives its figures (marked as theirs); the
user's figures replace the notice's only where the notice allows it (`user_figures`: 合肥 四);
years before a move into the region (`transfer_in`) are not judged by its figures."""

from __future__ import annotations

from calc import ruledata
from calc.requirement import requirement, transfer_in_year
from calc.scenario import Person

QINGHAI, HEFEI, WEIHAI = (ruledata.resolve(p) for p in ("qinghai", "hefei", "weihai"))
OWN = {"public": 30, "professional": 60}


def figures(req) -> tuple:
    return req.public, req.professional, req.source


def test_the_notices_figures_with_their_clause() -> None:
    # 青海 269号 四: 2021年 公需45、专业90; 153号 四: 2025年起 公需30、专业60
    old, new, later = (requirement(QINGHAI, year, {}) for year in (2021, 2025, 2030))
    assert figures(old) == (45, 90, "policy") and "269号" in old.citation
    assert figures(new) == figures(later) == (30, 60, "policy") and "153号" in new.citation
    assert old.as_report() == {"public": 45, "professional": 90, "total": 135}


def test_a_year_no_notice_covers_is_unknown_never_guessed() -> None:
    unknown = requirement(QINGHAI, 2023, {})
    assert figures(unknown) == (None, None, None) and not unknown.known and unknown.as_report() is None
    assert unknown.note == QINGHAI["unknown_years_note"].strip() and "2022—2024年" in unknown.note


def test_the_users_figures_for_a_year_no_notice_covers_are_marked_as_theirs() -> None:
    supplied = requirement(QINGHAI, 2023, {2023: OWN})
    assert figures(supplied) == (30, 60, "user") and supplied.note.startswith("该年度要求为您自行填写的数字")


def test_the_users_figures_never_replace_the_notices_where_it_does_not_allow_it() -> None:
    kept = requirement(QINGHAI, 2025, {2025: {"public": 10, "professional": 10}})
    assert figures(kept) == (30, 60, "policy") and kept.note == "该年度通知已有规定，您填写的要求未采用"


def test_the_users_figures_replace_the_notices_where_it_allows_it() -> None:
    # 合肥 四: 省行业主管部门对专业知识学时有更高或其他要求的，按行业主管部门规定执行
    industry = requirement(HEFEI, 2021, {2021: {"public": 30, "professional": 80}})
    assert figures(industry) == (30, 80, "user") and "四、学时要求" in industry.note and "本站理解" in industry.note
    assert figures(requirement(HEFEI, 2021, {})) == (30, 60, "policy")


def test_years_before_a_move_into_the_region_are_the_former_regions() -> None:
    # 合肥 四: 自市外调入的专业技术人员，从其调入后当年按照我市继续教育政策执行
    moved = Person({"transferred_in_year": 2022})
    before = requirement(HEFEI, 2021, {}, moved)
    assert figures(before) == (None, None, None) and before.outside and "如需判断，请填写原地区当年的要求" in before.note
    entered = requirement(HEFEI, 2021, {2021: {"public": 20, "professional": 40}}, moved)
    assert figures(entered) == (20, 40, "user") and entered.outside and "原地区要求" in entered.note
    assert figures(requirement(HEFEI, 2022, {}, moved)) == (30, 60, "policy") and not requirement(HEFEI, 2022, {}, moved).outside
    assert (transfer_in_year(HEFEI, moved), transfer_in_year(QINGHAI, moved), transfer_in_year(HEFEI, None)) == (2022, None, None)


def test_years_the_notice_judges_otherwise_are_not_annual() -> None:
    # 威海 二(一): 2018年以前 不逐年考核 (任期内平均); figures entered for them change nothing
    for supplied in ({}, {2016: OWN}):
        early = requirement(WEIHAI, 2016, supplied)
        assert figures(early) == (None, None, None) and early.annual is False and "二(一)" in early.citation
