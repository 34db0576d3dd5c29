"""Stage 2b: a printable worksheet (手算表) for each region, from the rule data (calc/rules.json).

When the calculator cannot run in someone's browser (no WebAssembly, a browser too old, no
network), they can still work the answer out by hand: regions/<id>-worksheet.md holds the
region's yearly requirements, blank rows to convert each activity and to add up each year, and
every conversion with its rate and cap. The words are calc's (calc/rule_words.py, as on the region
page), from the same data the calculator uses; the layout is sitebuild/templates/worksheet.md.j2. The region page links to it; so does the
calculator's message when Python cannot start (calculator/engine-failure.js). It prints on A4
portrait (docs/assets/worksheet.css; tests/browser/test_worksheet.py counts the sheets).
"""

from __future__ import annotations

from . import search
from .describe import GENERATED, render

BLANK_ACTIVITY_ROWS = 10
BLANK_YEAR_ROWS = 5


def path(policy_id: str) -> str:
    """The worksheet's page among the generated pages (build/generated/; URL regions/<id>-worksheet/)."""
    return f"regions/{policy_id}-worksheet.md"


def page(policy: dict, data_version: object = None) -> str:
    """The worksheet of one region (sitebuild/templates/worksheet.md.j2)."""
    return render("worksheet.md.j2", policy=policy, data_version=data_version, generated=GENERATED,
                  search_first=search.front_matter_value(policy), activity_rows=BLANK_ACTIVITY_ROWS, year_rows=BLANK_YEAR_ROWS)


def write(docs, policies: list[dict], data_version: object = None) -> list[str]:
    """Write each region's worksheet into `docs` (build/generated/); returns the pages written."""
    written = []
    for policy in policies:
        rel = path(policy["id"])
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page(policy, data_version), "utf-8")
        written.append(rel)
    return written
