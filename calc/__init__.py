"""Continuing-education hours (继续教育学时) under each region's notice: the calculation core.

Standard library only, so the same code runs in CPython (command line, tests) and in the browser
under Pyodide. Entry points:

    evaluate(scenario) -> report            (dicts, as in scenario.md)
    evaluate_json(text) -> report as JSON   (what the browser calls)
    catalogue(policy_id) -> kinds with fields, categories, validity and citations
    policies() -> the policy ids and aliases
"""

from __future__ import annotations

import json

from calc import limits
from calc.catalogue import catalogue, policies
from calc.errors import error
from calc.report import REPORT_VERSION, evaluate

__all__ = ["evaluate", "evaluate_json", "catalogue", "catalogue_json", "policies", "parse"]


def parse(text: str) -> tuple[object, dict | None]:
    """The parsed scenario, or an error entry saying why the text is not usable JSON."""
    if len(text.encode("utf-8", "surrogatepass")) > limits.MAX_SCENARIO_BYTES:
        size = limits.MAX_SCENARIO_BYTES // 1_000_000
        return None, error(None, None, f"情景文件超过 {size} MB，无法读取。", code="file_too_large")
    try:
        return json.loads(text, parse_constant=_reject_constant), None
    except (ValueError, RecursionError) as exc:
        where = f"（第{exc.lineno}行第{exc.colno}列）" if hasattr(exc, "lineno") else ""
        return None, error(None, None, f"情景文件不是有效的 JSON{where}，无法读取。", code="json_invalid")


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number")


def evaluate_json(text: str) -> str:
    raw, problem = parse(text)
    if problem:
        report = {"version": REPORT_VERSION, "policy": None, "years": [], "deadlines": [], "errors": [problem]}
    else:
        report = evaluate(raw)
    return json.dumps(report, ensure_ascii=False)


def catalogue_json(policy_id: str) -> str:
    return json.dumps(catalogue(policy_id), ensure_ascii=False)
