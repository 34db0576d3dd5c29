"""Issue 22 item 4: big inputs. 500 projects of 26 years give a 7 MB report, which the worker sends
in parts and the page draws a few years per task; 10,000 activities compared across regions, a
region per task. How long the page pauses is scripts/bench's to measure (bench_big_inputs.py:
timed tests flake on a shared machine); these tests check that what is put together and drawn is
calc's report, whole, after an import and after a reload, and that the page stays usable."""

from __future__ import annotations

import json

from .conftest import START_TIMEOUT_MS, TODAY, cpython_report, wait_for_result
from .helpers import saved_scenario

YEARS = list(range(2000, 2026))
FIRST_CARD = '#activity-list > [data-activity="0"]'


def projects(count: int = 500) -> dict:
    """Projects of 26 years each under 青海's rules: 500 of them are the largest report the limits allow."""
    return {"version": 1, "policy": "qinghai", "activities": [
        {"kind": "project", "year": 2025, "level": "national", "role": "lead", "years": YEARS, "title": f"课题{i + 1}"}
        for i in range(count)]}


def import_text(page, name: str, scenario: dict) -> None:
    page.set_input_files("#import-file", files=[{"name": name, "mimeType": "application/json",
                                                 "buffer": json.dumps(scenario, ensure_ascii=False).encode()}])


def wait_drawn(page, predicate_js: str) -> dict:
    """The report in #result once `predicate_js` (over `r`, the parsed report) holds, #result is
    ready and nothing is drawn in slices any more (polled every half second: the text is 7 MB)."""
    page.wait_for_function(
        "() => { const node = document.getElementById('result'); const t = node?.dataset.report;"
        " if (!t || node.dataset.status !== 'ready' || document.querySelector('#report[aria-busy]')) return false;"
        f" const r = JSON.parse(t); return ({predicate_js}); }}",
        polling=500, timeout=START_TIMEOUT_MS)
    return json.loads(page.get_attribute("#result", "data-report"))


def assert_drawn_whole(page, expected: dict) -> None:
    """Every year drawn with calc's words, and the first card credited as calc says."""
    drawn = page.locator(".calc-years > .calc-year-report")
    assert drawn.count() == len(expected["years"]) == 26
    for year, box in zip(expected["years"], drawn.all()):
        assert box.get_attribute("data-year") == str(year["year"])
        assert year["figures_text"] in box.text_content()
        assert year["lines"][0]["amount_text"] in box.locator("li.calc-line").first.text_content()
    credit = page.locator(f"{FIRST_CARD} .calc-activity-credit").text_content()
    assert all(line["credit_text"] in credit for year in expected["years"] for line in year["lines"] if line["activity"] == 0)


def test_500_projects_of_26_years_imported_and_reloaded_give_calcs_report(page, site_url):
    scenario = projects()
    expected = cpython_report(scenario)
    assert len(json.dumps(expected, ensure_ascii=False)) > 7_000_000  # many parts, and several pieces of text
    page.goto(f"{site_url}calculator/?policy=qinghai")
    wait_for_result(page)
    import_text(page, "projects.json", scenario)
    assert wait_drawn(page, "r.years.length === 26 && r.years[0].lines.length === 500") == expected
    assert_drawn_whole(page, expected)
    assert saved_scenario(page) == scenario
    # too long to be kept as the last result (LAST_RESULT_CHARS): the reload computes it afresh
    assert page.evaluate("() => localStorage.getItem('jxjy-calculator/last-result')") is None

    page.reload()
    assert wait_drawn(page, "r.years.length === 26 && r.years[0].lines.length === 500") == expected
    assert_drawn_whole(page, expected)

    # usable: an edit of the first project gives calc's report of the edited record, drawn whole
    want = edit_the_first_project(page, scenario)
    assert want["years"][-1]["lines"][0]["hours"] != expected["years"][-1]["lines"][0]["hours"]
    assert page.errors == []


def edit_the_first_project(page, scenario: dict) -> dict:
    """The first project made provincial on the page: the page ends with calc's report of the
    edited record, drawn whole, and saves that record. Returns the report."""
    page.locator(f"{FIRST_CARD} select[name=level]").select_option("provincial")  # at once: while a report may come
    edited = json.loads(json.dumps(scenario))
    edited["activities"][0]["level"] = "provincial"
    want = cpython_report(edited)
    hours = want["years"][-1]["lines"][0]["hours"]
    assert wait_drawn(page, f"r.years.length === 26 && r.years[25].lines[0].hours === {hours}") == want
    assert_drawn_whole(page, want)
    assert saved_scenario(page) == edited
    return want


def test_an_edit_while_a_long_report_comes_gives_the_newer_one_whole(page, site_url):
    """The edit lands while the first report is computed, sent in parts or drawn (whichever it is):
    the page ends with the newer report, drawn whole, nothing left busy."""
    scenario = projects(100)
    page.goto(f"{site_url}calculator/?policy=qinghai")
    wait_for_result(page)
    import_text(page, "projects.json", scenario)
    edit_the_first_project(page, scenario)
    assert page.errors == []


def test_10000_activities_compared_list_what_calc_lists(page, site_url):
    """calc compares as many entries as it computes (MAX_ACTIVITIES) and says so in a note; the page
    draws every region's card with exactly those."""
    import calc

    scenario = {"version": 1, "policy": "hefei", "activities": [
        {"kind": "self_study", "year": 2016 + i % 10, "hours": 1, "title": f"第{i + 1}条"} for i in range(10_000)]}
    expected = json.loads(calc.compare_json(json.dumps(scenario, ensure_ascii=False), TODAY))
    limit = calc.limits.MAX_ACTIVITIES
    page.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(page)
    import_text(page, "many.json", scenario)
    report = wait_drawn(page, "r.errors.some((e) => e.field === 'activities')")
    assert report == cpython_report(scenario)
    page.click("#compare")
    page.locator(".calc-cmp-card").first.wait_for()
    page.wait_for_function("() => !document.querySelector('#compare-result[aria-busy]') && !document.getElementById('compare').disabled")
    cards = page.locator(".calc-cmp-card")
    assert [c.get_attribute("data-policy") for c in cards.all()] == [r["policy"] for r in expected["regions"]]
    for card, region in zip(cards.all(), expected["regions"]):
        assert len(region["entries"]) == limit
        assert any(str(limit) in note and str(10_000 - limit) in note for note in region["notes"])
        said = [e for e in region["entries"] if e["text"]]
        assert card.locator(".calc-cmp-notes li[data-activity]").count() == len(said)
        text = card.text_content()
        assert all(note in text for note in region["notes"])
        verdict = region["report"]["readiness"]["heading"] if region["report"].get("readiness") else region["report"]["summary_text"]
        assert verdict in text
    # the page goes on: the form's own report is calc's again after the comparison
    assert wait_drawn(page, "r.errors.some((e) => e.field === 'activities')") == report
    assert page.errors == []
