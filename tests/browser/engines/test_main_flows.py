"""Issue 13: the calculator's main flows in Safari's engine (WebKitGTK) and in Firefox ESR, as
they are in Chromium (tests/browser/test_calculator.py, test_keep_work.py, test_print.py run the
full set there): a share link gives the command line's report, editing a number recalculates,
export then import restores the same scenario, the print summary renders."""

from __future__ import annotations

import json
import re
import zlib

import pytest

from ..conftest import ROOT, cpython_report, share_data
from ..test_keep_work import PLANNED

EXAMPLES = [ROOT / "docs" / "examples" / name for name in ("qinghai_2025.json", "hefei_2021.json")]

STATUS = "() => { const s = document.getElementById('result').dataset.status; return s === 'loading' ? null : s; }"
REPORT_WHERE = """() => {
  const text = document.getElementById('result').dataset.report;
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
