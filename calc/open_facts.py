"""Facts not given that could still change a verdict, found by computing the verdict again with them
(the facts whose effect is local, an age reduction or a tenure window, are calc/readiness.py's).

- 任现职 (`tenure_start`), where the region declares it and the window does not already ask for it:
  achievements that count only when obtained during the tenure (青海 任现职期间的论文、著作 …)
  and a degree obtained during it (学历学位, whole years of 专业) give more or less depending on
  when the tenure began. The verdict is computed with the tenure beginning in the application year
  (only that year's achievements count) and in the earliest year entered (all count); if either
  differs from the verdict as entered, the verdict waits for 任现职.
- the degree (`target.degree`), where the notice has a rule for this application that depends on
  it (青海: 博士且已取得副高级职称申报正高级, 近2年): computed with each degree that rule names.

A verdict that waits for a fact is `unknown`, names it (readiness.missing) and says why.
"""

from __future__ import annotations

from dataclasses import replace

from calc.scenario import Person, Scenario

TENURE_KINDS = {"whole_professional_tenure", "complete_any_tenure_year"}


def with_fact(scenario: Scenario, name: str, value: object) -> Scenario:
    person = Person(dict(scenario.person.facts), scenario.person.specs)
    person.set(name, value)
    return replace(scenario, person=person)


def tenure_variants(scenario: Scenario, window_years: list[int]) -> list[Scenario]:
    """The scenario with the tenure beginning in the application year and in the earliest year
    entered, where the tenure is not given and something entered depends on it."""
    policy, target = scenario.policy, scenario.target
    if "tenure_start" not in {f["name"] for f in policy.get("person", [])} or scenario.person.tenure_start is not None:
        return []
    converting = {rule["kind"] for rule in policy["readiness"].get("window_conversions", [])}
    depends = [
        a for a in scenario.activities
        if a.year <= target.year and (
            (a.kind.get("tenure_only") and a.year < target.year)
            or a.kind["id"] in converting
            or a.kind["conversion"]["method"] in TENURE_KINDS
        )
    ]
    if not depends:
        return []
    earliest = min([a.year for a in scenario.activities] + list(window_years) + [target.year])
    return [with_fact(scenario, "tenure_start", target.year), with_fact(scenario, "tenure_start", earliest)]


def degree_variants(scenario: Scenario) -> list[Scenario]:
    """The scenario with each degree a rule for this application names, where no degree is given."""
    target = scenario.target
    if target.degree is not None:
        return []
    degrees = []
    for rule in scenario.policy["readiness"]["targets"]:
        if not rule.get("degree") or target.type not in rule["types"] or target.level not in rule["levels"]:
            continue
        if rule.get("has_deputy_senior") is not None and rule["has_deputy_senior"] != target.has_deputy_senior:
            continue
        degrees += [d for d in rule["degree"] if d not in degrees]
    return [replace(scenario, target=replace(target, degree=d)) for d in degrees]


def check(scenario: Scenario, result: dict | None, window_years: list[int], decide) -> None:
    """Make `result` (a decided verdict) wait for each fact whose value could change it.
    `decide(scenario)` gives (ledger, window, verdict) of another scenario."""
    if result is None or scenario.target is None or result.get("missing"):
        return
    if result["status"] in ("exempt", "industry_rules"):
        return
    from calc.verdict import Verdict  # noqa: PLC0415

    say = Verdict(scenario.policy, scenario.target)
    checks = [
        ("person", "tenure_start", tenure_variants(scenario, window_years),
         "任现职以前取得的成果不计入，任现职期间取得的学历（学位）可折算专业科目学时"),
        ("target", "degree", degree_variants(scenario), "这次申报的学时要求因学历学位而不同"),
    ]
    for part, name, variants, why in checks:
        if not variants:
            continue
        statuses = {decide(v)[2]["status"] for v in variants}
        if statuses != {result["status"]}:
            say.missing_fact(part, name)
            label = say.missing[-1]["label"]
            result["reasons"].append(f"结论取决于“{label}”（{why}），请填写。")
    if say.missing:
        result["missing"] = say.missing
        result["status"] = "unknown"
        result["plan"] = None
