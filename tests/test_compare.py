"""The comparison across regions (calc/compare.py, issue 11): an entry made under one notice is
carried to another's rules with its amount in that notice's unit, what that notice would need and
this one does not ask for is assumed and said, and what has no counterpart is left out and said.
Each test is one worked example with the notices' own numbers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

import calc
from calc.compare import compare, counterpart, family
from calc import ruledata

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "calc" / "schemas"
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json"))


def region(result: dict, policy: str) -> dict:
    return next(r for r in result["regions"] if r["policy"] == policy)


def entry(result: dict, policy: str, index: int) -> dict:
    return next(e for e in region(result, policy)["entries"] if e["activity"] == index)


def year(result: dict, policy: str, number: int) -> dict:
    return next(y for y in region(result, policy)["report"]["years"] if y["year"] == number)


def scenario(policy: str, *activities: dict, **more) -> dict:
    return {"version": 1, "policy": policy, "activities": list(activities), **more}


def test_hefei_public_courses_of_30_hours_are_hours_elsewhere():
    # 合肥 三: 公需课每门30学时. Two courses are 60 学时 in 青海 (按证书记载学时计).
    result = compare(scenario("hefei", {"kind": "public_course", "year": 2025, "count": 2}))
    assert year(result, "qinghai", 2025)["public"] == 60
    carried = entry(result, "qinghai", 0)
    assert carried["state"] == "carried" and carried["kind"] == "public_course"
    assert "2门按合肥市的规定计 60 学时" in carried["text"]


def test_hours_elsewhere_are_hefei_certificate_hours():
    # 合肥 附件3 counts 公需课 30学时/门, and its certificates print hours: 青海's 45 学时 of 公需 are
    # 45 学时 of the certificate there; the number of courses, unused then, is not assumed.
    result = compare(scenario("qinghai", {"kind": "public_course", "year": 2025, "hours": 45}))
    assert year(result, "hefei", 2025)["public"] == 45
    carried = entry(result, "hefei", 0)
    assert carried["state"] == "carried" and "门" not in (carried["text"] or "")


def test_a_whole_unit_is_never_rounded_up():
    # A region counting 公需课 only by 门 of 30 学时 (合肥 附件3 without the certificate's hours):
    # 45 学时 are 1门, and the 15 left over are said.
    from calc.compare import convert_amount, quantity_fields

    hefei, qinghai = ruledata.resolve("hefei"), ruledata.resolve("qinghai")
    kind = ruledata.kind_for(hefei, "public_course", 2025)
    by_course = {**kind, "fields": [f for f in kind["fields"] if f["name"] == "count"],
                 "conversion": {"method": "per_unit", "field": "count", "rate": 30}}
    source = ruledata.kind_for(qinghai, "public_course", 2025)
    field, value, words = convert_amount({"year": 2025, "hours": 45}, source, quantity_fields(by_course), 45, qinghai, hefei)
    assert (field, value) == ("count", 1)
    assert "计为 1门" in words and "余下 15 学时不足 1门，不计" in words


def test_qinghai_training_days_are_seven_hours_each_for_a_region_counting_hours():
    # 青海 附件4 培训进修: 每天7学时. Three days are 21 学时 of 合肥's training organised by the
    # province's departments (the kind 合肥's rule data names as others' professional_course).
    result = compare(scenario("qinghai", {"kind": "training", "year": 2025, "days": 3}))
    carried = entry(result, "hefei", 0)
    assert carried["kind"] == "organised_training"
    assert year(result, "hefei", 2025)["professional"] == 21
    assert "3天按青海省的规定计 21 学时" in carried["text"]
    # 合肥 三 counts training only when filed; 青海's training has no such box: assumed, and said
    assert "假定“已事前报市人社局备案" in carried["text"] and "青海省的记录中没有" in carried["text"]


def test_a_field_the_other_notice_needs_and_this_one_lacks_leaves_the_entry_out():
    # 合肥 counts a paper by journal level and length (每千字5学时); 青海's entry has neither.
    result = compare(scenario("qinghai", {"kind": "paper", "year": 2025, "authorship": "sole", "count": 1}))
    left = entry(result, "hefei", 0)
    assert left["state"] == "not_carried" and left["kind"] is None
    assert "“刊物级别”、“论文字数”" in left["text"]
    assert region(result, "hefei")["report"]["years"] == []


def test_an_activity_without_counterpart_is_said_so():
    # 呼和浩特 三(四) 公务员转任 has no counterpart in 合肥's notice.
    result = compare(scenario("hohhot", {"kind": "civil_servant_transfer", "year": 2021}))
    left = entry(result, "hefei", 0)
    assert left["state"] == "not_carried"
    assert "合肥市的规定中没有与“党政机关工作人员转任到企事业单位专业技术岗位”对应的类型" in left["text"]
    # 青海 has the same kind: it goes over as it is (only its name there is said)
    assert entry(result, "qinghai", 0)["kind"] == "civil_servant_transfer"


def test_same_kind_same_fields_goes_over_and_a_patent_keeps_its_rank():
    # 合肥 发明专利第1名72学时; 青海 发明专利第1-3名60学时.
    result = compare(scenario("hefei", {"kind": "patent", "year": 2024, "type": "invention", "rank": 1}))
    assert year(result, "hefei", 2024)["professional"] == 72
    assert year(result, "qinghai", 2024)["professional"] == 60


def test_the_regions_own_figures_are_not_carried_to_another_region():
    result = compare(scenario("qinghai", {"kind": "public_course", "year": 2023, "hours": 30},
                              requirements={"2023": {"public": 30, "professional": 60}}))
    assert year(result, "qinghai", 2023)["required_source"] == "user"
    assert year(result, "weihai", 2023)["required_source"] == "policy"
    assert "没有带入威海市" in region(result, "weihai")["notes"][0]


def test_the_own_region_is_first_and_computed_as_it_is():
    for path in EXAMPLES:
        raw = json.loads(path.read_text("utf-8"))
        result = compare(raw)
        home = result["regions"][0]
        assert home["home"] and home["policy"] == raw["policy"]
        assert home["report"] == calc.evaluate(raw)
        assert all(e["state"] == "same" for e in home["entries"])
        assert len(result["regions"]) == len(ruledata.rules()["policies"])  # an alias stands for its region


def test_activity_indices_are_the_users_own():
    # the paper (index 1) is left out of 合肥; the course after it keeps index 2 in 合肥's report
    result = compare(scenario("qinghai",
                              {"kind": "public_course", "year": 2025, "hours": 30},
                              {"kind": "paper", "year": 2025, "authorship": "sole", "count": 1},
                              {"kind": "professional_course", "year": 2025, "hours": 60}))
    lines = [line for y in region(result, "hefei")["report"]["years"] for line in y["lines"]]
    assert sorted(line["activity"] for line in lines) == [0, 2]


def test_counterparts_follow_the_rule_data():
    rules = ruledata.rules()["policies"]
    organised = ruledata.kind_versions(rules["hefei"], "organised_training")[0]
    assert family(organised) == "professional_course"
    # in a region that has both professional_course and training, the kind of the family's own id is taken
    assert counterpart(organised, rules["qinghai"], 2025)["id"] == "professional_course"
    assert counterpart(ruledata.kind_versions(rules["qinghai"], "training")[0], rules["hefei"], 2025)["id"] == "organised_training"


def test_compare_as_names_a_kind_another_region_has():
    """A `compare_as` that no other region's kind answers to would carry nothing: a typo."""
    rules = ruledata.rules()["policies"]
    for pid, policy in rules.items():
        for kind in policy["kinds"]:
            if kind.get("compare_as"):
                assert kind["compare_as"] != kind["id"], (pid, kind["id"])
                others = [k for q, p in rules.items() if q != pid for k in p["kinds"]]
                assert any(k["id"] == kind["compare_as"] or family(k) == kind["compare_as"] for k in others), (pid, kind["id"])


