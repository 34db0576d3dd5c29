"""Issue 6: nothing runs that a user wrote, and no page requests anything from another host.

Every page of the built site carries a Content-Security-Policy (sitebuild/csp.py) allowing only
the site's own scripts, its worker and WebAssembly, and connections to itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from .conftest import SITE, START_TIMEOUT_MS, share_data, wait_for_result
from .helpers import settled

PAGES = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")) if SITE.exists() else []
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def url_of(site_url: str, page: str) -> str:
    return site_url.rstrip("/") + "/" + (page[: -len("index.html")] if page.endswith("index.html") else page)


def test_every_page_has_a_policy_that_allows_only_the_site_itself() -> None:
    assert PAGES, "no pages built"
    for page in PAGES:
        match = CSP.search((SITE / page).read_text("utf-8"))
        assert match, f"{page}: no Content-Security-Policy"
        directives = dict(part.strip().split(" ", 1) for part in match.group(1).split(";"))
        assert directives["connect-src"] == "'self'", page
        assert directives["worker-src"] == "'self'", page
        assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"], page
        assert "http" not in directives["script-src"], page


def test_every_page_loads_without_outside_requests_or_policy_violations(browser, site_url) -> None:
    """Load every page of the built site, record every request: none may go to another host,
    and nothing the site itself needs may be blocked by its own policy."""
    context = browser.new_context()
    try:
        for path in PAGES:
            page = context.new_page()
            hosts, violations = set(), []
            page.on("request", lambda r: hosts.add(urlparse(r.url).hostname))
            page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
            page.goto(url_of(site_url, path), wait_until="load")
            settled(page)
            assert hosts <= {"127.0.0.1", None}, f"{path}: requests to {sorted(h for h in hosts if h)}"
            assert violations == [], f"{path}: {violations}"
            page.close()
    finally:
        context.close()


def test_the_calculator_works_under_its_policy(page, site_url) -> None:
    scenario = {"version": 1, "policy": "qinghai", "activities": [{"kind": "software_copyright", "year": 2025, "count": 6}]}
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{site_url}calculator/#s={share_data(scenario)}")
    assert wait_for_result(page) == "ready"
    assert violations == []


@pytest.mark.parametrize("payload", [
    "<img src=x onerror=\"window.__pwned=1\">",
    "</script><script>window.__pwned=1</script>",
    "javascript:window.__pwned=1",
])
def test_hostile_text_in_a_share_link_is_shown_as_text(page, site_url, payload: str) -> None:
    scenario = {"version": 1, "policy": "hefei", "activities": [
        {"kind": "public_course", "year": 2021, "count": 1, "title": payload, "evidence": payload},
        {"kind": payload, "year": 2021},
    ]}
    page.goto(f"{site_url}calculator/#s={share_data(scenario)}")
    wait_for_result(page)
    # the last thing drawn from the report: the print summary, in a task of its own after it
    page.wait_for_function("(p) => document.getElementById('print-summary').textContent.includes(p)", arg=payload)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0


# ---- issue 15: the same policy as an HTTP header, as a host that reads _headers sends it ----------

VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def test_headers_carry_the_very_policy_of_the_meta_tags(site_url) -> None:
    import urllib.request

    for page in ["index.html", "calculator/index.html", "regions/qinghai/index.html"]:
        with urllib.request.urlopen(url_of(site_url, page)) as response:
            header = response.headers["Content-Security-Policy"]
            html = response.read().decode("utf-8")
        meta = CSP.search(html).group(1)
        assert header == f"{meta}; frame-ancestors 'self'", page
        assert "'sha256-" in header, page  # the theme's inline scripts are allowed in the header too


def test_pages_under_the_header_run_their_scripts_and_search_finds(browser, site_url) -> None:
    """On a host that applied `_headers`, three theme scripts were blocked on every page and search
    returned nothing: the header lacked the inline-script hashes of the meta tags."""
    from .test_calculator_start import type_query

    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    try:
        page = context.new_page()
        console = []
        page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
        for path in ["index.html", "about/index.html", "regions/hefei/index.html"]:
            response = page.goto(url_of(site_url, path), wait_until="load")
            assert "script-src" in response.headers["content-security-policy"], path  # the header is sent
            settled(page)
            assert page.evaluate("() => window.__violations") == [], path
        page.locator("body").press("/")
        page.locator(".md-search__input").wait_for(state="visible")
        type_query(page, "学时")
        page.wait_for_selector(".md-search-result__item", timeout=START_TIMEOUT_MS)
        assert page.locator(".md-search-result__item").count() > 0
        page.goto(f"{site_url}calculator/#s={share_data({'version': 1, 'policy': 'hefei', 'activities': []})}")
        assert wait_for_result(page) == "ready"
        page.locator("body").press("/")
        page.wait_for_function("() => document.documentElement.dataset.theme === 'loaded'")
        assert page.evaluate("() => window.__violations") == []
        assert console == []
    finally:
        context.close()
