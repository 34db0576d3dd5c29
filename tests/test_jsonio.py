"""calc/jsonio.py: untrusted JSON text read within the limits — size and nesting checked before
anything is parsed, NaN/Infinity refused, an integer too long to convert standing as one beyond
every limit — and reports written as JSON that is always valid UTF-8 (a lone surrogate the input
carried written as its escape). (calc.evaluate_json over the whole path: tests/test_errors.py.)"""

from __future__ import annotations

import json

import pytest

from calc import limits
from calc.jsonio import catalogue_json, compare_json, error_report, evaluate_json, parse, to_json

SCENARIO = {"version": 1, "policy": "qinghai", "activities": [{"kind": "public_course", "year": 2025, "hours": 30}]}


def refused(text: str) -> str:
    value, problem = parse(text)
    assert value is None and problem["field"] is None, problem
    return problem["code"]


def test_a_scenario_is_parsed_as_it_is() -> None:
    assert parse(json.dumps(SCENARIO)) == (SCENARIO, None)


def test_more_than_the_size_limit_is_refused_counted_in_utf8_bytes() -> None:
    assert refused(" " * (limits.MAX_SCENARIO_BYTES + 1)) == "file_too_large"
    # fewer characters than the limit, more bytes: 中 is three
    assert refused('"' + "中" * (limits.MAX_SCENARIO_BYTES // 3 + 1) + '"') == "file_too_large"


def test_nesting_deeper_than_the_limit_is_refused_before_parsing() -> None:
    depth = limits.MAX_DEPTH
    assert parse("[" * depth + "]" * depth)[1] is None
    assert refused("[" * (depth + 1) + "]" * (depth + 1)) == "too_deep"


@pytest.mark.parametrize("text", ['{"hours": NaN}', '{"hours": Infinity}', '{"hours": 1,}', "", "{'hours': 1}"])
def test_what_is_not_json_is_json_invalid(text) -> None:
    assert refused(text) == "json_invalid"


def test_an_error_says_where_the_text_stops_being_json() -> None:
    assert "（第1行第13列）" in parse('{"hours": 1,}')[1]["message"]


def test_an_integer_too_long_to_convert_stands_as_one_beyond_every_limit() -> None:
    digits = limits.MAX_NUMBER_DIGITS
    assert parse("9" * digits)[0] == int("9" * digits)
    huge, negative = parse("9" * (digits + 1))[0], parse("-" + "9" * (digits + 1))[0]
    assert huge > limits.MAX_NUMBER and negative < 0 and huge == -negative


def test_a_lone_surrogate_is_written_as_its_escape_and_reads_back_the_same() -> None:
    text = to_json({"title": "\udfff", "name": "中"})
    assert text.encode("utf-8") == b'{"title": "\\udfff", "name": "\xe4\xb8\xad"}'
    assert json.loads(text) == {"title": "\udfff", "name": "中"}
    assert to_json({"name": "中"}, indent=1) == '{\n "name": "中"\n}'


def test_the_browsers_entry_points_answer_json_for_any_text() -> None:
    report = json.loads(evaluate_json(json.dumps(SCENARIO), "2025-07-01"))
    assert report["today"] == "2025-07-01" and report["years"][0]["public"] == 30
    broken = json.loads(evaluate_json("{", "2025-07-01"))
    assert broken["years"] == [] and [e["code"] for e in broken["errors"]] == ["json_invalid"]
    assert error_report(broken["errors"][0], "2025-07-01")["today"] == "2025-07-01"
    assert json.loads(compare_json("[" * 40, "2025-07-01"))["errors"][0]["code"] == "too_deep"
    assert json.loads(catalogue_json("hefei"))["policy"] == "hefei"
