"""Fixtures for the browser tests: the built site served on 127.0.0.1, and Debian's Chromium
driven by Playwright. The tests are skipped, with the reason, when site/ has not been built
(`python build.py`; scripts/test builds it first)."""

from __future__ import annotations

import base64
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitebuild.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the benchmark launches it alike)

TODAY = "2025-07-01"  # the day the browsers' clocks show (2025's hours can still be taken)
NOON = f"{TODAY}T12:00:00"
# Every wait in the browser tests is on an event or a state of the page (never a fixed delay), and
# bounded by this: Python starting in the browser takes ~3 s on an idle machine of this kind, and
# many times that while the machine is shared (issue 22). The bound only ends a hang.
START_TIMEOUT_MS = 90_000


def pytest_collection_modifyitems(config, items):
    if (SITE / "calculator" / "index.html").exists():
        return
    skip = pytest.mark.skip(reason="site/ is not built: run `python build.py` (scripts/test builds it first)")
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def site_url():
    from sitebuild.static_host import serve_in_thread

    server, url = serve_in_thread(SITE)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"{CHROMIUM} is missing: apt-get update && apt-get install -y chromium (scripts/test does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opened = browser.new_context

        def new_context(*args, **kwargs):
            """Every context the tests make: its pages show TODAY (from noon, running on: the page
            passes its local date to calc, whose verdicts depend on it; a test that needs another
            day sets the page's clock itself), and it waits up to START_TIMEOUT_MS (Playwright's
            own 30 s default is a guess at the machine's speed; the bound only ends a hang)."""
            made = opened(*args, **kwargs)
            made.add_init_script(fixed_date_script(NOON))
            made.set_default_timeout(START_TIMEOUT_MS)
            return made

        browser.new_context = new_context
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def context(browser):
    """One browser context for the session: like one person's browser, its HTTP cache keeps
    Pyodide's files (and Chromium its compiled wasm) between pages, so each page starts warm.
    Tests that need a fresh profile make their own context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


FRESH_STORAGE = """
try {
  if (!sessionStorage.getItem("__test_fresh")) {
    sessionStorage.setItem("__test_fresh", "1");
    localStorage.clear();
  }
} catch (e) {}
"""


@pytest.fixture()
def page(context):
    """A new page, which records every request, page error and dialog."""
    page = context.new_page()
    # The pages share one profile; each test starts without the calculator's autosaved work.
    # Cleared once per page (a flag in sessionStorage, which is per tab), so a reload keeps it.
    page.add_init_script(FRESH_STORAGE)
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    page.close()


def fixed_date_script(moment: str) -> str:
    """The script that moves a page's Date to `moment` (tests/browser/fixed_date.js)."""
    from datetime import datetime

    source = (Path(__file__).with_name("fixed_date.js")).read_text(encoding="utf-8")
    function = source[source.index("(fixed) =>"):]
    return f"({function.strip()})({datetime.fromisoformat(moment).timestamp() * 1000:.0f});"


def share_data(scenario) -> str:
    return base64.urlsafe_b64encode(json.dumps(scenario, ensure_ascii=False).encode()).decode().rstrip("=")


def decode_share(data: str):
    return json.loads(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)).decode())


def decode_link(url: str):
    """The scenario in a share link: #s= (base64url JSON) or #z= (the same, zlib-compressed)."""
    import zlib

    form, data = url.split("#", 1)[1].split("=", 1)
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    return json.loads((zlib.decompress(raw) if form == "z" else raw).decode())


def zip_data(scenario) -> str:
    """#z= data for a scenario: its UTF-8 JSON, zlib-compressed, in base64url without padding."""
    import zlib

    packed = zlib.compress(json.dumps(scenario, ensure_ascii=False).encode())
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


def wait_for_result(page) -> str:
    # A function, not an expression string: Playwright evaluates strings with eval, which the
    # site's Content-Security-Policy forbids. It may first run in a document still being parsed
    # (#result not there yet): that is "not yet", never an error.
    page.wait_for_function(
        "() => ['ready', 'error'].includes(document.getElementById('result')?.dataset.status)", timeout=START_TIMEOUT_MS
    )
    return page.get_attribute("#result", "data-status")


def browser_report(page):
    text = page.get_attribute("#result", "data-report")
    return None if text is None else json.loads(text)


def cpython_report(scenario, today: str = TODAY):
    """The command line's report of the scenario, as of the day the browsers' clocks show."""
    import calc

    return json.loads(json.dumps(calc.evaluate(scenario, today), ensure_ascii=False))
