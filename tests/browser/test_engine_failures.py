"""Issue 13: when Python cannot start or stops, the page says so within seconds, in plain Chinese,
with what the person can do, and keeps everything they entered.

Each failure is made real in Chromium: the worker's script served with WebAssembly removed (iOS
Lockdown Mode has none), the runtime files answering 404 or the network cut, a download that
never ends (the page's clock moved on past the stall watch), the worker killed or stopped
mid-calculation. Each test checks #result's data-status="error" and data-error (the stable
reason), the words shown (never a raw program error, never "starting" for ever), and that the
user's entries are still there after a reload.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import NOON, START_TIMEOUT_MS, browser_report, cpython_report, share_data, wait_for_result
from .helpers import SNAPSHOT, saved_scenario, unfolded, wait_report
from .test_keep_work import PLANNED

WORKER = re.compile(r".*/calculator/worker\.js(\?.*)?$")
RUNTIME = re.compile(r".*/pyodide/\d[\w.]*-[0-9a-f]{10}/.*")  # the runtime directory (sitebuild/runtime.py)
WASM = re.compile(r".*/pyodide/\d[\w.]*-[0-9a-f]{10}/pyodide\.asm\.wasm$")
RAW_ERRORS = ["undefined", "Cannot read", "Error", "HTTP", "worker", "Pyodide", "at "]


@pytest.fixture()
def fresh(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.unroute_all(behavior="ignoreErrors")  # a route still fetching must not fail the next test
    context.close()


def serve_worker(context, change) -> None:
    """Serve calculator/worker.js with `change(text)` applied (the built worker is one file)."""

    def handler(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()),
                      headers={**response.headers, "content-type": "text/javascript"})

    context.route(WORKER, handler)


def wait_failure(page, reason: str) -> dict:
    """The failure said, with its reason, and its words. "Within seconds" is not a bound a test can
    hold on a shared machine (issue 22); the reason shows it instead: the page's watch (engine.js)
    says "stalled" or "crashed" only after 30 s or 60 s of the page's clock, so any other reason
    (no_wasm, old_browser, download, memory) came from an event, at once. The tests of the watch
    move the page's clock on (page.clock). The wait is bounded only against a hang."""
    page.wait_for_selector(f"#result[data-status=error][data-error={reason}]", state="attached", timeout=START_TIMEOUT_MS)
    shown = {
        "headline": page.inner_text("#result-error"),
        "help": page.inner_text("#engine-help"),
        "progress": page.inner_text("#engine-status"),
    }
    for text in shown.values():
        for raw in RAW_ERRORS:
            assert raw not in text, f"raw program words {raw!r} shown: {text}"
    assert "正在" not in shown["progress"]  # not "starting" any more
    assert page.locator("#result-error").is_visible() and page.locator("#engine-help").is_visible()
    return shown


def worksheet_link(page, site_url, region: str) -> None:
    link = page.locator("#engine-help #engine-worksheet")
    assert link.get_attribute("href").endswith(f"regions/{region}-worksheet/")
    answer = page.request.get(f"{site_url}regions/{region}-worksheet/")
    assert answer.ok and "手算表" in answer.text()


def entries_survive_reload(page, scenario) -> None:
    """The saved work is the scenario, and after a reload the form shows it again. (After a stop
    in the middle of a calculation the page may ask before calculating it again: storage.js's
    start-up guard; the form is there either way.)"""
    assert saved_scenario(page) == scenario
    page.reload()
    cards = page.locator("#activity-list > [data-activity]")
    page.wait_for_function("(n) => document.querySelectorAll('#activity-list > [data-activity]').length === n",
                           arg=len(scenario["activities"]), timeout=START_TIMEOUT_MS)
    assert saved_scenario(page) == scenario
    first = scenario["activities"][0]
    assert cards.first.locator("select[name=kind]").input_value() == first["kind"]
    assert cards.first.locator("input[name=hours]").input_value() == str(first["hours"])


def edit_first_hours(page, hours: int) -> dict:
    """Change the first activity's hours as a person would; returns the scenario expected."""
    page.locator('#activity-list > [data-activity="0"] input[name=hours]').fill(str(hours))
    expected = json.loads(json.dumps(PLANNED))
    expected["activities"][0]["hours"] = hours
    page.wait_for_function("(want) => localStorage.getItem('jxjy-calculator/scenario') === want",
                           arg=json.dumps(expected, ensure_ascii=False, separators=(",", ":")))
    return expected


