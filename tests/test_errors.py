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
    """In the words a person knows them by, never the ids of the format (issue 11)."""
    message = calc.evaluate({"version": 1, "policy": "mars"})["errors"][0]["message"]
    assert "青海省" in message and "合肥市" in message and "西宁市（按青海省的规定）" in message
    assert "qinghai" not in message and "hefei" not in message


def test_a_version_it_cannot_read_is_said_in_plain_words() -> None:
    """Not “情景格式版本” (issue 11): what the file is, and what to use instead."""
    missing = calc.evaluate({"policy": "hefei", "activities": []})["errors"][0]["message"]
    other = calc.evaluate({"version": 2, "policy": "hefei", "activities": []})["errors"][0]["message"]
    assert "情景" not in missing + other
    assert "不是本站的学时记录" in missing and "导出文件" in missing
    assert "版本号是 2" in other and "只能读取版本 1" in other


def test_invalid_json_text() -> None:
    for text in ("", "{", "not json"):
        report = json.loads(calc.evaluate_json(text))
        assert report["years"] == [] and "JSON" in report["errors"][0]["message"]
        assert report["errors"][0]["code"] == "json_invalid"


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

    def broken(raw, today=None):
        raise ModuleNotFoundError("No module named 'decimal'")

    monkeypatch.setattr(report, "build", broken)
    entry = only_error(report.evaluate({}))
    assert entry["code"] == "module_missing" and "内部错误" in entry["message"]
    assert '"code": "module_missing"' in json.dumps(report.evaluate({}), ensure_ascii=False)


# ---- issue 15: limits before any work, numbers and fields never silently miscounted ----------


def codes(report: dict) -> list[tuple[object, str]]:
    return [(e["field"], e["code"]) for e in report["errors"]]


def test_deep_nesting_is_refused_before_parsing_extra_included() -> None:
    """A share link with 2,900 levels inside `extra` crashed Python in the browser (its stack is
    small): the depth is counted on the text, before the parser recurses."""
    for text in ('{"version": 1, "policy": "qinghai", "extra": ' + "[" * 2900 + "]" * 2900 + "}", "[" * 100000, "{\"a\":" * 5000):
        report = json.loads(calc.evaluate_json(text))
        assert report["years"] == [] and codes(report) == [(None, "too_deep")]
        assert str(limits.MAX_DEPTH) in report["errors"][0]["message"]
    # brackets inside strings are text, not nesting
    ok = {"version": 1, "policy": "qinghai", "activities": [{**GOOD, "title": "[" * 1500}], "extra": {"a": [[[1]]]}}
    assert json.loads(calc.evaluate_json(json.dumps(ok)))["errors"] == []


def test_deep_nesting_given_as_python_objects_is_refused_too() -> None:
    deep: list = []
    for _ in range(limits.MAX_DEPTH + 5):
        deep = [deep]
    assert codes(calc.evaluate({"version": 1, "policy": "qinghai", "extra": deep})) == [(None, "too_deep")]
    cyclic: dict = {"version": 1, "policy": "qinghai", "activities": [GOOD]}
    cyclic["extra"] = cyclic
    assert codes(calc.evaluate(cyclic)) == [(None, "too_deep")]


def test_nesting_depth_counts_brackets_outside_strings() -> None:
    from calc import nesting_depth

    assert nesting_depth('{"a": [1, {"b": "]]]}}[[[\\"["}]}') == 3
    assert nesting_depth("42") == 0


