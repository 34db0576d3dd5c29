"""Issue 13: the calculator's main flows in Safari's engine (WebKitGTK) and in Firefox ESR, as
they are in Chromium (tests/browser/test_calculator.py, test_keep_work.py, test_print.py run the
full set there): a share link gives the command line's report, editing a number recalculates,
export then import restores the same scenario, the print summary renders. Issue 21's main flows
too (tests/browser/test_own_plans_and_live_answer.py and test_three_records.py in Chromium): a
cell of the year grid planned and done in one tap each, the answer redrawn as its own fields are
typed in (the focus staying there), 添加到计划 applied at once."""

from __future__ import annotations

import json
import re
import sys
import zlib

import pytest

from ..conftest import ROOT, cpython_report, share_data
from ..test_keep_work import PLANNED

sys.path.insert(0, str(ROOT / "tests"))
from three_records import engineer, nurse  # noqa: E402

EXAMPLES = [ROOT / "docs" / "examples" / name for name in ("qinghai_2025.json", "hefei_2021.json")]

STATUS = "() => { const s = document.getElementById('result')?.dataset.status; return !s || s === 'loading' ? null : s; }"
REPORT_WHERE = """() => {
  const text = document.getElementById('result')?.dataset.report;
  if (!text) return null;
  const r = JSON.parse(text);
  return (PREDICATE) ? text : null;
}"""
SAVED = "() => localStorage.getItem('jxjy-calculator/scenario')"


def open_share(engine, site_url, scenario) -> tuple[str, dict]:
    engine.goto(f"{site_url}calculator/#s={share_data(scenario)}")
    status = engine.wait_for(STATUS)
    return status, json.loads(engine.run("() => document.getElementById('result').dataset.report"))


def report_where(engine, predicate: str) -> dict:
    """Wait until the report in #result satisfies a JS predicate over `r` (the parsed report)."""
    return json.loads(engine.wait_for(REPORT_WHERE.replace("PREDICATE", predicate)))


