"""The verdict's bounds (calc/readiness.py, calc/bounds.py) proven over generated scenarios by
trying the completions (issue 19): every way the open facts and the unknown years' figures could
still turn out, computed as scenarios in which nothing is open any more.

- `unknown`: some completion is ready and some is not;
- `ready` / `not_ready`: no completion differs;
- `reachable: false`: no completion is ready even with lots of hours added to every year still
  open (as of the day); `reachable: true`: one is.

Completions: each open fact over its values (gender; ages either side of every reduction's
thresholds; tenure starts from 2000 and over the dozen years before the application; each degree;
副高 or not), each reading of a clause read two ways (呼和浩特 1/3 of each category or of the total: a rule
file for each), and each unknown year's figures met or not. Figures are monotone (the contract:
more hours, lower requirements and more met years never make it worse), so per combination of the
facts two figure completions suffice: every unknown year met (its figures = its own hours, at
least the national floor) and none (figures out of reach).
"""

from __future__ import annotations

import copy
import itertools
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc import ruledata
from calc.open_years import last_day
from calc.report import build
from calc.vocabulary import DEGREE

POLICIES = ["qinghai", "weihai", "hefei", "hohhot"]
OUT_OF_REACH = {"public": 5000, "professional": 5000}
DONE = ("ready", "exempt")


@pytest.fixture(scope="module")
def readings(tmp_path_factory) -> list:
    """Rule files that each read every reduction one way only: the site's reading, and the other."""
    found = []
    for other in (False, True):
        data = copy.deepcopy(ruledata.rules())
        for policy in data["policies"].values():
            for rule in policy["readiness"].get("reductions", []):
                if rule.get("other_reading"):
                    if other:
                        rule["share_of"] = rule["other_reading"]
                    rule["other_reading"] = None
        path = tmp_path_factory.mktemp("rules") / "rules.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        found.append(path)
    return found


def status_of(report: dict) -> str | None:
    """ready / not / None for a completion that has no verdict (no rule for it, another year)."""
    verdict = report["readiness"]
    status = verdict.get("by_hours") or verdict["status"]
    if status in DONE:
        return "ready"
    if status == "not_ready":
        return "not"
    assert verdict["next_step"]["code"] == "cannot_judge", verdict["headline"]  # nothing left open but the notice's silence
    return None


def fact_values(scenario: dict) -> list[dict]:
    """Every combination of the open facts' values, as (person, target) changes."""
    policy = ruledata.resolve(scenario["policy"])
    target, person = scenario["target"], scenario.get("person", {})
    year = target["year"]
    choices: list[list[tuple[str, str, object]]] = []
    reductions = [r for r in policy["readiness"].get("reductions", []) if target["type"] in r["types"]]
    if reductions and "gender" not in person:
        choices.append([("person", "gender", g) for g in ("male", "female")])
    if reductions and "birth_date" not in person:
        ages = sorted({a for r in reductions for a in (r["min_age"] - 1, r["min_age"], r.get("max_age") or r["min_age"])} | {30})
        choices.append([("person", "birth_date", f"{year - age - 1}-12-31") for age in ages])
    if "tenure_start" in {f["name"] for f in policy.get("person", [])} and "tenure_start" not in person:
        choices.append([("person", "tenure_start", t) for t in [2000, *range(year - 12, year + 1)]])
    rules = [r for r in policy["readiness"]["targets"] if target["type"] in r["types"] and target["level"] in r["levels"]]
    if "degree" not in target and any(r.get("degree") for r in rules):
        choices.append([("target", "degree", d) for d in DEGREE])
    if "has_deputy_senior" not in target and any(r.get("has_deputy_senior") is not None for r in rules):
        choices.append([("target", "has_deputy_senior", v) for v in (False, True)])
    found = []
    for combo in itertools.product(*choices):
        changed = copy.deepcopy(scenario)
        for part, name, value in combo:
            changed.setdefault(part, {})[name] = value
        found.append(changed)
    return found


def unknown_years(report: dict) -> dict[int, dict]:
    """The years of the report whose requirement no source gives, with their own hours (before any
    make-up) per category."""
    found = {}
    for year in report["years"]:
        if year["required"] is None and year.get("annual", True):
            own = {c: sum(l["hours"] for l in year["lines"] if l["category"] == c and l["kind"] != "make_up") for c in ("public", "professional")}
            found[year["year"]] = own
    return found