def open_planned(page, site_url, query: str = "") -> None:
    page.goto(f"{site_url}calculator/{query}#s={share_data(PLANNED)}")


# ---- the browser cannot run it ---------------------------------------------------------------


def test_no_webassembly_in_the_worker_is_said_at_once(fresh, site_url):
    """iOS Lockdown Mode: no WebAssembly. Said before anything is downloaded, with what to change."""
    serve_worker(fresh, lambda code: "delete globalThis.WebAssembly;\n" + code)
    requests = []
    fresh.on("request", lambda r: requests.append(r.url))
    page = fresh.new_page()
    open_planned(page, site_url)
    shown = wait_failure(page, "no_wasm")
    assert "WebAssembly" in shown["headline"]
    assert "锁定模式" in shown["help"] and "网站设置" in shown["help"]
    assert "在浏览器打开" in shown["help"]
    assert page.locator("#engine-retry").count() == 0  # the same browser would fail the same way
    worksheet_link(page, site_url, "qinghai")
    assert not [u for u in requests if "pyodide.asm" in u or SNAPSHOT.match(u)]  # checked first
    entries_survive_reload(page, PLANNED)
    wait_failure(page, "no_wasm")  # said again after the reload, once the new worker has checked


def test_no_webassembly_in_the_page_either(fresh, site_url):
    fresh.add_init_script("delete window.WebAssembly;")
    page = fresh.new_page()
    open_planned(page, site_url)
    shown = wait_failure(page, "no_wasm")
    assert "锁定模式" in shown["help"]
    assert page.workers == []  # no worker started at all
    worksheet_link(page, site_url, "qinghai")  # said before the regions were loaded, linked once they are
    entries_survive_reload(page, PLANNED)


def test_a_browser_without_webassembly_exception_handling_is_too_old(fresh, site_url):
    """WebAssembly there but older than Pyodide 314 needs: the worker's probes say so."""
    serve_worker(fresh, lambda code: "WebAssembly.validate = () => false;\n" + code)
    page = fresh.new_page()
    open_planned(page, site_url)
    shown = wait_failure(page, "old_browser")
    assert "版本太旧" in shown["headline"] and "更新" in shown["help"]


# ---- downloads -------------------------------------------------------------------------------


def test_runtime_404_is_said_and_retry_really_restarts(fresh, site_url):
    broken = {"on": True}

    def runtime(route):
        if broken["on"]:
            route.fulfill(status=404, body="not found")
        else:
            route.continue_()

    fresh.route(RUNTIME, runtime)
    page = fresh.new_page()
    open_planned(page, site_url)
    shown = wait_failure(page, "download")
    assert "没能下载" in shown["headline"] and "网络" in shown["help"]
    worksheet_link(page, site_url, "qinghai")
    assert saved_scenario(page) == PLANNED

    broken["on"] = False  # the network is back: the retry button starts a new worker
    page.click("#engine-retry")
    assert page.get_attribute("#result", "data-error") is None
    assert wait_for_result(page) == "ready"
    assert browser_report(page) == cpython_report(PLANNED)
    assert page.locator("#engine-help").is_hidden() and page.locator("#result-error").is_hidden()


def test_network_cut_is_said(fresh, site_url):
    fresh.route(RUNTIME, lambda route: route.abort("internetdisconnected"))
    page = fresh.new_page()
    open_planned(page, site_url)
    shown = wait_failure(page, "download")
    assert "网络" in shown["help"] and page.locator("#engine-retry").is_visible()
    entries_survive_reload(page, PLANNED)


def test_snapshot_404_falls_back_to_a_normal_start(fresh, site_url):
    fresh.route(SNAPSHOT, lambda route: route.fulfill(status=404, body="not found"))
    page = fresh.new_page()
    open_planned(page, site_url)
    assert wait_for_result(page) == "ready"
    assert browser_report(page) == cpython_report(PLANNED)
    detail = page.evaluate("() => performance.getEntriesByName('calc-engine-ready')[0].detail")
    assert detail["start"] == "normal" and "404" in detail["fallback"]
    assert page.get_attribute("#result", "data-error") is None


