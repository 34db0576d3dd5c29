"""Issue 11's three records, played end to end as a person would, on a 375 px phone and on a
1280 px desktop: from the home page (as if arriving from a link in a bureau notice) to the answer,
its next step, and the printed 自查表. Every interaction is counted (Hands): a tap or click 1, a
choice from a list 1, typing 1 to reach the field plus one per character typed. On the phone the
answer must come within 40 interactions and, after following #result-jump, the answer and its next
step must be on the first screen. The counts are written to test-artifacts/interaction-counts.json
and must be the ones docs/calculator/guide.md gives; screenshots of each finished page are kept in
test-artifacts/ (three-records-<record>-<day>-<width>.png).

Each record is played on two days (issue 19: the verdict depends on the day, the page passes the
device's date): the browser's clock shows 2025-07-01 (2025's hours can still be taken) or
2026-12-07 (the 2025 applications are over); calc's answers for both days are in
tests/test_three_records.py.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from .conftest import ROOT, START_TIMEOUT_MS
from .helpers import printed_summary, wait_report
from .test_print import sheets

sys.path.insert(0, str(ROOT / "tests"))
from three_records import ENGINEER_GRID, NURSE_GRID, TEACHER_GRID  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts"
COUNTS = ARTIFACTS / "interaction-counts.json"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
LIMIT = 40
IN_2025 = "2025-07-01"  # 2025's hours can still be taken
NOW = "2026-12-07"  # the 2025 applications are over
DAY_WORDS = {IN_2025: "2025-07-01", NOW: "2026-12-07"}


class Hands:
    """What a person does, counted."""

    def __init__(self, page):
        self.page = page
        self.count = 0
        self.log: list[str] = []

    def note(self, n: int, what: str) -> None:
        self.count += n
        self.log.append(f"{n} {what}")

    def tap(self, locator, what: str) -> None:
        locator.click()
        self.note(1, what)

    def choose(self, locator, value: str, what: str) -> None:
        if locator.input_value() == value:
            return  # already so: nothing to do
        locator.select_option(value)
        self.note(1, what)

    def type(self, locator, text: str, what: str, reach: str = "tap") -> None:
        """Reach the field (a tap, or the keyboard's next key) and type: a pre-filled field is
        selected on focus, so typing replaces what was there."""
        if reach == "tap":
            locator.click()
        else:
            self.page.keyboard.press("Tab")
        self.page.keyboard.type(text)
        self.note(1 + len(text), f"{what}: {text}")

    def date(self, locator, iso: str, what: str) -> None:
        """A date: reached with a tap and typed as its eight digits (19730501, one of the forms
        the date field takes as a person in China writes them)."""
        digits = iso.replace("-", "")
        self.type(locator, digits, what)


def new_page(browser, viewport, day: str = IN_2025):
    """A person's browser on `day` (its clock fixed at noon of that day)."""
    context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=viewport["width"] < 600,
                                  has_touch=viewport["width"] < 600)
    context.clock.set_fixed_time(f"{day}T12:00:00")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return context, page


def arrive(hands: Hands, site_url: str, region: str) -> None:
    """From the home page to the calculator, the region chosen: the home page starts with a
    button per region, each opening the calculator for it (issue 21)."""
    page = hands.page
    page.goto(site_url)
    hands.tap(page.locator(f'.home-regions a[href="calculator/?policy={region}"]'), "地区")
    page.wait_for_selector("#add-year:not([disabled])", timeout=START_TIMEOUT_MS)
    assert page.input_value("#policy") == region


def apply_for(hands: Hands, type_: str, level: str, year: int) -> None:
    page = hands.page
    hands.choose(page.locator("#target-fields select[name=type]"), type_, "申报方式")
    hands.choose(page.locator("#target-fields select[name=level]"), level, "申报级别")
    hands.choose(page.locator("#target-fields select[name=year]"), str(year), "申报年度")


def enter_grid(hands: Hands, rows) -> None:
    """The year grid: the application's years are offered as rows; a row's 公需 reached with a
    tap, its 专业 with the keyboard's next key."""
    page = hands.page
    for year, public, professional in rows:
        row = page.locator(f'#year-grid li.calc-grid-row[data-year="{year}"]')
        row.wait_for(timeout=START_TIMEOUT_MS)
        if public is not None:
            hands.type(row.locator("input[name=public]"), str(public), f"{year}年公需")
        if professional is not None:
            reach = "next" if public is not None else "tap"
            hands.type(row.locator("input[name=professional]"), str(professional), f"{year}年专业", reach=reach)


