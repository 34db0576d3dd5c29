"""The fixture notice (tests/fixtures/policies/fixture.yaml, a made-up region with a made-up source
text): a new notice is one YAML file and its tests. It uses every kind of rule the schema offers;
it compiles from its own folders beside the project's notices, its worked examples give what they
say, its region page and catalogue are generated, and calc/rules.json is not touched.
(tests/browser/test_fixture_site.py builds a whole site with it and computes it in the browser.)
"""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest

from calc import ruledata
from policies import compile as compiler
from policies import schema
from test_rule_examples import check_example, rules_with_examples

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
POLICIES = FIXTURES / "policies"
SOURCES = FIXTURES / "sources"


@pytest.fixture(scope="module")
def rules_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fixture") / "rules.json"
    before = compiler.RULES_JSON.read_bytes()
    assert compiler.main(["--policies", str(POLICIES), "--sources", str(SOURCES), "--out", str(out)]) == 0
    assert compiler.RULES_JSON.read_bytes() == before, "calc/rules.json must be left as it is"
    return out


@pytest.fixture()
def fixture_rules(rules_file: Path):
    ruledata.use(rules_file)
    yield ruledata.rules()
    ruledata.use(None)


@pytest.fixture()
def fixture(fixture_rules) -> dict:
    return fixture_rules["policies"]["fixture"]


def test_the_fixture_compiles_beside_the_projects_notices(fixture_rules) -> None:
    assert set(fixture_rules["policies"]) == {"qinghai", "weihai", "hefei", "hohhot", "fixture"}


def test_the_fixtures_examples_give_what_they_say(fixture) -> None:
    count = 0
    for name, kind, examples in rules_with_examples(fixture):
        for example in examples:
            check_example("fixture", kind, example)
            count += 1
    assert count >= 33


def test_the_alias_follows_the_fixture(fixture_rules) -> None:
    from conftest import check

    report = check({"version": 1, "policy": "fixturetown", "activities": [{"kind": "aid", "year": 2024}]})
    assert report["rules"] == "fixture" and report["errors"] == []


# -- every kind of rule the schema offers ---------------------------------------------------------


def literal_values(annotation) -> set:
    """The values of a Literal (or of the Literal inside an Optional)."""
    found = set()
    for arg in typing.get_args(annotation) or []:
        found |= literal_values(arg)
    if typing.get_origin(annotation) is typing.Literal:
        found |= set(typing.get_args(annotation))
    return found


def test_the_fixture_uses_every_kind_of_rule_the_schema_offers() -> None:
    """Read from the schema itself, so a rule the schema gains later must be added to the fixture."""
    policy = compiler.load(POLICIES / "fixture.yaml", [SOURCES])
    used = {type(node).__name__ for _, node in schema.walk(policy)}
    conversions = {m.__name__ for m in typing.get_args(typing.get_args(schema.Conversion)[0])}
    assert conversions <= used, conversions - used
    for model in (schema.Filing, schema.DatedReading, schema.DatedValue, schema.Evidence, schema.UserFigures,
                  schema.TransferIn, schema.Handoff, schema.YearNote, schema.MakeUp, schema.Exemption,
                  schema.Reduction, schema.WindowConversion, schema.Transfer, schema.Deadline, schema.Reading,
                  schema.Alias, schema.PersonFact, schema.Row):
        assert model.__name__ in used, model.__name__

    modes = {t.window.mode for t in policy.readiness.targets}
    assert modes == literal_values(schema.Window.model_fields["mode"].annotation)
    assert {f.type for f in policy.person} == literal_values(schema.PersonFact.model_fields["type"].annotation)
    exemptions = policy.readiness.exemptions
    for condition in ("person", "kind_in_window", "kind_in_application_year", "kind_any_year"):
        assert any(getattr(e, condition) for e in exemptions), condition
    assert {e.status for e in exemptions} == literal_values(schema.Exemption.model_fields["status"].annotation)
    assert {r.fraction is None for r in policy.readiness.reductions} == {True, False}
    kinds = policy.kinds
    assert {k.once_per_year for k in kinds} >= {True, False}
    assert {k.group for k in kinds} == literal_values(schema.Kind.model_fields["group"].annotation)
    for attribute in ("cap", "covered", "category_field", "filing", "reading", "tenure_only"):
        assert any(getattr(k, attribute) for k in kinds), attribute
    tables = [k.conversion for k in kinds if k.conversion.method == "table"]
    assert any(t.per_year_of for t in tables) and any(t.best_of_all for t in tables)
    assert any(r.per_unit for t in tables for r in t.rows) and any(r.as_stated for t in tables for r in t.rows)
    fields = [f for k in kinds for f in k.fields]
    assert any(f.required_when for f in fields) and any(f.days_within_year for f in fields)
    assert {f.type for f in fields} >= {"number", "integer", "choice", "years", "boolean"}
    assert any(m.previous_year_only for m in policy.make_up)
    assert any(not r.annual for r in policy.requirements)
    assert any(t.degree for t in policy.readiness.targets) and any(t.has_deputy_senior for t in policy.readiness.targets)
    assert any(t.reading for t in policy.readiness.targets) and any(r.reading for r in policy.readiness.reductions)
    assert any(w.waive for w in (t.window for t in policy.readiness.targets))


# -- what a maintainer gets for it: the page, the catalogue ----------------------------------------


def test_the_fixture_gets_its_region_page(fixture_rules) -> None:
    from sitebuild import docs_pages

    page = docs_pages.region_page(fixture_rules["policies"]["fixture"])
    for words in ("# 示例市继续教育学时规定", "## 需要您提供的个人信息", "在偏远地区工作", "## 按行业规定执行的人员",
                  "示例市教育局 0000-1234567", "每年只计一次", "通知只规定了2024年", "须事前备案",
                  "附表和正文不一致", "“近2年”理解为", "一半按公需、专业分别计", "### 自外地调入", "### 按行业主管部门的要求",
                  "证明材料", "（以派出单位证明为准）"):
        assert words in page, words
    faq = docs_pages.faq_page(sorted(fixture_rules["policies"].values(), key=lambda p: p["id"]))
    assert "**示例市**" in faq


def test_the_fixtures_catalogue_asks_for_its_own_person_facts(fixture_rules) -> None:
    import calc

    found = calc.catalogue("fixture")
    assert [f["name"] for f in found["person"]] == [
        "tenure_start", "gender", "birth_date", "transferred_in_year", "remote_post", "model_worker", "profession",
    ]
    kinds = {k["id"]: k for k in found["kinds"]}
    assert kinds["public_course"]["evidence"] == {"text": "网络学习平台的学习证明", "citation": "示人社发〔2026〕1号 二(一)", "from_notice": True}
    assert [f["name"] for f in kinds["public_course"]["fields"]] == ["hours", "filed"]
    assert json.dumps(found, ensure_ascii=False)