def pdf_sheets(pdf: bytes) -> int:
    """Pages of a PDF, also where the page objects sit in compressed object streams (Firefox)."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return sum(len(re.findall(rb"/Type\s*/Page\b(?!s)", part)) for part in parts)


def with_first_hours(hours: int) -> dict:
    scenario = json.loads(json.dumps(PLANNED))
    scenario["activities"][0]["hours"] = hours
    return scenario


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_share_link_report_equals_the_command_line(engine, site_url, path):
    scenario = json.loads(path.read_text("utf-8"))
    status, report = open_share(engine, site_url, scenario)
    assert status == "ready", engine.run("() => document.getElementById('result-error').textContent")
    assert report == cpython_report(scenario)


def test_editing_a_number_recalculates(engine, site_url):
    status, report = open_share(engine, site_url, PLANNED)
    assert report == cpython_report(PLANNED)
    engine.fill('#activity-list > [data-activity="0"] input[name=hours]', "12")
    after = report_where(engine, "r.years.some(y => y.year === 2025 && y.public === 12)")
    assert after == cpython_report(with_first_hours(12))
    assert json.loads(engine.run(SAVED)) == with_first_hours(12)


CAPTURE_EXPORT = """() => {
  // The export's file, kept here instead of being downloaded.
  window.__exported = null;
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => { blob.text().then((t) => { window.__exported = t; }); return make.call(URL, blob); };
  document.addEventListener('click', (e) => { if (e.target.download) e.preventDefault(); }, true);
  return true;
}"""


def test_export_then_import_restores_the_scenario(engine, site_url, tmp_path):
    status, first = open_share(engine, site_url, PLANNED)
    engine.run(CAPTURE_EXPORT)
    engine.click("#export-file")
    exported = engine.wait_for("() => window.__exported")
    assert json.loads(exported) == PLANNED
    path = tmp_path / "exported.json"
    path.write_text(exported, "utf-8")

    engine.run("() => localStorage.clear()")
    engine.goto(f"{site_url}calculator/?policy=hefei")
    assert engine.wait_for(STATUS) == "ready"
    engine.upload("#import-file", path)
    report = report_where(engine, "r.policy === 'qinghai'")
    assert report == first == cpython_report(PLANNED)
    assert json.loads(engine.run(SAVED)) == PLANNED
    assert engine.run("() => document.querySelectorAll('#activity-list > [data-activity]').length") == len(PLANNED["activities"])


def test_print_summary_renders(engine, site_url):
    open_share(engine, site_url, PLANNED)
    text = engine.wait_for(
        "() => { const t = document.getElementById('print-summary').innerText || '';"
        " return t.includes('非官方自查') ? t : null; }")
    engine.run("() => { window.dispatchEvent(new Event('beforeprint')); return true; }")
    assert re.search(r"生成日期：\d{4}年\d{1,2}月\d{1,2}日", text)
    assert "结论（" in text and "最少还需补" in text
    rows = engine.run("() => [...document.querySelectorAll('#print-summary table')[0].querySelectorAll('tbody tr')]"
                      ".map((tr) => tr.innerText.trim().slice(0, 4))")
    assert rows == ["2024", "2025"]
    assert "结业证书" in engine.run("() => document.querySelectorAll('#print-summary table')[1].innerText")
    # Printed, it is one sheet (Firefox prints over BiDi; WebKitWebDriver has no print command,
    # so in WebKitGTK the summary is checked as drawn, above)
    if engine.can_print:
        assert pdf_sheets(engine.pdf()) == 1


# ---- issue 21: own plans, the answer as it is typed, 添加到计划 at once --------------------------

GRID_2025 = '#year-grid li.calc-grid-row[data-year="2025"]'


def planned_in_2025(public: int, planned: bool) -> dict:
    """The engineer with 公需 `public` typed into his 2025 row, planned or done."""
    scenario = engineer()
    entry = {"kind": "public_course", "year": 2025, "hours": public}
    scenario["activities"].append({**entry, "planned": True} if planned else entry)
    return scenario


def test_own_plan_in_the_year_grid_and_done_in_one_tap(engine, site_url):
    open_share(engine, site_url, engineer())
    engine.fill(f"{GRID_2025} input[name=public]", "30")
    report_where(engine, "r.years.some(y => y.year === 2025 && y.public === 30)")
    engine.click(f"{GRID_2025} .calc-grid-plan-public input")  # 计划中: one tap
    after = report_where(engine, "r.years.some(y => y.year === 2025 && y.planned && y.planned.public === 30)")
    assert after == cpython_report(planned_in_2025(30, True))
    assert json.loads(engine.run(SAVED)) == planned_in_2025(30, True)
    engine.click(f"{GRID_2025} .calc-grid-plan-public input")  # done: one tap
    after = report_where(engine, "r.years.some(y => y.year === 2025 && y.public === 30)")
    assert after == cpython_report(planned_in_2025(30, False))


# The report of what was typed (`expected`, the command line's) is in, the answer drawn is that
# report's (verdict, window, next step), and the focus is still in the field `selector`.
ANSWER_AS_TYPED = """(selector, expected) => {
  const text = document.getElementById('result').dataset.report;
  const box = document.querySelector('#report > .calc-readiness');
  if (!text || !box || document.getElementById('result').dataset.status !== 'ready') return false;
  const report = JSON.parse(text);
  if (JSON.stringify(report) !== JSON.stringify(expected)) return false;
  const r = report.readiness;
  return document.getElementById('verdict-answer').textContent === r.verdict_label
    && box.querySelector(':scope > p.calc-hint').textContent === r.window_text
    && document.querySelector('#next-step > p').textContent.endsWith(r.next_step.text)
    && document.activeElement === document.querySelector(selector);
}"""


def test_the_answer_is_redrawn_as_its_fields_are_typed_in(engine, site_url):
    record = nurse(industry="general")
    open_share(engine, site_url, record)
    report_where(engine, "r.readiness && r.readiness.next_step.code === 'fill_requirements'")
    requirements = {}
    for year in (2020, 2023, 2024):
        for name, figure in (("public", 30), ("professional", 60)):
            selector = f'#next-step .calc-next-year[data-year="{year}"] input[name={name}]'
            engine.fill(selector, str(figure))
            requirements.setdefault(str(year), {})[name] = figure
            expected = cpython_report({**record, "requirements": requirements})
            engine.wait_for(ANSWER_AS_TYPED, selector, expected)
    assert expected["readiness"]["status"] == "ready"


def test_add_to_plan_applies_at_once(engine, site_url):
    open_share(engine, site_url, engineer())
    report_where(engine, "r.readiness && r.readiness.next_step.code === 'add_hours'")
    engine.click("#next-step .calc-plan-all")
    assert engine.run("() => document.querySelectorAll('#activity-list > li.calc-planned').length") == 2
    after = report_where(engine, "r.readiness && r.readiness.verdict_label === '完成计划后可满足'")
    planned = engineer()
    planned["activities"] += [need["suggestion"]["activity"] for need in cpython_report(engineer())["readiness"]["plan"]["years"][0]["needs"]]
    assert after == cpython_report(planned)
    assert json.loads(engine.run(SAVED)) == planned


BORN = {"version": 1, "policy": "hohhot", "person": {"gender": "female", "birth_date": "1973-05-01"},
        "activities": [{"kind": "public_course", "year": 2022, "hours": 10}, {"kind": "professional_course", "year": 2022, "hours": 20}],
        "target": {"type": "review", "level": "senior", "year": 2022}}
BIRTH = "#target-fields input[name=birth_date]"
READ_BACK = """() => {
  const read = document.querySelector("#target-fields [data-date-read='person.birth_date']");
  return read && read.dataset.state === 'read' ? read.textContent : null;
}"""


def test_a_birth_date_is_typed_as_written_in_china_and_read_back(engine, site_url):
    """Issue 21 point 7: an <input type=date> follows the browser's locale (WebKitGTK without a
    Chinese one showed 月/日/年, and a stored 1973-05-01 typed there became 0001-12-05); the field
    is text, the same in every engine, read by calc's one date reader and read back in words."""
    status, report = open_share(engine, site_url, BORN)
    assert status == "ready" and report == cpython_report(BORN)
    assert engine.run(f"() => document.querySelector('{BIRTH}').type") == "text"
    assert engine.run(f"() => document.querySelector('{BIRTH}').value") == "1973-05-01"
    assert engine.wait_for(READ_BACK) == "读作：1973年5月1日"
    engine.fill(BIRTH, "1973.5")  # 出生年月: a year and month, with the point a phone's keypad has
    typed = {**BORN, "person": {"gender": "female", "birth_date": "1973.5"}}
    after = report_where(engine, "r.dates['person.birth_date'] && r.dates['person.birth_date'].value === '1973-05'")
    assert after == cpython_report(typed)
    assert engine.wait_for(READ_BACK) == "读作：1973年5月"
    assert json.loads(engine.run(SAVED)) == typed  # kept as typed
