"""calc/possibilities.py: the open facts a verdict may still depend on and the values each can
take — degree and 已取得副高 choose the rule (each combination one rule, or none); the tenure start
is tried only where something changes; gender and birth date choose an age reduction, a share the
clause leaves open to two readings giving both."""

from __future__ import annotations

from datetime import date

import pytest

from calc import ruledata
from calc.exemption import reduction_rule
from calc.possibilities import FULL, ages, reductions, rule_options, shares_of, tenure_dependent_years, tenure_values, uses_tenure
from calc.scenario import Month
from conftest import scenario_of

HOHHOT_REVIEW = {"type": "review", "level": "senior", "year": 2022}


def options(policy: str, *activities: dict, target: dict, **parts) -> tuple:
    scenario = scenario_of(policy, *activities, target=target, **parts)
    found, names = rule_options(scenario)
    return scenario, found, names


def test_open_degree_and_deputy_senior_give_every_combination_its_rule() -> None:
    # 青海 四(一): 博士 + 副高 → 正高 近2年; every other combination 近4年
    _, found, names = options("qinghai", target={"type": "review", "level": "full_senior", "year": 2025})
    assert names == ["degree", "has_deputy_senior"] and len(found) == 8
    counts = {dict(o.values)["degree"] + ("+副高" if dict(o.values)["has_deputy_senior"] else ""): o.rule["window"]["count"] for o in found}
    assert counts["doctor+副高"] == 2 and set(counts.values()) == {2, 4}
    _, given, names = options("qinghai", target={"type": "review", "level": "full_senior", "year": 2025, "degree": "doctor", "has_deputy_senior": True})
    assert names == [] and [(o.values, o.rule["window"]["count"]) for o in given] == [((), 2)]


def test_a_degree_the_notice_has_no_rule_for_is_an_option_without_a_rule() -> None:
    # 呼和浩特 二(二): 硕士 2021、2022; 博士 不要求学时; 本科 has no 认定中级 rule
    _, found, _ = options("hohhot", target={"type": "recognition", "level": "intermediate", "year": 2022})
    modes = {dict(o.values)["degree"]: o.rule and o.rule["window"]["mode"] for o in found}
    assert modes == {"college": None, "bachelor": None, "master": "listed", "doctor": "none"}


def test_tenure_given_is_the_one_value_and_not_used_is_none() -> None:
    scenario, found, _ = options("hefei", target={"type": "review", "level": "senior", "year": 2021}, person={"tenure_start": 2017})
    assert tenure_values(scenario, [o.rule for o in found]) == [2017]
    scenario, found, _ = options("hohhot", {"kind": "public_course", "year": 2021, "hours": 30}, target=HOHHOT_REVIEW)
    assert not uses_tenure(scenario, [o.rule for o in found]) and tenure_values(scenario, [o.rule for o in found]) == [None]


def test_tenure_candidates_are_the_years_where_something_changes() -> None:
    # 合肥 最近一个任职周期: entries in 2019 and 2021 → the year before them, each year and the one after, to 2021
    entries = [{"kind": "organised_training", "year": y, "hours": 60} for y in (2019, 2021)]
    scenario, found, _ = options("hefei", *entries, target={"type": "review", "level": "senior", "year": 2021})
    assert tenure_values(scenario, [o.rule for o in found]) == [2018, 2019, 2020, 2021]
    # 威海 任期内平均 (2018年以前): the earliest year there is lowers the average too
    scenario, found, _ = options("weihai", {"kind": "public_course", "year": 2019, "hours": 30}, target={**HOHHOT_REVIEW, "year": 2020})
    assert tenure_values(scenario, [o.rule for o in found]) == [2000, 2018, 2019, 2020]


def test_an_achievement_counted_only_in_the_tenure_makes_a_since_window_use_it() -> None:
    # 青海 学术论文 任现职期间 (the window itself is 自2020年以来)
    paper = {"kind": "paper", "year": 2023, "authorship": "sole", "count": 1}
    scenario, found, _ = options("qinghai", paper, target={"type": "review", "level": "intermediate", "year": 2025})
    assert uses_tenure(scenario, [o.rule for o in found]) and tenure_dependent_years(scenario) == {2023}
    assert tenure_values(scenario, [o.rule for o in found]) == [2022, 2023, 2024, 2025]


def test_ages_from_a_full_date_a_month_or_none() -> None:
    assert ages(date(1970, 3, 1), date(2022, 12, 31)) == [52]
    assert ages(Month(1970, 12), date(2022, 12, 15)) == [51, 52]  # the day is open: before or after the 15th
    assert ages(Month(1970, 3), date(2022, 12, 31)) == [52]
    assert ages(None, date(2022, 12, 31)) == list(range(16, 101))


def said(share) -> str:
    if share.exempt:
        return "exempt"
    if share.rule is None:
        return "full"
    return f"{share.text} of {'the total' if share.of_total else 'each category'}" + (" (other reading)" if share.other_reading else "")


@pytest.mark.parametrize("gender, age, expected", [
    ("male", 49, ["full"]),
    ("male", 52, ["1/3 of each category", "1/3 of the total (other reading)"]),
    ("female", 50, ["exempt"]),
])
def test_shares_the_sites_reading_first_then_the_other(gender, age, expected) -> None:
    # 呼和浩特 三(一): 男满50、女满45 … 1/3 (each category; of the total is the clause's other reading); 女满50 不再要求
    rule = reduction_rule(ruledata.resolve("hohhot")["readiness"]["reductions"], gender, age)
    assert [said(share) for share in shares_of(rule)] == expected
    assert shares_of(None) == [FULL]


def test_reductions_try_both_genders_and_each_age_the_birth_date_leaves() -> None:
    given = reductions(scenario_of("hohhot", person={"gender": "male", "birth_date": "1970-03-01"}, target=HOHHOT_REVIEW))
    assert given.genders == ("male",) and list(given.cases) == [("male", 52)]
    month = reductions(scenario_of("hohhot", person={"birth_date": "1970-03"}, target={**HOHHOT_REVIEW, "date": "2022-03-15"}))
    assert month.genders == ("male", "female") and sorted({a for _, a in month.cases}) == [51, 52]
    # 男51/52: 1/3; 女51/52: 不再要求
    assert len(month.rules()) == 2
    recognition = reductions(scenario_of("hohhot", target={"type": "recognition", "level": "assistant", "year": 2022}))
    assert recognition.cases == {} and recognition.rules() == [None]
