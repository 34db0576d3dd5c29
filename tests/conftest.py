"""Shared helpers: build a scenario in one line and look things up in its report.

Every report depends on today's date (which years can still take hours): tests always pass one.
`check` computes as of `during(scenario)` unless told otherwise: the middle of the application
year, when its hours can still be taken, as a person checks before applying.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from calc.ledger import Ledger  # noqa: E402
from calc.report import build  # noqa: E402  (build raises on defects, so tests see them)
from calc.scenario import Scenario, read  # noqa: E402

TODAY = date(2025, 7, 1)  # a day of the newest notice's year, before its deadlines


def during(scenario: object) -> date:
    """The day a test computes as of, unless it says: 1 July of the application year, else TODAY."""
    target = scenario.get("target") if isinstance(scenario, dict) else None
    year = target.get("year") if isinstance(target, dict) else None
    return date(year, 7, 1) if isinstance(year, int) and not isinstance(year, bool) and 2000 <= year <= 2100 else TODAY


def check(scenario: object, today: date | str | None = None) -> dict:
    """The report of a scenario as of `today` (default: during(scenario))."""
    return build(scenario, today or during(scenario))


def run(policy: str, *activities: dict, person: dict | None = None, target: dict | None = None,
        requirements: dict | None = None, today: date | str | None = None) -> dict:
    scenario: dict = {"version": 1, "policy": policy, "activities": list(activities)}
    if person is not None:
        scenario["person"] = person
    if target is not None:
        scenario["target"] = target
    if requirements is not None:
        scenario["requirements"] = requirements
    return check(scenario, today)


def year_of(report: dict, year: int) -> dict:
    for entry in report["years"]:
        if entry["year"] == year:
            return entry
    raise AssertionError(f"no year {year} in report: {[y['year'] for y in report['years']]}")


def kind_hours(report: dict, year: int, kind: str) -> float:
    return sum(line["hours"] for line in year_of(report, year)["lines"] if line["kind"] == kind)


def scenario_of(policy: str, *activities: dict, **parts: object) -> Scenario:
    """The scenario as calc reads it (calc.scenario.read), for calling a module of calc on it
    directly; `parts`: person, target, requirements as a scenario file holds them. A reading error
    fails the test: it never computes something other than what it wrote."""
    raw = {"version": 1, "policy": policy, "activities": list(activities), **parts}
    scenario, errors = read(raw)
    assert scenario is not None and errors == [], errors
    return scenario


def ledger_of(policy: str, *activities: dict, extra_years: frozenset[int] = frozenset(), **parts: object) -> Ledger:
    """The ledger of scenario_of(...), with `extra_years` opened as a title window opens them."""
    return Ledger(scenario_of(policy, *activities, **parts), extra_years=set(extra_years))


# ---- --busy: every core kept busy for the session (issue 22) --------------------------------------
# A test that depends on how fast the machine is fails on a shared one; run the suite with --busy
# (or under scripts/busy) to see that none does. The loops are scripts/busy's: it runs, beside the
# session, a command that ends when the session closes its pipe (or dies), and then stops them.


BUSY = pytest.StashKey()
BUSY_LOAD = pytest.StashKey()


def pytest_addoption(parser):
    parser.addoption("--busy", action="store_true",
                     help="keep every core busy during the session (scripts/busy: one busy loop per core)")


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def pytest_sessionstart(session):
    if session.config.getoption("busy"):
        import subprocess

        session.config.stash[BUSY_LOAD] = [load_average()]
        session.config.stash[BUSY] = subprocess.Popen(
            [str(ROOT / "scripts" / "busy"), sys.executable, "-c", "import sys; sys.stdin.read()"],
            stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)


def pytest_sessionfinish(session):
    loops = session.config.stash.get(BUSY, None)
    if loops is not None:
        session.config.stash[BUSY_LOAD].append(load_average())
        loops.stdin.close()  # the command ends, and scripts/busy stops the loops
        loops.wait()


def pytest_report_header(config):
    if config.getoption("busy"):
        return f"busy: one busy loop per core ({len(os.sched_getaffinity(0))}) for the session (scripts/busy)"
    return None


def pytest_terminal_summary(terminalreporter, config):
    loads = config.stash.get(BUSY_LOAD, None)
    if loads:
        terminalreporter.write_line(f"busy: load average (1, 5, 15 min) {loads[0]} at the start, {loads[-1]} at the end")
