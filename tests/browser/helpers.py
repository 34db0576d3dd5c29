"""Helpers for the calculator's browser tests (issue 4 and 6): open a scenario, wait for the
report of the current input, read the saved work."""

from __future__ import annotations

import json

from .conftest import START_TIMEOUT_MS, browser_report, share_data, wait_for_result


def open_scenario(page, site_url, scenario):
    page.goto(f"{site_url}calculator/#s={share_data(scenario)}")
    wait_for_result(page)
    return browser_report(page)


def wait_report(page, predicate_js: str):
    """Wait until the report in #result satisfies a JS predicate over `r` (the parsed report)."""
    page.wait_for_function(
        "() => { const t = document.getElementById('result').dataset.report; if (!t) return false;"
        f" const r = JSON.parse(t); return ({predicate_js}); }}",
        timeout=START_TIMEOUT_MS,
    )
    return browser_report(page)


def choose_region(page, policy: str) -> None:
    """Choose the region as a person does: its button when the calculator asks for the region
    first (opened with none chosen or remembered: data-status waiting), else the region select."""
    page.wait_for_selector("#policy:not([disabled])", state="attached", timeout=START_TIMEOUT_MS)
    if page.get_attribute("#result", "data-status") == "waiting":
        page.click(f"#region-choice [data-policy='{policy}']")
    else:
        page.select_option("#policy", policy)


def add_activity(page, kind: str, year: int, **values) -> None:
    """Add an activity through the form as a person would: a new card, its kind, its year, then
    each field (a select is chosen, an input filled)."""
    page.click("#add-activity")
    card = page.locator("#activity-list > [data-activity]").last
    card.locator("select[name=kind]").select_option(kind)
    card.locator("input[name=year]").fill(str(year))
    for name, value in values.items():  # a field folded under the card's “更多” is opened first
        if card.locator(f"select[name={name}]").count():
            unfolded(card.locator(f"select[name={name}]")).select_option(str(value))
        else:
            unfolded(card.locator(f"input[name={name}]")).fill(str(value))


def saved_scenario(page):
    text = page.evaluate("() => localStorage.getItem('jxjy-calculator/scenario')")
    return None if text is None else json.loads(text)


def not_executed(page):
    return page.evaluate("() => window.__pwned === undefined")


def unfolded(control):
    """The control, with the card's “更多” (name, evidence, optional fields) opened first when it is
    folded there, as a person would open it to type into it."""
    control.evaluate("e => { const d = e.closest('details.calc-activity-more'); if (d && !d.open) d.querySelector('summary').click(); }")
    return control