def add_card(hands: Hands, kind: str) -> object:
    page = hands.page
    hands.tap(page.locator("#add-activity"), "添加一项")
    card = page.locator("#activity-list > li.calc-activity").last
    hands.choose(card.locator("select[name=kind]"), kind, "类型")
    return card


def see_answer(hands: Hands, phone: bool) -> None:
    """On the phone, follow the bar to the result: the answer and its next step on the first screen."""
    page = hands.page
    if not phone:
        return
    hands.tap(page.locator("#result-jump"), "查看结果")
    page.wait_for_function("() => { const r = document.getElementById('next-step').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }", timeout=START_TIMEOUT_MS)
    for selector in ("#verdict-heading", "#verdict-answer", "#next-step > p"):
        box = page.locator(selector).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], selector


def printed(page, conclusion: str) -> str:
    """The print summary as printed (printed_summary), on one sheet."""
    text = printed_summary(page, conclusion)
    assert sheets(page.pdf(format="A4")) == 1
    return text


def keep(page, name: str, width: int) -> None:
    """The finished page, whole (and on a phone also in screen-sized parts, to be read)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"three-records-{name}-{width}.png"), full_page=True)
    if width < 600:
        height = page.evaluate("() => document.documentElement.scrollHeight")
        for part, top in enumerate(range(0, height, 1600)):
            page.screenshot(path=str(ARTIFACTS / f"three-records-{name}-{width}-part{part + 1}.png"), full_page=True,
                            clip={"x": 0, "y": top, "width": width, "height": min(1600, height - top)})


def record_count(record: str, day: str, width: int, hands: Hands, answer_at: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    counts = json.loads(COUNTS.read_text("utf-8")) if COUNTS.exists() else {}
    counts[f"{record}@{day}@{width}"] = {"answer": answer_at, "total": hands.count, "steps": hands.log}
    COUNTS.write_text(json.dumps(counts, ensure_ascii=False, indent=1), "utf-8")


def finish(page, context, record: str, day: str, width: int, hands: Hands, answer_at: int) -> None:
    """The finished page kept as artifacts, its counts recorded and equal to the guide's, no page error."""
    keep(page, f"{record}-{day}", width)
    record_count(record, day, width, hands, answer_at)
    assert (answer_at, hands.count) == documented(record, day, width)
    assert page.errors == []
    context.close()


def documented(record: str, day: str, width: int) -> tuple[int, int]:
    """The counts docs/calculator/guide.md gives for a record on a day: (to the answer, in all)."""
    text = (ROOT / "docs" / "calculator" / "guide.md").read_text("utf-8")
    label = {"nurse": "青海护师", "engineer": "合肥工程师", "teacher": "呼和浩特教师"}[record]
    device = "手机" if width < 600 else "电脑"
    row = re.search(rf"^\| {label} \| {DAY_WORDS[day]} \| {device} \| (\d+) \| (\d+) \|", text, re.M)
    assert row, f"guide.md has no row for {label} {day} {device}"
    return int(row.group(1)), int(row.group(2))


WIDTHS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
DAYS = [pytest.param(IN_2025, id=IN_2025), pytest.param(NOW, id=NOW)]


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("viewport", WIDTHS)
def test_the_nurse_is_sent_to_the_health_commission(browser, site_url, viewport, day):
    # 青海 153号 六(八): 卫生专业技术人员按省卫生健康委的安排审验 — the answer is the hand-off
    # and its next step, once 职称申报 has asked her industry; the same on both days (the
    # commission judges her hours, whatever the day). The years the general rules look at are
    # offered for her certificates (her hours are computed for reference).
    phone = viewport["width"] < 600
    context, page = new_page(browser, viewport, day)
    hands = Hands(page)
    arrive(hands, site_url, "qinghai")
    apply_for(hands, "review", "senior", 2025)
    hands.choose(page.locator("#target-fields select[name=industry]"), "health", "所在行业")
    wait_report(page, "r.readiness && r.readiness.status === 'industry_rules'")
    answer_at = hands.count + (1 if phone else 0)  # the answer is there: what follows completes the record
    # her hours are her authority's to check: the year grid is folded away, its place says so (issue 21)
    page.wait_for_selector("#year-grid-box", state="hidden")
    assert "0971-8244594" in page.inner_text("#handoff")
    hands.tap(page.locator("#show-grid"), "仍要填写每年的学时")  # she keeps her certificates here all the same
    enter_grid(hands, NURSE_GRID)
    card = add_card(hands, "paper")
    hands.choose(card.locator("select[name=authorship]"), "sole", "作者情况")
    report = wait_report(page, "r.years.some(y => y.year === 2025 && y.professional === 50)")
    see_answer(hands, phone)
    verdict = report["readiness"]
    assert verdict["status"] == "industry_rules"
    assert page.inner_text("#verdict-answer") == "按行业主管部门的规定执行"
    assert "省卫生健康委" in page.inner_text("#next-step") and "0971-8244594" in page.inner_text("#next-step")
    assert "尚缺" not in page.inner_text("#report")
    conclusion = "结论（2025年副高级职称评审）：按行业主管部门的规定执行。下一步：请按省卫生健康委的安排"
    sheet = printed(page, conclusion)
    assert conclusion in sheet  # printed, not only drawn
    assert page.locator("#next-step .calc-recheck").count() == 0  # nothing to check again
    finish(page, context, "nurse", day, viewport["width"], hands, answer_at)
    assert hands.count <= LIMIT or not phone, hands.log