def validator() -> Draft202012Validator:
    registry = Registry()
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text("utf-8"))
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
    schema = json.loads((SCHEMAS / "compare.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry)


def test_the_comparison_fits_its_schema():
    check = validator()
    cases = [json.loads(p.read_text("utf-8")) for p in EXAMPLES]
    cases += [scenario("qinghai", {"kind": "training", "year": 2025, "days": 3},
                       {"kind": "paper", "year": 2025, "authorship": "sole", "count": 1},
                       requirements={"2023": {"public": 30, "professional": 60}})]
    for raw in cases:
        result = json.loads(calc.compare_json(json.dumps(raw, ensure_ascii=False)))
        assert [e.message[:200] for e in check.iter_errors(result)] == [], raw.get("policy")
    for text in ["{", "[]", '{"version": 1, "policy": "atlantis", "activities": []}']:
        result = json.loads(calc.compare_json(text))
        assert result["regions"] == [] and result["errors"], text
        assert [e.message for e in check.iter_errors(result)] == [], text


def test_command_line_compare():
    path = ROOT / "docs" / "examples" / "hefei_2021.json"
    out = subprocess.run([sys.executable, "-S", "-m", "calc", "compare", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "== 合肥市：" in out.stdout and "== 青海省：" in out.stdout and "1门按合肥市的规定计 30 学时" in out.stdout
    out = subprocess.run([sys.executable, "-S", "-m", "calc", "compare", str(path), "--json"], cwd=ROOT, capture_output=True, text=True)
    assert json.loads(out.stdout)["regions"][0]["policy"] == "hefei"


def test_a_planned_entry_stays_planned_in_every_region():
    # issue 11: planned hours are not done hours, in the comparison as in the calculator.
    result = compare(scenario("hefei", {"kind": "public_course", "year": 2025, "count": 1, "planned": True},
                              target={"type": "review", "level": "intermediate", "year": 2025}))
    for other in ("hefei", "qinghai", "weihai", "hohhot"):
        assert year(result, other, 2025)["public"] == 0, other
        assert "计划" in year(result, other, 2025)["planned_text"], other


def test_compare_lists_no_more_activities_than_a_calculation_computes() -> None:
    """Issue 22: 30,000 activities were all carried and listed (over 2 s of CPU); the comparison
    stops where the calculation does and says so."""
    import time

    from calc import limits

    raw = {"version": 1, "policy": "qinghai", "activities": [{"kind": "public_course", "year": 2025, "hours": 1}] * 30_000}
    started = time.process_time()
    result = compare(raw, "2025-07-01")
    assert time.process_time() - started < 30  # bounded by the limit: only super-linear work could reach this
    for entry in result["regions"]:
        assert len(entry["entries"]) == limits.MAX_ACTIVITIES
        assert any("其余 29500 条" in note for note in entry["notes"]), entry["name"]
