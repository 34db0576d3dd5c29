"""Issue 21, "The answer follows the person", points 4–7, in Chromium as a person meets them:

4. health staff in 青海 are handed to their authority: the year grid folds away, calc's words and
   next step stand in its place, the authority's number is a tel: link;
5. a way in on a phone: the home page starts with a button per region (from the build's
   catalogue), and the calculator opened with no region asks for it first (data-status waiting);
6. small things: a new card is not told it has no kind before it was touched; no rule id and no
   negative make-up line in the details; 删除 buttons of 44 px; a compare card says why it cannot
   decide; a refused import takes the earlier 已导入 notice away; the desktop has its navigation;
7. dates typed as people in China write them, read back in calc's words beside the field.
(Point 7 in WebKitGTK and Firefox: tests/browser/engines/test_main_flows.py.)
"""

from __future__ import annotations

import json

import pytest

import calc

from .conftest import START_TIMEOUT_MS, TODAY, browser_report, cpython_report, wait_for_result
from .helpers import open_scenario, saved_scenario, wait_report

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = [pytest.param(PHONE, id="375"), pytest.param(DESKTOP, id="1280")]
MESSAGES = calc.site_catalogue()["vocabulary"]["messages"]


@pytest.fixture()
def sized(browser, request):
    """A page of a fresh context at the viewport given by the test's `viewport` parameter."""
    viewport = request.param if hasattr(request, "param") else DESKTOP
    context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=viewport["width"] < 600,
                                  has_touch=viewport["width"] < 600)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


# ---- 4: handed to the authority -------------------------------------------------------------------

NURSE = {"version": 1, "policy": "qinghai", "activities": [{"kind": "public_course", "year": 2025, "hours": 30}],
         "target": {"type": "review", "level": "senior", "year": 2025}}


def test_health_staff_in_qinghai_are_told_what_their_authority_needs_and_the_grid_folds_away(page, site_url):
    open_scenario(page, site_url, NURSE)
    assert page.locator("#year-grid-box").is_visible() and page.locator("#handoff").is_hidden()
    page.select_option("#target-fields select[name=industry]", "health")
    report = wait_report(page, "r.readiness && r.readiness.status === 'industry_rules'")
    step, contact = report["readiness"]["next_step"]["text"], report["readiness"]["contact"]
    assert contact == {"name": "省卫健委科教处", "phone": "0971-8244594"}
    # the grid is folded away; calc's words and next step stand in its place
    page.wait_for_selector("#year-grid-box", state="hidden")
    assert page.inner_text("#handoff-text") == MESSAGES["handoff_grid"]
    assert page.inner_text("#handoff-step") == f"下一步：{step}"
    # the authority's number is a link a phone dials, in the fold and in the answer
    for where in ("#handoff-step", "#next-step"):
        link = page.locator(f"{where} a[href^='tel:']")
        assert link.inner_text() == "0971-8244594" and link.get_attribute("href") == "tel:09718244594"
    # what was entered is kept, folded: opened again, it is all there
    page.click("#show-grid")
    assert page.locator("#year-grid-box").is_visible() and page.locator("#show-grid").is_hidden()
    assert page.locator('#year-grid li[data-year="2025"] input[name=public]').input_value() == "30"
    # with the years the report lists (those the general rules would look at) as rows to fill in
    rows = page.locator("#year-grid li.calc-grid-row").evaluate_all("rows => rows.map(r => r.dataset.year)")
    assert rows == [str(y["year"]) for y in report["years"]] == [str(y) for y in range(2020, 2026)]
    assert page.locator("#year-grid input[name=public]").first.evaluate("e => e === document.activeElement")
    # another industry: the general rules judge the years, the grid is shown as usual
    page.select_option("#target-fields select[name=industry]", "general")
    wait_report(page, "r.readiness && r.readiness.status !== 'industry_rules'")
    page.wait_for_selector("#handoff", state="hidden")
    assert page.locator("#year-grid-box").is_visible()
    assert saved_scenario(page)["person"] == {"industry": "general"}
    assert page.errors == []


