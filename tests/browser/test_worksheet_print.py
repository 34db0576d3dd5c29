"""Issue 13, 手算表: each region's worksheet prints on A4 portrait: the tables to fill in on the
first sheet, the conversion standards after them, nothing wider than the sheet; the region page
and the calculator lead to it."""

from __future__ import annotations

import pytest

from calc import ruledata

from .test_print import sheets

REGIONS = sorted(ruledata.rules()["policies"])
ONLY_STANDARDS = (".md-content h1, .worksheet > :not(.worksheet-standards) { display: none !important; }"
                  " .worksheet-standards { break-before: auto !important; }")


@pytest.mark.parametrize("region", REGIONS)
def test_worksheet_prints_on_a4_portrait(page, site_url, region):
    page.goto(f"{site_url}regions/{region}-worksheet/")
    assert "手算表" in page.inner_text("h1")
    whole = sheets(page.pdf(format="A4"))
    assert whole in (2, 3)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 718, "height": 1045})  # A4 inside the default margins, at 96 dpi
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    # The tables to fill in take one sheet: the standards alone take all the others.
    page.add_style_tag(content=ONLY_STANDARDS)
    assert sheets(page.pdf(format="A4")) == whole - 1


def test_region_page_leads_to_its_worksheet(page, site_url):
    page.goto(f"{site_url}regions/qinghai/")
    page.get_by_role("link", name="打印手算表（不用计算器也能算）").click()
    page.wait_for_url("**/regions/qinghai-worksheet/")
    assert page.locator("table.worksheet-blank").count() == 2
