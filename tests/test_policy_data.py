"""The rule data itself: validation failures name the file and the rule; nothing drifts silently."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from calc import ruledata
from policies import compile as compiler

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Every kind id of ../shared/contract/rules.md, per policy (kept here so a fresh clone can check it).
CONTRACT_KINDS = {
    "qinghai": """public_course professional_course academic_event degree_study training degree_obtained
        qualification_exam mentoring project science_award patent standard research_report covid_frontline
        paper book lecture exam_item_writing skills_competition village_work skill_level_certificate
        competition_judge competition_docs national_conditions_study party_school
        minority_language_translation software_copyright national_teacher_training excluded
        civil_servant_transfer central_unit_training""",
    "weihai": "public_course xuexi_qiangguo professional_course converted_other legacy_hours",
    "hefei": """public_course title_computer title_foreign_language ministry_or_overseas_training
        organised_training degree_course self_study conference project book paper aid_program
        qualification_certificate teacher_training key_teacher principal_training patent science_award
        new_technology medical_credits company_internal_training""",
    "hohhot": """public_course professional_course three_subjects_teacher_training advanced_seminar
        qualification_exam skills_training covid_frontline civil_servant_transfer""",
}


@pytest.mark.parametrize("policy", sorted(CONTRACT_KINDS))
def test_every_kind_of_the_contract_is_in_the_data(policy: str) -> None:
    present = {k["id"] for k in ruledata.rules()["policies"][policy]["kinds"]}
    assert set(CONTRACT_KINDS[policy].split()) <= present


def test_contract_file_lists_no_kind_we_lack() -> None:
    contract = SHARED / "contract" / "rules.md"
    if not contract.exists():
        pytest.skip("../shared/contract/rules.md is not beside this checkout")
    text = contract.read_text(encoding="utf-8")
    sections = re.split(r"^## Policy `(\w+)`", text, flags=re.M)
    for policy, body in zip(sections[1::2], sections[2::2], strict=True):
        table_kinds = set(re.findall(r"^\| `([a-z_]+)` \|", body, flags=re.M))
        present = {k["id"] for k in ruledata.rules()["policies"][policy]["kinds"]}
        assert table_kinds <= present, (policy, table_kinds - present)


def test_compiled_rules_are_up_to_date() -> None:
    assert compiler.main(["--check"]) == 0


def test_sources_are_the_official_texts() -> None:
    if not (SHARED / "sources").exists():
        pytest.skip("../shared/sources is not beside this checkout")
    for source in (SHARED / "sources").glob("*.txt"):
        assert (ROOT / "sources" / source.name).read_bytes() == source.read_bytes(), source.name


@pytest.fixture
def policy_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the policy files to break, one at a time."""
    target = tmp_path / "policies"
    target.mkdir()
    for path in (ROOT / "policies").glob("*.yaml"):
        shutil.copy(path, target / path.name)
    monkeypatch.setattr(compiler, "POLICY_DIR", target)
    return target


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def kind(data: dict, kind_id: str) -> dict:
    return next(k for k in data["kinds"] if k["id"] == kind_id)


def test_valid_copy_compiles(policy_dir: Path) -> None:
    assert set(compiler.compile_all()["policies"]) == {"qinghai", "weihai", "hefei", "hohhot"}


def test_a_rule_without_a_citation_fails_naming_file_and_rule(policy_dir: Path) -> None:
    edit(policy_dir / "qinghai.yaml", lambda d: kind(d, "software_copyright").pop("cite"))
    with pytest.raises(compiler.PolicyError, match=r"qinghai\.yaml:\d+: rule qinghai/software_copyright: cite"):
        compiler.compile_all()


def test_an_unknown_field_fails(policy_dir: Path) -> None:
    edit(policy_dir / "hefei.yaml", lambda d: kind(d, "paper").update(rate_per_page=3))
    with pytest.raises(compiler.PolicyError, match=r"hefei\.yaml:\d+: rule hefei/paper: rate_per_page"):
        compiler.compile_all()


def test_overlapping_validity_fails(policy_dir: Path) -> None:
    def duplicate(data: dict) -> None:
        again = dict(kind(data, "software_copyright"))
        again["valid"] = {"from": 2026}
        data["kinds"].append(again)

    edit(policy_dir / "qinghai.yaml", duplicate)
    with pytest.raises(compiler.PolicyError, match=r"qinghai\.yaml.*software_copyright.*overlapping"):
        compiler.compile_all()


def test_a_quote_not_in_the_source_fails(policy_dir: Path) -> None:
    edit(policy_dir / "qinghai.yaml", lambda d: kind(d, "software_copyright")["cite"][0].update(quote="每获得1项软件著作权，可折算3个专业科目学时"))
    with pytest.raises(compiler.PolicyError, match=r"qinghai\.yaml:\d+: rule qinghai/software_copyright: cite.0.quote: 附件4 2025年 软件著作权: quoted words not found"):
        compiler.compile_all()


def test_a_citation_of_an_unknown_document_fails(policy_dir: Path) -> None:
    edit(policy_dir / "weihai.yaml", lambda d: kind(d, "xuexi_qiangguo")["cite"][0].update(doc="wh2011"))
    with pytest.raises(compiler.PolicyError, match="unknown document 'wh2011'"):
        compiler.compile_all()


