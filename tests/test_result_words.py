"""calc/result_words.py, a year and a line in words: the year's state, its label (未填写 for a year
with nothing entered as done) and the sentence under it — what is missing, or why it cannot be
told, the national floor's sentence for a year without figures —, its hours against the
requirement in one line with what a make-up moved, the invitation to enter figures where the user
may; a line's amount, its cap and what the cap cut. (The verdict's words: tests/test_readiness.py.)"""

from __future__ import annotations

from calc.result_words import line_words, year_words
from conftest import ledger_of


def course(year: int, public: float, professional: float) -> list[dict]:
    return [{"kind": "public_course", "year": year, "hours": public}, {"kind": "professional_course", "year": year, "hours": professional}]


def words(policy: str, year: int, *activities: dict, **parts) -> dict:
    return year_words(ledger_of(policy, *activities, extra_years=frozenset({year}), **parts).years[year])


def test_a_met_year() -> None:
    found = words("qinghai", 2025, *course(2025, 35, 60))  # 153号 四: 公需30、专业60
    assert (found["state"], found["state_label"], found["state_text"]) == ("met", "已达标", "公需科目和专业科目都已达到要求。")
    assert found["figures_text"] == "公需 35/30，专业 60/60" and found["shortfall"] == {"public": 0, "professional": 0, "total": 0}
    assert found["requirement_prompt"] is None and found["professional_full_text"] is None


def test_a_short_year_says_what_is_missing() -> None:
    found = words("qinghai", 2025, *course(2025, 30, 40))
    assert (found["state"], found["state_label"], found["state_text"]) == ("short", "未达标", "专业科目还差 20 学时。")
    assert found["shortfall"] == {"public": 0, "professional": 20, "total": 20}


def test_a_year_with_nothing_entered_is_未填写() -> None:
    # 青海 2024: no figures in the notices here, and nothing entered
    found = words("qinghai", 2024)
    assert (found["state_label"], found["state_text"]) == ("未填写", "没有填写任何已完成的学时。")
    assert found["requirement_prompt"] == "如您手头有当年的通知，可以填写当年的要求："


def test_a_year_without_figures_below_the_national_floor_says_why_it_is_short() -> None:
    # 人社部令第25号 第八条: 每年累计应不少于90学时
    found = words("qinghai", 2023, *course(2023, 30, 50))
    assert found["state"] == "short" and found["figures_text"] == "公需 30，专业 50（要求未知）"
    assert found["state_text"] == "通知没有给出该年度的要求，但按全国规定每年累计不少于90学时，本年度合计 80 学时，无论当年要求是多少都未达标。"


def test_a_year_that_cannot_be_told_says_why() -> None:
    assert words("qinghai", 2023, *course(2023, 30, 60))["state_text"] == "本站收录的通知没有规定该年度的学时要求，所以无法判断。"
    handed = words("qinghai", 2025, *course(2025, 30, 60), person={"industry": "accounting"})
    assert handed["state_text"] == "按一般规定计算的学时仅供参考，不判断是否达标（见下方说明）。" and handed["requirement_prompt"] is None
    outside = words("hefei", 2021, {"kind": "organised_training", "year": 2021, "hours": 100}, person={"transferred_in_year": 2022})
    assert outside["state_text"].startswith("该年度在调入本地区以前") and outside["requirement_prompt"].startswith("如您手头有原地区当年的通知")


def test_figures_say_what_a_make_up_moved_and_whose_figures_they_are() -> None:
    # 合肥 顺延至下一年度补学
    ledger = ledger_of("hefei", {"kind": "public_course", "year": 2020, "count": 1}, {"kind": "organised_training", "year": 2020, "hours": 40},
                       {"kind": "public_course", "year": 2021, "count": 1}, {"kind": "organised_training", "year": 2021, "hours": 90})
    assert year_words(ledger.years[2020])["figures_text"] == "公需 30/30，专业 40 + 补学20 / 60（2021年补入）"
    assert year_words(ledger.years[2021])["figures_text"] == "公需 30/30，专业 70/60（另有20学时补入2020年）"
    own = words("qinghai", 2023, *course(2023, 30, 60), requirements={"2023": {"public": 30, "professional": 60}})
    assert own["figures_text"] == "公需 30/30，专业 60/60（按您填写的要求）"


def test_a_year_filled_by_a_conversion_says_so() -> None:
    assert words("qinghai", 2021, {"kind": "covid_frontline", "year": 2021})["state_text"] == "该年度视为已完成全部学时。"
    exam = words("qinghai", 2025, {"kind": "qualification_exam", "year": 2025})
    assert exam["professional_full_text"] == "该年度专业科目学时已整体认定（按规定视为完成全年专业科目要求）。"


def test_a_line_says_what_its_cap_cut() -> None:
    # 青海 技术带教帮扶: 5 days × 7 = 35, 全年不超过 30 学时
    (line,) = ledger_of("qinghai", {"kind": "mentoring", "year": 2025, "days": 5}).years[2025].lines
    found = line_words(line)
    assert (found["amount_text"], found["cap_cut"]) == ("专业科目 30学时", 5)
    assert found["cap_cut_text"].startswith("按规则应计 35 学时，因上限少计 5 学时")
    assert found["credit_text"] == "2025年专业科目30学时（未计上限前 35 学时）"
    uncut = line_words(ledger_of("qinghai", *course(2025, 30, 60)).years[2025].lines[0])
    assert (uncut["cap_text"], uncut["cap_cut_text"], uncut["credit_text"]) == ("无", None, "2025年公需科目30学时")


def test_hours_a_make_up_moves_out_are_said_as_moved_not_as_a_negative_amount() -> None:
    # 合肥 四 顺延至下一年度补学: 2021's 30 hours above 60 fill 2020's shortfall of 20
    ledger = ledger_of("hefei", {"kind": "organised_training", "year": 2020, "hours": 40},
                       {"kind": "organised_training", "year": 2021, "hours": 90})
    (out,) = [line for line in ledger.years[2021].lines if line.kind == "make_up"]
    (into,) = [line for line in ledger.years[2020].lines if line.kind == "make_up"]
    assert out.hours == -20  # the ledger keeps the sum: the year's total is the sum of its lines
    moved = line_words(out)
    assert (moved["amount_text"], moved["credit_text"]) == ("专业科目 20学时补入2020年", "2021年专业科目 20学时补入2020年")
    assert "-" not in moved["amount_text"] + moved["credit_text"]
    assert line_words(into)["amount_text"] == "专业科目 20学时"
