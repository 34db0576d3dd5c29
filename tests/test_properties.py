"""Invariants of the engine, over generated scenarios (hypothesis).

- a cap is never exceeded; a year's total equals the sum of its lines;
- adding an activity never lowers a year's hours; the order of activities does not matter;
- generated junk never crashes the core.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import calc
from calc import ruledata
from conftest import check

POLICIES = sorted(ruledata.rules()["policies"])
YEARS = st.integers(min_value=2014, max_value=2027)


def value_for(spec: dict) -> st.SearchStrategy:
    kind = spec["type"]
    if kind == "choice":
        return st.sampled_from([c["value"] for c in spec["choices"]])
    if kind == "integer":
        return st.integers(min_value=max(0, int(spec.get("min") or 0)), max_value=30000)
    if kind == "number":
        return st.integers(min_value=0, max_value=2000).map(lambda n: n / 10)
    if kind == "boolean":
        return st.booleans()
    if kind == "text":
        return st.text(max_size=30)
    return st.lists(YEARS, min_size=1, max_size=4)


@st.composite
def activity(draw, policy_id: str) -> dict:
    policy = ruledata.rules()["policies"][policy_id]
    kind = draw(st.sampled_from(policy["kinds"]))
    valid = kind.get("valid", {})
    year = draw(st.integers(min_value=valid.get("from") or 2014, max_value=valid.get("to") or 2027))
    entry = {"kind": kind["id"], "year": year}
    for spec in kind.get("fields", []):
        if spec.get("required", True) or draw(st.booleans()):
            entry[spec["name"]] = draw(value_for(spec))
    for group in kind.get("one_of", []):
        if not any(name in entry for name in group):
            spec = next(s for s in kind["fields"] if s["name"] == group[0])
            entry[group[0]] = draw(value_for(spec))
    for spec in kind.get("fields", []):  # a field the rule data requires in some cases only
        if spec.get("required_when") and spec["name"] not in entry and ruledata.matches(spec["required_when"], entry):
            entry[spec["name"]] = draw(value_for(spec))
    return entry


@st.composite
def scenario(draw, max_activities: int = 8) -> dict:
    policy = draw(st.sampled_from(POLICIES))
    result = {"version": 1, "policy": policy, "activities": draw(st.lists(activity(policy), max_size=max_activities))}
    if draw(st.booleans()):
        result["person"] = {"tenure_start": draw(YEARS), "reform_make_up": draw(st.booleans())}
    if draw(st.booleans()):
        result["target"] = {
            "type": draw(st.sampled_from(["review", "recognition", "series_change", "appointment"])),
            "level": draw(st.sampled_from(["full_senior", "senior", "intermediate", "assistant", "junior", "clerk"])),
            "year": draw(YEARS),
        }
    if draw(st.booleans()):
        result["requirements"] = {str(y): {"public": 30, "professional": 60} for y in draw(st.lists(YEARS, max_size=3))}
    return possible(result)


def possible(scenario: dict) -> dict:
    """A tenure that begins after the application year is an error (it cannot be): generated
    scenarios keep within what can be."""
    person, target = scenario.get("person") or {}, scenario.get("target") or {}
    if isinstance(person.get("tenure_start"), int) and isinstance(target.get("year"), int):
        person["tenure_start"] = min(person["tenure_start"], target["year"])
    return scenario


def by_year(report: dict) -> dict[int, dict]:
    return {y["year"]: y for y in report["years"]}


QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(scenario())
def test_generated_scenarios_compute_without_errors(s: dict) -> None:
    assert check(s)["errors"] == []


@QUICK
@given(scenario())
def test_a_cap_is_never_exceeded(s: dict) -> None:
    report = check(s)
    policy = ruledata.resolve(s["policy"])
    caps = {f"{policy['id']}/{k['id']}": k["cap"] for k in policy["kinds"] if k.get("cap") is not None}
    for year in report["years"]:
        for rule, cap in caps.items():
            assert sum(l["hours"] for l in year["lines"] if l["rule"] == rule) <= cap + 1e-9


@QUICK
@given(scenario())
def test_a_years_total_equals_the_sum_of_its_lines(s: dict) -> None:
    for year in check(s)["years"]:
        assert abs(year["total"] - sum(l["hours"] for l in year["lines"])) < 1e-6
        for category in ("public", "professional"):
            assert abs(year[category] - sum(l["hours"] for l in year["lines"] if l["category"] == category)) < 1e-6


def own_hours(year: dict, category: str) -> float:
    """A year's hours before make-up moves hours between years."""
    return sum(l["hours"] for l in year["lines"] if l["category"] == category and l["kind"] != "make_up")


