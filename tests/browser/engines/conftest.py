"""The engines besides Chromium (issue 13): WebKitGTK (Safari's engine) and Firefox ESR, each
started once per session (drivers.py says how). A missing engine fails the tests that need it,
with what to install: never a silent skip."""

from __future__ import annotations

import pytest

from .drivers import ENGINES, EngineMissing


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed engine test shows what the engine's own processes said (a crash's last words)."""
    outcome = yield
    report = outcome.get_result()
    engine = getattr(item, "funcargs", {}).get("engine")
    if report.failed and engine is not None:
        tail = engine.log_tail()
        if tail:
            report.sections.append((f"{engine.name}: its own log, last lines", tail))


@pytest.fixture(scope="session")
def engines():
    started = {}
    yield started
    for engine in started.values():
        engine.close()


@pytest.fixture(params=sorted(ENGINES))
def engine(request, engines, site_url):
    """One of the engines, on a page of the site, with the calculator's saved work cleared."""
    name = request.param
    if name not in engines:
        try:
            engines[name] = ENGINES[name]()
        except EngineMissing as err:
            pytest.fail(f"{name}: {err}", pytrace=False)
    engine = engines[name]
    try:
        engine.goto(f"{site_url}about/")
    except Exception as err:  # noqa: BLE001 (a session the last test's page took down: see below)
        # WebKitWebDriver ends the session when the web process crashes or hangs ("session deleted
        # because of page crash or hang"; seen once in WebKitGTK under two busy loops, README). That
        # test failed with it; each later test gets a browser of its own rather than the dead one.
        if "session" not in str(err).lower():
            raise
        try:
            engine.close()
        except Exception:  # noqa: BLE001 (already gone)
            pass
        engine = engines[name] = ENGINES[name]()
        engine.goto(f"{site_url}about/")
    engine.run("() => localStorage.clear()")
    return engine