def test_the_depth_check_is_linear_on_adversarial_text() -> None:
    """Issue 22: a 138-character #z= link hung the calculator for 30 s. The check stripped strings
    with a regular expression that backtracks quadratically on a string left open after escaped
    quotes (\" repeated): 80 KB took 23.6 s. 2 MB of each shape must take well under the bound
    (generous, so only super-linear behaviour can fail it, never a busy machine)."""
    import time

    from calc import nesting_depth

    size = 2_000_000
    shapes = ['"' + '\\"' * (size // 2), '"' + "\\" * (size // 2), "[" + '"\\"' * (size // 3), '"' * size, "\\" * size]
    for text in shapes:
        started = time.process_time()
        nesting_depth(text)
        assert time.process_time() - started < 10, text[:20]
        report = json.loads(calc.evaluate_json(text))
        assert report["years"] == [] and report["errors"]
    assert nesting_depth('"\\\\"[[') == 2  # an escaped backslash ends before the quote closes


def test_an_integer_too_large_for_a_float_names_its_field_and_the_rest_counts() -> None:
    """10**400 made the core answer OverflowError and drop every activity."""
    huge = 10**400
    report = run("qinghai", GOOD, {"kind": "public_course", "year": 2025, "hours": huge},
                 requirements={"2025": {"public": huge, "professional": 60}})
    assert codes(report) == [("requirements.2025.public", "number_invalid"), ("hours", "value_invalid")]
    assert "10000000" in report["errors"][1]["message"]
    assert year_of(report, 2025)["public"] == 30
    for year in (huge, -huge):
        error = only_error(run("qinghai", {"kind": "public_course", "year": year, "hours": 1}))
        assert error["field"] == "year" and "过大" in error["message"]


def test_numbers_in_the_json_text_longer_than_python_converts_are_too_large_not_invalid_json() -> None:
    text = json.dumps({"version": 1, "policy": "qinghai", "activities": [GOOD, {**GOOD, "hours": 0}]}).replace('"hours": 0', '"hours": 1' + "0" * 5000)
    report = json.loads(calc.evaluate_json(text))
    assert codes(report) == [("hours", "value_invalid")] and year_of(report, 2025)["public"] == 30
    text = text.replace('"hours": 1' + "0" * 5000, '"hours": 1e400')  # read as infinity
    report = json.loads(calc.evaluate_json(text))
    assert codes(report) == [("hours", "value_invalid")] and "超出范围" in report["errors"][0]["message"]


def test_a_year_beyond_a_double_is_too_large_not_a_malformed_year() -> None:
    """1e400 reads as infinity: 任现职 and an activity's year said “必须是四位整数年份”, as if the
    person had typed a word; the number is there, it is too large (issue 22 item 2)."""
    text = json.dumps({"version": 1, "policy": "qinghai", "person": {"tenure_start": 0},
                       "target": {"type": "review", "level": "intermediate", "year": 2025},
                       "activities": [GOOD, {**GOOD, "year": 0}]})
    text = text.replace('"tenure_start": 0', '"tenure_start": 1e400').replace('"year": 0', '"year": -1e400')
    report = json.loads(calc.evaluate_json(text, "2025-07-01"))
    assert codes(report) == [("person.tenure_start", "year_invalid"), ("year", "year_invalid")]
    for error in report["errors"]:
        assert "超出范围" in error["message"] and "四位整数" not in error["message"]
    assert year_of(report, 2025)["public"] == 30  # the good entry still counts


def test_null_in_a_required_field_is_missing_not_zero_hours() -> None:
    report = run("qinghai", GOOD, {"kind": "patent", "year": 2025, "type": None, "rank": None},
                 {"kind": "public_course", "year": None, "hours": 3}, {"kind": "public_course", "year": 2025, "hours": None})
    assert codes(report) == [("type", "field_missing"), ("rank", "field_missing"), ("year", "field_missing"), ("hours", "field_missing")]
    assert all("缺少" in e["message"] for e in report["errors"])
    report = run("qinghai", GOOD, target={"type": None, "level": "intermediate", "year": 2025},
                 requirements={"2024": {"public": None, "professional": 60}})
    assert ("target.type", "field_missing") in codes(report) and ("requirements.2024.public", "field_missing") in codes(report)


def test_version_must_be_the_integer_one() -> None:
    for version in (True, 1.0, "1", None, 2, 10**400):
        report = calc.evaluate({"version": version, "policy": "qinghai", "activities": [GOOD]})
        assert codes(report) == [("version", "version_unsupported")], version


def test_application_date_outside_the_application_year() -> None:
    """呼和浩特, year 2022 with date 2040-01-01, came out exempt at age 70."""
    report = run("hohhot", target={"type": "review", "level": "intermediate", "year": 2022, "date": "2040-01-01"},
                 person={"gender": "male", "birth_date": "1970-01-01"})
    assert ("target.date", "date_not_in_year") in codes(report)
    assert report["readiness"]["status"] != "exempt"


def test_requirement_figures_have_at_most_one_decimal_like_the_notices() -> None:
    report = run("qinghai", GOOD, requirements={"2024": {"public": 30.25, "professional": 60}, "2023": {"public": 30.5, "professional": 60}})
    assert codes(report) == [("requirements.2024.public", "number_invalid")]
    assert year_of(report, 2023)["required"]["public"] == 30.5


def test_dates_are_read_as_people_in_china_write_them_and_nothing_else() -> None:
    # issue 21: one date reader (calc/dates.py) for the form's fields and the unit batch check
    target = {"type": "review", "level": "intermediate", "year": 2025}
    for text in ("2025-W01-1", "2025-02-30", "25-01-01", "1 May 2025", "2025年13月1日"):
        report = run("qinghai", GOOD, person={"birth_date": text}, target={**target, "date": text})
        assert ("person.birth_date", "date_invalid") in codes(report), text
        assert ("target.date", "date_invalid") in codes(report), text
    for text in ("2025-06-01", "2025/6/1", "2025.6.1", "20250601", "2025年6月1日", "２０２５-06-01", "2025-06-01T00:00"):
        report = run("qinghai", GOOD, person={"birth_date": "1970/5/1"}, target={**target, "date": text})
        assert report["errors"] == [], text
        assert report["dates"] == {"person.birth_date": {"value": "1970-05-01", "text": "1970年5月1日"},
                                   "target.date": {"value": "2025-06-01", "text": "2025年6月1日"}}
    # a birth date given to the month (出生年月) leaves the day open; an application date may not
    report = run("hohhot", person={"birth_date": "1970年5月"}, target={**target, "year": 2022, "date": "2022-06"})
    assert codes(report) == [("target.date", "date_invalid")]
    assert report["dates"]["person.birth_date"] == {"value": "1970-05", "text": "1970年5月"}


def test_a_birth_date_on_or_after_the_application_date_or_before_1900_is_ignored() -> None:
    target = {"type": "review", "level": "intermediate", "year": 2025, "date": "2025-06-01"}
    for born in ("2025-06-01", "2030-01-01", "1899-12-31"):
        report = run("qinghai", GOOD, person={"gender": "female", "birth_date": born}, target=target)
        assert codes(report) == [("person.birth_date", "date_out_of_range")], born
    assert run("qinghai", GOOD, person={"gender": "female", "birth_date": "1970-05-01"}, target=target)["errors"] == []


def test_a_number_typed_another_way_is_named_with_what_was_typed() -> None:
    for typed in ("1e3", "1,000", "１２"):
        error = only_error(run("qinghai", {"kind": "public_course", "year": 2025, "hours": typed}))
        assert error["field"] == "hours" and typed in error["message"], typed


def test_thousands_of_errors_are_listed_up_to_the_limit_and_counted() -> None:
    report = calc.evaluate({"version": 1, "policy": "qinghai", "activities": [GOOD], "person": {f"k{i}": 1 for i in range(3000)}})
    assert len(report["errors"]) == limits.MAX_ERRORS
    assert report["errors"][-1]["code"] == "too_many" and "2001" in report["errors"][-1]["message"]
    assert year_of(report, 2025)["public"] == 30


def test_a_lone_surrogate_is_written_as_its_escape_so_the_json_is_valid_utf8() -> None:
    text = calc.evaluate_json('{"version": 1, "policy": "qinghai", "activities": [{"kind": "\\udfff", "year": 2025}], "\\ud800": 1}')
    text.encode("utf-8")  # no lone surrogate left in the text itself
    report = json.loads(text)
    assert {e["code"] for e in report["errors"]} == {"kind_unknown", "field_unknown"}
    assert "\udfff" in report["errors"][1]["message"] or "\udfff" in report["errors"][0]["message"]


def test_limits_are_one_catalogue() -> None:
    table = limits.as_dict()
    assert table["MAX_TEXT"] == limits.MAX_TEXT and table["MAX_DEPTH"] == limits.MAX_DEPTH
    assert all(isinstance(v, int) for v in table.values())


def test_a_number_kept_as_text_says_what_is_wrong_with_it() -> None:
    """The page keeps a typed number it cannot take as text: a number beyond a double (1 and 400
    zeros) is too large; "12" in quotes, from a hand-edited file, is text."""
    too_large = only_error(run("qinghai", {"kind": "public_course", "year": 2025, "hours": "1" + "0" * 400}))
    assert "超出范围" in too_large["message"] and too_large["field"] == "hours"
    quoted = only_error(run("qinghai", {"kind": "public_course", "year": 2025, "hours": "12"}))
    assert "引号" in quoted["message"]
