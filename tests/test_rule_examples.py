"""Every rule's worked examples, written next to the rule in policies/<region>.yaml.

Each example is the notice's own numbers: a test id such as `qinghai/software_copyright#0` is the
rule id, so a failing rule is found in one step.
"""

from __future__ import annotations

import pytest

from calc import ruledata
from calc.report import build
from conftest import kind_hours, year_of


def all_examples():
    for pid, policy in ruledata.rules()["policies"].items():
        for kind in policy["kinds"]:
            for number, example in enumerate(kind["examples"]):
                yield pytest.param(pid, kind["id"], example, id=f"{pid}/{kind['id']}#{number}")


@pytest.mark.parametrize("policy, kind, example", list(all_examples()))
def test_rule_example(policy: str, kind: str, example: dict) -> None:
    scenario = {"version": 1, "policy": policy, "activities": example["activities"]}
    for key in ("person", "target"):
        if example.get(key):
            scenario[key] = example[key]
    report = build(scenario)
    assert report["errors"] == [], example["say"]
    if example.get("hours") is not None:
        assert kind_hours(report, example["year"], kind) == example["hours"], example["say"]
    for key, expected in (example.get("expect_year") or {}).items():
        assert year_of(report, example["year"])[key] == expected, f"{key}: {example['say']}"
    for key, expected in (example.get("expect_readiness") or {}).items():
        assert report["readiness"][key] == expected, f"{key}: {example['say']}"


def test_every_rule_has_an_example_that_checks_something() -> None:
    for pid, policy in ruledata.rules()["policies"].items():
        for kind in policy["kinds"]:
            for example in kind["examples"]:
                checks = example.get("hours") is not None or example.get("expect_year") or example.get("expect_readiness")
                assert checks, f"{pid}/{kind['id']}: example checks nothing: {example['say']}"