# ---- 5: a way in -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sized", WIDTHS, indirect=True)
def test_the_home_page_starts_with_a_button_per_region(sized, site_url):
    page = sized
    page.goto(site_url)
    buttons = page.locator(".md-content .home-regions a.md-button")
    policies = calc.site_catalogue()["policies"]
    assert buttons.all_inner_texts() == [p["label"] for p in policies]
    hrefs = [buttons.nth(i).get_attribute("href") for i in range(buttons.count())]
    assert hrefs == [f"calculator/?policy={p['id']}" for p in policies]
    height = page.viewport_size["height"]
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box["height"] >= 44 and box["y"] + box["height"] <= height, (i, box)  # on the first screen, a finger's size
    page.click(".home-regions a[href='calculator/?policy=weihai']")
    page.wait_for_url("**/calculator/?policy=weihai")
    assert wait_for_result(page) == "ready"
    assert browser_report(page)["policy"] == "weihai" and page.input_value("#policy") == "weihai"
    assert page.errors == []


@pytest.mark.parametrize("sized", WIDTHS, indirect=True)
def test_the_calculator_asks_the_region_first_and_computes_nothing_until_then(sized, site_url):
    page = sized
    page.goto(f"{site_url}calculator/")
    page.wait_for_selector("#region-choice .calc-region-button")
    result = page.locator("#result")
    assert result.get_attribute("data-status") == "waiting"
    labels = [p["label"] for p in calc.site_catalogue()["policies"]]
    assert page.locator("#region-choice .calc-region-button").all_inner_texts() == labels
    # the parts that need a region are out of sight; the region's select too
    for part in ("#target", "#years", "#activities", "#policy", "#compare-box"):
        assert page.locator(part).is_hidden(), part
    assert page.locator("#result-waiting").is_visible()
    # Python is ready, and still nothing is computed: there is nothing to compute
    page.wait_for_function("() => !document.getElementById('compare').disabled", timeout=START_TIMEOUT_MS)
    assert result.get_attribute("data-status") == "waiting" and result.get_attribute("data-report") is None
    assert saved_scenario(page) is None
    for i in range(len(labels)):
        assert page.locator("#region-choice .calc-region-button").nth(i).bounding_box()["height"] >= 44
    page.click("#region-choice [data-policy=hohhot]")
    assert wait_for_result(page) == "ready"
    assert browser_report(page)["policy"] == "hohhot" and page.input_value("#policy") == "hohhot"
    assert page.locator("#target").is_visible() and page.locator("#region-choice").is_hidden()
    # remembered: opened again, the calculator is on the region chosen, without asking
    page.reload()
    assert wait_for_result(page) == "ready"
    assert page.input_value("#policy") == "hohhot" and page.locator("#region-choice").is_hidden()
    assert page.errors == []


def test_a_link_that_cannot_be_opened_says_so_above_the_regions(page, site_url):
    page.goto(f"{site_url}calculator/#s=***")  # damaged, and nothing saved to show instead
    assert wait_for_result(page) == "error"
    page.wait_for_selector("#region-choice .calc-region-button")
    assert page.get_attribute("#result", "data-status") == "error"  # the link's error stands
    assert "分享链接" in page.inner_text("#result-error")
    page.click("#region-choice [data-policy=weihai]")
    page.wait_for_function("() => document.getElementById('result').dataset.status === 'ready'", timeout=START_TIMEOUT_MS)
    assert browser_report(page)["policy"] == "weihai" and page.locator("#result-error").is_hidden()


def test_forgetting_everything_before_a_region_is_chosen_still_asks_for_it(page, site_url):
    page.goto(f"{site_url}calculator/")
    page.wait_for_selector("#region-choice .calc-region-button")
    # of the saved work's section, only what brings a region is offered: an import, the history
    for button in ("#export-file", "#make-share", "#print-button", "#start-over"):
        assert page.locator(button).is_hidden(), button
    assert page.locator("label[for=import-file]").is_visible()
    page.locator("#history summary").click()
    page.click("#forget-all")
    page.get_by_role("button", name="确认删除").click()
    page.wait_for_function("() => document.getElementById('notice').textContent.includes('已删除')")
    assert page.get_attribute("#result", "data-status") == "waiting"
    assert page.locator("#region-choice").is_visible() and page.locator("#target").is_hidden()
    assert saved_scenario(page) is None


# ---- 6: small things -------------------------------------------------------------------------------

