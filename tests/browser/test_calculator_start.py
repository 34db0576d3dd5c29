"""How the calculator page starts (issue 5): the theme's script waits until search is wanted, the
cards are drawn a few at a time, and nothing drawn late misses what the report says."""

from __future__ import annotations

import re

from .conftest import START_TIMEOUT_MS, wait_for_result
from .helpers import open_scenario, wait_report

THEME_BUNDLE = re.compile(r"/assets/javascripts/(bundle\.[0-9a-f]+\.min\.js|workers/search)")


def type_query(page, text: str) -> None:
    """Type into the search box as a person with an input method does. The theme searches on
    keyup (and again when its index is ready); Playwright types Chinese characters as input events
    alone, so without the End key's keyup a query typed after the index was ready was never run
    (a CI failure on 2026-11-29). An IME's committed text comes with key events."""
    page.keyboard.type(text)
    page.keyboard.press("End")


def test_theme_script_waits_until_search_is_wanted(page, site_url):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{site_url}calculator/?policy=hefei")
    assert wait_for_result(page) == "ready"
    assert not [u for u in requested if THEME_BUNDLE.search(u) or "search_index.json" in u]
    page.click("[data-md-component=search-query]")
    page.wait_for_function("() => document.documentElement.dataset.theme === 'loaded'")
    assert any(THEME_BUNDLE.search(u) for u in requested)
    type_query(page, "公需科目")
    page.wait_for_selector(".md-search-result__item", timeout=START_TIMEOUT_MS)
    assert page.locator(".md-search-result__item").count() > 0
    assert page.errors == []


def test_search_shortcut_opens_search_on_the_calculator_page(page, site_url):
    page.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(page)
    page.locator("body").press("/")
    page.wait_for_function("() => document.documentElement.dataset.theme === 'loaded'")
    assert page.is_checked("#__search")
    type_query(page, "学时")
    page.wait_for_selector(".md-search-result__item", timeout=START_TIMEOUT_MS)
    assert "学时" in page.inner_text(".md-search-result")
    # typing into the calculator's own fields is never taken for the shortcut
    page.keyboard.press("Escape")
    page.click("#add-activity")
    page.locator("#activity-list input[name=year]").last.press("/")
    assert page.locator("#activity-list input[name=year]").last.is_visible()


def scenario_with(count: int) -> dict:
    return {"version": 1, "policy": "hefei",
            "activities": [{"kind": "self_study", "year": 2021, "hours": 1, "title": f"第{i + 1}条"} for i in range(count)]}


def test_cards_come_a_few_at_a_time_up_to_fifty_then_on_request(page, site_url):
    open_scenario(page, site_url, scenario_with(60))
    cards = page.locator("#activity-list > li.calc-activity")
    page.wait_for_function("() => document.querySelectorAll('#activity-list > li.calc-activity').length === 50")
    more = page.locator(".calc-more button")
    assert more.is_visible() and "还有 10 项" in more.inner_text()
    more.click()
    page.wait_for_function("() => document.querySelectorAll('#activity-list > li.calc-activity').length === 60")
    assert page.locator(".calc-more").count() == 0
    # the focus went to the first of the new cards
    assert page.evaluate("() => document.activeElement.closest('li.calc-activity')?.dataset.activity") == "50"
    assert cards.nth(59).locator("input[name=title]").input_value() == "第60条"


def test_cards_drawn_after_the_report_show_their_credits_and_errors(page, site_url):
    scenario = scenario_with(55)
    scenario["activities"][52] = {"kind": "self_study", "year": 2021, "hours": -1}
    open_scenario(page, site_url, scenario)
    wait_report(page, "r.errors.some(e => e.activity === 52)")
    page.click(".calc-more button")
    late = page.locator('#activity-list > li[data-activity="53"] .calc-activity-credit')
    late.wait_for()
    assert "2021年" in late.inner_text() and "学时" in late.inner_text()
    errors = page.locator('#activity-list > li[data-activity="52"] .calc-activity-errors')
    assert errors.inner_text().strip() != ""


def test_a_card_added_while_cards_are_drawn_stays_last(page, site_url):
    page.goto(f"{site_url}calculator/#s=")  # nothing to open: start from an empty form
    wait_for_result(page)
    from .conftest import share_data

    # a fresh load (from the same page, only the #fragment would change: the page reloads itself,
    # and the waits below could see the old document)
    page.goto("about:blank")
    page.goto(f"{site_url}calculator/#s={share_data(scenario_with(30))}")
    page.wait_for_selector("#add-activity:not([disabled])")
    page.click("#add-activity")  # may come before the 30 cards are all drawn
    wait_for_result(page)
    page.wait_for_function("() => document.querySelectorAll('#activity-list > li.calc-activity').length === 31")
    order = page.eval_on_selector_all("#activity-list > li.calc-activity", "cards => cards.map(c => c.dataset.activity)")
    assert order == [str(i) for i in range(31)]


def test_small_screen_drawer_and_search_button_work_before_the_theme_script(page, site_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(page)
    page.click("label.md-header__button[for=__drawer]")
    nav = page.locator(".md-nav--primary a.md-nav__link", has_text="合肥")
    nav.first.wait_for()
    assert nav.first.is_visible()
    page.keyboard.press("Escape")
    page.goto(f"{site_url}calculator/?policy=hefei")
    wait_for_result(page)
    page.click("label.md-header__button[for=__search]")
    page.wait_for_function("() => document.documentElement.dataset.theme === 'loaded'")
    type_query(page, "职称")
    page.wait_for_selector(".md-search-result__item", timeout=START_TIMEOUT_MS)