def test_batch_import_flow(engine, site_url, tmp_path):
    """单位批量自查 (issue 23): a GBK CSV as a spreadsheet program saves it, then an .xlsx with date
    cells, each given to the page's file input; the table is calc's batch result for the file."""
    from tests.unit_staff import csv_text, staff

    from ..test_batch_page import ROWS, dated_workbook, expected_rows

    sheets = staff(12, seed=4)
    files = {"人员.csv": csv_text(sheets["人员"], "gbk"), "人员.xlsx": dated_workbook(sheets)}
    engine.goto(f"{site_url}batch/")
    engine.wait_for("() => !document.getElementById('batch-file').disabled")  # as a person waits for the button
    for run, (name, data) in enumerate(files.items(), start=1):
        path = tmp_path / name
        path.write_bytes(data)
        engine.upload("#batch-file", path)
        status = engine.wait_for(
            "(run) => { const b = document.getElementById('batch');"
            " return Number(b.dataset.run || 0) >= run && ['done', 'refused', 'error'].includes(b.dataset.status) ? b.dataset.status : null; }",
            run, timeout=180)
        assert status == "done", engine.run("() => [document.getElementById('batch').dataset.error, document.getElementById('batch-message').textContent]")
        shown = engine.run(ROWS)
        expected = expected_rows(data, name)[0]
        assert [{k: v for k, v in row.items() if k != "link"} for row in shown] == expected
