"""The calculator in a real browser computes what CPython computes.

For every example scenario (docs/examples/*.json and tests/fixtures/browser_*.json) the report calc produces in Pyodide, opened through
a #s= share link, equals calc.evaluate() in CPython; some scenarios are also typed into the form
field by field, and then the form's own share link must hold exactly the example scenario.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT, browser_report, cpython_report, decode_link, share_data, wait_for_result
from .helpers import SNAPSHOT, Held, add_activity, choose_region, wait_report, wait_report_equal
from .test_keep_work import PLANNED

# The published example scenarios (docs/examples/, downloadable from the site) and the browser
# fixtures (tests/fixtures/browser_*.json: bad input on purpose).
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json")) + sorted((ROOT / "tests" / "fixtures").glob("browser_*.json"))
BY_NAME = {p.name: p for p in EXAMPLES}
TYPED = ["hefei_2021.json", "browser_qinghai_full_form.json", "qinghai_2025.json"]


def load(path: Path):
    return json.loads(path.read_text("utf-8"))


def outside_requests(page, site_url):
    return [u for u in page.requests if not u.startswith(site_url) and not u.startswith("data:")]


def test_there_are_examples():
    assert len(EXAMPLES) >= 5, "docs/examples/*.json: the browser tests need example scenarios"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_share_link_report_equals_cpython(page, site_url, path):
    scenario = load(path)
    page.goto(f"{site_url}calculator/#s={share_data(scenario)}")
    status = wait_for_result(page)
    expected = cpython_report(scenario)
    assert browser_report(page) == expected
    unusable = not expected["years"] and any(e.get("activity") is None for e in expected["errors"])
    assert status == ("error" if unusable else "ready")
    if unusable:
        assert page.locator("#result-error").is_visible()
        assert expected["errors"][0]["message"] in page.inner_text("#result-error")
    assert page.errors == []
    assert outside_requests(page, site_url) == []


def open_details(page, selector):
    """Open a folded section (a <details>); 职称申报 (#target) is a fieldset, always open."""
    if page.locator(selector).evaluate("e => e.tagName") == "DETAILS" and page.get_attribute(selector, "open") is None:
        page.click(f"{selector} > summary")


def revealed(control):
    """The control, with every folded section around it opened first (a card's “更多”, the rarer
    facts in 职称申报, “其他个人情况”), outermost first, by its summary as a person would."""
    for folded in control.locator("xpath=ancestor::details[not(@open)]").all():
        folded.locator(":scope > summary").click()
    return control


def open_year_details(page):
    """Open each year's “明细（N 项）与依据” (its table, notes and lines), as a person reading them would."""
    folded = page.locator("#report details.calc-year-more:not([open]) > summary")
    for _ in range(folded.count()):
        folded.first.click()
    assert folded.count() == 0


def set_control(control, value):
    """Fill an input, select or checkbox the way a person would."""
    control = revealed(control)
    tag = control.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
    if tag.startswith("select"):
        control.select_option(str(value))
    elif tag == "input:checkbox":
        control.set_checked(bool(value))
    elif isinstance(value, list):
        control.fill(" ".join(str(v) for v in value))
    else:
        control.fill(str(value))


def grid_cell(activity, grid, taken):
    """The category of the year grid's cell this activity is typed into, or None for a card: the
    cell's kind with a year and hours and nothing else, the first of its year (year-grid.js isCell)."""
    if not grid or set(activity) - {"kind", "year", "hours"} or "year" not in activity or "hours" not in activity:
        return None
    category = next((c for c in ("public", "professional") if grid[c]["kind"] == activity["kind"]), None)
    if category is None or (activity["year"], category) in taken:
        return None
    taken.add((activity["year"], category))
    return category


def grid_row(page, year):
    """The year grid's row for a year: the one offered, or a new one (＋ 添加年度, its year typed)."""
    row = page.locator(f'#year-grid li.calc-grid-row[data-year="{year}"]')
    if row.count() == 0:
        page.click("#add-year")
        page.locator("#year-grid li.calc-grid-row input[name=year]:focus").fill(str(year))
    return row


def asked_scenario(scenario):
    """The scenario as the form can type it: the target's optional fields (date, degree, 已取得副高级)
    are asked only for the applications whose rules use them (catalogue target_fields, issue 11)."""
    import calc

    target = scenario.get("target")
    if not target:
        return scenario
    uses = {f["name"]: f for f in calc.catalogue(scenario["policy"])["target_fields"]}
    kept = {name: value for name, value in target.items() if name not in ("date", "degree", "has_deputy_senior")
            or (name in uses and target["type"] in uses[name]["types"] and target["level"] in uses[name]["levels"])}
    return {**scenario, "target": kept}


def type_scenario(page, scenario):
    """Type a scenario into the form as a person would; returns how many entries went into the
    year grid's cells (the others are cards)."""
    import calc

    choose_region(page, scenario["policy"])
    grid, taken = calc.catalogue(scenario["policy"])["grid"], set()
    cells = 0
    for index, activity in enumerate(scenario["activities"]):
        category = grid_cell(activity, grid, taken)
        if category:  # a certificate's 公需/专业 hours: a cell of the year's row
            grid_row(page, activity["year"]).locator(f"input[name={category}]").fill(str(activity["hours"]))
            cells += 1
            continue
        page.click("#add-activity")
        card = page.locator(f'#activity-list > [data-activity="{index}"]')
        card.locator("select[name=kind]").select_option(activity["kind"])
        card.locator("input[name=year]").fill(str(activity["year"]))
        for name, value in activity.items():
            if name not in ("kind", "year"):
                set_control(card.locator(f"[name={name}]"), value)
    if "target" in scenario:
        open_details(page, "#target")
        target = scenario["target"]
        page.select_option("#target-fields [name=type]", target["type"])
        for name, value in target.items():
            if name != "type":
                set_control(page.locator(f"#target-fields [name={name}]"), value)
    if "person" in scenario:
        for name, value in scenario["person"].items():
            # a fact the verdict depends on is asked in 职称申报, the others under “其他个人情况”
            set_control(page.locator(f"#target-fields [name={name}], #person-fields [name={name}]"), value)
    for year, figures in scenario.get("requirements", {}).items():
        open_details(page, "#requirements")
        page.click("#add-requirement")
        row = page.locator("#requirement-list > li").last
        row.locator("[name=year]").fill(year)
        for name, value in figures.items():
            row.locator(f"[name={name}]").fill(str(value))
    return cells


@pytest.mark.parametrize("name", TYPED)
def test_typed_scenario_report_equals_cpython(page, site_url, name):
    whole = load(BY_NAME[name])
    scenario = asked_scenario(whole)
    page.goto(f"{site_url}calculator/")  # no region chosen or remembered: asked first (type_scenario chooses it)
    page.wait_for_selector("#add-activity:not([disabled])", state="attached")
    cells = type_scenario(page, scenario)
    # the plain 公需/专业 hours are the grid's cells, the rest cards (never both)
    assert page.locator("#activity-list > li[data-activity]").count() == len(scenario["activities"]) - cells
    # a field of the target this application's rules do not use is not asked (issue 11)
    for field in set(whole.get("target", {})) - set(scenario.get("target", {})):
        assert page.locator(f"#calc-form [name={field}]").count() == 0, field
    expected = cpython_report(scenario)
    # The form's own share link holds exactly the scenario that was typed ...
    page.click("#make-share")
    page.wait_for_function("() => document.getElementById('share-url').value !== ''")
    assert decode_link(page.input_value("#share-url")) == scenario
    # ... and the report, once Python has caught up with the last edit, is CPython's.
    assert wait_report_equal(page, expected) == expected
    assert page.get_attribute("#result", "data-status") == "ready"
    assert page.errors == []
    assert outside_requests(page, site_url) == []


def test_hefei_conference_and_foreign_language(page, site_url):
    """Issue 3's 'done when': 合肥, a national conference with a 2,500-character paper and a
    passed 职称外语 exam give 14 + 45 professional hours, each shown with its clause."""
    page.goto(f"{site_url}calculator/?policy=hefei")
    page.wait_for_selector("#add-activity:not([disabled])")
    add_activity(page, "conference", 2021, level="national", paper_chars=2500)  # the paper: under “更多”
    add_activity(page, "title_foreign_language", 2021, mode="exam")
    page.wait_for_function(
        "() => { const r = document.getElementById('result').dataset.report;"
        " return r && JSON.parse(r).years.some(y => y.lines.length === 2); }",
        timeout=90_000,
    )
    report = browser_report(page)
    (year,) = report["years"]
    assert [(line["kind"], line["category"], line["hours"]) for line in year["lines"]] == [
        ("conference", "professional", 14), ("title_foreign_language", "professional", 45)]
    open_year_details(page)  # the year's lines, folded under “明细（2 项）与依据”
    shown = page.inner_text("#report")
    for line in year["lines"]:
        assert line["citation"] in shown
    assert "专业科目 14学时" in shown and "专业科目 45学时" in shown


@pytest.mark.parametrize("policy", ["hefei", "xining", "weihai"])
def test_policy_link_preselects_region(page, site_url, policy):
    page.goto(f"{site_url}calculator/?policy={policy}")
    assert wait_for_result(page) == "ready"
    assert page.input_value("#policy") == policy
    assert browser_report(page)["policy"] == policy


def test_broken_share_link_shows_error(page, site_url):
    page.goto(f"{site_url}calculator/#s=***")
    assert wait_for_result(page) == "error"
    assert page.locator("#result-error").is_visible()
    assert "分享链接" in page.inner_text("#result-error")


def test_share_link_not_json_gets_calc_error_report(page, site_url):
    page.goto(f"{site_url}calculator/#s=bm90IGpzb24")  # "not json"
    assert wait_for_result(page) == "error"
    report = browser_report(page)
    assert report["years"] == [] and report["errors"][0]["activity"] is None
    assert page.locator("#result-error").is_visible()


def test_user_text_is_never_markup(page, site_url):
    scenario = load(BY_NAME["browser_hefei_entry_errors.json"])
    page.goto(f"{site_url}calculator/#s={share_data(scenario)}")
    wait_for_result(page)
    open_year_details(page)  # the lines, where the activity's name is shown
    assert page.locator("#calculator img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.inner_text("#report")
    assert page.errors == []


def test_form_is_usable_before_python_is_ready(page, site_url):
    python = Held(page, SNAPSHOT)  # Python cannot be ready before the form has been used
    page.goto(f"{site_url}calculator/?policy=hefei")
    page.wait_for_selector("#add-activity:not([disabled])")
    assert page.get_attribute("#result", "data-status") == "loading"
    page.click("#add-activity")
    page.locator("#activity-list select[name=kind]").select_option("public_course")
    assert page.get_attribute("#result", "data-status") == "loading"
    python.release()
    assert wait_for_result(page) == "ready"
    assert browser_report(page)["policy"] == "hefei"


def test_year_with_the_users_own_figures_says_so_once(page, site_url):
    # 青海 2024 is in no notice here; PLANNED supplies 30 + 60 for it.
    page.goto(f"{site_url}calculator/#s={share_data(PLANNED)}")
    wait_for_result(page)
    wait_report(page, "r.years.some(y => y.year === 2024 && y.required_source === 'user')")
    year = page.locator('.calc-year-report[data-year="2024"]')
    year.locator("details.calc-year-more > summary").click()  # where the requirement comes from, folded (issue 11)
    text = year.inner_text()
    assert text.count("自行填写") + text.count("您填写的数字") == 1
