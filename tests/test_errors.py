"""Bad input: every problem is a clear Chinese message, and nothing else the user entered is lost."""

from __future__ import annotations

import json

import calc
from calc import limits
from conftest import run, year_of

GOOD = {"kind": "public_course", "year": 2025, "hours": 30}


def only_error(report: dict) -> dict:
    assert len(report["errors"]) == 1, report["errors"]
    return report["errors"][0]


def test_unknown_kind_is_reported_and_the_rest_still_computed() -> None:
    report = run("qinghai", GOOD, {"kind": "teleportation", "year": 2025})
    error = only_error(report)
    assert error == {"activity": 1, "field": "kind", "code": "kind_unknown", "message": error["message"]}
    assert "teleportation" in error["message"]
    assert year_of(report, 2025)["public"] == 30


def test_activity_without_a_kind_asks_for_one() -> None:
    # a card just added on the page has no kind yet
    for blank in ({"kind": "", "year": 2025}, {"year": 2025}):
        error = only_error(run("qinghai", GOOD, blank))
        assert error["field"] == "kind" and error["message"] == "第2条活动：还没有选择活动类型，未计算。"


def test_kind_not_valid_that_year() -> None:
    error = only_error(run("qinghai", {"kind": "paper", "year": 2021, "authorship": "sole"}))
    assert error["field"] == "year" and "2022年起" in error["message"]


def test_missing_field() -> None:
    error = only_error(run("qinghai", {"kind": "patent", "year": 2025, "type": "invention"}))
    assert error["field"] == "rank" and "缺少" in error["message"]


def test_negative_number() -> None:
    error = only_error(run("qinghai", GOOD, {"kind": "party_school", "year": 2025, "days": -3}))
    assert error["activity"] == 1 and error["field"] == "days" and "负数" in error["message"]


def test_bad_year() -> None:
    for year in (0, 99999, "2025", 2025.5, None, True):
        error = only_error(run("qinghai", {"kind": "public_course", "year": year, "hours": 1}))
        assert error["field"] == "year", year


def test_unknown_field_in_an_activity_is_a_typo_not_silently_ignored() -> None:
    error = only_error(run("qinghai", {"kind": "public_course", "year": 2025, "hours": 30, "hour": 3}))
    assert error["field"] == "hour"


def test_extra_is_the_place_for_the_users_own_fields() -> None:
    report = run("qinghai", {**GOOD, "extra": {"anything": [1, 2]}, "title": "<script>alert(1)</script>"})
    assert report["errors"] == [] and year_of(report, 2025)["public"] == 30


def test_one_of_hours_or_days() -> None:
    error = only_error(run("qinghai", {"kind": "training", "year": 2025}))
    assert "或" in error["message"]


def test_choice_must_be_one_of_the_listed_values() -> None:
    error = only_error(run("qinghai", {"kind": "patent", "year": 2025, "type": "design", "rank": 1}))
    assert error["field"] == "type" and "invention" in error["message"]


def test_nan_infinity_and_strings_where_numbers_belong() -> None:
    for value in (float("nan"), float("inf"), 1e308, -1e308, "30", [30], {"h": 1}):
        error = only_error(run("qinghai", {"kind": "public_course", "year": 2025, "hours": value}))
        assert error["field"] == "hours", value


def test_json_text_with_nan_is_rejected_as_invalid() -> None:
    report = json.loads(calc.evaluate_json('{"version": 1, "policy": "qinghai", "activities": [{"kind": "public_course", "year": 2025, "hours": NaN}]}'))
    assert report["years"] == [] and "JSON" in report["errors"][0]["message"]


def test_unusable_scenarios_give_an_error_report_not_a_traceback() -> None:
    for raw in (None, [], "text", 42, {"version": 2, "policy": "qinghai"}, {"version": 1, "policy": "mars"}, {"version": 1}):
        report = calc.evaluate(raw)
        assert report["years"] == [] and report["errors"][0]["message"], raw