def test_overlapping_requirements_fail(policy_dir: Path) -> None:
    edit(policy_dir / "weihai.yaml", lambda d: d["requirements"][1]["years"].update(to=2018))
    with pytest.raises(compiler.PolicyError, match="overlapping"):
        compiler.compile_all()


def test_json_schema_is_exported_for_editors() -> None:
    schema = (ROOT / "policies" / "schema.json").read_text(encoding="utf-8")
    assert '"kinds"' in schema and '"cite"' in schema


# -- names one part of a file gives another: a typo fails the compile with the file and line ------


def failing_line(policy_dir: Path, filename: str, pattern: str) -> str:
    """Compile, expect a failure matching `pattern` that names `filename` and a line; return that
    line of the file (so a test can check it is where the typo is)."""
    with pytest.raises(compiler.PolicyError) as caught:
        compiler.compile_all()
    message = str(caught.value)
    found = re.search(rf"{re.escape(filename)}:(\d+): [^\n]*{pattern}", message)
    assert found, message
    return (policy_dir / filename).read_text(encoding="utf-8").splitlines()[int(found.group(1)) - 1]


def exemption(data: dict, rule_id: str) -> dict:
    return next(e for e in data["readiness"]["exemptions"] if e["id"] == rule_id)


def test_a_misspelt_person_fact_in_an_exemption_fails_with_its_line(policy_dir: Path) -> None:
    edit(policy_dir / "qinghai.yaml", lambda d: exemption(d, "dual_title").update(person={"dual_titel": True}))
    line = failing_line(policy_dir, "qinghai.yaml", "names person fact 'dual_titel'")
    assert "dual_titel" in line


def test_a_misspelt_person_flag_of_a_make_up_fails(policy_dir: Path) -> None:
    edit(policy_dir / "qinghai.yaml", lambda d: d["make_up"][0].update(person_flag="reform_makeup"))
    line = failing_line(policy_dir, "qinghai.yaml", "person_flag 'reform_makeup'")
    assert "reform_makeup" in line


def test_a_misspelt_choice_of_a_person_fact_fails(policy_dir: Path) -> None:
    edit(policy_dir / "qinghai.yaml", lambda d: d["handoffs"][0].update(person={"industry": "helth"}))
    line = failing_line(policy_dir, "qinghai.yaml", "'helth' is not a choice of person fact 'industry'")
    assert "helth" in line


@pytest.mark.parametrize("where", ["exemption", "transfer", "window_conversion"])
def test_a_misspelt_kind_named_by_another_rule_fails(policy_dir: Path, where: str) -> None:
    def change(data: dict) -> None:
        if where == "exemption":
            exemption(data, "civil_servant_transfer")["kind_in_application_year"] = "civil_servant_transfr"
        elif where == "transfer":
            data["readiness"]["transfer"]["kind"] = "civil_servant_transfr"
        else:
            data["readiness"]["window_conversions"][0]["kind"] = "civil_servant_transfr"

    edit(policy_dir / "qinghai.yaml", change)
    line = failing_line(policy_dir, "qinghai.yaml", "names kind 'civil_servant_transfr'")
    assert "civil_servant_transfr" in line


def test_a_misspelt_field_in_a_table_row_fails(policy_dir: Path) -> None:
    edit(policy_dir / "hefei.yaml", lambda d: kind(d, "patent")["conversion"]["rows"][0]["when"].update(rnak=1))
    line = failing_line(policy_dir, "hefei.yaml", "names field 'rnak'")
    assert "rnak" in line


def test_a_person_fact_a_rule_uses_must_be_declared(policy_dir: Path) -> None:
    edit(policy_dir / "weihai.yaml", lambda d: d.pop("person"))
    failing_line(policy_dir, "weihai.yaml", "uses person fact 'tenure_start': declare it")


def test_a_person_fact_no_rule_uses_is_not_asked_for(policy_dir: Path) -> None:
    edit(policy_dir / "hefei.yaml", lambda d: d["person"].append({"name": "grassroots", "label": "基层", "type": "boolean"}))
    line = failing_line(policy_dir, "hefei.yaml", "person fact 'grassroots' is declared but no rule uses it")
    assert "grassroots" in line


def test_a_person_fact_means_the_same_in_every_policy(policy_dir: Path) -> None:
    def change(data: dict) -> None:
        data["person"].append({"name": "grassroots", "label": "基层", "type": "choice",
                               "choices": [{"value": "yes", "label": "是"}, {"value": "no", "label": "否"}]})
        data["readiness"]["exemptions"] = [{"id": "x", "label": "x", "person": {"grassroots": "yes"},
                                            "cite": data["requirements"][0]["cite"]}]

    edit(policy_dir / "hefei.yaml", change)
    with pytest.raises(compiler.PolicyError, match=r"person fact 'grassroots' is \('boolean'.*hefei\.yaml has \('choice'"):
        compiler.compile_all()


