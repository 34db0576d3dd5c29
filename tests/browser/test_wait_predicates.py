"""Every page.wait_for_function predicate in the browser tests is a function, never an expression.

Playwright evaluates an expression predicate with eval() while polling, which the site's Content
Security Policy forbids; such a wait passes when the condition already holds and fails with an
EvalError when it has to poll (a CI failure on 2026-11-21 came from exactly this). The check reads
the test sources, so it needs no browser.
"""
import re
from pathlib import Path

HERE = Path(__file__).parent


def expression_predicates(text: str) -> list[str]:
    found = []
    for match in re.finditer(r"wait_for_function\(\s*f?[\"']([^\n]*)", text):
        start = match.group(1).lstrip()
        if not re.match(r"(\(\s*[\w, ]*\)|\w+)\s*=>|function\b|async\b", start):
            found.append(start[:60])
    return found


def test_the_check_catches_an_expression_predicate():
    assert expression_predicates('page.wait_for_function("document.title === 1")')
    assert not expression_predicates('page.wait_for_function("() => document.title === 1")')
    assert not expression_predicates("page.wait_for_function(\n  '(n) => n > 1', arg=2)")


def offenders(find, paths, checker: str) -> dict[str, list[str]]:
    """What `find` finds in each test source (the checker's own file left out), by file."""
    found = {}
    for path in sorted(paths):
        if path.name == Path(checker).name:
            continue
        bad = find(path.read_text(encoding="utf-8"))
        if bad:
            found[path.relative_to(HERE).as_posix()] = bad
    return found


def test_every_wait_predicate_is_a_function():
    assert offenders(expression_predicates, HERE.glob("*.py"), __file__) == {}