def engineer_on(browser, site_url: str, viewport: dict, day: str, step: str):
    """The engineer's record entered on `day` until the next step `step` is given and (on the phone)
    seen: (context, page, hands, report, the interactions to the answer)."""
    context, page = new_page(browser, viewport, day)
    hands = Hands(page)
    enter_engineer(hands, site_url)
    report = wait_report(page, f"r.readiness && r.readiness.next_step.code === '{step}'")
    see_answer(hands, viewport["width"] < 600)
    return context, page, hands, report, hands.count


def enter_engineer(hands: Hands, site_url: str) -> None:
    """The engineer's record: 2025 中级评审, 任现职 2022, his certificates and the patent."""
    page = hands.page
    arrive(hands, site_url, "hefei")
    apply_for(hands, "review", "intermediate", 2025)
    hands.type(page.locator("#target-fields input[name=tenure_start]"), "2022", "任现职起始年份")
    enter_grid(hands, ENGINEER_GRID)
    card = add_card(hands, "patent")
    hands.type(card.locator("input[name=year]"), "2024", "年度")
    hands.choose(card.locator("select[name=type]"), "invention", "专利类型")
    hands.type(card.locator("input[name=rank]"), "1", "排名")


def add_the_plan(hands: Hands) -> None:
    """The next step taken: the plan's entries, all at once. They are there at once (the same path
    as typing), while the answer is computed again; the buttons are spent, so a second tap adds
    nothing."""
    page = hands.page
    assert page.locator("#next-step .calc-plan-add").count() == 2  # one each, or both at once:
    hands.tap(page.locator("#next-step .calc-plan-all"), "全部添加到计划")
    assert page.locator("#activity-list > li.calc-planned").count() == 2  # no wait: applied in the tap
    assert page.locator("#next-step .calc-plan-all:enabled").count() == 0


@pytest.mark.parametrize("viewport", WIDTHS)
def test_the_engineer_needs_2025_and_plans_it(browser, site_url, viewport):
    # 合肥 五(二): 任现职 from 2022; 四 顺延补学: 2024's surplus fills 2023; 附件3: 发明专利第1名 72;
    # 2025 (the application year) must be met too (rule data readings.window) and is still open
    phone = viewport["width"] < 600
    context, page, hands, report, answer_at = engineer_on(browser, site_url, viewport, IN_2025, "add_hours")
    assert report["readiness"]["status"] == "not_ready"
    assert page.inner_text("#verdict-answer") == "学时条件尚未满足"
    assert "还需2025年补公需科目 30 学时、专业科目 60 学时，才能满足。" in page.inner_text("#next-step")
    made_up = page.locator('.calc-year-report[data-year="2023"] .calc-year-figures').inner_text()
    assert "40 + 补学20 / 60（2024年补入）" in made_up
    # the next step, taken: the plan's entries added as planned
    add_the_plan(hands)
    report = wait_report(page, "r.readiness && r.readiness.verdict_label === '完成计划后可满足'")
    assert report["readiness"]["status"] == "not_ready"  # planned hours are not done hours
    assert page.inner_text("#verdict-answer") == "完成计划后可满足"
    assert page.locator("#activity-list > li.calc-planned").count() == 2
    conclusion = "结论（2025年中级职称评审）：完成计划后可满足"
    sheet = printed(page, conclusion)
    assert conclusion in sheet  # printed, not only drawn
    assert "40 + 补学20 / 60（2024年补入）" in sheet
    assert "计划：尚未完成，不计入上面的学时和结论" in sheet
    year_2025 = [line for line in sheet.splitlines() if line.startswith("2025")][0]
    assert "0/30" in year_2025 and "0/60" in year_2025  # the plan is not counted as done
    finish(page, context, "engineer", IN_2025, viewport["width"], hands, answer_at)
    assert answer_at <= LIMIT or not phone, hands.log


