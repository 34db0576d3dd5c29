"""A site built with the fixture notice (tests/fixtures/policies/fixture.yaml, a made-up region)
beside the project's notices: `python build.py --policies … --sources … --build … --site …`.
The fixture gets its region page and is computed by calc in the browser exactly as in CPython,
with no file outside its YAML and its tests changed. The build (about a minute) goes to a
temporary folder; site/, calc/rules.json and docs/ are left alone.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT, TODAY, browser_report, share_data, wait_for_result
from .helpers import add_activity, wait_report

pytestmark = pytest.mark.slow

FIXTURES = ROOT / "tests" / "fixtures"

SCENARIO = {
    "version": 1,
    "policy": "fixture",
    "person": {"tenure_start": 2022, "gender": "male", "birth_date": "1968-01-01"},
    "activities": [
        {"kind": "public_course", "year": 2023, "hours": 30},
        {"kind": "training", "year": 2023, "days": 5},
        {"kind": "aid", "year": 2024},
        {"kind": "aid", "year": 2024},
        {"kind": "skills_award", "year": 2024, "prize": "first"},
        {"kind": "public_course", "year": 2024, "hours": 30, "filed": False},
        {"kind": "system_hours", "year": 2024, "hours": 15, "category": "public"},
        {"kind": "online_study", "year": 2024, "hours": 10},
        {"kind": "book", "year": 2022, "chars": 100000},
        {"kind": "overseas", "year": 2024, "days": 8},
    ],
    "target": {"type": "review", "level": "intermediate", "year": 2024},
}


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixture-build")
    command = [sys.executable, "build.py", "--policies", str(FIXTURES / "policies"), "--sources", str(FIXTURES / "sources"),
               "--build", str(out / "build"), "--site", str(out / "site")]
    before = (ROOT / "calc" / "rules.json").read_bytes()
    docs_before = _files(ROOT / "docs")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (ROOT / "calc" / "rules.json").read_bytes() == before
    assert _files(ROOT / "docs") == docs_before  # MkDocs reads docs/ as it is: nothing written there
    return out


def _files(folder) -> dict:
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def fixture_url(fixture_build):
    from sitebuild.static_host import serve_in_thread

    server, url = serve_in_thread(fixture_build / "site")
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def cpython(fixture_build):
    """calc in CPython, reading the fixture build's rule data."""
    import calc

    calc.ruledata.use(fixture_build / "build" / "rules.json")
    yield lambda scenario: json.loads(json.dumps(calc.evaluate(scenario, TODAY), ensure_ascii=False))
    calc.ruledata.use(None)


def test_the_fixture_has_its_region_page(fixture_build) -> None:
    html = (fixture_build / "site" / "regions" / "fixture" / "index.html").read_text("utf-8")
    assert "示例市继续教育学时规定" in html and "需要您提供的个人信息" in html and "示例市教育局" in html
    assert (fixture_build / "site" / "regions" / "fixturetown" / "index.html").exists()


def test_the_browser_computes_the_fixture_as_cpython_does(page, fixture_url, cpython) -> None:
    page.goto(f"{fixture_url}calculator/#s={share_data(SCENARIO)}")
    assert wait_for_result(page) == "ready"
    report = browser_report(page)
    assert report == cpython(SCENARIO)
    assert report["rules"] == "fixture" and report["errors"][0]["code"] == "field_missing"
    lines = {(l["kind"], l["activity"]): l for y in report["years"] for l in y["lines"]}
    assert lines[("aid", 3)]["hours"] == 0 and "每年只计一次" in lines[("aid", 3)]["note"]
    assert lines[("public_course", 5)]["hours"] == 0 and "备案" in lines[("public_course", 5)]["note"]
    assert lines[("system_hours", 6)]["category"] == "public"
    assert "附表" in lines[("online_study", 7)]["reading"]
    assert page.errors == []


def test_the_form_asks_for_the_fixtures_person_facts_and_kinds(page, fixture_url) -> None:
    """The fixture's person facts are asked by the form from its YAML alone. Every one of them is
    one its verdict depends on (a hand-off, an age reduction, the tenure, a move into the region, an
    exemption), so each is asked inside 职称申报 once an application is chosen (issue 11), the
    exemptions' facts folded there; none is left for “其他个人情况”, which is not shown."""
    page.goto(f"{fixture_url}calculator/?policy=fixture")
    wait_for_result(page)
    target = page.locator("#target-fields")
    fact = lambda name: target.locator(f"[name={name}]")  # noqa: E731
    page.select_option("#target-fields select[name=type]", "review")
    page.select_option("#target-fields select[name=level]", "senior")
    for name in ("tenure_start", "gender", "birth_date", "transferred_in_year", "profession"):
        assert fact(name).count() == 1 and fact(name).is_visible(), name
    # the facts only an exemption uses: folded in 职称申报 until the person opens them
    rare = target.locator("details.calc-more-facts")
    for name in ("remote_post", "model_worker"):
        assert rare.locator(f"[name={name}]").count() == 1 and not fact(name).is_visible(), name
    rare.locator("summary").click()
    assert fact("remote_post").is_visible() and "在偏远地区工作" in target.inner_text()
    assert page.locator("#person").is_hidden() and page.locator("#person-fields [name]").count() == 0
    assert page.locator("#calc-form [name=accounting_platform]").count() == 0  # another region's fact
    report = wait_report(page, "r.readiness && r.readiness.target.includes('副高级')")
    assert report["readiness"]["status"] != "exempt"
    fact("model_worker").check()
    report = wait_report(page, "r.readiness && r.readiness.status === 'exempt'")
    assert any("劳动模范" in r for r in report["readiness"]["reasons"])
    add_activity(page, "aid", 2024)
    report = wait_report(page, "r.years.some((y) => y.year === 2024 && y.lines.some((l) => l.kind === 'aid'))")
    assert sum(l["hours"] for y in report["years"] for l in y["lines"] if l["kind"] == "aid") == 60
    assert page.errors == []


def test_every_kind_of_the_fixture_shows_calcs_words(page, fixture_url, cpython) -> None:
    """One vocabulary, for a notice added as YAML only: each of its kinds' cards and lines show the
    words calc ships for it (tests/browser/vocabulary_check.py)."""
    import sys

    import calc

    from .vocabulary_check import mismatches

    sys.path.insert(0, str(ROOT / "tests"))
    from every_kind import every_kind

    scenario = every_kind("fixture")
    assert len(scenario["activities"]) == 17
    found = mismatches(page, fixture_url, scenario, calc.catalogue("fixture"))
    assert found == [], "\n".join(found[:20])
