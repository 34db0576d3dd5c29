"""JSON in and out: untrusted text read into a scenario within the limits (size, nesting, numbers
too long to convert) before anything is parsed, and reports written as JSON that is always valid
UTF-8. What the browser calls (evaluate_json, compare_json, catalogue_json) and what the command
line reads through (parse, error_report, to_json).
"""

from __future__ import annotations

import json
import re

from calc import limits
from calc.catalogue import catalogue
from calc.compare import compare
from calc.errors import error
from calc.report import empty_report, evaluate

_SPECIAL = re.compile(r'[\[\]{}"\\]')  # the only characters the depth count looks at
_TOO_LARGE = 10 ** limits.MAX_NUMBER_DIGITS  # stands for an integer with more digits than that


def nesting_depth(text: str) -> int:
    """How deep [ and { nest in JSON text, strings left out; counted without parsing (a parser
    recurses once per level, and a few thousand levels overflow the browser's stack). One pass
    over the text, whatever it holds: it is untrusted, so no step may take more than linear time."""
    depth = deepest = 0
    in_string = False
    skip = -1  # the position of a character a backslash escapes
    for match in _SPECIAL.finditer(text):
        at = match.start()
        if at == skip:
            continue
        char = match.group()
        if in_string:
            if char == "\\":
                skip = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def parse(text: str) -> tuple[object, dict | None]:
    """The parsed scenario, or an error entry saying why the text is not usable JSON. The limits
    on size and nesting are checked first, before the text is parsed."""
    if len(text) > limits.MAX_SCENARIO_BYTES or len(text.encode("utf-8", "surrogatepass")) > limits.MAX_SCENARIO_BYTES:
        size = limits.MAX_SCENARIO_BYTES // 1_000_000
        return None, error(None, None, f"学时记录超过 {size} MB，无法读取。", code="file_too_large")
    if nesting_depth(text) > limits.MAX_DEPTH:
        return None, error(None, None, f"学时记录的内容嵌套超过 {limits.MAX_DEPTH} 层（自定义内容 extra 也计算在内），无法读取。", code="too_deep")
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_int=_integer), None
    except (ValueError, RecursionError) as exc:
        where = f"（第{exc.lineno}行第{exc.colno}列）" if hasattr(exc, "lineno") else ""
        return None, error(None, None, f"学时记录不是有效的 JSON{where}，无法读取。", code="json_invalid")


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number")


def _integer(digits: str) -> int:
    """An integer of the JSON text; one too long to convert (Python refuses 4,300 digits) stands as
    a number beyond every limit, so its field is reported as too large and the rest still counts."""
    if len(digits) <= limits.MAX_NUMBER_DIGITS:
        return int(digits)
    return -_TOO_LARGE if digits.startswith("-") else _TOO_LARGE


def error_report(problem: dict, today=None) -> dict:
    """The report for a scenario that cannot be read at all."""
    return empty_report(None, [problem], today)


def to_json(value: object, indent: int | None = None) -> str:
    """JSON text that is always valid UTF-8: a lone surrogate the input carried (valid JSON such as
    "\\udfff", echoed in a message) is written as its JSON escape, which reads back the same."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def evaluate_json(text: str, today: str | None = None) -> str:
    """evaluate() of a scenario's JSON text as of `today` (YYYY-MM-DD; the page passes the device's
    local date), as JSON (what the browser calls)."""
    raw, problem = parse(text)
    report = error_report(problem, today) if problem else evaluate(raw, today)
    return to_json(report)


def compare_json(text: str, today: str | None = None) -> str:
    """compare() of a scenario's JSON text as of `today`, as JSON (what the browser calls)."""
    raw, problem = parse(text)
    if problem:
        return to_json({"policy": None, "name": None, "regions": [], "errors": error_report(problem)["errors"]})
    return to_json(compare(raw, today))


def catalogue_json(policy_id: str) -> str:
    return json.dumps(catalogue(policy_id), ensure_ascii=False)