def test_a_download_that_stops_moving_is_a_stall_not_a_wait_for_ever(fresh, site_url):
    """pyodide.asm.wasm never arrives. While the page waits it says it is downloading; once nothing
    has moved for the stall watch's time (the page's clock moved on), it says the network stalled."""
    hung = []
    fresh.route(WASM, lambda route: hung.append(route))  # never answered
    page = fresh.new_page()
    page.clock.install(time=NOON)
    open_planned(page, site_url)
    page.wait_for_function("() => document.getElementById('engine-text').textContent.includes('正在下载')")
    assert page.get_attribute("#result", "data-status") == "loading"
    stalled = "#result[data-error=stalled]"
    # Move the page's clock past the stall watch until the other files, still arriving for a
    # moment, are done and only the wasm is pending (each jump is 35 s of the page's time; a busy
    # machine takes more jumps, bounded only against a hang).
    deadline = time.monotonic() + START_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        page.clock.fast_forward("00:35")
        try:
            page.wait_for_selector(stalled, state="attached", timeout=1000)
            break
        except PlaywrightTimeout:
            continue
    shown = wait_failure(page, "stalled")
    assert "30 秒" in shown["headline"] and "网络" in shown["help"]
    assert page.locator("#engine-retry").is_visible()
    for route in hung:
        route.abort()


# ---- the worker stops --------------------------------------------------------------------------


def started_page(fresh, site_url, clock: bool = False):
    page = fresh.new_page()
    if clock:
        page.clock.install(time=NOON)
    open_planned(page, site_url)
    assert wait_for_result(page) == "ready"
    assert len(page.workers) == 1
    return page


def test_worker_crash_mid_calculation(fresh, site_url):
    page = started_page(fresh, site_url)
    page.workers[0].evaluate("setTimeout(() => { throw new Error('simulated crash'); }, 0)")
    shown = wait_failure(page, "crashed")
    assert "意外停止" in shown["headline"] and "内存" in shown["help"]
    expected = edit_first_hours(page, 25)  # the form works on, and saves
    page.click("#engine-retry")
    report = wait_report(page, "r.years.some(y => y.year === 2025 && y.public === 25)")
    assert report == cpython_report(expected)
    entries_survive_reload(page, expected)
    assert wait_for_result(page) == "ready"  # it crashed while idle: nothing to ask about


def test_worker_killed_silently_is_noticed(fresh, site_url):
    """A worker the system ends without a word (as a phone does when memory runs out): the next
    calculation gets no answer, and the page says so once the answer watch has run out."""
    page = started_page(fresh, site_url, clock=True)
    page.workers[0].evaluate("self.close()")
    expected = edit_first_hours(page, 26)
    # The calculation is asked in a task after the save (app.js changed()): the answer watch runs
    # from then, so the clock moves on once it has been asked (the start-up guard's mark is set).
    page.wait_for_function("() => localStorage.getItem('jxjy-calculator/calculating') !== null")
    page.clock.fast_forward("00:31")
    shown = wait_failure(page, "crashed")
    assert "重新启动计算程序" in shown["help"]
    entries_survive_reload(page, expected)
    # that calculation never answered: after the reload the page asks before trying it again
    assert "没有算完" in page.inner_text("#notice")


MEMORY_MARK = "内存测试"


def test_python_out_of_memory_in_a_calculation(fresh, site_url):
    """Python stops with WebAssembly's out-of-memory error in the middle of a calculation."""

    def oom(code):
        return code + (
            "\nstarted.then(() => { const real = worker.calc; worker.calc = { evaluate_json(text, today) {"
            f" if (text.includes({json.dumps(MEMORY_MARK)})) throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');"
            " return real.evaluate_json(text, today); } }; });\n"
        )

    serve_worker(fresh, oom)
    page = started_page(fresh, site_url)
    unfolded(page.locator('#activity-list > [data-activity="0"] input[name=title]')).fill(MEMORY_MARK)
    shown = wait_failure(page, "memory")
    assert "内存不足" in shown["headline"] and "关掉其他应用" in shown["help"]
    expected = json.loads(json.dumps(PLANNED))
    expected["activities"][0]["title"] = MEMORY_MARK
    assert saved_scenario(page) == expected
    page.reload()
    page.wait_for_selector("#activity-list > [data-activity]", state="attached")
    assert page.locator('#activity-list > [data-activity="0"] input[name=title]').input_value() == MEMORY_MARK
