"""Issue 14: a returning visitor sees the last result at once, marked as the last saved result,
until the fresh one replaces it; it is never shown for an edited scenario or other rule data.
(Speed is scripts/bench's business; these check the behaviour.)

Where a test looks at the last result before the fresh one, it holds Python back: the snapshot's
request is left unanswered (helpers.Held) until the test has looked, then released. A fixed delay
(it was 4 s) raced the checks on a busy machine: the fresh result came first (issue 22)."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import ROOT, START_TIMEOUT_MS, browser_report, cpython_report, share_data
from .helpers import SNAPSHOT, Held

SCENARIO = json.loads((ROOT / "docs" / "examples" / "qinghai_2025.json").read_text("utf-8"))
OTHER = json.loads((ROOT / "docs" / "examples" / "hefei_2021.json").read_text("utf-8"))

# Every value #result's data-status takes, in order, with whether the saved-result note was there.
STATES = """
(() => {
  const seen = (window.__states = []);
  const note = () => !!document.getElementById("result-stale");
  const record = () => {
    const r = document.getElementById("result");
    const state = r && r.dataset.status;
    const last = seen[seen.length - 1];
    if (state && (!last || last.status !== state || last.note !== note())) {
      seen.push({ status: state, note: note(), report: r.hasAttribute("data-report") });
    }
  };
  new MutationObserver(record).observe(document, { subtree: true, attributes: true, childList: true });
})();
"""


@pytest.fixture()
def visitor(browser):
    """One person's browser: storage and cache kept between the pages opened in the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(STATES)
    yield context
    context.unroute_all(behavior="ignoreErrors")  # a route still fetching must not fail the next test
    context.close()


def first_visit(context, site_url, scenario) -> dict:
    page = context.new_page()
    page.goto(f"{site_url}calculator/#s={share_data(scenario)}")
    page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
    report = browser_report(page)
    page.close()
    return report


def states(page) -> list[dict]:
    return page.evaluate("() => window.__states")


def test_last_result_shown_marked_then_replaced_by_the_fresh_one(visitor, site_url):
    report = first_visit(visitor, site_url, SCENARIO)
    python = Held(visitor, SNAPSHOT)  # no fresh result until the checks below are done
    page = visitor.new_page()
    page.goto(f"{site_url}calculator/")  # the autosaved work, no link
    page.wait_for_selector("#result[data-status=stale]", state="attached", timeout=START_TIMEOUT_MS)
    note = page.locator("#result-stale")
    assert note.is_visible()
    assert "上次保存的结果" in note.inner_text()
    assert not page.locator("#result").get_attribute("data-report")  # data-report: the fresh report only
    assert "上次的结果" in page.inner_text("#result-jump-text")
    assert page.locator("#report .calc-year-report").count() == len(report["years"])
    python.release()
    page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
    assert note.count() == 0
    assert browser_report(page) == cpython_report(SCENARIO)
    assert [s["status"] for s in states(page)] == ["loading", "stale", "ready"]
    assert all(not s["report"] for s in states(page) if s["status"] == "stale")


def test_an_edited_scenario_never_shows_the_last_result(visitor, site_url):
    first_visit(visitor, site_url, SCENARIO)
    page = visitor.new_page()
    page.goto(f"{site_url}calculator/#s={share_data(OTHER)}")  # other input than the saved result's
    page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
    assert "stale" not in [s["status"] for s in states(page)]
    assert browser_report(page) == cpython_report(OTHER)


def test_other_rule_data_never_shows_the_last_result(visitor, site_url):
    first_visit(visitor, site_url, SCENARIO)

    def new_rules(route):
        response = route.fetch()
        data = response.json()
        data["rules_hash"] = "0" * 16  # as after a site update with other rule data
        route.fulfill(response=response, body=json.dumps(data, ensure_ascii=False))

    visitor.route(re.compile(r".*/calculator/catalogue\.json$"), new_rules)
    page = visitor.new_page()
    page.goto(f"{site_url}calculator/#s={share_data(SCENARIO)}")
    page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
    assert "stale" not in [s["status"] for s in states(page)]


def test_an_edit_while_the_last_result_shows_withdraws_it(visitor, site_url):
    first_visit(visitor, site_url, SCENARIO)
    python = Held(visitor, SNAPSHOT)  # the edit comes while the last result shows
    page = visitor.new_page()
    page.goto(f"{site_url}calculator/")
    page.wait_for_selector("#result[data-status=stale]", state="attached", timeout=START_TIMEOUT_MS)
    hours = page.locator('#activity-list > [data-activity="0"] input[name=hours]')
    hours.fill("30")
    page.wait_for_selector("#result[data-status=loading]", state="attached", timeout=START_TIMEOUT_MS)
    assert page.locator("#result-stale").count() == 0
    assert page.locator("#report").inner_text().strip() == ""
    python.release()
    page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
    edited = json.loads(json.dumps(SCENARIO))
    edited["activities"][0]["hours"] = 30
    assert browser_report(page) == cpython_report(edited)


def test_the_report_is_computed_as_of_the_devices_date(visitor, site_url):
    """The contract of 2026-12-07: the page passes the device's local date with each calculation
    (read at each request, so the browser's clock decides), and the report says which it used."""
    import calc

    visitor.clock.set_fixed_time("2031-03-04T10:00:00")
    report = first_visit(visitor, site_url, SCENARIO)
    assert report["today"] == "2031-03-04"
    assert report == json.loads(json.dumps(calc.evaluate(SCENARIO, "2031-03-04"), ensure_ascii=False))


def test_a_result_from_another_day_is_not_shown_as_the_last_result(visitor, site_url):
    """Which years can still take hours depends on the date: yesterday's result is not today's."""
    visitor.clock.set_fixed_time("2031-03-04T23:00:00")
    first_visit(visitor, site_url, SCENARIO)
    visitor.clock.set_fixed_time("2031-03-05T08:00:00")
    page = visitor.new_page()
    page.goto(f"{site_url}calculator/")  # the autosaved work, no link
    page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
    assert "stale" not in [s["status"] for s in states(page)]
    assert browser_report(page)["today"] == "2031-03-05"
