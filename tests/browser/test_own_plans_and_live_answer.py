"""Issue 21, points 1-3, and issue 19's verdict on the page.

1. The person's own plans: each cell of the year grid and each card of a year that can still take
   hours (the report's years[].open) has a 计划中 switch; planned hours are counted, shown and
   printed apart, as the planner's are; one tap marks them done.
2. The answer is redrawn in place after every calculation (the three records' general-rules nurse
   tabs through the next step's fields: tests/browser/test_three_records.py).
3. 添加到计划 applies at once and once; while Python is busy only the newest edit is computed, each
   answer watched on its own (steady typing never trips the 30-second watch); #result says
   `computing` while a recalculation is pending.
Issue 19: MESSAGES.how_decided folded beside the verdict, an application whose date is over
checked again for the current year in one tap (`recheck`), confirm_reading's words alone, the
calendar's 已过 from the report's deadlines[].passed.
"""

from __future__ import annotations

import json
import sys

import pytest

from calc.vocabulary import MESSAGES

from .conftest import NOON, ROOT, cpython_report, share_data, wait_for_result
from .helpers import add_activity, open_scenario, printed_summary, saved_scenario, wait_report
from .test_engine_failures import serve_worker
from .test_keep_work import PLANNED
from .test_print import sheets

sys.path.insert(0, str(ROOT / "tests"))
from three_records import engineer, grid  # noqa: E402

IN_2025 = "2025-07-01"
NOW = "2026-12-07"