def completions(scenario: dict, today: str) -> list[dict]:
    """Per combination of the open facts, the unknown years all met and all not met."""
    found = []
    for facts in fact_values(scenario):
        years = unknown_years(build(facts, today))
        for met in (True, False):
            changed = copy.deepcopy(facts)
            figures = changed.setdefault("requirements", {})
            for year, own in years.items():
                floor = ruledata.floor(year) or 0
                if met and own["public"] + own["professional"] >= max(floor, 0.1):
                    figures[str(year)] = {"public": own["public"], "professional": own["professional"]}
                else:
                    figures[str(year)] = dict(OUT_OF_REACH)
            found.append(changed)
    return found


def with_open_hours(scenario: dict, today: str) -> dict:
    """The scenario with lots of hours added as done to every year still open on `today`."""
    policy = ruledata.resolve(scenario["policy"])
    target = scenario["target"]
    day = date.fromisoformat(today)
    application = date.fromisoformat(target["date"]) if target.get("date") else date(target["year"], 12, 31)
    grid = policy["grid"]
    changed = copy.deepcopy(scenario)
    for year in range(2000, target["year"] + 1):
        for category in ("public", "professional"):
            if day <= min(last_day(policy, year, category), application):
                changed["activities"].append({"kind": grid[category], "year": year, "hours": 500})
    return changed


def statuses(scenarios: list[dict], today: str, readings: list) -> set[str]:
    """The verdicts of the completions, under each reading of a clause read two ways."""
    found = set()
    for scenario in scenarios:
        if not ruledata.resolve(scenario["policy"])["readiness"].get("reductions"):
            found.add(status_of(build(scenario, today)))
            continue
        for rules in readings:
            ruledata.use(rules)
            try:
                found.add(status_of(build(scenario, today)))
            finally:
                ruledata.use(None)
    return found - {None}


@st.composite
def application(draw) -> tuple[dict, str]:
    """An application as people enter it (certified hours per year in the grid), with some facts
    left open and a day to check it on: before, during and after the application year."""
    policy_id = draw(st.sampled_from(POLICIES))
    policy = ruledata.rules()["policies"][policy_id]
    rule = draw(st.sampled_from(policy["readiness"]["targets"]))
    span = policy["readiness"]["applications"]
    year = draw(st.integers(min_value=span.get("from") or 2019, max_value=span.get("to") or 2026))
    pairs = st.sampled_from([(0, 0), (0, 0), (30, 60), (30, 60), (45, 90), (30, 40), (10, 20), (0, 40), (60, 30)])
    rows = [(y, *draw(pairs)) for y in range(year - 6, year + 1)]
    grid = policy["grid"]
    activities = [{"kind": grid[c], "year": y, "hours": h} for y, p, q in rows for c, h in (("public", p), ("professional", q)) if h]
    target = {"type": draw(st.sampled_from(rule["types"])), "level": draw(st.sampled_from(rule["levels"])), "year": year}
    if rule.get("degree") and draw(st.booleans()):
        target["degree"] = draw(st.sampled_from(rule["degree"]))
    scenario = {"version": 1, "policy": policy_id, "activities": activities, "target": target}
    person = {}
    if draw(st.booleans()):
        person["tenure_start"] = draw(st.integers(min_value=year - 6, max_value=year))
    if policy_id == "hohhot":
        if draw(st.booleans()):
            person["gender"] = draw(st.sampled_from(["male", "female"]))
        if draw(st.booleans()):
            person["birth_date"] = f"{year - draw(st.integers(min_value=30, max_value=60))}-06-30"
    if person:
        scenario["person"] = person
    if draw(st.booleans()):
        scenario["requirements"] = {str(y): {"public": 30, "professional": 60}
                                    for y in draw(st.lists(st.integers(min_value=year - 6, max_value=year), max_size=2))}
    today = draw(st.sampled_from([f"{year}-03-01", f"{year}-12-25", f"{year + 1}-02-01"]))
    return scenario, today


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=application())
def test_a_verdict_is_what_every_completion_gives(case, readings) -> None:
    scenario, today = case
    verdict = build(scenario, today)["readiness"]
    if verdict["next_step"]["code"] == "cannot_judge" or verdict["status"] == "industry_rules":
        return
    status = verdict.get("by_hours") or verdict["status"]
    found = statuses(completions(scenario, today), today, readings)
    if status in DONE:
        assert found <= {"ready"}, (scenario, today, found)
    elif status == "not_ready":
        assert found == {"not"}, (scenario, today, found)
    else:
        assert found == {"ready", "not"}, (scenario, today, verdict["headline"], found)
    if status not in DONE:
        reached = statuses(completions(with_open_hours(scenario, today), today), today, readings)
        assert ("ready" in reached) == verdict["reachable"], (scenario, today, verdict["headline"], reached)