def test_unknown_region_names_the_known_ones() -> None:
    message = calc.evaluate({"version": 1, "policy": "mars"})["errors"][0]["message"]
    assert "qinghai" in message and "hefei" in message


def test_invalid_json_text() -> None:
    for text in ("", "{", "not json", "[" * 100000):
        report = json.loads(calc.evaluate_json(text))
        assert report["years"] == [] and "JSON" in report["errors"][0]["message"]


def test_too_many_activities_are_kept_but_not_computed() -> None:
    many = [GOOD] * (limits.MAX_ACTIVITIES + 10)
    report = run("qinghai", *many)
    assert any(e["field"] == "activities" for e in report["errors"])
    assert year_of(report, 2025)["public"] == 30 * limits.MAX_ACTIVITIES


def test_bad_target_keeps_the_years_and_explains() -> None:
    report = run("qinghai", GOOD, target={"type": "review", "level": "chief", "year": 2025})
    assert report["readiness"]["status"] == "unknown" and any(e["field"] == "target.level" for e in report["errors"])
    assert year_of(report, 2025)["public"] == 30


def test_bad_person_fields_are_ignored_with_a_message() -> None:
    report = run("qinghai", GOOD, person={"gender": "x", "tenure_start": "last year", "nickname": "a"})
    assert {e["field"] for e in report["errors"]} == {"person.gender", "person.tenure_start", "person.nickname"}


def test_bad_user_requirement_is_ignored_with_a_message() -> None:
    report = run("qinghai", GOOD, requirements={"2023": {"public": -1, "professional": 60}, "abc": {}})
    assert len(report["errors"]) == 2


def test_unknown_top_level_field() -> None:
    report = calc.evaluate({"version": 1, "policy": "qinghai", "activites": []})
    assert report["errors"][0]["field"] == "activites"


def test_requirement_year_keys_must_be_ascii_digits() -> None:
    report = run("qinghai", GOOD, requirements={"²": None, "２０２３": {"public": 1, "professional": 1}})
    assert len(report["errors"]) == 2 and year_of(report, 2025)["public"] == 30


def test_every_error_carries_a_stable_code() -> None:
    """Programs test the code, never the words (calc/errors.py lists every code)."""
    from calc.errors import ERROR_CODES

    cases = [
        "[]", "{", '{"version": 2}', '{"version": 1, "policy": "nowhere"}',
        json.dumps({"version": 1, "policy": "qinghai", "person": [], "target": {"type": "x"}, "oops": 1,
                    "requirements": {"20x5": {}}, "activities": [1, {"year": 2025}, {"kind": "x", "year": 2025},
                                                                 {"kind": "paper", "year": 2021},
                                                                 {"kind": "patent", "year": 2025, "type": "invention"}]}),
    ]
    seen = set()
    for text in cases:
        for entry in json.loads(calc.evaluate_json(text))["errors"]:
            assert entry["code"] in ERROR_CODES, entry
            seen.add(entry["code"])
    assert {"not_an_object", "json_invalid", "version_unsupported", "policy_unknown", "person_invalid",
            "value_invalid", "field_unknown", "year_invalid", "activity_invalid",
            "kind_missing", "kind_unknown", "kind_not_in_year", "field_missing"} <= seen


def test_a_missing_module_has_its_own_code(monkeypatch) -> None:
    """The browser's snapshot starts without the standard library on disk; the worker installs it
    when calc reports `module_missing`, and retries (docs/calculator/worker.js)."""
    from calc import report

    def broken(raw):
        raise ModuleNotFoundError("No module named 'decimal'")

    monkeypatch.setattr(report, "build", broken)
    entry = only_error(report.evaluate({}))
    assert entry["code"] == "module_missing" and "内部错误" in entry["message"]
    assert '"code": "module_missing"' in json.dumps(report.evaluate({}), ensure_ascii=False)
