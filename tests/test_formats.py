"""The formats written down (calc/schemas/, JSON Schema draft 2020-12): every example scenario is a
scenario, every report calc makes of it (and of every worked example of every rule, of every
region and the fixture notice) is a report, every region's catalogue is a catalogue. The objects
calc builds are closed in the schemas (additionalProperties: false), so a field calc adds, drops
or renames without the schema changing with it fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import calc
from calc import ruledata
from calc.errors import ERROR_CODES
from conftest import check
from test_fixture_notice import POLICIES, SOURCES
from test_properties import poisoned, scenario
from test_rule_examples import rules_with_examples

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "calc" / "schemas"
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json"))
FIXTURE_SCENARIOS = sorted((ROOT / "tests" / "fixtures").glob("*.json"))
MALFORMED = {"browser_hefei_entry_errors.json"}  # a year of 1999 (the calc errors it gives are tested elsewhere)


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


SCENARIO, REPORT, CATALOGUE = validator("scenario"), validator("report"), validator("catalogue")


def problems(validator: Draft202012Validator, value: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in validator.iter_errors(value)]


def as_json(value: object) -> object:
    return json.loads(calc.to_json(value))


@pytest.mark.parametrize("path", EXAMPLES + FIXTURE_SCENARIOS, ids=lambda p: p.name)
def test_example_scenarios_are_scenarios_and_their_reports_are_reports(path: Path) -> None:
    entered = json.loads(path.read_text("utf-8"))
    if path.name in MALFORMED:
        assert problems(SCENARIO, entered)
    else:
        assert problems(SCENARIO, entered) == []
    assert problems(REPORT, as_json(calc.evaluate(entered))) == []


def test_reports_that_cannot_be_computed_are_reports_too() -> None:
    for text in ["{", "[]", '{"version": 2}', '{"version": 1, "policy": "atlantis", "activities": []}']:
        assert problems(REPORT, json.loads(calc.evaluate_json(text))) == [], text


def every_example(rules: dict):
    for pid, policy in rules["policies"].items():
        for name, _kind, examples in rules_with_examples(policy):
            for example in examples:
                entered = {"version": 1, "policy": pid, "activities": example.get("activities", [])}
                for key in ("person", "target", "requirements"):
                    if example.get(key):
                        entered[key] = example[key]
                yield f"{pid}/{name}", entered


def test_the_report_of_every_worked_example_is_a_report() -> None:
    count = 0
    for name, example in every_example(ruledata.rules()):
        assert problems(REPORT, as_json(check(example))) == [], name
        count += 1
    assert count > 100


def test_the_catalogue_of_every_region_is_a_catalogue() -> None:
    for entry in calc.policies():
        assert problems(CATALOGUE, as_json(calc.catalogue(entry["id"]))) == [], entry["id"]
    assert problems(CATALOGUE, as_json(calc.site_catalogue())) == []


def test_the_fixture_notice_fits_the_formats(tmp_path: Path) -> None:
    from policies import compile as compiler

    out = tmp_path / "rules.json"
    assert compiler.main(["--policies", str(POLICIES), "--sources", str(SOURCES), "--out", str(out)]) == 0
    ruledata.use(out)
    try:
        assert problems(CATALOGUE, as_json(calc.catalogue("fixture"))) == []
        assert problems(CATALOGUE, as_json(calc.site_catalogue())) == []
        reports = [(name, check(s)) for name, s in every_example(ruledata.rules()) if s["policy"] == "fixture"]
        assert len(reports) >= 33
        for name, report in reports:
            assert problems(REPORT, as_json(report)) == [], name
    finally:
        ruledata.use(None)


def test_error_codes_in_the_schema_are_calcs() -> None:
    schema = json.loads((SCHEMAS / "report.schema.json").read_text("utf-8"))
    assert sorted(schema["$defs"]["error"]["properties"]["code"]["enum"]) == sorted(ERROR_CODES)


def test_a_field_calc_adds_without_the_schema_fails() -> None:
    report = as_json(calc.evaluate(json.loads(EXAMPLES[0].read_text("utf-8"))))
    report["years"][0]["unheard_of"] = 1
    report["years"][0]["lines"] = [{**line, "surprise": True} for line in report["years"][0]["lines"]]
    assert any("unheard_of" in p for p in problems(REPORT, report))
    kinds = as_json(calc.catalogue("hefei"))
    kinds["kinds"][0]["rate_in_the_page"] = "每门 30 学时"
    assert problems(CATALOGUE, kinds)


def test_the_schemas_extend_the_contract() -> None:
    """Every field scenario.md names is in the schemas with the same name (extend, never break)."""
    report = json.loads((SCHEMAS / "report.schema.json").read_text("utf-8"))
    defs = report["$defs"]
    assert {"version", "policy", "years", "readiness", "deadlines", "errors"} <= set(report["properties"])
    assert {"year", "public", "professional", "total", "required", "required_source", "met", "complete",
            "professional_full", "lines", "notes"} <= set(defs["year"]["properties"])
    assert {"activity", "kind", "category", "hours", "uncapped", "rule", "citation", "note"} <= set(defs["line"]["properties"])
    assert {"status", "years_needed", "years_counted", "shortfall", "reasons", "citations"} <= set(defs["readiness"]["properties"])
    assert {"activity", "field", "code", "message"} == set(defs["error"]["properties"])
    format_ = json.loads((SCHEMAS / "scenario.schema.json").read_text("utf-8"))
    assert set(format_["properties"]) == {"version", "policy", "person", "activities", "requirements", "target", "extra"}


# Generated scenarios (tests/test_properties.py's strategies: valid ones, and any value anywhere)
# give reports of the format too, whatever they hold.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(scenario(), poisoned().map(lambda case: case[1])))
def test_the_report_of_any_scenario_is_a_report(s: dict) -> None:
    assert problems(REPORT, as_json(calc.evaluate(s))) == []