def on_day(browser, day: str, width: int = 1280):
    """A page whose clock shows noon of `day` (calc's verdicts depend on it)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    context.clock.set_fixed_time(f"{day}T12:00:00")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return context, page


def year_of(report: dict, year: int) -> dict:
    (found,) = [y for y in report["years"] if y["year"] == year]
    return found


# ---- 1 the person's own plans ----------------------------------------------------------------


def test_a_grid_cell_of_an_open_year_is_planned_in_one_tap_and_done_in_one_more(page, site_url):
    # the engineer will take 公需 30 + 专业 60 in 2025 (still open on 2025-07-01): his own plan
    open_scenario(page, site_url, engineer())
    row = page.locator('#year-grid li.calc-grid-row[data-year="2025"]')
    assert row.locator(".calc-grid-plan:visible").count() == 2
    for year in (2022, 2023, 2024):  # over: nothing to plan there
        assert page.locator(f'#year-grid li.calc-grid-row[data-year="{year}"] .calc-grid-plan:visible').count() == 0
    row.locator("input[name=public]").fill("30")
    row.locator("input[name=professional]").fill("60")
    wait_report(page, "r.years.some(y => y.year === 2025 && y.public === 30 && y.professional === 60)")
    row.locator(".calc-grid-plan-public").click()
    row.locator(".calc-grid-plan-professional").click()
    # (the first tap's report already says 完成计划后可满足: wait for both)
    report = wait_report(page, "r.years.some(y => y.year === 2025 && y.planned && y.planned.professional === 60)")
    assert report["readiness"]["verdict_label"] == "完成计划后可满足"
    y2025 = year_of(report, 2025)
    assert (y2025["public"], y2025["professional"]) == (0, 0)  # planned hours are never counted as done
    assert y2025["planned"] == {"public": 30, "professional": 60, "total": 90}
    assert report["readiness"]["status"] == "not_ready" and report["readiness"]["after_plan"]["status"] == "ready"
    # shown apart: the cells stay in the grid, marked, with the year's plan in calc's words
    assert page.locator("#activity-list > li.calc-activity").count() == 1  # the patent only: no card made
    assert row.locator("input.calc-cell-planned").count() == 2
    assert y2025["planned_text"] in row.locator(".calc-grid-state").inner_text()
    kinds = grid("hefei", [(2025, 30, 60)])
    assert [a for a in saved_scenario(page)["activities"] if a["year"] == 2025] == [{**a, "planned": True} for a in kinds]
    # printed apart, as the planner's entries are
    conclusion = "结论（2025年中级职称评审）：完成计划后可满足"
    sheet = printed_summary(page, conclusion)
    assert conclusion in sheet  # printed, not only drawn
    year_2025 = [line for line in sheet.splitlines() if line.startswith("2025")][0]
    assert "0/30" in year_2025 and "0/60" in year_2025
    planned = page.locator("#print-summary table.calc-print-planned").inner_text()
    assert "公需科目" in planned and "专业科目" in planned
    assert sheets(page.pdf(format="A4")) == 1
    # kept as planned across a reload
    page.reload()
    wait_for_result(page)
    row = page.locator('#year-grid li.calc-grid-row[data-year="2025"]')
    assert row.locator("input[name=public-planned]").is_checked()
    # done: one tap
    row.locator(".calc-grid-plan-public").click()
    report = wait_report(page, "r.years.some(y => y.year === 2025 && y.public === 30)")
    assert year_of(report, 2025)["planned"]["public"] == 0
    assert "planned" not in [a for a in saved_scenario(page)["activities"] if a["kind"] == kinds[0]["kind"] and a["year"] == 2025][0]
    assert page.errors == []


def test_a_switch_set_on_an_empty_cell_plans_the_hours_typed_into_it(page, site_url):
    open_scenario(page, site_url, engineer())
    row = page.locator('#year-grid li.calc-grid-row[data-year="2025"]')
    row.locator(".calc-grid-plan-professional").click()
    row.locator("input[name=professional]").fill("60")
    report = wait_report(page, "r.years.some(y => y.year === 2025 && y.planned && y.planned.professional === 60)")
    assert year_of(report, 2025)["professional"] == 0


def test_a_card_of_an_open_year_is_planned_and_done_in_one_tap_each(page, site_url):
    open_scenario(page, site_url, engineer())
    patent = page.locator('#activity-list > [data-activity="6"]')  # after the six cells of the grid
    assert patent.locator(".calc-plan-switch").is_hidden()  # 2024 is over
    add_activity(page, "self_study", 2025, hours=10)
    card = page.locator('#activity-list > [data-activity="7"]')
    wait_report(page, "r.years.some(y => y.year === 2025 && y.professional === 10)")
    card.locator(".calc-plan-switch").click()  # the switch's label: one tap
    assert "calc-planned" in card.get_attribute("class")
    report = wait_report(page, "r.years.some(y => y.year === 2025 && y.planned && y.planned.professional === 10)")
    assert year_of(report, 2025)["professional"] == 0
    assert saved_scenario(page)["activities"][7]["planned"] is True
    assert "计划" in card.locator(".calc-activity-credit").inner_text()
    card.get_by_text("已经完成（计入学时）").click()  # done: one tap
    wait_report(page, "r.years.some(y => y.year === 2025 && y.professional === 10)")
    assert "planned" not in saved_scenario(page)["activities"][7]
    assert card.locator(".calc-plan-switch").is_visible() and not card.locator("input[name=planned]").is_checked()


# ---- 3 添加到计划 at once and once; one calculation at a time --------------------------------------


def test_add_to_plan_applies_at_once_and_a_second_tap_adds_nothing(page, site_url):
    open_scenario(page, site_url, engineer())
    tapped = page.evaluate("""() => {
      const all = document.querySelector('#next-step .calc-plan-all');
      all.click();
      all.click();  // a double tap, before the new answer
      return {
        planned: document.querySelectorAll('#activity-list > li.calc-planned').length,
        status: document.getElementById('result').dataset.status,
      };
    }""")
    assert tapped == {"planned": 2, "status": "computing"}  # there at once; the answer on its way
    report = wait_report(page, "r.readiness && r.readiness.verdict_label === '完成计划后可满足'")
    assert page.get_attribute("#result", "data-status") == "ready"
    assert len([a for a in saved_scenario(page)["activities"] if a.get("planned")]) == 2
    assert year_of(report, 2025)["planned"] == {"public": 30, "professional": 60, "total": 90}
    assert page.evaluate("() => document.activeElement.id") == "verdict-answer"  # the answer that changed


# The worker, with a gate before each calculation that the test opens (Python "busy" for as long
# as the test holds it), and what it received and computed.
GATE = """
const computeNow = evaluate;
let openGate = null;
self.__hold = false;
self.__received = [];
self.__computed = [];
self.__release = () => { const open = openGate; openGate = null; if (open) open(); return !!open; };
self.__held = () => new Promise((resolve) => { const t = setInterval(() => { if (openGate) { clearInterval(t); resolve(true); } }, 5); });
self.addEventListener("message", (event) => { if (event.data && event.data.type === "evaluate") self.__received.push(event.data.id); });
evaluate = async (text, call, today) => {
  if (self.__hold) await new Promise((resolve) => { openGate = resolve; });
  self.__computed.push(JSON.parse(text).activities[0].hours);
  return computeNow(text, call, today);
};
"""


@pytest.fixture()
def gated(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    serve_worker(context, lambda code: code + GATE)
    yield context
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def test_while_python_is_busy_only_the_newest_edit_is_computed_and_each_answer_is_watched_alone(gated, site_url):
    page = gated.new_page()
    page.clock.install(time=NOON)  # the answer watch's clock, moved on by the test
    page.goto(f"{site_url}calculator/#s={share_data(PLANNED)}")
    assert wait_for_result(page) == "ready"
    worker = page.workers[0]
    worker.evaluate("self.__hold = true; self.__received.length = 0; self.__computed.length = 0")
    hours = page.locator('#activity-list > [data-activity="0"] input[name=hours]')
    hours.fill("21")
    worker.evaluate("self.__held()")  # Python is computing the first edit
    assert page.get_attribute("#result", "data-status") == "computing"
    for typed in ("22", "23", "24", "25"):  # steady typing while it is busy
        hours.fill(typed)
        page.wait_for_function("(want) => localStorage.getItem('jxjy-calculator/scenario').includes(want)",
                               arg=f'"hours":{typed}')
    assert worker.evaluate("self.__received.length") == 1  # the page holds the newest, sends nothing more
    assert page.get_attribute("#result", "data-status") == "computing"
    # 20 s for the first answer, 20 s for the next: 40 s in all, no answer late
    page.clock.fast_forward("00:20")
    assert worker.evaluate("self.__release()")
    worker.evaluate("self.__held()")  # the newest edit, sent once the first was answered
    page.clock.fast_forward("00:20")
    assert page.get_attribute("#result", "data-error") is None
    worker.evaluate("self.__hold = false; self.__release()")
    report = wait_report(page, "r.years.some(y => y.year === 2025 && y.public === 25)")
    assert worker.evaluate("self.__computed") == [21, 25]  # 22, 23 and 24 were outdated: never computed
    expected = json.loads(json.dumps(PLANNED))
    expected["activities"][0]["hours"] = 25
    assert report == cpython_report(expected)
    assert page.get_attribute("#result", "data-status") == "ready"
    assert page.get_attribute("#result", "data-error") is None


# ---- issue 19: the verdict's fields on the page ------------------------------------------------


def test_how_the_verdict_is_decided_is_folded_beside_it(page, site_url):
    open_scenario(page, site_url, engineer(tenure_start=None))
    fold = page.locator("#report .calc-readiness details.calc-how-decided")
    assert fold.get_attribute("open") is None
    fold.locator("summary").click()
    assert fold.locator("p").inner_text() == MESSAGES["how_decided"]  # calc's sentence, as it is


def test_an_application_whose_date_is_over_is_checked_again_for_this_year_in_one_tap(browser, site_url):
    context, page = on_day(browser, NOW)
    record = engineer()
    record["target"]["date"] = "2025-11-30"
    open_scenario(page, site_url, record)
    report = json.loads(page.get_attribute("#result", "data-report"))
    assert report["readiness"]["next_step"]["code"] == "cannot_add"
    page.locator("#next-step .calc-recheck").click()
    report = wait_report(page, "r.readiness && r.readiness.heading === '职称申报（2026年中级职称评审）'")
    assert saved_scenario(page)["target"] == {"type": "review", "level": "intermediate", "year": 2026}  # the date dropped
    assert report == cpython_report(saved_scenario(page), NOW)
    assert page.locator("#target-fields select[name=year]").input_value() == "2026"
    assert page.locator("#target-fields input[name=date]").count() == 0 or page.input_value("#target-fields input[name=date]") == ""
    assert page.errors == []
    context.close()


def test_a_reading_to_confirm_is_said_in_calcs_words_alone(page, site_url):
    # 呼和浩特 三(一) “规定学时的1/3”: per category 2021 is short, of the total it is met
    record = {"version": 1, "policy": "hohhot", "person": {"gender": "male", "birth_date": "1970-03-01"},
              "activities": grid("hohhot", [(2020, 10, 0), (2021, 0, 30), (2022, 10, 20)]),
              "target": {"type": "review", "level": "intermediate", "year": 2022}}
    report = open_scenario(page, site_url, record)
    step = report["readiness"]["next_step"]
    assert step["code"] == "confirm_reading"
    assert page.inner_text("#next-step") == f"下一步：{step['text']}"
    assert page.locator("#next-step .calc-next-fields").count() == 0


def test_the_calendar_takes_passed_from_the_report(browser, site_url):
    context, page = on_day(browser, "2025-12-15")
    record = {"version": 1, "policy": "qinghai", "activities": [{"kind": "public_course", "year": 2025, "hours": 30}],
              "target": {"type": "review", "level": "intermediate", "year": 2025}}
    report = open_scenario(page, site_url, record)
    passed = {d["date"] for d in report["deadlines"] if d["passed"]}
    assert "2025-12-10" in passed and "2025-12-20" not in passed
    box = page.locator(".calc-planner details.calc-calendar-box")
    box.locator("summary").click()
    items = box.locator("ul.calc-cal-list > li").all()
    assert len(items) == len([d for d in report["deadlines"] if d["date"].startswith("2025")])
    for item in items:
        assert ("（已过）" in item.inner_text()) == (item.locator("time").get_attribute("datetime") in passed)
    assert box.locator("td.calc-cal-today").inner_text().startswith("15")  # the report's today
    context.close()
