"""The calculator's two ways of starting Python give the same reports as CPython (issue 5).

Fast path: the worker restores the build-time memory snapshot (calc already imported). The
snapshot holds only the Python calc used at build time (sitebuild/snapshot.mjs): whatever else a
scenario reaches raises SnapshotTrimmed there, and the worker then starts Python normally and
computes again.
Fall-back: a normal Pyodide start from the lockfile and the calc wheel, chosen with ?start=normal
or taken automatically when the snapshot cannot be used (here: its download fails). Both are
checked through the worker's protocol on every example scenario and the error paths, and through
the page's share link. The boot path is also run under the Content-Security-Policy the site will
get (script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self').
"""

from __future__ import annotations

import json
import re

import pytest

from .conftest import ROOT, START_TIMEOUT_MS, TODAY, browser_report, cpython_report, share_data

EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json")) + sorted((ROOT / "tests" / "fixtures").glob("browser_*.json"))
ERROR_TEXTS = ["{", "[]", '{"version": 1, "policy": "nowhere", "activities": []}', '"text"']
CSP = "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'"

# Run in a page of the site: start the worker as the calculator does, then evaluate each text in
# turn (the worker answers only the newest request, so one at a time).
WORKER_RUN = """async ([workerPath, texts, today]) => {
  const worker = new Worker(new URL(workerPath, location.href), { type: "module" });
  const next = () => new Promise((resolve) => worker.addEventListener("message", (e) => resolve(e.data), { once: true }));
  const ready = await next();
  if (ready.type !== "ready") return { ready, reports: [] };
  const reports = [];
  let id = 0;
  for (const text of texts) {
    const answer = next();
    worker.postMessage({ type: "evaluate", id: ++id, scenario: text, today });
    const msg = await answer;
    reports.push(msg.type === "report" ? msg.report : { error: msg.message });
  }
  worker.terminate();
  return { ready, reports };
}"""


def cpython_text_report(text: str) -> dict:
    import calc

    return json.loads(calc.evaluate_json(text, TODAY))


def run_worker(context, site_url: str, texts: list[str], query: str = "", console: list | None = None,
               today: str | None = TODAY) -> tuple[dict, list]:
    """The worker's answers to `texts`, each asked as of `today` as the page asks (None: the
    worker's own clock decides)."""
    page = context.new_page()
    if console is not None:
        page.on("console", lambda m: console.append(m.text))  # the worker's too
    try:
        page.set_default_timeout(START_TIMEOUT_MS)
        page.goto(site_url + "pyodide/README.txt")  # any page of the site: same origin, no scripts
        result = page.evaluate(WORKER_RUN, ["/calculator/worker.js" + query, texts, today])
        return result["ready"], [r if isinstance(r, dict) else json.loads(r) for r in result["reports"]]
    finally:
        page.close()


@pytest.fixture()
def fresh(browser):
    context = browser.new_context()
    yield context
    context.unroute_all(behavior="ignoreErrors")  # a route still fetching must not fail the next test
    context.close()


def all_texts() -> list[str]:
    return [p.read_text("utf-8") for p in EXAMPLES] + ERROR_TEXTS


def test_fast_path_gives_cpythons_reports(fresh, site_url):
    texts = all_texts()
    console = []
    ready, reports = run_worker(fresh, site_url, texts, console=console)
    assert ready["type"] == "ready" and ready["start"] == "snapshot", ready
    assert reports == [cpython_text_report(t) for t in texts]
    # and the snapshot had everything these needed: no normal start behind the scenes
    assert not [m for m in console if "starting Python normally" in m], console


def test_the_snapshot_leaves_out_what_calc_never_used(fresh, site_url):
    """About 1 MB brotli instead of 2.2 MB untrimmed (issue 14): function bodies and module
    attributes that neither calc nor the restore used at build time are not in it. The bound leaves
    room for calc to grow (0.91 MB when trimming landed, 1.08 MB with issue 11's calc) and fails
    if trimming stops working."""
    snapshot = next((ROOT / "site" / "pyodide").glob("calc-*.bin.br"))
    assert snapshot.stat().st_size < 1_400_000


def test_scenario_beyond_the_snapshot_is_computed_after_a_normal_start(fresh, site_url):
    """A scenario that reaches code the snapshot left out (here: calc.evaluate_json itself made to
    raise SnapshotTrimmed, as a left-out function does) gets the same report, from Python started
    normally."""
    def trimmed_entry_point(route):
        response = route.fetch()
        code = response.text()
        hook = "restored = pyodide;"
        assert code.count(hook) == 1
        patch = hook + ' pyodide.runPython("import builtins, calc\\ndef _left_out(text, today=None):\\n    raise builtins.SnapshotTrimmed()\\ncalc.evaluate_json = _left_out");'
        route.fulfill(response=response, body=code.replace(hook, patch))

    fresh.route(re.compile(r".*/calculator/worker\.js(\?.*)?$"), trimmed_entry_point)
    texts = [EXAMPLES[0].read_text("utf-8"), EXAMPLES[1].read_text("utf-8")]
    console = []
    ready, reports = run_worker(fresh, site_url, texts, console=console)
    assert ready["start"] == "snapshot", ready
    assert reports == [cpython_text_report(t) for t in texts]
    assert len([m for m in console if "starting Python normally" in m]) == 1, console


