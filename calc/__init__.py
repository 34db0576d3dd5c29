"""Continuing-education hours (继续教育学时) under each region's notice: the calculation core.

Standard library only, so the same code runs in CPython (command line, tests) and in the browser
under Pyodide. Entry points:

    evaluate(scenario, today) -> report     (dicts, as in scenario.md; today: calc/clock.py)
    evaluate_json(text, today) -> report as JSON   (what the browser calls)
    catalogue(policy_id) -> kinds with fields, categories, validity, citations and their rules in
                            words, the person facts, the vocabulary (`python -m calc kinds`)
    site_catalogue() -> every catalogue with the limits (the calculator page's catalogue.json)
    policies() -> the policy ids and aliases
    compare(scenario, today), compare_json(text, today) -> the scenario under every region's rules
                            (calc/compare.py)

Formats: calc/schemas/ (JSON Schema of the scenario, the report and the catalogue). Reading
untrusted text and writing JSON: calc/jsonio.py.
"""

from __future__ import annotations

from calc.catalogue import catalogue, policies, site_catalogue
from calc.compare import compare
from calc.jsonio import catalogue_json, compare_json, error_report, evaluate_json, nesting_depth, parse, to_json
from calc.report import evaluate

__all__ = [
    "evaluate", "evaluate_json", "catalogue", "catalogue_json", "site_catalogue", "policies", "parse", "error_report", "to_json",
    "compare", "compare_json", "nesting_depth",
]
