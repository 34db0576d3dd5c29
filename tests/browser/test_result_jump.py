"""On a phone the result is below the whole form: a bar at the bottom of the screen says the
result in one sentence and leads down to it (overrides/calculator.html, .calc-jump)."""
from __future__ import annotations

from .conftest import share_data, wait_for_result
from .helpers import wait_report
from .test_keep_work import PLANNED


def open_on(page, site_url, width, link):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site_url}calculator/{link}")
    return wait_for_result(page)


def in_view(page, selector) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800


def test_phone_shows_the_result_at_the_bottom_and_leads_to_it(page, site_url):
    assert open_on(page, site_url, 375, f"#s={share_data(PLANNED)}") == "ready"
    report = wait_report(page, "r.policy === 'qinghai'")
    bar = page.locator("#result-jump")
    assert in_view(page, "#result-jump") and not in_view(page, "#result-title")
    # issue 11: the bar says the answer to the title application (calc's brief_text), not the years
    assert report["brief_text"] == "职称申报：学时条件尚未满足"
    assert page.inner_text("#result-jump-text") == report["brief_text"]
    bar.click()
    page.wait_for_function("() => { const r = document.getElementById('result-title').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }")
    # the bar rests above the result, never over it
    assert page.locator("#result-jump").bounding_box()["y"] < page.locator("#result").bounding_box()["y"]
    assert page.errors == []


def test_phone_bar_follows_edits(page, site_url):
    open_on(page, site_url, 375, f"#s={share_data(PLANNED)}")
    wait_report(page, "r.policy === 'qinghai'")
    assert page.inner_text("#result-jump-text") == "职称申报：学时条件尚未满足"
    page.locator('#activity-list > [data-activity="1"] input[name=hours]').fill("40")
    wait_report(page, "r.years.some(y => y.year === 2025 && y.met === true)")
    # 2025 met: the application (认定, one year of 2024—2025) is ready, and the bar says so
    page.wait_for_function("() => document.getElementById('result-jump-text').textContent === '职称申报：学时条件已满足'")


def test_phone_bar_says_when_nothing_can_be_computed(page, site_url):
    assert open_on(page, site_url, 375, "#s=%%%") == "error"
    assert "无法计算" in page.inner_text("#result-jump")


def test_wide_screen_has_no_bar(page, site_url):
    open_on(page, site_url, 1280, f"#s={share_data(PLANNED)}")
    assert not page.locator("#result-jump").is_visible()
