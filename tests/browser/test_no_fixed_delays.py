"""No browser test waits a fixed time (issue 22): a fixed delay is a guess at the machine's speed,
and a shared machine (load 7-14 on 2 cores) outran the 4 s that test_returning_visitor held Python
back. A test waits on an event or a state of the page, holds a resource and releases it
(helpers.Held), or moves the page's clock (page.clock). The check reads the test sources, so it
needs no browser. The one sleep allowed is the engines' poll between two looks at the page
(engines/drivers.py Engine.wait_for, POLL_S), which waits on a condition.
"""
import re

from .test_wait_predicates import HERE, offenders

FIXED = re.compile(r"\bwait_for_timeout\(|\bsleep\((?!POLL_S\))")


def fixed_delays(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if FIXED.search(line) and not line.lstrip().startswith("#")]


def test_the_check_catches_a_fixed_delay():
    assert fixed_delays("    page.wait_for_timeout(300)\n")
    assert fixed_delays("        time.sleep(seconds)\n")
    assert not fixed_delays("            time.sleep(POLL_S)\n")
    assert not fixed_delays('    page.wait_for_selector("#x", timeout=START_TIMEOUT_MS)\n')


def test_no_browser_test_waits_a_fixed_time():
    assert offenders(fixed_delays, HERE.rglob("*.py"), __file__) == {}
