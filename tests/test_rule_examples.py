"""Every rule's worked examples, written next to the rule in policies/<region>.yaml.

Each example is the notice's own numbers: a test id such as `qinghai/software_copyright#0` is the
rule id, so a failing rule is found in one step. Rules other than kinds (handoffs, exemptions,
title windows, the transfer rules …) carry examples too: `qinghai/handoffs/health#0`.
"""

from __future__ import annotations

import pytest

from calc import ruledata
from conftest import check, kind_hours, year_of

# policy-level rules that may carry examples: (path in the policy, how a rule is named)
RULE_LISTS = [
    ("handoffs", lambda r, i: r["id"]),
    ("make_up", lambda r, i: r["id"]),
    ("readiness/exemptions", lambda r, i: r["id"]),
    ("readiness/targets", lambda r, i: str(i)),
    ("readiness/reductions", lambda r, i: str(i)),
    ("readiness/window_conversions", lambda r, i: r["kind"]),
]
RULE_SINGLES = ["user_figures", "transfer_in", "readiness/transfer"]


def lookup(policy: dict, path: str):
    node = policy
    for part in path.split("/"):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def rules_with_examples(policy: dict):
    """(rule name, default kind, examples) for every rule of the policy."""
    for kind in policy["kinds"]:
        yield kind["id"], kind["id"], kind["examples"]
    for path, name in RULE_LISTS:
        for i, rule in enumerate(lookup(policy, path) or []):
            yield f"{path}/{name(rule, i)}", rule.get("kind"), rule.get("examples", [])
    for path in RULE_SINGLES:
        rule = lookup(policy, path)
        if rule:
            yield path, rule.get("kind"), rule.get("examples", [])


def all_examples():
    for pid, policy in ruledata.rules()["policies"].items():
        for name, kind, examples in rules_with_examples(policy):
            for number, example in enumerate(examples):
                yield pytest.param(pid, kind, example, id=f"{pid}/{name}#{number}")


def check_example(policy: str, kind: str | None, example: dict) -> None:
    scenario = {"version": 1, "policy": policy, "activities": example.get("activities", [])}
    for key in ("person", "target", "requirements"):
        if example.get(key):
            scenario[key] = example[key]
    report = check(scenario, example.get("today"))
    expected_errors = example.get("expect_errors") or []
    got = [{"field": e["field"], "code": e["code"]} for e in report["errors"]]
    assert got == expected_errors, example["say"]
    if example.get("hours") is not None:
        assert kind_hours(report, example["year"], example.get("kind") or kind) == example["hours"], example["say"]
    for key, expected in (example.get("expect_year") or {}).items():
        assert year_of(report, example["year"])[key] == expected, f"{key}: {example['say']}"
    for key, expected in (example.get("expect_readiness") or {}).items():
        assert report["readiness"][key] == expected, f"{key}: {example['say']}"


@pytest.mark.parametrize("policy, kind, example", list(all_examples()))
def test_rule_example(policy: str, kind: str | None, example: dict) -> None:
    check_example(policy, kind, example)


def test_every_example_checks_something() -> None:
    for pid, policy in ruledata.rules()["policies"].items():
        for name, _, examples in rules_with_examples(policy):
            for example in examples:
                checks = (example.get("hours") is not None or example.get("expect_year")
                          or example.get("expect_readiness") or example.get("expect_errors"))
                assert checks, f"{pid}/{name}: example checks nothing: {example['say']}"


def test_every_policy_level_rule_of_issue_10_has_an_example() -> None:
    """The rules added for issue 10 outside the kinds carry their worked examples too."""
    rules = ruledata.rules()["policies"]
    assert all(h.get("examples") for h in rules["qinghai"]["handoffs"])
    assert rules["hefei"]["transfer_in"].get("examples") and rules["hefei"]["user_figures"].get("examples")
    assert rules["qinghai"]["readiness"]["targets"][0].get("examples")  # 博士+副高→正高 “近2年”
    assert all(r.get("examples") for r in rules["hohhot"]["readiness"]["reductions"] if r.get("fraction"))