@pytest.mark.parametrize("where", ["dated value", "evidence", "filing", "dated reading"])
def test_every_citation_in_the_file_is_checked_against_the_source(policy_dir: Path, where: str) -> None:
    wrong = {"doc": "hf2021", "section": "附件3", "quote": "每年认定100学时"}

    def change(data: dict) -> None:
        if where == "dated value":
            kind(data, "aid_program")["conversion"]["amount"][1]["cite"] = [wrong]
        elif where == "evidence":
            kind(data, "medical_credits")["evidence"]["cite"] = [wrong]
        elif where == "filing":
            kind(data, "organised_training")["filing"]["cite"] = [wrong]
        else:
            kind(data, "aid_program")["readings"] = [{"years": {"from": 2015, "to": 2015}, "text": "x", "cite": [wrong]}]

    edit(policy_dir / "hefei.yaml", change)
    line = failing_line(policy_dir, "hefei.yaml", "quoted words not found")
    assert "每年认定100学时" in line


# -- once a year ---------------------------------------------------------------------------------

PER_YEAR_WORDS = re.compile(r"(每年|当年|全年)[^。；，,|]*?\d+\s*个?学时")
FIXED_AMOUNT = {"fixed", "whole_professional", "whole_professional_tenure", "complete_year", "complete_any_tenure_year"}


def fixed_amount(kind: dict) -> bool:
    conv = kind["conversion"]
    rows = conv.get("rows", []) if conv["method"] == "table" else []
    return conv["method"] in FIXED_AMOUNT or any(r.get("hours") is not None or r.get("effect") for r in rows)


def all_kinds():
    for pid, policy in ruledata.rules()["policies"].items():
        for k in policy["kinds"]:
            yield pytest.param(pid, k, id=f"{pid}/{k['id']}")


@pytest.mark.parametrize("policy, rule", list(all_kinds()))
def test_no_rule_whose_words_give_a_per_year_amount_lacks_the_once_a_year_field(policy: str, rule: dict) -> None:
    """A fixed amount must say whether it is given once per year or once per entry; a rule whose
    clause gives an amount per year (每年…学时, 当年…学时, 全年…学时) must say it too, unless that
    amount is its per-year cap (每年最多…, 不超过…)."""
    if fixed_amount(rule):
        assert "once_per_year" in rule, "a fixed amount must declare once_per_year (true or false)"
    words = " ".join(c["quote"] for c in rule["cite"])
    if PER_YEAR_WORDS.search(words):
        assert "once_per_year" in rule or rule.get("cap") is not None, words


def test_the_three_named_once_a_year_rules_are_once_a_year() -> None:
    rules = ruledata.rules()["policies"]
    for pid, kid in [("weihai", "xuexi_qiangguo"), ("qinghai", "degree_study"), ("hefei", "aid_program")]:
        assert next(k for k in rules[pid]["kinds"] if k["id"] == kid)["once_per_year"] is True


def once_a_year_kinds():
    for pid, policy in ruledata.rules()["policies"].items():
        for k in policy["kinds"]:
            if k.get("once_per_year") and k["conversion"]["method"] in ("fixed", "table"):
                yield pytest.param(pid, k, id=f"{pid}/{k['id']}")


@pytest.mark.parametrize("policy, rule", list(once_a_year_kinds()))
def test_a_once_a_year_amount_entered_twice_counts_once_and_says_why(policy: str, rule: dict) -> None:
    from conftest import kind_hours, run, year_of

    entry = next(a for e in rule["examples"] for a in e["activities"] if a["kind"] == rule["id"])
    once = run(policy, entry)
    twice = run(policy, entry, dict(entry))
    assert twice["errors"] == []
    assert kind_hours(twice, entry["year"], rule["id"]) == kind_hours(once, entry["year"], rule["id"]) > 0
    second = [l for l in year_of(twice, entry["year"])["lines"] if l["activity"] == 1][0]
    assert second["hours"] == 0 and "每年只计一次" in second["note"]


# -- person facts: each region asks for the facts its rules use --------------------------------


def test_each_region_asks_only_for_the_person_facts_its_rules_use() -> None:
    import calc

    asked = {pid: [f["name"] for f in calc.catalogue(pid)["person"]] for pid in ("qinghai", "weihai", "hefei", "hohhot")}
    assert "accounting_platform" in asked["qinghai"] and "industry" in asked["qinghai"]
    assert all("accounting_platform" not in asked[pid] for pid in ("weihai", "hefei", "hohhot"))
    assert asked["hefei"] == ["tenure_start", "transferred_in_year"]
    assert set(asked["hohhot"]) == {"gender", "birth_date", "sector", "grassroots"}
    assert asked["weihai"] == ["tenure_start"]


def test_every_person_fact_of_the_format_is_accepted_in_every_region() -> None:
    from conftest import run

    person = {"gender": "female", "birth_date": "1980-01-01", "sector": "non_public", "grassroots": True,
              "tenure_start": 2020, "dual_title": False, "high_skill_leader": False, "accounting_platform": True,
              "reform_make_up": False, "industry": "health", "transferred_in_year": 2021}
    for pid in ("qinghai", "xining", "weihai", "hefei", "hohhot"):
        assert run(pid, person=person)["errors"] == [], pid