@QUICK
@given(scenario(), st.data())
def test_adding_an_activity_never_lowers_a_years_hours(s: dict, data) -> None:
    """Make-up (Hefei, Qinghai 2021) may move a year's surplus to the year before, but never
    takes a year below its own requirement: so a year's own hours never drop, and a met year
    stays met."""
    before = by_year(check(s))
    more = {**s, "activities": s["activities"] + [data.draw(activity(s["policy"]))]}
    after = by_year(check(more))
    for year, entry in before.items():
        for category in ("public", "professional"):
            assert own_hours(after[year], category) >= own_hours(entry, category) - 1e-9, (year, category)
            if not any(l["kind"] == "make_up" for l in after[year]["lines"]):
                assert after[year][category] >= entry[category] - 1e-9, (year, category)
        if entry["met"] is True:
            assert after[year]["met"] is True, year


@QUICK
@given(scenario(), st.randoms(use_true_random=False))
def test_the_order_of_activities_does_not_matter(s: dict, rnd) -> None:
    shuffled = list(s["activities"])
    rnd.shuffle(shuffled)
    first, second = check(s), check({**s, "activities": shuffled})
    keep = ("year", "public", "professional", "total", "met", "complete", "professional_full")
    assert [{k: y[k] for k in keep} for y in first["years"]] == [{k: y[k] for k in keep} for y in second["years"]]
    assert (first.get("readiness") or {}).get("status") == (second.get("readiness") or {}).get("status")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=30,
)


@st.composite
def junk(draw) -> object:
    """Scenarios that are almost right: real keys and kinds with wrong values, and plain junk."""
    if draw(st.booleans()):
        return draw(JSON_VALUES)
    policy = draw(st.sampled_from(POLICIES + ["xining", "mars", None]))
    kinds = [k["id"] for k in ruledata.resolve(policy)["kinds"]] if ruledata.resolve(policy) else ["x"]
    activities = draw(st.lists(st.dictionaries(
        st.sampled_from(["kind", "year", "hours", "days", "count", "rank", "type", "level", "years", "months", "extra", "bogus"]),
        st.sampled_from(kinds) | JSON_VALUES, max_size=6), max_size=5))
    return {
        "version": draw(st.sampled_from([1, 1, 1, 2, "1", None])),
        "policy": policy,
        "activities": activities,
        "person": draw(JSON_VALUES | st.fixed_dictionaries({"tenure_start": JSON_VALUES, "gender": JSON_VALUES, "birth_date": JSON_VALUES})),
        "target": draw(JSON_VALUES | st.fixed_dictionaries({"type": st.sampled_from(["review", "x"]), "level": st.sampled_from(["senior", 3]), "year": JSON_VALUES})),
        "requirements": draw(JSON_VALUES),
    }


@QUICK
@given(junk())
def test_generated_junk_never_crashes_the_core(raw: object) -> None:
    report = check(raw)
    assert isinstance(report["errors"], list)
    json.dumps(report, ensure_ascii=False, allow_nan=False)


@QUICK
@given(st.text(max_size=200))
def test_junk_text_never_crashes_the_json_entry_point(text: str) -> None:
    json.loads(calc.evaluate_json(text))


def check_invariants(s: dict) -> None:
    report = check(s)
    assert report["errors"] == []
    policy = ruledata.resolve(s["policy"])
    caps = {f"{policy['id']}/{k['id']}": k["cap"] for k in policy["kinds"] if k.get("cap") is not None}
    for year in report["years"]:
        assert abs(year["total"] - sum(l["hours"] for l in year["lines"])) < 1e-6
        for rule, cap in caps.items():
            assert sum(l["hours"] for l in year["lines"] if l["rule"] == rule) <= cap + 1e-9
    json.dumps(report, ensure_ascii=False, allow_nan=False)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(scenario(max_activities=12).map(lambda s: ("valid", s)), junk().map(lambda j: ("junk", j))))
def test_ten_thousand_scenarios_no_crash_and_invariants_hold(case: tuple[str, object]) -> None:
    """At least 10,000 generated scenarios, valid and junk: none crashes the core, and for the
    valid ones caps hold, totals are the sums of their lines and the report is plain JSON."""
    kind, raw = case
    if kind == "valid":
        check_invariants(raw)
    else:
        json.dumps(check(raw), ensure_ascii=False, allow_nan=False)


# ---- issue 15: arbitrary JSON values and any Unicode in every field, in-process and through the
# command line: no traceback, valid UTF-8 JSON out, and the activities around the bad one counted.

