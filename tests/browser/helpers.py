"""Helpers for the calculator's browser tests (issue 4 and 6): open a scenario, wait for the
report of the current input, read the saved work."""

from __future__ import annotations

import json
import re

from .conftest import START_TIMEOUT_MS, browser_report, share_data, wait_for_result


def open_scenario(page, site_url, scenario):
    """Open a scenario's share link in a page, as a fresh load of the calculator. (From a page
    already on the calculator, going to the link is a change of its #fragment, which the page
    answers with a reload: the wait for the result raced that reload, and read the old document's
    result or the new one before its #result was parsed.)"""
    if page.url != "about:blank":
        page.goto("about:blank")
    page.goto(f"{site_url}calculator/#s={share_data(scenario)}")
    wait_for_result(page)
    return browser_report(page)


def wait_report(page, predicate_js: str):
    """Wait until the report in #result satisfies a JS predicate over `r` (the parsed report) and
    is the report of the newest edit: not while #result is `computing` (an edit made, its report
    not drawn yet). Without that, the report from before the last action, or of a half-typed
    value (197305 is already a date), could satisfy a predicate the final one also does, and the
    test went on to check it: seen under load."""
    page.wait_for_function(
        "() => { const node = document.getElementById('result'); const t = node?.dataset.report;"
        " if (!t || node.dataset.status === 'computing') return false;"
        f" const r = JSON.parse(t); return ({predicate_js}); }}",
        timeout=START_TIMEOUT_MS,
    )
    return browser_report(page)


def printed_summary(page, conclusion: str) -> str:
    """The print summary's text as printed, once it says `conclusion` (it is drawn in a task
    after the report: until then it can still be the last report's)."""
    page.wait_for_function("(c) => document.getElementById('print-summary').textContent.includes(c)",
                           arg=conclusion, timeout=START_TIMEOUT_MS)
    page.emulate_media(media="print")
    text = page.locator("#print-summary").inner_text()
    page.emulate_media(media="null")  # page.pdf() prints with the emulated media: none
    return text


def wait_report_equal(page, expected: dict) -> dict:
    """Wait until the report in #result is `expected` (CPython's): Python has caught up with the
    last edit, however long that takes on this machine."""
    page.wait_for_function(
        "(want) => { const t = document.getElementById('result')?.dataset.report; if (!t) return false;"
        " const same = (a, b) => a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null"
        " && Array.isArray(a) === Array.isArray(b) && Object.keys(a).length === Object.keys(b).length"
        " && Object.keys(a).every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k])));"
        " return same(JSON.parse(t), want); }",
        arg=expected, timeout=START_TIMEOUT_MS,
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


SNAPSHOT = re.compile(r".*/pyodide/calc-[0-9a-f]+\.bin$")  # the memory snapshot: Python's start waits for it


class Held:
    """The requests of a page or context that match `pattern`, held unanswered until the test
    calls release() (from then on they go through). A test that must look at the page before
    Python is ready holds the snapshot (SNAPSHOT) and releases it when it has looked: the page
    stays as it is for as long as the checks take, on a machine of any speed, and no fixed delay
    is guessed. (The page's stall watch, 30 s without a byte, bounds how long a hold may last.)"""

    def __init__(self, target, pattern):
        self.routes = []
        self.released = False
        target.route(pattern, self._arrived)

    def _arrived(self, route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.released = True
        while self.routes:
            self.routes.pop(0).continue_()


def settled(page) -> None:
    """Wait until a loaded page has done what it does after `load`, for a test that checks nothing
    more happens (no request to another host, no policy violation): where the page fetches the
    calculator's files at idle time (prefetch.js), until that has ended (<html data-prefetch>
    done, skipped or failed); then the tasks already queued (a violation's report among them)
    run before the test reads what was recorded. No fixed delay: a busy machine only takes longer."""
    page.wait_for_function(
        "() => !document.querySelector('script[src*=\"prefetch.js\"]')"
        " || ['done', 'skipped', 'failed'].includes(document.documentElement.dataset.prefetch)",
        timeout=START_TIMEOUT_MS,
    )
    page.evaluate("() => new Promise((queued) => setTimeout(queued, 0))")
