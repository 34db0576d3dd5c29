"""Issue 14: a region page fetches the calculator's files at idle time (not when the visitor asks
to save data), so the calculator opened from it finds them in the HTTP cache; and after a first
visit the calculator and the region pages open and compute with the network off (sw.js).

Served the way a static host serves the site (sitebuild/static_host.py: brotli, immutable caching
of the hashed runtime and snapshot), which is what makes the cached copies usable as they are."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import ROOT, SITE, START_TIMEOUT_MS, browser_report, cpython_report, share_data

SCENARIO = json.loads((ROOT / "docs" / "examples" / "qinghai_2025.json").read_text("utf-8"))
BIG = re.compile(r"/pyodide/(\d[^/]*/pyodide\.asm\.wasm|calc-[0-9a-f]+\.bin)$")


@pytest.fixture(scope="module")
def host():
    from sitebuild.static_host import serve_in_thread

    server, url = serve_in_thread(SITE)
    yield server, url
    server.shutdown()
    server.server_close()


@pytest.fixture()
def visitor(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


def sent(server) -> list[str]:
    """The paths the host sent a body for (not 304s) since the last reset."""
    return [path.split("?")[0] for path, _ in server.requests]


def wait_prefetch(page, timeout=START_TIMEOUT_MS) -> str:
    page.wait_for_function("() => ['done', 'skipped', 'failed'].includes(document.documentElement.dataset.prefetch)",
                           timeout=timeout)
    return page.evaluate("() => document.documentElement.dataset.prefetch")


def test_region_page_fetches_the_calculator_files_at_idle_time(visitor, host):
    server, url = host
    server.reset_count()
    page = visitor.new_page()
    page.goto(f"{url}regions/qinghai/")
    assert wait_prefetch(page) == "done"
    assert len([p for p in sent(server) if BIG.search(p)]) == 2  # the wasm and the snapshot
    # Opening the calculator from the page: the worker finds both in the HTTP cache.
    server.reset_count()
    page.click('.md-content a[href*="calculator/?policy=qinghai"]')
    page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
    assert page.evaluate("performance.getEntriesByName('calc-engine-ready')[0].detail.start") == "snapshot"
    assert [p for p in sent(server) if BIG.search(p)] == []


def test_no_prefetch_when_the_visitor_saves_data(visitor, host):
    """Chromium's own switch for navigator.connection.saveData (DevTools protocol)."""
    server, url = host
    page = visitor.new_page()
    visitor.new_cdp_session(page).send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    page.clock.install()  # the page's timers and idle callbacks: run on when the test says
    server.reset_count()
    page.goto(f"{url}regions/qinghai/")
    assert page.evaluate("() => navigator.connection.saveData") is True
    assert wait_prefetch(page) == "skipped"
    assert page.evaluate("() => document.documentElement.dataset.prefetchReason") == "save-data"
    # Whatever the page would still do later (a timer, an idle callback) is done now: a minute of
    # the page's time is run, instead of waiting a guessed while.
    page.clock.run_for("01:00")
    assert [p for p in sent(server) if "/pyodide/" in p] == []


def test_offline_after_a_first_visit(visitor, host):
    server, url = host
    page = visitor.new_page()
    page.goto(f"{url}calculator/#s={share_data(SCENARIO)}")
    page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
    # the service worker is registered at idle time, once the calculator works, and installs its copies
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=START_TIMEOUT_MS)
    visitor.set_offline(True)
    try:
        page.reload()
        page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
        assert browser_report(page) == cpython_report(SCENARIO)  # the autosaved work, computed offline
        page.goto(f"{url}regions/hefei/")
        assert "合肥" in page.inner_text("h1")
        page.click('.md-content a[href*="calculator/?policy=hefei"]')
        page.wait_for_selector("#result[data-status=ready]", state="attached", timeout=START_TIMEOUT_MS)
        assert page.input_value("#policy") == "qinghai"  # the saved work, with the notice offering 合肥
    finally:
        visitor.set_offline(False)
