"""calc/exemption.py: which of the notice's exemptions applies to an application — the first rule of
the status asked for (exempt, reference_only) whose types and levels cover it and whose condition
holds: a person fact, or an entry of a kind in the application year, in the window, or in any
year — and which age reduction (呼和浩特 三(一)) a person of a gender and age gets."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

import pytest

from calc import ruledata
from calc.exemption import age_on, exemption, reduction_rule
from conftest import scenario_of

QINGHAI_REVIEW = {"type": "review", "level": "intermediate", "year": 2025}
HOHHOT_REVIEW = {"type": "review", "level": "intermediate", "year": 2022}


def exempt_by(policy: str, target: dict, *activities: dict, status: str = "exempt", window: tuple = (), **parts) -> str | None:
    rule = exemption(scenario_of(policy, *activities, target=target, **parts), list(window), status)
    return rule and rule["id"]


def test_a_person_fact() -> None:
    # 青海 六(二): 符合申报双职称条件的专业技术人员 … 不做继续教育学时要求
    assert exempt_by("qinghai", QINGHAI_REVIEW, person={"dual_title": True}) == "dual_title"
    assert exempt_by("qinghai", QINGHAI_REVIEW, person={"dual_title": False}) is None


def test_an_entry_in_the_application_year_for_the_types_named() -> None:
    # 青海 六(一): 公务员转任 当年参加评审 — review only, in the application year only
    transfer = {"kind": "civil_servant_transfer", "year": 2025}
    assert exempt_by("qinghai", QINGHAI_REVIEW, transfer) == "civil_servant_transfer"
    assert exempt_by("qinghai", QINGHAI_REVIEW, {**transfer, "year": 2024}) is None
    assert exempt_by("qinghai", {**QINGHAI_REVIEW, "type": "recognition"}, transfer) is None


def test_an_entry_in_any_year() -> None:
    # 呼和浩特 三(四): 定点医院救治 exempts every application the notice governs
    assert exempt_by("hohhot", HOHHOT_REVIEW, {"kind": "covid_frontline", "year": 2020}) == "covid_frontline"


def test_an_entry_in_the_window() -> None:
    # no notice here has one (the fixture notice's aid does): the condition on 呼和浩特's kind, in a copy
    scenario = scenario_of("hohhot", {"kind": "covid_frontline", "year": 2021}, target=HOHHOT_REVIEW)
    policy = copy.deepcopy(scenario.policy)
    policy["readiness"]["exemptions"] = [{"id": "in_window", "kind_in_window": "covid_frontline", "status": "exempt"}]
    scenario = replace(scenario, policy=policy)
    assert exemption(scenario, [2020, 2021, 2022], "exempt")["id"] == "in_window"
    assert exemption(scenario, [2022], "exempt") is None


def test_the_levels_named() -> None:
    # 青海 六(三): 申报…高级职称的人员，在青海省会计信息服务平台完成…学时 — 副高、正高 only
    assert exempt_by("qinghai", QINGHAI_REVIEW, person={"accounting_platform": True}) is None
    assert exempt_by("qinghai", {**QINGHAI_REVIEW, "level": "senior"}, person={"accounting_platform": True}) == "accounting_platform"


def test_a_rule_that_makes_the_hours_a_reference_is_asked_for_by_its_status() -> None:
    # 呼和浩特 三(二): 非公有制经济领域 … 继续教育学时数作为评审参考因素 (not an exemption)
    assert exempt_by("hohhot", HOHHOT_REVIEW, person={"sector": "non_public"}) is None
    assert exempt_by("hohhot", HOHHOT_REVIEW, status="reference_only", person={"sector": "non_public"}) == "non_public"


REDUCTIONS = ruledata.resolve("hohhot")["readiness"]["reductions"]


@pytest.mark.parametrize("gender, age, found", [
    ("male", 49, "none"), ("male", 50, "1/3"), ("male", 54, "1/3"), ("male", 55, "exempt"),
    ("female", 44, "none"), ("female", 45, "1/3"), ("female", 49, "1/3"), ("female", 50, "exempt"),
])
def test_hohhot_age_reductions_at_their_boundaries(gender, age, found) -> None:
    # 三(一): 男满50周岁、女满45周岁 … 规定学时的1/3；男满55周岁、女满50周岁 … 不再要求继续教育学时
    rule = reduction_rule(REDUCTIONS, gender, age)
    assert ("none" if rule is None else "{}/{}".format(*rule["fraction"]) if rule.get("fraction") else "exempt") == found


def test_age_in_full_years_on_a_date() -> None:
    assert (age_on(date(1970, 3, 1), date(2022, 2, 28)), age_on(date(1970, 3, 1), date(2022, 3, 1))) == (51, 52)
