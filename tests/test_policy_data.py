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