def test_a_new_card_is_not_told_it_has_no_kind_before_it_was_touched(page, site_url):
    page.goto(f"{site_url}calculator/?policy=hefei")
    assert wait_for_result(page) == "ready"
    page.click("#add-activity")
    card = page.locator("#activity-list > [data-activity]").last
    # calc says it (the entry has no kind), the page does not say it yet: the kind select has the focus
    wait_report(page, "r.errors.some(e => e.code === 'kind_missing')")
    assert card.locator("select[name=kind]").evaluate("e => e === document.activeElement")
    assert card.locator(".calc-activity-errors li").count() == 0
    assert "没有选择活动类型" not in page.inner_text("#report")
    # moving within the card is still not leaving it
    card.locator("input[name=year]").focus()
    assert card.locator(".calc-activity-errors li").count() == 0
    # left without a kind: now it is said, under the card and in the result
    page.locator("#activities legend").click()
    page.wait_for_function("() => document.getElementById('report').textContent.includes('没有选择活动类型')")
    assert "没有选择活动类型" in card.locator(".calc-activity-errors").inner_text()
    assert page.errors == []


MADE_UP = {"version": 1, "policy": "hefei", "activities": [
    {"kind": "organised_training", "year": 2023, "hours": 40}, {"kind": "organised_training", "year": 2024, "hours": 90}]}


def test_the_details_show_no_rule_id_and_no_negative_make_up(page, site_url):
    # 合肥 四 顺延补学: 2024's 30 hours above 60 fill 2023's 20
    report = open_scenario(page, site_url, MADE_UP)
    assert report == cpython_report(MADE_UP)
    for year in page.locator("#report details.calc-year-more > summary").all():
        year.click()  # every year's details, and in them every line's clause and table, opened
    for more in page.locator("#report details.calc-line-more > summary").all():
        more.click()
    moved = page.locator('.calc-year-report[data-year="2024"] .calc-line[data-rule="hefei/make_up"]')
    assert moved.locator(".calc-line-head strong").inner_text() == "专业科目 20学时补入2023年"
    assert page.locator("#report details.calc-line-more[open]").count() == 4  # 40, 90, the make-up in and out
    assert page.locator("#report :is(.calc-year-more, .calc-line-more):not([open])").count() == 0
    text = page.inner_text("#report")
    assert "-20" not in text and "规则编号" not in text and "hefei/" not in text


@pytest.mark.parametrize("sized", WIDTHS, indirect=True)
def test_delete_buttons_are_a_fingers_size(sized, site_url):
    page = sized
    open_scenario(page, site_url, {**MADE_UP, "activities": MADE_UP["activities"] + [{"kind": "paper", "year": 2024, "authorship": "sole"}],
                                   "requirements": {"2020": {"public": 30, "professional": 60}}})
    page.locator("#requirements summary").click()
    buttons = page.locator("#calc-form button.calc-remove")
    assert buttons.count() >= 3  # a grid row's, a card's, a requirement's
    for i in range(buttons.count()):
        buttons.nth(i).scroll_into_view_if_needed()
        assert buttons.nth(i).bounding_box()["height"] >= 44, buttons.nth(i).get_attribute("aria-label")


TEACHER = {"version": 1, "policy": "hohhot", "activities": [
    {"kind": "public_course", "year": 2020, "hours": 20}, {"kind": "public_course", "year": 2021, "hours": 30},
    {"kind": "professional_course", "year": 2021, "hours": 60}, {"kind": "public_course", "year": 2022, "hours": 10},
    {"kind": "professional_course", "year": 2022, "hours": 20}], "target": {"type": "review", "level": "senior", "year": 2022}}


def test_a_compare_card_that_cannot_decide_says_why(page, site_url):
    open_scenario(page, site_url, TEACHER)
    page.click("#compare")
    page.wait_for_selector(".calc-cmp-card", timeout=START_TIMEOUT_MS)
    expected = json.loads(calc.compare_json(json.dumps(TEACHER), TODAY))
    undecided = [r for r in expected["regions"] if r["report"]["readiness"]["status"] == "unknown"]
    assert {r["policy"] for r in undecided} >= {"hohhot", "qinghai"}
    for region in expected["regions"]:
        card = page.locator(f'.calc-cmp-card[data-policy="{region["policy"]}"]')
        step = region["report"]["readiness"]["next_step"]
        shown = card.locator(".calc-cmp-step")
        if step["code"] == "none":
            assert shown.count() == 0
        else:
            assert shown.inner_text() == f"下一步：{step['text']}"
    # 青海 无法判断: its card says on what it turns
    assert "无法判断" in page.locator('.calc-cmp-card[data-policy="qinghai"]').inner_text()
    assert "227号" in page.locator('.calc-cmp-card[data-policy="qinghai"] .calc-cmp-step').inner_text()