@pytest.mark.parametrize("viewport", WIDTHS)
def test_the_engineer_after_2025_is_told_it_is_over_and_checks_2026_in_one_tap(browser, site_url, viewport):
    # On 2026-12-07 the 2025 application (its date 2025-12-31) is over and 2025 has closed: his
    # record cannot meet it, no 还需2025年补, no plan. The same record for 2026 is one tap away:
    # 2026 is open until 12-31, its own 30 + 60 and 2025's 30 + 60 made up from it (四 顺延补学).
    phone = viewport["width"] < 600
    context, page, hands, report, answer_at = engineer_on(browser, site_url, viewport, NOW, "cannot_add")
    verdict = report["readiness"]
    assert (verdict["status"], verdict["reachable"]) == ("not_ready", False)
    assert page.inner_text("#verdict-answer") == "学时条件不能满足"
    step = page.inner_text("#next-step")
    assert verdict["next_step"]["text"] in step and "2025年已经结束" in step and "还需2025年" not in step
    assert page.locator("#next-step .calc-plan-add").count() == 0
    # the same check for 2026, in one tap: the year set, the date left out, computed at once
    recheck = page.locator("#next-step .calc-recheck")
    assert recheck.inner_text() == verdict["recheck"]["text"] == "按2026年申报再查一次"
    hands.tap(recheck, "按2026年申报再查一次")
    report = wait_report(page, "r.readiness && r.readiness.heading === '职称申报（2026年中级职称评审）'")
    assert page.locator("#target-fields select[name=year]").input_value() == "2026"
    assert report["readiness"]["next_step"]["code"] == "add_hours"
    assert "还需2026年补公需科目 60 学时、专业科目 120 学时，才能满足。" in page.inner_text("#next-step")
    add_the_plan(hands)
    report = wait_report(page, "r.readiness && r.readiness.verdict_label === '完成计划后可满足'")
    assert page.inner_text("#verdict-answer") == "完成计划后可满足"
    saved = json.loads(page.evaluate("() => localStorage.getItem('jxjy-calculator/scenario')"))
    assert saved["target"] == {"type": "review", "level": "intermediate", "year": 2026}
    conclusion = "结论（2026年中级职称评审）：完成计划后可满足"
    sheet = printed(page, conclusion)
    assert conclusion in sheet  # printed, not only drawn
    assert "计划：尚未完成，不计入上面的学时和结论" in sheet
    finish(page, context, "engineer", NOW, viewport["width"], hands, answer_at)
    assert answer_at <= LIMIT or not phone, hands.log


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("viewport", WIDTHS)
def test_the_teacher_gives_her_birth_date_where_the_answer_asks_and_is_ready(browser, site_url, viewport, day):
    # 呼和浩特 三(一): 女满45周岁只需规定学时的1/3 — 49 on 2022-12-31; 二(一): 2020年专业科目不做要求.
    # The same on both days: her 2022 application was met as it stood.
    phone = viewport["width"] < 600
    context, page = new_page(browser, viewport, day)
    hands = Hands(page)
    arrive(hands, site_url, "hohhot")
    apply_for(hands, "review", "senior", 2022)
    enter_grid(hands, TEACHER_GRID)
    report = wait_report(page, "r.years.some(y => y.year === 2022 && y.professional === 20)")
    see_answer(hands, phone)
    verdict = report["readiness"]
    assert verdict["status"] == "unknown" and verdict["next_step"]["code"] == "fill_facts"
    assert page.inner_text("#verdict-heading") + "：" + page.inner_text("#verdict-answer") + "，先填写性别、出生日期" == verdict["headline"]
    assert "尚缺" not in page.inner_text("#report") and "70" not in page.inner_text("#next-step")
    # the facts, given right there
    hands.choose(page.locator("#next-step select[name=gender]"), "female", "性别")
    hands.date(page.locator("#next-step input[name=birth_date]"), "1973-05-01", "出生日期")
    report = wait_report(page, "r.readiness && r.readiness.status === 'ready'")
    assert report["dates"]["person.birth_date"] == {"value": "1973-05-01", "text": "1973年5月1日"}
    # the date is typed as text: the answer waits for the focus to leave the field (report.js), so
    # she taps beside it (the answer's heading) to read it
    hands.tap(page.locator("#verdict-heading"), "回答")
    page.wait_for_function("() => document.getElementById('verdict-answer').textContent === '学时条件已满足'",
                           timeout=10_000)
    answer_at = hands.count
    # the 职称申报 section shows the same facts
    assert page.locator("#target-fields select[name=gender]").input_value() == "female"
    for year in (2020, 2022):
        assert "减免后达标" in page.inner_text(f'.calc-year-report[data-year="{year}"] h3')
    assert "未达标" not in page.inner_text("#result-jump-text")
    conclusion = "结论（2022年副高级职称评审）：学时条件已满足"
    sheet = printed(page, conclusion)
    assert conclusion in sheet  # printed, not only drawn
    assert "10/10" in sheet and "20/20" in sheet and "减免后达标" in sheet
    assert page.locator("#next-step .calc-recheck").count() == 0
    finish(page, context, "teacher", day, viewport["width"], hands, answer_at)
    assert hands.count <= LIMIT or not phone, hands.log