ANY_TEXT = st.text(st.characters(exclude_categories=[]), max_size=12)  # lone surrogates included
ANY_NUMBER = st.integers() | st.integers(min_value=10**300, max_value=10**420) | st.floats() | st.sampled_from([1e308, -0.0, 0.05, 10**7 + 1])
ANY_JSON = st.recursive(
    st.none() | st.booleans() | ANY_NUMBER | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=12,
)
WELL = [{"kind": "public_course", "year": 2025, "hours": 30}, {"kind": "professional_course", "year": 2025, "hours": 40}]
KNOWN_KEYS = ["kind", "year", "hours", "days", "count", "rank", "type", "authorship", "title", "evidence", "extra", "years"]


@st.composite
def poisoned(draw) -> tuple[str, dict]:
    """Two good 青海 activities and one arbitrary value somewhere else: in a third activity (any
    key, known or not), the person, the target, the requirements, extra or a top-level key."""
    scenario = {"version": 1, "policy": "qinghai", "activities": [dict(a) for a in WELL]}
    where = draw(st.sampled_from(["activity", "person", "target", "requirements", "extra", "top"]))
    value = draw(ANY_JSON)
    key = draw(st.sampled_from(KNOWN_KEYS) | ANY_TEXT)
    if where == "activity":
        third = {"kind": draw(st.sampled_from(["public_course", "paper", "patent"]) | ANY_TEXT), "year": 2025}
        third[key] = value
        scenario["activities"].append(third)
    elif where == "person":
        scenario["person"] = draw(st.just({}) | st.fixed_dictionaries({})) | {draw(st.sampled_from(["birth_date", "gender", "tenure_start", "sector"]) | ANY_TEXT): value}
    elif where == "target":
        scenario["target"] = {"type": "review", "level": "intermediate", "year": 2025, draw(st.sampled_from(["date", "degree", "year", "type"]) | ANY_TEXT): value}
    elif where == "requirements":
        scenario["requirements"] = {draw(st.sampled_from(["2025", "2024"]) | ANY_TEXT): value}
    elif where == "extra":
        scenario["extra"] = value
    else:
        scenario[key if key not in ("version", "policy", "activities") else "x" + key] = value
    return where, scenario


def good_lines_counted(report: dict) -> None:
    lines = {l["activity"]: l for y in report["years"] for l in y["lines"] if l["activity"] in (0, 1)}
    assert lines[0]["hours"] == 30 and lines[1]["hours"] == 40, report["errors"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(poisoned())
def test_any_value_anywhere_never_crashes_and_the_rest_still_counts(case: tuple[str, dict]) -> None:
    where, scenario = case
    report = check(scenario)  # build, not evaluate: a defect would raise here
    good_lines_counted(report)
    text = calc.to_json(report)
    text.encode("utf-8")  # valid UTF-8
    json.loads(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(poisoned().map(lambda c: c[1]), ANY_JSON))
def test_any_json_text_through_the_browser_entry_point(value: object) -> None:
    text = json.dumps(value, ensure_ascii=True)  # \\udfff escapes: any string JSON can hold
    out = calc.evaluate_json(text)
    out.encode("utf-8")
    assert isinstance(json.loads(out)["errors"], list)


def run_cli(path: str, *flags: str) -> tuple[int, bytes, bytes]:
    """calc's command line in this process (a subprocess per example would take minutes)."""
    import io
    import sys

    from calc import cli

    out, err = io.TextIOWrapper(io.BytesIO(), "utf-8"), io.TextIOWrapper(io.BytesIO(), "utf-8")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = cli.main(["check", path, *flags])
    finally:
        sys.stdout, sys.stderr = saved
    return status, out.buffer.getvalue(), err.buffer.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(poisoned(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]), st.booleans())
def test_any_value_anywhere_through_the_command_line(case: tuple[str, dict], encoding: str, as_json: bool) -> None:
    import tempfile

    where, scenario = case
    try:
        text = json.dumps(scenario, ensure_ascii=True, allow_nan=False)
    except ValueError:  # NaN or infinity: not JSON at all (the entry point test covers that text)
        assume(False)
    with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as handle:
        handle.write(text.encode(encoding))
    status, out, err = run_cli(handle.name, *(["--json"] if as_json else []))
    out.decode("utf-8"), err.decode("utf-8")  # valid UTF-8, or this raises
    assert status in (0, 1), err
    if as_json:
        report = json.loads(out)
        good_lines_counted(report)
        assert status == (1 if report["errors"] else 0)
    else:
        assert "2025年" in out.decode("utf-8")