def test_a_refused_import_takes_the_earlier_imported_notice_away(page, site_url):
    page.goto(f"{site_url}calculator/?policy=hefei")
    assert wait_for_result(page) == "ready"
    page.set_input_files("#import-file", files=[{"name": "good.json", "mimeType": "application/json",
                                                 "buffer": json.dumps(MADE_UP).encode()}])
    page.wait_for_function("() => document.getElementById('notice').textContent.includes('已导入')")
    page.set_input_files("#import-file", files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": "不是 JSON {".encode()}])
    page.wait_for_function("() => document.getElementById('file-message').textContent.includes('notes.txt')")
    assert page.locator("#notice").is_hidden() and "已导入" not in page.inner_text("#calc-form")
    assert saved_scenario(page) == MADE_UP  # the refused file changed nothing


@pytest.mark.parametrize("sized", WIDTHS, indirect=True)
def test_the_desktop_calculator_has_the_sites_navigation(sized, site_url):
    page = sized
    page.goto(f"{site_url}calculator/?policy=qinghai")
    nav = page.locator(".md-sidebar--primary")
    if page.viewport_size["width"] >= 1220:  # Material shows its navigation beside the page from 76.25em
        assert nav.is_visible()
        assert nav.locator("a[href$='regions/qinghai/']").is_visible()
        # and the form and the result still stand side by side
        form, result = page.locator("#calc-form").bounding_box(), page.locator("#result").bounding_box()
        assert result["x"] >= form["x"] + form["width"] and form["width"] >= 400
    else:  # in the drawer, off the screen behind the menu button
        box = nav.bounding_box()
        assert box is None or box["x"] + box["width"] <= 0, box
    wait_for_result(page)


# ---- 7: dates as people write them ---------------------------------------------------------------------

BIRTH = "#target-fields input[name=birth_date]"
READ = "#target-fields .calc-date-read[data-date-read='person.birth_date']"


@pytest.mark.parametrize("typed, text", [
    ("1973-05-01", "1973年5月1日"), ("1973/5/1", "1973年5月1日"), ("1973.5.1", "1973年5月1日"), ("19730501", "1973年5月1日"),
    ("1973年5月1日", "1973年5月1日"), ("1973年5月", "1973年5月"), ("1973-05", "1973年5月"),
])
def test_a_birth_date_is_typed_as_people_write_it_and_read_back_in_words(page, site_url, typed, text):
    open_scenario(page, site_url, TEACHER)
    field = page.locator(BIRTH)
    assert field.get_attribute("type") == "text" and field.get_attribute("inputmode") == "decimal"
    assert page.inner_text(READ) == MESSAGES["month_forms"]  # nothing typed: the forms it takes
    field.fill(typed)
    report = wait_report(page, "r.dates && r.dates['person.birth_date']")
    assert report["dates"]["person.birth_date"]["text"] == text
    page.wait_for_function("(t) => document.querySelector(\"" + READ + "\").textContent === t", arg=f"读作：{text}")
    scenario = saved_scenario(page)
    assert scenario["person"]["birth_date"] == typed  # kept as typed
    assert report == cpython_report(scenario)


def test_a_date_that_cannot_be_read_is_named_and_loses_nothing(page, site_url):
    open_scenario(page, site_url, TEACHER)
    page.locator(BIRTH).fill("1973-02-30")
    report = wait_report(page, "r.errors.some(e => e.field === 'person.birth_date')")
    (error,) = [e for e in report["errors"] if e["field"] == "person.birth_date"]
    assert "1973年2月没有30日" in error["message"]
    page.wait_for_function("(t) => document.querySelector(\"" + READ + "\").textContent === t", arg=error["message"])
    assert page.get_attribute(READ, "data-state") == "error"
    # everything else is as entered, and the typed text is kept
    assert saved_scenario(page) == {**TEACHER, "person": {"birth_date": "1973-02-30"}}
    page.reload()
    wait_for_result(page)
    assert page.input_value(BIRTH) == "1973-02-30"
    page.wait_for_function("(t) => document.querySelector(\"" + READ + "\").textContent === t", arg=error["message"])


def test_the_application_date_is_typed_the_same_way(page, site_url):
    open_scenario(page, site_url, TEACHER)
    date = page.locator("#target-fields input[name=date]")
    assert date.get_attribute("type") == "text"
    date.fill("2022.6.1")
    report = wait_report(page, "r.dates && r.dates['target.date']")
    assert report["dates"]["target.date"] == {"value": "2022-06-01", "text": "2022年6月1日"}
    page.wait_for_function("() => document.querySelector(\"#target-fields [data-date-read='target.date']\").textContent === '读作：2022年6月1日'")
    assert saved_scenario(page)["target"]["date"] == "2022.6.1"