# The answer, as drawn, is the report's: its verdict, the window's years and what is counted.
ANSWER_IS_THE_REPORTS = """() => {
  const text = document.getElementById('result').dataset.report;
  const box = document.querySelector('#report > .calc-readiness');
  if (!text || !box) return false;
  const r = JSON.parse(text).readiness;
  return document.getElementById('result').dataset.status === 'ready'
    && document.getElementById('verdict-answer').textContent === r.verdict_label
    && box.querySelector(':scope > p.calc-hint').textContent === r.window_text
    && document.querySelector('#next-step > p').textContent.endsWith(r.next_step.text);
}"""


@pytest.mark.parametrize("viewport", WIDTHS)
def test_the_nurse_under_the_general_rules_fills_the_years_and_sees_the_answer_as_she_types(browser, site_url, viewport):
    """The next step's fields, right there: the unknown years' requirements; filled, the verdict
    is decided (issue 11: applying the suggested action changes the verdict as promised). Issue 21
    point 2: she tabs through them with the keyboard, and after every calculation the verdict, the
    window's badges and the next step are the new report's, while the focus stays in the field she
    is typing in — no click outside needed."""
    context, page = new_page(browser, viewport, IN_2025)
    hands = Hands(page)
    arrive(hands, site_url, "qinghai")
    apply_for(hands, "review", "senior", 2025)
    hands.choose(page.locator("#target-fields select[name=industry]"), "general", "所在行业")
    enter_grid(hands, NURSE_GRID)
    card = add_card(hands, "paper")
    hands.choose(card.locator("select[name=authorship]"), "sole", "作者情况")
    report = wait_report(page, "r.readiness && r.readiness.next_step.code === 'fill_requirements'")
    see_answer(hands, viewport["width"] < 600)
    # 2022 has no hours: no requirement of 人社部令第25号 (每年不少于90学时) could be met with none
    assert report["readiness"]["headline"].endswith("无法判断，先填写2020、2023、2024年的要求")
    assert "尚缺" not in page.inner_text("#report")
    page.locator('#next-step .calc-next-year[data-year="2020"] input[name=public]').click()
    for year in (2020, 2023, 2024):
        for name, figure in (("public", "30"), ("professional", "60")):
            field = f'#next-step .calc-next-year[data-year="{year}"] input[name={name}]'
            assert page.evaluate("(f) => document.activeElement === document.querySelector(f)", field)
            page.keyboard.type(figure)
            # the report of this keystroke: the year's figures half given (an error), then the user's
            wait_report(page, f"r.errors.some(e => e.field === 'requirements.{year}.professional')" if name == "public"
                        else f"r.years.some(y => y.year === {year} && y.required_source === 'user')")
            page.wait_for_function(ANSWER_IS_THE_REPORTS, timeout=START_TIMEOUT_MS)
            # still in the field typed in, with what was typed
            assert page.evaluate("(f) => document.activeElement === document.querySelector(f)", field)
            assert page.input_value(field) == figure
            if (year, name) != (2024, "professional"):
                page.keyboard.press("Tab")
    report = wait_report(page, "r.readiness && r.readiness.status === 'ready'")
    page.wait_for_function(ANSWER_IS_THE_REPORTS, timeout=START_TIMEOUT_MS)
    assert page.inner_text("#verdict-answer") == "学时条件已满足"
    # the focus never left the last field: the next step asks nothing more, the field stays until it does
    assert page.evaluate("() => document.activeElement.name") == "professional"
    # 2020, 2021, 2023 and 2024 met (2022 has no hours, 2025 is 10 专业 short): four, as needed
    assert report["readiness"]["years_counted"] == [2020, 2021, 2023, 2024]
    assert page.errors == []
    context.close()
