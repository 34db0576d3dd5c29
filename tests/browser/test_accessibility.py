"""Issue 4: an axe-core scan (npm, self-hosted, injected by Playwright) finds no serious or
critical WCAG 2.1 A/AA violations on the calculator and a region page; screenshots at 375 px
and 1280 px are kept in test-artifacts/ to be looked at."""

from __future__ import annotations


import pytest

from .conftest import ROOT, START_TIMEOUT_MS, wait_for_result
from .helpers import wait_report
from .test_keep_work import PLANNED
from .conftest import share_data

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture()
def axe_page(browser):
    """A fresh profile; CSP bypassed so the test can inject axe whatever policy the site sets."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run npm ci")
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def serious(page):
    page.add_script_tag(content=AXE.read_text("utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    found = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in found]


def open_calculator(page, site_url):
    page.goto(f"{site_url}calculator/#s={share_data(PLANNED)}")
    wait_for_result(page)
    wait_report(page, "r.policy === 'qinghai'")
    page.click("#make-share")  # the share panel with its QR code is scanned too


def test_calculator_has_no_serious_violations(axe_page, site_url):
    open_calculator(axe_page, site_url)
    for selector in ("#person", "#requirements"):  # 职称申报 (#target) is always open
        if axe_page.get_attribute(selector, "open") is None:
            axe_page.click(f"{selector} > summary")
    # a line's clause, in its year's 明细: opened as a person would, each fold from the outside in
    line = axe_page.locator("li.calc-line").first
    folds = line.evaluate("e => { const n = []; for (let d = e.closest('details'); d; d = d.parentElement.closest('details')) n.unshift(d); return n.filter((d) => !d.open).length; }")
    for _ in range(folds):
        line.evaluate("e => { const n = []; for (let d = e.closest('details'); d; d = d.parentElement.closest('details')) n.unshift(d); n.find((d) => !d.open).querySelector(':scope > summary').click(); }")
    line.locator("details > summary").first.click()
    assert serious(axe_page) == []


def test_region_page_has_no_serious_violations(axe_page, site_url):
    axe_page.goto(f"{site_url}regions/qinghai/")
    axe_page.locator("figure.policy-qr svg").wait_for()
    assert serious(axe_page) == []


def test_region_page_qr_holds_the_calculator_link(axe_page, site_url):
    axe_page.goto(f"{site_url}regions/hefei/")
    axe_page.locator("figure.policy-qr svg").wait_for()
    assert axe_page.inner_text("figure.policy-qr .policy-qr-url") == f"{site_url}calculator/?policy=hefei"


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots(browser, site_url, width):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_calculator(page, site_url)
    page.screenshot(path=str(ARTIFACTS / f"calculator-{width}-top.png"))
    page.locator("#result").scroll_into_view_if_needed()
    page.locator(".calc-readiness").screenshot(path=str(ARTIFACTS / f"calculator-{width}-verdict.png"))
    page.locator(".calc-planner").screenshot(path=str(ARTIFACTS / f"calculator-{width}-planner.png"))
    page.locator('.calc-year-report[data-year="2025"]').screenshot(path=str(ARTIFACTS / f"calculator-{width}-year.png"))
    page.screenshot(path=str(ARTIFACTS / f"calculator-{width}-full.png"), full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / f"calculator-{width}-print.png"), full_page=True)
    page.pdf(path=str(ARTIFACTS / "calculator-print.pdf")) if width == 1280 else None
    page.emulate_media(media="screen")
    page.goto(f"{site_url}regions/qinghai/")
    page.locator("figure.policy-qr svg").wait_for(timeout=START_TIMEOUT_MS)
    page.screenshot(path=str(ARTIFACTS / f"region-{width}.png"))
    # nothing wider than the screen on a phone
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert errors == []
    context.close()


def test_calculator_fits_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    open_calculator(page, site_url)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{overflow}px wider than a 375px screen"
    context.close()