def test_the_snapshot_is_used_on_another_day(fresh, site_url):
    """The self-check after a restore compares calc's report with the build's, and a report says
    which date it used: the check must not depend on the day the page is opened. Here the
    worker's clock is three days after the build's."""
    import datetime

    import calc

    def days_later(route):
        response = route.fetch()
        shift = "const shiftedNow = Date.now; Date.now = () => shiftedNow() + 3 * 86_400_000;\n"
        route.fulfill(response=response, body=shift + response.text())

    fresh.route(re.compile(r".*/calculator/worker\.js(\?.*)?$"), days_later)
    texts = [EXAMPLES[0].read_text("utf-8")]
    ready, reports = run_worker(fresh, site_url, texts, today=None)
    later = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    assert reports == [json.loads(calc.evaluate_json(t, later)) for t in texts]  # the worker's clock moved
    assert ready["start"] == "snapshot", ready


def test_forced_fallback_gives_cpythons_reports(fresh, site_url):
    texts = all_texts()
    ready, reports = run_worker(fresh, site_url, texts, "?start=normal")
    assert ready["type"] == "ready" and ready["start"] == "normal", ready
    assert reports == [cpython_text_report(t) for t in texts]


def test_snapshot_that_cannot_be_fetched_falls_back(fresh, site_url):
    fresh.route(re.compile(r".*/pyodide/calc-[0-9a-f]+\.bin$"), lambda route: route.abort())
    texts = [EXAMPLES[0].read_text("utf-8")]
    ready, reports = run_worker(fresh, site_url, texts)
    assert ready["type"] == "ready" and ready["start"] == "normal", ready
    assert "snapshot" in (ready.get("fallback") or "") or "fetch" in (ready.get("fallback") or "").lower()
    assert reports == [cpython_text_report(t) for t in texts]


def test_corrupt_snapshot_falls_back(fresh, site_url):
    """A snapshot that downloads but is not what the manifest says (truncated) is not used."""

    def truncated(route):
        response = route.fetch()
        route.fulfill(status=200, headers={"content-type": "application/octet-stream"}, body=response.body()[:100_000])

    fresh.route(re.compile(r".*/pyodide/calc-[0-9a-f]+\.bin$"), truncated)
    texts = [EXAMPLES[-1].read_text("utf-8")]
    ready, reports = run_worker(fresh, site_url, texts)
    assert ready["start"] == "normal" and "snapshot" in ready["fallback"], ready
    assert reports == [cpython_text_report(t) for t in texts]


def engine_mark(page) -> dict:
    return page.evaluate("performance.getEntriesByName('calc-engine-ready')[0].detail")


@pytest.mark.parametrize("query, start", [("", "snapshot"), ("?start=normal", "normal")])
def test_share_link_under_the_content_security_policy(browser, site_url, query, start):
    """The whole page, with the CSP header on every response of the calculator (the page and its
    scripts: a worker's policy comes from its own script's response) and no violation."""
    context = browser.new_context()

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    context.route(re.compile(r".*/calculator/.*"), with_csp)
    page = context.new_page()
    try:
        messages = []
        page.on("console", lambda m: messages.append(m.text))
        page.on("pageerror", lambda e: messages.append(str(e)))
        scenario = json.loads(EXAMPLES[0].read_text("utf-8"))
        page.goto(f"{site_url}calculator/{query}#s={share_data(scenario)}")
        # not wait_for_result: its string predicate is an eval, which this policy forbids
        page.wait_for_selector("#result[data-status=ready], #result[data-status=error]", state="attached",
                               timeout=START_TIMEOUT_MS)
        assert page.get_attribute("#result", "data-status") == "ready", page.text_content("#result-error")
        assert browser_report(page) == cpython_report(scenario)
        assert engine_mark(page)["start"] == start
        violations = [m for m in messages if "Content Security Policy" in m or "Refused to" in m]
        # The theme's own inline scripts (Material's base.html) are the CSP step's to move out;
        # the calculator's boot path (worker, Pyodide, wasm, snapshot) must cause no violation.
        assert [m for m in violations if not m.startswith("Executing inline script")] == []
    finally:
        context.unroute_all(behavior="ignoreErrors")  # a route still fetching must not fail the next test
        context.close()
